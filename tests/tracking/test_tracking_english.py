"""The tracking path and the BHYT tab in English: no Vietnamese sentence from the services."""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.messages import CATALOGUE
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from onestop_desktop.services.tracking import actions as tracking_actions
from onestop_desktop.services.tracking.wording import deadline_msg
from onestop_desktop.ui.i18n import install_translators, say, say_error, say_field

S = DossierStatus
NOW = datetime(2026, 11, 17, 9, 0)
# Letters only Vietnamese uses (as in tests/test_i18n_languages.py).
VIETNAMESE = re.compile(
    "[ĐđƠơƯưĂăÂâÊêÔô"
    "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
    "ÀÁẢÃẠẰẮẲẴẶẦẤẨẪẬÈÉẺẼẸỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌỒỐỔỖỘỜỚỞỠỢÙÚỦŨỤỪỨỬỮỰỲÝỶỸỴ]"
)
MY_KEYS = ("tracking.", "deadline.", "time.", "event.", "channel.", "roles.", "bhyt.", "indicators.")


@pytest.fixture
def english(qapp) -> Iterator[None]:  # type: ignore[no-untyped-def]
    install_translators("en")
    try:
        yield
    finally:
        install_translators("vi")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


def _tracking_tab(app_context, qtbot):  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.tracking.tab import TrackingTab

    tab = TrackingTab(app_context, now=lambda: NOW)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    return tab


def _select(tab: Any, status: S) -> int:
    for r in range(tab.model.rowCount()):
        item = tab.model.row_at(r)
        if item is not None and item[0].status == int(status):
            tab.table.selectRow(r)
            return int(item[0].id)
    raise AssertionError(f"no dossier in status {status}")


def _returned_dossier(app_context) -> tuple[int, str]:  # type: ignore[no-untyped-def]
    from sqlalchemy import select

    from onestop_desktop.db.models import Dossier

    with session_scope(app_context.db.factory) as s:
        d = s.scalars(select(Dossier).where(Dossier.status == int(S.RETURNED)).limit(1)).one()
        return d.id, d.code


def test_the_new_messages_have_both_languages() -> None:
    import onestop_desktop.services.bhyt.tallies  # noqa: F401
    import onestop_desktop.services.reports.indicators  # noqa: F401
    import onestop_desktop.services.roles  # noqa: F401
    import onestop_desktop.services.tracking.details  # noqa: F401

    def fields(t: str) -> set[str]:
        return {name for _t, name, _f, _c in string.Formatter().parse(t) if name}

    mine = {k: v for k, v in CATALOGUE.items() if k.startswith(MY_KEYS)}
    assert len(mine) > 50
    for key, (vi, en) in mine.items():
        for form in (en,) if isinstance(en, str) else en:
            assert fields(form) == fields(vi), key
            assert not VIETNAMESE.search(form), key


def test_deadline_explanation_says_the_same_vietnamese_as_before() -> None:
    cal = WorkingCalendar()
    due = cal.due(datetime(2025, 4, 28, 16, 0), 5, TimeUnit.WORKING_DAYS)  # past 15:00, over 30/4-1/5
    assert deadline_msg(due).text("vi") == due.explain()
    assert "bỏ qua 30/04, 01/05, 02/05 (nghỉ lễ)" in due.explain()
    en = deadline_msg(due).text("en")
    assert en.startswith("5 working days; skipping 30/04, 01/05, 02/05 (public holidays), 03/05, 04/05 (")
    assert not VIETNAMESE.search(en)
    tet = cal.due(datetime(2025, 1, 24, 9, 0), 1, TimeUnit.WORKING_DAYS)  # over Tết Ất Tỵ
    assert deadline_msg(tet).text("vi") == tet.explain() and "nghỉ Tết Nguyên Đán" in tet.explain()
    assert "Lunar New Year holidays" in deadline_msg(tet).text("en")


