"""Drafts, the ID-card QR scan, the last dossier of a known ID, guidance, refusal and lookup in the tab."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox
from sqlalchemy import func, select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import CounterEvent, Dossier
from onestop_desktop.services.intake import drafts as intake_drafts
from onestop_desktop.services.intake import outcomes
from onestop_desktop.ui.intake import dialogs, pdfs
from onestop_desktop.ui.intake.tab import IntakeTab
from onestop_desktop.ui.intake.widgets import parse_id_qr
from tests.helpers import type_text

QR = "075090001234|271234567|Nguyễn Văn An|15031990|Nam|Ấp 3, Xuân Bắc, Xuân Lộc, Đồng Nai|01072021"


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    calls: list[tuple[Path, str]] = []
    monkeypatch.setattr(pdfs, "open_pdf", lambda _parent, path, title: calls.append((path, title)))
    return calls


def make_tab(qtbot: Any, ctx: Any) -> IntakeTab:
    w = IntakeTab(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    return w


def test_parse_id_qr() -> None:
    before, card = parse_id_qr("abc" + QR) or ("", None)
    assert before == "abc" and card is not None
    assert card.full_name == "Nguyễn Văn An" and card.birth_date.year == 1990
    assert card.issued.isoformat() == "2021-07-01"
    assert parse_id_qr(QR.replace("|271234567|", "||")) is not None  # old number may be empty
    assert parse_id_qr(QR[:-1]) is None
    assert parse_id_qr("075090001234|x|y|99999999|Nam|z|01072021") is None  # impossible date


def test_qr_scan_fills_applicant_from_any_field(qtbot: Any, app_context: Any, opened: list) -> None:
    tab = make_tab(qtbot, app_context)
    phone = tab.form.edits["phone"]
    phone.setFocus()
    type_text(phone, "09")
    type_text(phone, QR)  # the scanner types into whichever field has the focus
    assert tab.form.edits["applicant_name"].text() == "Nguyễn Văn An"
    assert tab.form.edits["citizen_id"].text() == "075090001234"
    assert tab.form.edits["street"].text() == "Ấp 3, Xuân Bắc, Xuân Lộc, Đồng Nai"
    assert phone.text() == "09"
    assert tab.form.birth_date is not None and tab.form.birth_date.year == 1990
    assert tab.form.birth_label.isVisibleTo(tab)


def test_draft_survives_a_new_tab_on_the_same_database(qtbot: Any, app_context: Any, opened: list) -> None:
    tab = make_tab(qtbot, app_context)
    tab.form.procedure.setFocus()
    type_text(tab.form.procedure, "dang ky ket hon")
    QTest.keyClick(tab.form.procedure, Qt.Key.Key_Return)
    type_text(tab.form.edits["applicant_name"], "Lê Thị Hoa")
    type_text(tab.form.edits["phone"], "0987654321")
    qtbot.waitUntil(lambda: tab.draft.draft_id is not None, timeout=3000)  # saved on its own while typing
    proc = tab.form.procedure.current
    assert proc is not None
    tab.deleteLater()
    again = make_tab(qtbot, app_context)  # a restart: a new tab on the same database
    assert again.drafts.count() == 1
    assert "Lê Thị Hoa" in again.drafts.item(0).text()
    again.drafts.setFocus()
    again.drafts.setCurrentRow(0)
    QTest.keyClick(again.drafts, Qt.Key.Key_Return)
    assert again.form.edits["applicant_name"].text() == "Lê Thị Hoa"
    assert again.form.edits["phone"].text() == "0987654321"
    assert again.form.procedure.current == proc
    assert again.form.documents.rowCount() == len(proc.documents)
    # completing and saving it removes the draft
    type_text(again.form.edits["citizen_id"], "075190001234")
    type_text(again.form.edits["street"], "Khu 1, thị trấn Gia Ray")
    again.save()
    assert again.saved is not None
    with session_scope(app_context.db.factory) as s:
        assert intake_drafts.list_drafts(s, app_context.actor) == []


def test_known_citizen_id_offers_last_dossier(qtbot: Any, app_context: Any, opened: list) -> None:
    with session_scope(app_context.db.factory) as s:
        d = s.scalars(select(Dossier).where(Dossier.citizen_id != "").limit(1)).first()
        assert d is not None
        cid, name = d.citizen_id, d.applicant_name
    tab = make_tab(qtbot, app_context)
    edit = tab.form.edits["citizen_id"]
    edit.setFocus()
    type_text(edit, cid)
    QTest.keyClick(edit, Qt.Key.Key_Tab)
    assert tab.fill_button.isVisibleTo(tab)
    QTest.keyClick(tab.form.edits["phone"], Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert tab.form.edits["applicant_name"].text() == name


def test_guidance_prints_form_02_and_registers_nothing(
    qtbot: Any, app_context: Any, opened: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(qtbot, app_context)
    tab.form.procedure.setFocus()
    type_text(tab.form.procedure, "dang ky khai sinh")
    QTest.keyClick(tab.form.procedure, Qt.Key.Key_Return)
    type_text(tab.form.edits["applicant_name"], "Phạm Thị Lụa")
    tab.form.documents.item(1, 1).setData(Qt.ItemDataRole.EditRole, 0)  # no birth certificate
    monkeypatch.setattr(dialogs.GuidanceDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    with session_scope(app_context.db.factory) as s:
        before = s.scalar(select(func.count(Dossier.id)))
    tab.guidance()
    path, _title = opened[-1]
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Phạm Thị Lụa" in text and "Giấy chứng sinh" in text
    with session_scope(app_context.db.factory) as s:
        assert s.scalar(select(func.count(Dossier.id))) == before
        ev = s.scalars(select(CounterEvent)).one()
        assert ev.kind == "guidance" and ev.missing[0].startswith("Giấy chứng sinh")


def test_refusal_needs_a_reason_then_prints_form_03(
    qtbot: Any, app_context: Any, opened: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(qtbot, app_context)
    tab.form.procedure.setFocus()
    type_text(tab.form.procedure, "cap giay phep xay dung")
    QTest.keyClick(tab.form.procedure, Qt.Key.Key_Return)
    type_text(tab.form.edits["applicant_name"], "Đỗ Văn Đức")
    answers = iter(["", "Công trình thuộc thẩm quyền cấp phép của Sở Xây dựng"])
    calls: list[str] = []

    def fake_exec(self: dialogs.RefusalDialog) -> int:
        try:
            self.reason.setPlainText(next(answers))
        except StopIteration:
            return 0
        calls.append(self.error.text())
        return 1

    monkeypatch.setattr(dialogs.RefusalDialog, "exec", fake_exec)
    tab.refuse()
    assert len(calls) == 2 and calls[1]  # the empty reason was refused with a message
    path, _ = opened[-1]
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Đỗ Văn Đức" in text and "Sở Xây dựng" in text
    with session_scope(app_context.db.factory) as s:
        assert outcomes.count_counter_events(s, "refusal") == 1


def test_lookup_box_finds_partial_code_and_reprints(
    qtbot: Any, app_context: Any, opened: list, monkeypatch: pytest.MonkeyPatch
) -> None:
    tab = make_tab(qtbot, app_context)
    seen: list[int] = []

    def fake_exec(self: dialogs.LookupDialog) -> int:
        seen.append(len(self.rows))
        return 1

    monkeypatch.setattr(dialogs.LookupDialog, "exec", fake_exec)
    tab.lookup.setFocus()
    QTest.keyClicks(tab.lookup, "H19-181024-00")
    QTest.keyClick(tab.lookup, Qt.Key.Key_Return)
    assert seen and seen[0] > 1
    assert opened and "H19-181024-00" in opened[-1][1]
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: seen.append(-1))
    tab.lookup.clear()
    QTest.keyClicks(tab.lookup, "no such thing")
    QTest.keyClick(tab.lookup, Qt.Key.Key_Return)
    assert seen[-1] == -1
