"""The intake tab driven with the keyboard only, as a clerk at the counter would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.domain.codes import parse_dossier_code
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.ui.intake import pdfs
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.helpers import type_text

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, str]]:
    """The PDF preview is modal: record what would have opened instead."""
    calls: list[tuple[Path, str]] = []
    monkeypatch.setattr(pdfs, "open_pdf", lambda _parent, path, title: calls.append((path, title)))
    return calls


@pytest.fixture
def tab(qtbot: Any, app_context: Any, opened: Any) -> IntakeTab:
    w = IntakeTab(app_context)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.form.procedure.setFocus()
    return w


def focused() -> Any:
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def key(k: Qt.Key, mod: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(focused(), k, mod)


def fill_by_keyboard(tab: IntakeTab) -> None:
    """Procedure by its unaccented name, then every field in the paper form's order."""
    type_text(focused(), "dang ky khai sinh")
    key(Qt.Key.Key_Return)  # best match taken, focus moves on
    assert tab.form.procedure.current is not None
    assert tab.form.procedure.current.name == "Đăng ký khai sinh"
    assert focused() is tab.form.edits["applicant_name"]
    type_text(focused(), "nguyễn văn an")
    key(Qt.Key.Key_Tab)
    type_text(focused(), "075090001234")
    key(Qt.Key.Key_Tab)
    type_text(focused(), "0912 345 678")
    key(Qt.Key.Key_Tab)
    key(Qt.Key.Key_Tab)  # no e-mail
    assert focused() is tab.form.unit.lineEdit() or focused() is tab.form.unit
    type_text(focused(), "xuan bac")
    key(Qt.Key.Key_Tab)
    if tab.form.unit.view().isVisible():  # the completer's popup may hold the first Tab
        key(Qt.Key.Key_Tab)
    type_text(focused(), "Ấp Bình Hòa")