def test_details_panel_in_english(app_context, qtbot, english) -> None:  # type: ignore[no-untyped-def]
    tab = _tracking_tab(app_context, qtbot)
    dossier_id = _select(tab, S.PROCESSING)
    d = tab.details.details
    assert d is not None and d.id == dossier_id
    text = tab.details.browser.toPlainText()
    explanation = say(d.deadline_explanation)
    assert explanation in text and "working day" in explanation and "due " in explanation
    assert not VIETNAMESE.search(explanation), explanation
    for words in (say(d.statutory_time), say(d.channel), *(say(e.label) for e in d.events)):
        assert words in text and not VIETNAMESE.search(words), words
    assert "Being processed" in text  # the status row
    assert [say(e.label) for e in d.events] == ["Accept", "Hand over"]
    assert "Accept" in text and "Hand over" in text
    # the demo's events kept no values to restore
    assert tab.details.undo_button.toolTip() == "This dossier has no action that can be undone."


def test_details_panel_in_vietnamese_is_unchanged(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    install_translators("vi")
    tab = _tracking_tab(app_context, qtbot)
    dossier_id = _select(tab, S.PROCESSING)
    d = tab.details.details
    assert d is not None
    with session_scope(app_context.db.factory) as s:
        from onestop_desktop.db.models import Dossier

        row = s.get(Dossier, dossier_id)
        assert row is not None
        due = tab.calendar.due(row.received_at, row.time_value, TimeUnit(row.time_unit))
        expected = due.explain()
        if row.due_at != due.due:
            from onestop_desktop.domain.fmt import fmt_datetime

            expected += f". Hẹn trả hiện tại: {fmt_datetime(row.due_at)} (đã điều chỉnh, xem lịch sử)"
    assert str(d.deadline_explanation) == expected
    assert expected in tab.details.browser.toPlainText()
    text = tab.details.browser.toPlainText()
    assert "Đang giải quyết" in text and "Tiếp nhận" in text and "Chuyển xử lý" in text
    assert [str(e.label) for e in d.events] == ["Tiếp nhận", "Chuyển xử lý"]
    assert tab.details.undo_button.toolTip() == "Hồ sơ không có thao tác nào có thể hoàn tác."


def test_refusals_of_the_tracking_services_in_both_languages(app_context, english) -> None:  # type: ignore[no-untyped-def]
    dossier_id, code = _returned_dossier(app_context)
    clerk = app_context.actor
    with session_scope(app_context.db.factory) as s, pytest.raises(ServiceError) as refused:
        tracking_actions.resolve(s, clerk, dossier_id, at=NOW)
    vi = f"Hồ sơ {code}: Không thể ghi nhận giải quyết xong cho hồ sơ đã trả kết quả."
    assert str(refused.value) == vi  # command line and logs: Vietnamese as before
    assert say_error(refused.value) == f"Dossier {code}: Cannot record as resolved a dossier returned."
    with session_scope(app_context.db.factory) as s, pytest.raises(ServiceError) as missing:
        tracking_actions.resolve(s, clerk, 10**7, at=NOW)
    assert str(missing.value) == "Không tìm thấy hồ sơ số 10000000."
    assert say_error(missing.value) == "Dossier number 10000000 not found."
    with session_scope(app_context.db.factory) as s, pytest.raises(ValidationFailed) as bad:
        tracking_actions.apology(s, clerk, dossier_id, datetime(2000, 1, 1), "  ", at=NOW)
    assert bad.value.errors["reason"] == "Ghi lý do chậm trả kết quả."
    assert say_field(bad.value, "reason") == "Give the reason for the delay."
    assert say_field(bad.value, "new_due").startswith("The new appointment must be after the current one (")
    assert not VIETNAMESE.search(say_error(bad.value))
    with session_scope(app_context.db.factory) as s, pytest.raises(PermissionDenied) as undo:
        tracking_actions.undo_last(s, clerk, dossier_id, NOW)
    assert str(undo.value) == "Hồ sơ không có thao tác nào có thể hoàn tác."
    assert say_error(undo.value) == "This dossier has no action that can be undone."


def test_refused_action_in_the_tab_is_shown_in_english(
    app_context, qtbot, english, warnings, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.tracking import actions as ui_actions

    monkeypatch.setattr(ui_actions, "prompt", lambda *_a: {"note": ""})
    tab = _tracking_tab(app_context, qtbot)
    _select(tab, S.WAITING_SUPPLEMENT)
    tab.run_action("resolve")  # the button is disabled; the service refuses too
    assert warnings and "Cannot record as resolved a dossier waiting for documents." in warnings[0]
    assert not VIETNAMESE.search(warnings[0])


def test_permission_refusal_in_both_languages(app_context, english) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.services.bhyt import tallies

    clerk = app_context.actor
    with session_scope(app_context.db.factory) as s, pytest.raises(PermissionDenied) as info:
        tallies.set_target(s, clerk, "26461", 2018, 95.0)
    assert str(info.value) == (
        f"Tài khoản {clerk.username} không có quyền đặt chỉ tiêu BHYT (cần vai trò: Lãnh đạo)."
    )
    assert (
        say_error(info.value)
        == f"The account {clerk.username} may not set BHYT targets (role needed: Leader)."
    )


def _bhyt_tab(app_context, qtbot):  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.bhyt.tab import BhytTab

    tab = BhytTab(app_context)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.picker.month() == date(2018, 10, 1)
    return tab


def _type_into(qtbot, tab: Any, code: str, column: int, text: str) -> None:  # type: ignore[no-untyped-def]
    idx: QModelIndex | None = None
    for r in range(tab.proxy.rowCount()):
        i = tab.proxy.index(r, column)
        if tab.model.unit_at(tab.proxy.mapToSource(i).row()).code == code:
            idx = i
    assert idx is not None
    tab.table.scrollTo(idx)
    tab.table.setCurrentIndex(idx)
    tab.table.edit(idx)
    editor = next((e for e in tab.table.findChildren(QLineEdit) if e.isVisible()), None)
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, text)  # digits, "." and "," only: ASCII
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.table.state() != QAbstractItemView.State.EditingState)


