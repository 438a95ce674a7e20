"""The commune box offers the units of the receipt day; former names lead to their successors."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from onestop_desktop.clock import today_local
from onestop_desktop.services.catalogue import units
from onestop_desktop.ui.intake.form import IntakeFormWidget
from tests.helpers import type_text

TODAY = date(2026, 12, 2)
XL = "xã Xuân Lộc, tỉnh Đồng Nai"


@pytest.fixture
def form(qtbot: Any, app_context: Any) -> IntakeFormWidget:
    with app_context.session() as s:
        book = units.address_book(s)
    w = IntakeFormWidget()
    qtbot.addWidget(w)
    w.set_units(book)
    w.set_receipt_day(TODAY)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    w.unit.setFocus()
    return w


def offered(form: IntakeFormWidget) -> list[str]:
    return [form.unit.itemText(i) for i in range(1, form.unit.count())]


def popup_rows(form: IntakeFormWidget) -> list[str]:
    return list(form.unit._model.stringList()) if form.unit._completer.popup().isVisible() else []


def keyboard() -> QWidget:
    """Where a real keyboard's keys go: the open completer popup, else the focused field."""
    w = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert w is not None
    return w


def test_a_2026_receipt_offers_the_2025_communes_without_district(form: IntakeFormWidget) -> None:
    assert offered(form) == [
        "xã Xuân Đông, tỉnh Đồng Nai",
        XL,
        "xã Xuân Bắc, tỉnh Đồng Nai",
        "xã Xuân Thành, tỉnh Đồng Nai",
        "xã Xuân Hòa, tỉnh Đồng Nai",
        "xã Xuân Phú, tỉnh Đồng Nai",
        "xã Xuân Định, tỉnh Đồng Nai",
    ]
    assert not any("huyện" in label for label in offered(form))


def test_a_2018_receipt_still_offers_the_2018_communes(form: IntakeFormWidget) -> None:
    form.set_receipt_day(date(2018, 10, 24))
    labels = offered(form)
    assert len(labels) == 15
    assert labels[0] == "thị trấn Gia Ray, huyện Xuân Lộc, tỉnh Đồng Nai"
    assert "xã Xuân Bắc, huyện Xuân Lộc, tỉnh Đồng Nai" in labels
    assert XL not in labels
    type_text(form.unit.lineEdit(), "gia ray")
    assert popup_rows(form) == ["thị trấn Gia Ray, huyện Xuân Lộc, tỉnh Đồng Nai"]  # itself, no hint
    QTest.keyClick(keyboard(), Qt.Key.Key_Down)
    QTest.keyClick(keyboard(), Qt.Key.Key_Return)
    assert form.unit_code() == "26425"
    assert form.unit.currentText().startswith("thị trấn Gia Ray")
    assert form.unit.hint == ""


def test_gia_ray_finds_xa_xuan_loc_with_the_hint(form: IntakeFormWidget) -> None:
    type_text(form.unit.lineEdit(), "gia ray")
    hint = f"Gia Ray → nay thuộc {XL}"
    assert popup_rows(form) == [hint]
    QTest.keyClick(keyboard(), Qt.Key.Key_Down)
    QTest.keyClick(keyboard(), Qt.Key.Key_Return)
    assert form.unit_code() == "26425"
    assert form.unit.currentText() == XL
    message = form.boxes["address_unit"].message
    assert message.isVisibleTo(form) and message.text() == hint  # the hint stays under the field
    assert form.unit.toolTip() == hint


def test_tab_after_a_former_name_takes_its_one_successor(form: IntakeFormWidget) -> None:
    type_text(form.unit.lineEdit(), "Xuân Thọ")
    QTest.keyClick(keyboard(), Qt.Key.Key_Escape)  # close the popup, then leave the field
    form.unit.lineEdit().editingFinished.emit()
    assert form.unit_code() == "26425"
    assert form.unit.hint == f"Xuân Thọ → nay thuộc {XL}"


def test_xuan_tam_offers_both_parts_and_picks_only_when_asked(form: IntakeFormWidget) -> None:
    type_text(form.unit.lineEdit(), "xuan tam")
    assert popup_rows(form) == [
        "Xuân Tâm → một phần nay thuộc xã Xuân Hòa, tỉnh Đồng Nai",
        "Xuân Tâm → một phần nay thuộc xã Xuân Đông, tỉnh Đồng Nai",
    ]
    assert form.unit_code() is None  # split between two communes: no guess
    for k in (Qt.Key.Key_Down, Qt.Key.Key_Down, Qt.Key.Key_Return):
        QTest.keyClick(keyboard(), k)
    assert form.unit_code() == "26359"
    assert form.unit.currentText() == "xã Xuân Đông, tỉnh Đồng Nai"


def test_same_name_is_marked_as_the_former_unit(form: IntakeFormWidget) -> None:
    type_text(form.unit.lineEdit(), "xuân bắc")
    assert popup_rows(form) == [
        "xã Xuân Bắc, tỉnh Đồng Nai",
        "Xuân Bắc (cũ, đến 30/06/2025) → nay thuộc xã Xuân Bắc, tỉnh Đồng Nai",
    ]
    QTest.keyClick(keyboard(), Qt.Key.Key_Down)
    QTest.keyClick(keyboard(), Qt.Key.Key_Return)
    assert form.unit_code() == "26428"
    assert form.unit.hint == ""  # the current commune itself was picked


def test_nothing_is_picked_on_an_empty_match(form: IntakeFormWidget) -> None:
    type_text(form.unit.lineEdit(), "zzz")
    assert popup_rows(form) == []
    QTest.keyClick(keyboard(), Qt.Key.Key_Return)
    form.unit.lineEdit().editingFinished.emit()
    assert form.unit_code() is None
    assert form.unit.currentIndex() == 0


def test_a_new_dossier_is_received_today(form: IntakeFormWidget) -> None:
    form.set_receipt_day(date(2018, 10, 24))
    form.set_unit("26446")
    assert form.unit.currentText().startswith("xã Xuân Hưng")
    form.clear()
    assert form.unit.day == today_local()
    assert form.unit_code() is None
    assert XL in offered(form)
