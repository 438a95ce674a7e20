"""The intake form's field messages, warnings and refusals in English; the same inputs in Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from onestop_desktop.domain.messages import CATALOGUE
from onestop_desktop.ui.i18n import install_translators
from onestop_desktop.ui.intake import dialogs
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.helpers import type_text
from tests.test_i18n_languages import VIETNAMESE

CTRL = Qt.KeyboardModifier.ControlModifier

# What a Vietnamese clerk has always read under each field for the bad inputs (unchanged by issue 12).
VI = {
    "applicant_name": "Chưa nhập họ tên.",
    "citizen_id": "Đây là số CMND cũ (9 chữ số); nên ghi số định danh cá nhân 12 chữ số nếu có.",
    "phone": "Số điện thoại phải có 10 chữ số (di động) hoặc 11 chữ số (cố định); đang có 4.",
    "email": "Địa chỉ thư điện tử không đúng dạng (ví dụ đúng: ten@gmail.com).",
}
EN = {
    "applicant_name": "Enter the full name.",
    "citizen_id": "This is an old identity card number (9 digits); write the 12-digit personal "
    "identification number if the person has one.",
    "phone": "A phone number has 10 digits (mobile) or 11 digits (landline); this one has 4 digits.",
    "email": "The e-mail address is not valid (a valid one: name@gmail.com).",
}
UNALLOCATED = {
    "vi": "Số 0801234567 không thuộc dải số di động đã cấp (đầu số 080): kiểm tra lại.",
    "en": "The number 0801234567 is not in an allocated mobile range (prefix 080): check it.",
}
SHORT_ADDRESS = {
    "vi": "Địa chỉ quá ngắn: ghi rõ số nhà/ấp, xã, huyện, tỉnh.",
    "en": "The address is too short: give the house number or hamlet, commune, district and province.",
}
NO_REASON = {"vi": "Chưa nhập lý do từ chối.", "en": "Enter the reason for refusal."}


@pytest.fixture(params=["en", "vi"])
def language(request: pytest.FixtureRequest, qapp: Any) -> Iterator[str]:
    """The interface language for the test; Vietnamese again afterwards, whatever happens."""
    install_translators(request.param)
    try:
        yield request.param
    finally:
        install_translators("vi")


@pytest.fixture
def tab(qtbot: Any, app_context: Any, language: str) -> IntakeTab:
    w = IntakeTab(app_context)  # built after the translators: its own words are in `language` too
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    w.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w, timeout=2000)
    w.form.procedure.setFocus()
    type_text(w.form.procedure, "dang ky khai sinh")
    QTest.keyClick(w.form.procedure, Qt.Key.Key_Return)
    assert w.form.procedure.current is not None
    return w


def _type(tab: IntakeTab, field: str, text: str) -> None:
    edit = tab.form.edits[field]
    edit.clear()
    edit.setFocus()
    type_text(edit, text)


def _shown(tab: IntakeTab, field: str) -> str:
    box = tab.form.boxes[field]
    return box.message.text() if box.message.isVisible() else ""


def test_bad_values_show_messages_in_the_interface_language(tab: IntakeTab, language: str) -> None:
    _type(tab, "citizen_id", "123456789")
    _type(tab, "phone", "0123")
    _type(tab, "email", "an@")  # the name stays empty
    QTest.keyClick(tab.form.edits["email"], Qt.Key.Key_S, CTRL)  # a refused save shows every message
    assert tab.saved is None
    shown = {field: _shown(tab, field) for field in VI}
    assert shown == (EN if language == "en" else VI)
    if language == "en":
        assert not any(VIETNAMESE.search(text) for text in shown.values()), shown
        assert not VIETNAMESE.search(tab.blockers_label.text()), tab.blockers_label.text()
        assert tab.blockers_label.text().startswith("Cannot save yet: ")
        assert "Enter the full name." in tab.blockers_label.text()
    else:
        assert "Chưa nhập họ tên." in tab.blockers_label.text()
    _type(tab, "phone", "0801234567")  # a mobile prefix the numbering plan has not allocated
    QTest.keyClick(tab.form.edits["phone"], Qt.Key.Key_Tab)
    assert _shown(tab, "phone") == UNALLOCATED[language]


def test_a_refusal_by_the_service_is_worded_in_the_interface_language(tab: IntakeTab, language: str) -> None:
    """The form lets a short street through without a commune; the service refuses the address."""
    _type(tab, "applicant_name", "nguyễn văn an")
    _type(tab, "citizen_id", "075090001234")
    _type(tab, "phone", "0912345678")
    _type(tab, "street", "ấp")
    assert tab.form.blockers() == {}
    tab.save()
    assert tab.saved is None
    assert _shown(tab, "street") == SHORT_ADDRESS[language]
    assert tab.blockers_label.text().endswith(SHORT_ADDRESS[language])
    if language == "en":
        assert not VIETNAMESE.search(tab.blockers_label.text())


def test_refusal_dialog_asks_for_the_reason_in_the_interface_language(
    tab: IntakeTab, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _type(tab, "applicant_name", "đỗ văn đức")
    said: list[str] = []

    def fake_exec(self: dialogs.RefusalDialog) -> int:
        if self.reason.toPlainText() == "" and not said:
            said.append(self.error.text())  # nothing refused yet
            return 1  # accepted with the reason left empty
        said.append(self.error.text())
        return 0  # the clerk cancels after reading the refusal

    monkeypatch.setattr(dialogs.RefusalDialog, "exec", fake_exec)
    tab.refuse()
    assert said == ["", NO_REASON[language]]


def test_intake_messages_are_in_the_catalogue_with_english_plurals() -> None:
    """Placeholders and English letters: tests/test_i18n_languages.py checks the whole catalogue."""
    import onestop_desktop.services.intake.drafts  # noqa: F401  (registers its messages)
    import onestop_desktop.services.intake.outcomes  # noqa: F401
    import onestop_desktop.services.intake.receiving  # noqa: F401
    from onestop_desktop.domain.messages import msg

    ours = {k: vi for k, (vi, _en) in CATALOGUE.items() if k.startswith(("val.", "intake."))}
    assert len(ours) >= 45
    assert all(VIETNAMESE.search(vi) for vi in ours.values())  # the Vietnamese side is Vietnamese
    assert msg("val.cid.length", n=1).text("en").endswith("(1 digit typed).")
    assert msg("val.cid.length", n=11).text("en").endswith("(11 digits typed).")
    assert str(msg("val.cid.length", n=11)) == "Số định danh cá nhân phải có 12 chữ số (đang có 11)."


def test_the_commune_label_names_the_units_of_the_receipt_day(qtbot, app_context) -> None:  # type: ignore[no-untyped-def]
    """Since 1/7/2025 there is no thị trấn: the label said "Xã, phường, thị trấn" in 2026."""
    from datetime import date

    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.intake.tab import IntakeTab

    install_translators("vi")
    tab = IntakeTab(app_context)
    qtbot.addWidget(tab)
    form = tab.form
    assert form.unit_label.text() == "&Xã, phường, đặc khu:"
    form.set_receipt_day(date(2018, 10, 24))
    assert form.unit_label.text() == "&Xã, phường, thị trấn:"
    assert form.unit_label.buddy() is form.unit


def test_an_empty_proxy_name_says_whose_name_is_missing() -> None:
    """ "Chưa nhập họ tên" under the proxy field read as the applicant's name, already filled in."""
    from onestop_desktop.services.intake.checks import check_field

    c = check_field("submitter_name", "")
    assert not c.ok and c.error == "Người nộp thay: chưa nhập họ tên."
    assert check_field("applicant_name", "").error == "Chưa nhập họ tên."