def test_bhyt_refusal_in_english(app_context, qtbot, english, warnings) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.bhyt import model as M

    tab = _bhyt_tab(app_context, qtbot)
    _type_into(qtbot, tab, "26461", M.FIXED_COLUMNS, "999.999")  # a group: insured > population
    qtbot.waitUntil(lambda: bool(warnings))
    assert (
        warnings[0]
        == "The number of people insured (1,010,060) cannot be larger than the population (13,792)."
    )
    warnings.clear()
    _type_into(qtbot, tab, "26461", M.POPULATION, "12,5")
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings[0] == "Enter a whole number, for example 199,467."


def test_bhyt_refusal_in_vietnamese_is_unchanged(app_context, qtbot, warnings) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.services.bhyt import tallies
    from onestop_desktop.ui.bhyt import model as M

    install_translators("vi")
    tab = _bhyt_tab(app_context, qtbot)
    _type_into(qtbot, tab, "26461", M.FIXED_COLUMNS, "999.999")
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings[0] == "Số người tham gia BHYT (1.010.060) không được lớn hơn dân số (13.792)."
    warnings.clear()
    _type_into(qtbot, tab, "26461", M.POPULATION, "12,5")
    qtbot.waitUntil(lambda: bool(warnings))
    assert warnings[0] == "“12,5” không phải là số nguyên hợp lệ (ví dụ đúng: 199.467)."
    errors = tallies.check_values(100, 120, {"A": 50})
    assert str(errors["insured"]) == "Số người tham gia BHYT (120) không được lớn hơn dân số (100)."
    assert errors["insured"].text("en") == (
        "The number of people insured (120) cannot be larger than the population (100)."
    )
    negative = tallies.check_values(-1250, 0, {})
    assert str(negative["population"]) == "Dân số không được là số âm (-1.250)."
    assert negative["population"].text("en") == "The population cannot be negative (-1,250)."
