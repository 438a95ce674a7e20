"""Stopping a dossier in the tracking tab prints the stop notice (Mẫu 05, Thông tư 03/2025) from 15/9/2025."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QMessageBox

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.paths import forms_dir
from onestop_desktop.ui.tracking import actions
from onestop_desktop.ui.tracking.dialogs import NoteDialog
from onestop_desktop.ui.tracking.tab import TrackingTab
from tests.helpers import type_text
from tests.tracking.test_tab import _select_first, _status

S = DossierStatus
REASON = "Công dân đề nghị dừng giải quyết hồ sơ"


def _flat(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(p.extract_text() for p in PdfReader(path).pages))


def _stop_through_the_dialog(  # type: ignore[no-untyped-def]
    app_context, qtbot, monkeypatch: pytest.MonkeyPatch, now: datetime
) -> tuple[TrackingTab, int, list[str], list[tuple[Path, str]]]:
    """Select a dossier, click "stop", type the reason in the real dialog, press OK, confirm."""
    tab = TrackingTab(app_context, now=lambda: now)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    labels: list[str] = []
    pdfs: list[tuple[Path, str]] = []

    def run(dialog: NoteDialog) -> int:
        dialog.show()
        label = dialog.form.labelForField(dialog.text)
        assert isinstance(label, QLabel)
        labels.append(label.text())
        type_text(dialog.text, REASON)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        return int(dialog.result())

    monkeypatch.setattr(NoteDialog, "exec", run)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(actions, "open_pdf", lambda _p, path, title: pdfs.append((Path(path), title)))
    dossier_id = _select_first(tab, S.PROCESSING)
    button = tab.details.buttons["stop"]
    assert button.isEnabled()
    button.click()
    return tab, dossier_id, labels, pdfs


def test_the_stop_action_prints_and_offers_the_stop_notice(  # type: ignore[no-untyped-def]
    app_context, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    now = datetime(2026, 11, 17, 9, 0)
    tab, dossier_id, labels, pdfs = _stop_through_the_dialog(app_context, qtbot, monkeypatch, now)
    assert labels == ["Lý do dừng giải quyết (in trên thông báo, mẫu 05)"]
    assert _status(tab, dossier_id) == int(S.STOPPED)
    with session_scope(tab.ctx.db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        code, name = d.code, d.applicant_name
        stop = [e for e in d.events if e.action == "stop"]
        assert [e.note for e in stop] == [REASON] and isinstance(stop[0], DossierEvent)
    assert pdfs == [(forms_dir() / f"mau05-{code}.pdf", "Thông báo dừng giải quyết hồ sơ (mẫu 05)")]
    text = _flat(pdfs[0][0])
    assert "Mẫu số 05 – Thông tư 03/2025/TT-VPCP" in text and "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ" in text
    assert f"Mã hồ sơ: {code}" in text and name in text
    assert f"Lý do dừng giải quyết: {REASON}" in text
    assert "kể từ 09 giờ 00 phút, ngày 17/11/2026" in text


def test_a_stop_before_15_9_2025_prints_nothing(app_context, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    tab, dossier_id, labels, pdfs = _stop_through_the_dialog(
        app_context, qtbot, monkeypatch, datetime(2025, 9, 14, 15, 0)
    )
    assert labels == ["Lý do"]
    assert _status(tab, dossier_id) == int(S.STOPPED)  # stopped all the same
    assert pdfs == []
    assert not list(forms_dir().glob("mau05-*.pdf"))