def test_keyboard_only_intake_saves_dossier_and_receipt(
    tab: IntakeTab, opened: list, app_context: Any
) -> None:
    fill_by_keyboard(tab)
    assert tab.form.unit_code() == "26428"
    assert tab.form.blockers() == {}
    assert tab.blockers_label.text() == "Đủ thông tin, có thể lưu."
    assert "#b00020" not in tab.blockers_label.styleSheet()  # "ready" was shown in error red
    key(Qt.Key.Key_S, CTRL)
    assert tab.saved is not None, tab.blockers_label.text()
    code = tab.saved.registered.code
    parts = parse_dossier_code(code)
    assert code.startswith("000.00.32.H19-")
    assert len(code.rsplit("-", 1)[1]) == 4
    with session_scope(app_context.db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None
        assert d.applicant_name == "Nguyễn Văn An"
        assert d.citizen_id == "075090001234"
        assert d.phone == "0912345678"
        assert d.address == "Ấp Bình Hòa, xã Xuân Bắc, tỉnh Đồng Nai"  # received today: the 2025 commune
        assert d.status == 2
        assert parts.day == d.received_at.date()
        assert len(d.documents) == 3  # today's checklist: no household book since 1/1/2023
        assert not any("hộ khẩu" in x["name"].lower() for x in d.documents)
        assert d.procedure_version_id is not None
        events = s.scalars(select(DossierEvent).where(DossierEvent.dossier_id == d.id)).all()
        assert [e.action for e in events] == ["accept"]
        assert events[0].to_status == 2
        expected = catalogue.working_calendar(s).due(d.received_at, 0, TimeUnit.WORKING_DAYS)
        assert d.due_at == expected.due
        assert d.due_at.hour == 17
        received, due = d.received_at, d.due_at
    assert len(opened) == 1
    path, title = opened[0]
    assert code in title
    text = "\n".join(page.extract_text() for page in PdfReader(path).pages)
    assert "Nguyễn Văn An" in text
    assert code in text
    assert "GIẤY TIẾP NHẬN HỒ SƠ" in text
    assert fmt_date(due) in text and fmt_date(received) in text
    assert "Đăng ký khai sinh" in text
    # Ctrl+S again does not register twice; Ctrl+P reopens the receipt
    key(Qt.Key.Key_S, CTRL)
    key(Qt.Key.Key_P, CTRL)
    assert len(opened) == 2
    with session_scope(app_context.db.factory) as s:
        assert s.scalar(select(func.count()).where(Dossier.citizen_id == "075090001234")) == 1


def test_new_dossier_for_same_applicant(tab: IntakeTab, qtbot: Any) -> None:
    fill_by_keyboard(tab)
    key(Qt.Key.Key_S, CTRL)
    first = tab.saved
    assert first is not None
    key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert tab.saved is None
    assert tab.form.edits["applicant_name"].text() == "Nguyễn Văn An"
    assert tab.form.procedure.current is None
    assert focused() is tab.form.procedure
    type_text(focused(), "chung thuc ban sao tu ban chinh")
    key(Qt.Key.Key_Return)
    assert tab.form.procedure.current is not None
    key(Qt.Key.Key_S, CTRL)
    assert tab.saved is not None and tab.saved.registered.code != first.registered.code
    key(Qt.Key.Key_N, CTRL)
    assert tab.form.edits["applicant_name"].text() == ""


def test_invalid_form_never_saves(tab: IntakeTab, app_context: Any) -> None:
    with session_scope(app_context.db.factory) as s:
        before = s.scalar(select(func.count(Dossier.id)))
    key(Qt.Key.Key_S, CTRL)  # empty form
    assert tab.saved is None
    assert "Cannot" in tab.blockers_label.text() or "Chưa" in tab.blockers_label.text()
    fill_by_keyboard(tab)
    tab.form.edits["citizen_id"].selectAll()
    tab.form.edits["citizen_id"].setFocus()
    type_text(focused(), "07509000123😀")
    key(Qt.Key.Key_S, CTRL)
    assert tab.saved is None
    assert tab.form.boxes["citizen_id"].message.isVisible()
    assert focused() is tab.form.edits["citizen_id"]
    with session_scope(app_context.db.factory) as s:
        assert s.scalar(select(func.count(Dossier.id))) == before


def test_escape_clears_after_confirmation(tab: IntakeTab, monkeypatch: pytest.MonkeyPatch) -> None:
    type_text(focused(), "dang ky ket hon")
    key(Qt.Key.Key_Return)
    type_text(focused(), "trần thị bình")
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    key(Qt.Key.Key_Escape)
    assert (
        tab.form.edits["applicant_name"].text() == "Trần Thị Bình"
        or tab.form.edits["applicant_name"].text() == "trần thị bình"
    )
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    key(Qt.Key.Key_Escape)
    assert tab.form.edits["applicant_name"].text() == ""
    assert tab.form.procedure.current is None


FIVE = [
    "dang ky khai tu",
    "chung thuc chu ky",
    "dang ky ho kinh doanh",
    "cap giay phep xay dung",
    "dang ky ket hon",
]


def test_five_dossiers_with_the_keyboard_alone(tab: IntakeTab, opened: list, app_context: Any) -> None:
    codes = []
    for query in FIVE:
        key(Qt.Key.Key_N, CTRL)
        assert focused() is tab.form.procedure
        type_text(focused(), query)
        key(Qt.Key.Key_Return)
        assert tab.form.procedure.current is not None, query
        type_text(focused(), "trần thị bích")
        for text in ("075190001234", "0987654321", ""):
            key(Qt.Key.Key_Tab)
            type_text(focused(), text)
        key(Qt.Key.Key_Tab)
        type_text(focused(), "gia ray")
        key(Qt.Key.Key_Tab)
        if tab.form.unit.view().isVisible():
            key(Qt.Key.Key_Tab)
        type_text(focused(), "Khu 2")
        key(Qt.Key.Key_S, CTRL)
        assert tab.saved is not None, tab.blockers_label.text()
        codes.append(tab.saved.registered.code)
    assert len(set(codes)) == 5 and len(opened) == 5
    with session_scope(app_context.db.factory) as s:
        rows = s.scalars(select(Dossier).where(Dossier.code.in_(codes))).all()
        assert {d.procedure.name for d in rows} == {tab.form.procedure.matches(q)[0].name for q in FIVE}
        # "gia ray", the former township, leads to the commune that took it over on 1/7/2025
        assert all(d.address.endswith("Khu 2, xã Xuân Lộc, tỉnh Đồng Nai") for d in rows)


@pytest.mark.parametrize(
    ("field", "text", "saved"),
    [
        ("applicant_name", "A" * 150, False),  # too long
        ("applicant_name", "Nguyễn 😀", False),  # emoji
        ("phone", "０９１２３４５６７８", True),  # full-width digits: the usual 0912345678
        ("phone", "0801234567", False),  # a mobile prefix no network holds
        ("applicant_name", "Nguye\u0302\u0303n Va\u0306n An", True),  # NFD typed: stored NFC
    ],
)
def test_widget_level_odd_inputs(
    tab: IntakeTab, app_context: Any, field: str, text: str, saved: bool
) -> None:
    fill_by_keyboard(tab)
    edit = tab.form.edits[field]
    edit.clear()
    edit.setFocus()
    type_text(edit, text)
    key(Qt.Key.Key_S, CTRL)
    assert (tab.saved is not None) is saved
    if saved:
        with session_scope(app_context.db.factory) as s:
            d = s.scalar(select(Dossier).where(Dossier.code == tab.saved.registered.code))
            assert d is not None and d.applicant_name == "Nguyễn Văn An"
    else:
        assert tab.form.boxes[field].message.isVisible()
