"""The supplement request: tick papers of the dossier's own checklist, add free text; both reach form 02."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.ui.tracking import actions
from onestop_desktop.ui.tracking.dialogs import SupplementDialog
from onestop_desktop.ui.tracking.tab import TrackingTab
from tests.helpers import type_text
from tests.tracking.test_tab import _select_first, _status

S = DossierStatus
EXTRA = "Ảnh 4x6 chụp trong 6 tháng gần nhất"


def test_ticked_papers_and_free_text_become_the_request(  # type: ignore[no-untyped-def]
    app_context, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = TrackingTab(app_context, now=lambda: datetime(2026, 11, 17, 9, 0))
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    offered: list[list[str]] = []
    pdfs: list[Path] = []

    def run(dialog: SupplementDialog) -> int:
        dialog.show()
        papers = dialog.papers
        offered.append([papers.item(i).text() for i in range(papers.count())])
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.click()  # nothing ticked, nothing written: refused at the dialog
        assert dialog.error.text() == "Hãy đánh dấu giấy tờ còn thiếu hoặc ghi rõ nội dung cần bổ sung."
        papers.setFocus()
        papers.setCurrentRow(papers.count() - 1)
        qtbot.keyClick(papers, Qt.Key.Key_Space)  # the keyboard ticks the last paper
        type_text(dialog.text, EXTRA)
        ok.click()
        return int(dialog.result())

    monkeypatch.setattr(SupplementDialog, "exec", run)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(actions, "open_pdf", lambda _p, path, _t: pdfs.append(Path(path)))
    dossier_id = _select_first(tab, S.PROCESSING)
    with session_scope(tab.ctx.db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        checklist = [doc["name"] for doc in d.documents]
    tab.details.buttons["request-supplement"].click()
    assert offered == [checklist] and checklist
    assert _status(tab, dossier_id) == int(S.WAITING_SUPPLEMENT)
    with session_scope(tab.ctx.db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        note = [e.note for e in d.events if e.action == "request-supplement"][0]
    assert note.splitlines()[:2] == [checklist[-1], EXTRA]
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(pdfs[0]).pages))
    assert re.sub(r"\s+", " ", checklist[-1]) in text and EXTRA in text
