"""The receipt and digitisation: marks only for papers scanned at the counter on the day of receipt, so a
2018 receipt reprints as it was; scans added later to an old dossier from the lookup."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.reports.forms_intake import render_receipt
from onestop_desktop.services.attachments.attach import attach, list_attachments
from onestop_desktop.services.attachments.scans import IncomingFile, prepare
from onestop_desktop.services.intake.receiving import receipt_data
from onestop_desktop.ui.intake import dialogs, pdfs
from onestop_desktop.ui.intake.attach_dialog import AttachScansDialog
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.conftest import login_as
from tests.intake.scan_helpers import drop, jpeg, text_of


def _receipt_text(data: Any) -> str:
    out = io.BytesIO()
    render_receipt(data, out)
    return " ".join(text_of(out.getvalue()).split())  # table cells wrap their words


def _old_dossier(db: Any) -> tuple[int, str, int]:
    with session_scope(db.factory) as s:
        d = s.scalars(select(Dossier).where(Dossier.documents != "[]").order_by(Dossier.id)).first()
        assert d is not None and d.received_at.year == 2018 and d.documents
        return d.id, d.code, len(d.documents)


def test_a_2018_receipt_reprints_unchanged_after_the_dossier_is_scanned_today(
    demo_db: Any, tmp_path: Path
) -> None:
    dossier_id, code, _n = _old_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        before = _receipt_text(receipt_data(s, dossier_id))
    scan = prepare([IncomingFile("a.jpg", jpeg(tmp_path / "a.jpg", 300).read_bytes())])
    with session_scope(demo_db.factory) as s:
        attach(s, login_as(demo_db, "canbo"), code, 1, scan)
    with session_scope(demo_db.factory) as s:
        data = receipt_data(s, dossier_id)
        assert all(d.electronic is None for d in data.documents)
        assert _receipt_text(data) == before
    assert "số hóa" not in before


def test_the_2018_template_marks_the_papers_digitised_at_the_counter(demo_db: Any) -> None:
    dossier_id, _code, n = _old_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        data = receipt_data(s, dossier_id)
    first_only = tuple(replace(d, electronic=(i == 0)) for i, d in enumerate(data.documents))
    text = _receipt_text(replace(data, documents=first_only))
    assert "Mẫu số 01 – Thông tư 01/2018/TT-VPCP" in text
    assert text.count("(đã số hóa)") == 2  # the first paper, on both copies
    assert "Hồ sơ đã được số hóa" not in text or n == 1
    every = tuple(replace(d, electronic=True) for d in data.documents)
    text = _receipt_text(replace(data, documents=every))
    assert text.count("(đã số hóa)") == 2 * n and text.count("Hồ sơ đã được số hóa.") == 2


def test_lookup_attach_scans_adds_them_to_an_old_dossier(
    qtbot: Any, app_context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdfs, "open_pdf", lambda *_a: None)
    _id, code, _n = _old_dossier(app_context.db)
    tab = IntakeTab(app_context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)

    def pick_attach(self: dialogs.LookupDialog) -> int:
        assert self.attach.isEnabled()
        self.attach.click()
        return int(self.result())

    seen: list[str] = []

    def drive(self: AttachScansDialog) -> int:
        table = self.table
        seen.append(self.windowTitle())
        assert table.editTriggers() == table.EditTrigger.NoEditTriggers  # the counts stay as received
        point = table.visualRect(table.model().index(0, 0)).center()
        drop(table.viewport(), [jpeg(tmp_path / "old.jpg", 300)], point)
        assert table.item(0, table.SCAN_COLUMN).text() == "+ 1"
        assert "200 MB" in self.panel.limits_label.text()
        self.attach_button.click()
        return int(self.result())

    monkeypatch.setattr(dialogs.LookupDialog, "exec", pick_attach)
    monkeypatch.setattr(AttachScansDialog, "exec", drive)
    tab.lookup.setText(code)
    tab.run_lookup()
    assert seen and code in seen[0]
    with session_scope(app_context.db.factory) as s:
        assert [(i.document, i.pages) for i in list_attachments(s, code)] == [(1, 1)]


def test_an_attached_line_shows_its_mark_in_the_dialog(qtbot: Any, app_context: Any, tmp_path: Path) -> None:
    dossier_id, code, _n = _old_dossier(app_context.db)
    scan = prepare([IncomingFile("a.jpg", jpeg(tmp_path / "a.jpg", 300).read_bytes())] * 2)
    with session_scope(app_context.db.factory) as s:
        attach(s, app_context.actor, code, 1, scan)
    dialog = AttachScansDialog(app_context, dossier_id, code, _watcher(app_context))
    qtbot.addWidget(dialog)
    mark = dialog.table.item(0, dialog.table.SCAN_COLUMN)
    assert mark.text() == "✔ 2"
    assert "2" in mark.data(Qt.ItemDataRole.AccessibleTextRole)
    assert (
        dialog.table.item(1, dialog.table.SCAN_COLUMN).text() == "" if dialog.table.rowCount() > 1 else True
    )
    dialog.attach()  # nothing added: says so, saves nothing
    assert dialog.panel.status.text()


def _watcher(ctx: Any) -> Any:
    from onestop_desktop.ui.intake.scanner_folder import ScannerWatcher

    return ScannerWatcher(ctx.tasks)
