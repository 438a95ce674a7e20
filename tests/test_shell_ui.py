"""The window shell: fonts load, login (with the demo accounts), home figures, users dialog."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtGui import QFontDatabase
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import User
from onestop_desktop.services.demo.office import demo_accounts
from onestop_desktop.services.home import today_figures
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.context import AppContext
from tests.helpers import type_text


def test_bundled_fonts_are_loaded(qapp) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.app import create_app

    app = create_app()
    assert "DejaVu Sans" in QFontDatabase.families()
    assert app.font().family() == "DejaVu Sans"


def test_login_with_demo_account_and_wrong_password(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.login import LoginDialog

    dialog = LoginDialog(demo_db, "UBND huyện Xuân Lộc", demo_accounts())
    qtbot.addWidget(dialog)
    type_text(dialog.username, "canbo")
    type_text(dialog.password, "sai mật khẩu")
    dialog.try_login()
    assert dialog.actor is None and "Sai tên đăng nhập" in dialog.error.text()
    item = dialog.accounts.item(0)
    dialog.accounts.itemActivated.emit(item)
    assert dialog.username.text() == "canbo" and dialog.password.text() == "Demo@2018"
    dialog.try_login()
    assert dialog.actor is not None and dialog.actor.role is Role.CLERK
    with session_scope(demo_db.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        assert user is not None and user.failed_logins == 0  # reset by the good login


def test_failed_login_counter_is_saved(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.login import LoginDialog

    dialog = LoginDialog(demo_db, "x", [])
    qtbot.addWidget(dialog)
    dialog.username.setText("lanhdao")
    dialog.password.setText("nhầm123")
    dialog.try_login()
    with session_scope(demo_db.factory) as s:
        user = s.scalar(select(User).where(User.username == "lanhdao"))
        assert user is not None and user.failed_logins == 1


def test_home_page_shows_figures_in_vietnamese_format(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.home import HomePage

    page = HomePage(app_context)
    qtbot.addWidget(page)
    assert page.office_label.text() == "UBND tỉnh Đồng Nai – UBND huyện Xuân Lộc"
    assert page.cards["total"].value.text() == "10.343"
    with app_context.session() as s:
        fig = today_figures(s, datetime.now().date(), app_context.calendar())  # noqa: DTZ005
    assert page.cards["open"].value.text() == str(fig.open_total)


def test_today_figures_on_a_demo_day(demo_db: Database) -> None:
    from datetime import date

    from onestop_desktop.services.catalogue.catalogue import working_calendar

    with session_scope(demo_db.factory) as s:
        fig = today_figures(s, date(2018, 10, 15), working_calendar(s))
        assert fig.received_today > 100  # a Monday at the district and 15 communes
        assert fig.total == 10343


def test_users_dialog_adds_a_user(app_context: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.users import NewUserDialog, UsersDialog
    from tests.conftest import login_as

    app_context.actor = login_as(app_context.db, "quantri")
    dialog = UsersDialog(app_context)
    qtbot.addWidget(dialog)
    before = dialog.table.rowCount()
    new = NewUserDialog(app_context)
    qtbot.addWidget(new)
    type_text(new.username, "cb.moi")
    type_text(new.full_name, "Đỗ Thị Ánh")
    type_text(new.password, "ngan")
    new.save()
    assert "ít nhất 8 ký tự" in new.error.text()
    new.password.setText("matkhau2018")
    new.save()
    assert new.result() == 1
    dialog.refresh()
    assert dialog.table.rowCount() == before + 1
    names = [dialog.table.item(i, 1).text() for i in range(dialog.table.rowCount())]
    assert "Đỗ Thị Ánh" in names


def test_tabs_switch_from_the_keyboard(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from onestop_desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.tabs.tabBar().setFocus()  # shortcuts reach a window whose widget has the focus
    qtbot.waitUntil(lambda: window.tabs.tabBar().hasFocus() or window.isActiveWindow(), timeout=2000)
    QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_3, Qt.KeyboardModifier.AltModifier)
    assert window.tabs.currentIndex() == 2
    QTest.keyClick(window.tabs.currentWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert window.tabs.currentIndex() == 3
    assert window.minimumSizeHint().width() <= 1280  # fits an office laptop screen


def test_opening_a_tab_puts_the_cursor_where_typing_starts(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.intake.tab import IntakeTab
    from onestop_desktop.ui.main_window import MainWindow
    from onestop_desktop.ui.tracking.tab import TrackingTab

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    index = {type(window.tabs.widget(i)): i for i in range(window.tabs.count())}
    window.tabs.setCurrentIndex(index[IntakeTab])
    intake = window.tabs.widget(index[IntakeTab])
    qtbot.waitUntil(lambda: intake.form.procedure.hasFocus(), timeout=2000)
    window.tabs.setCurrentIndex(index[TrackingTab])
    tracking = window.tabs.widget(index[TrackingTab])
    qtbot.waitUntil(lambda: tracking.filters.search.hasFocus(), timeout=2000)


def test_the_status_bar_names_the_database_file_not_its_url(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    """ "sqlite:////tmp/…/demo.sqlite3" took the bar's room and cut the start-up backup message short."""
    from onestop_desktop.ui.main_window import MainWindow

    window = MainWindow(app_context)
    qtbot.addWidget(window)
    url = app_context.db.describe()
    assert url.startswith("sqlite:") and "sqlite:" not in window.db_label.text()
    assert window.db_label.text().endswith(url.rsplit("/", 1)[-1]) and window.db_label.toolTip() == url
