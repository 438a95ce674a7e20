"""The Help menu: F1 opens the guide in the interface language, the shortcut list is read from the window."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.help import (
    GUIDE_FILES,
    GuideDialog,
    HelpController,
    ShortcutsDialog,
    help_dir,
    install_help,
    window_shortcuts,
)
from onestop_desktop.ui.i18n import install_translators
from onestop_desktop.ui.main_window import MainWindow
from tests.conftest import login_as

SCREEN_W, SCREEN_H = 1366, 768


@pytest.fixture
def vi() -> Iterator[None]:
    install_translators("vi")
    yield
    install_translators("vi")


def _window(ctx: AppContext, qtbot: Any) -> MainWindow:
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    install_help(window)
    window.show()
    window.activateWindow()
    window.tabs.tabBar().setFocus()  # shortcuts reach a window whose widget has the focus
    qtbot.waitUntil(lambda: window.tabs.tabBar().hasFocus() or window.isActiveWindow(), timeout=2000)
    return window


def _press_f1(window: MainWindow, qtbot: Any) -> GuideDialog:
    QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_F1)
    controller = window.findChild(HelpController, "helpController")
    assert controller is not None and controller.guide is not None, "F1 opened no guide"
    guide = controller.guide
    qtbot.waitUntil(guide.isVisible, timeout=2000)
    return guide


def _headings(guide: GuideDialog) -> list[str]:
    return [text for _level, text, _anchor in guide.headings]


def _loaded(resource: object) -> bool:
    return isinstance(resource, QImage | QPixmap) and not resource.isNull()


def test_f1_opens_the_vietnamese_guide_with_its_pictures(
    app_context: AppContext, qtbot: Any, vi: None
) -> None:
    window = _window(app_context, qtbot)
    texts = [a.text() for a in window.menu_help.actions()]
    assert texts[:2] == ["&Hướng dẫn sử dụng", "&Phím tắt"]
    assert "&Giới thiệu OneStop Desktop" in texts  # the About action stays
    guide = _press_f1(window, qtbot)
    assert guide.windowTitle() == "Hướng dẫn sử dụng – OneStop Desktop"
    assert not guide.isModal()
    headings = _headings(guide)
    assert headings[0] == "Hướng dẫn sử dụng OneStop Desktop"
    for expected in (
        "Đăng nhập",
        "Tiếp nhận hồ sơ",
        "Cách tính thời hạn",
        "Sao lưu và khôi phục",
        "Khi có sự cố",
    ):
        assert expected in headings
    assert _loaded(guide.image("images/tab-01-trang-chu.png")), "home page picture not resolved"
    assert not _loaded(guide.image("images/no-such-picture.png"))  # the check above can fail
    # the table of contents: one entry per section, and choosing one scrolls the text there
    contents = guide.contents
    assert contents.headerItem().text(0) == "Mục lục"
    items = [contents.topLevelItem(i) for i in range(contents.topLevelItemCount())]
    top = [item.text(0) for item in items if item is not None]
    assert top[:3] == ["Đăng nhập", "Trang chủ", "Tiếp nhận hồ sơ"]
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    contents.itemClicked.emit(items[top.index("Cách tính thời hạn")], 0)
    assert bar.value() > 0
    assert QTest.keyClick(window.tabs.tabBar(), Qt.Key.Key_F1) is None  # F1 again: the same dialog
    assert window.findChild(HelpController, "helpController").guide is guide  # type: ignore[union-attr]


def test_english_interface_opens_the_english_guide(app_context: AppContext, qtbot: Any, vi: None) -> None:
    install_translators("en")
    window = _window(app_context, qtbot)
    assert [a.text() for a in window.menu_help.actions()][:2] == ["&User guide", "&Keyboard shortcuts"]
    guide = _press_f1(window, qtbot)
    assert guide.windowTitle() == "User guide – OneStop Desktop"
    headings = _headings(guide)
    assert headings[0] == "OneStop Desktop user guide"
    assert "How deadlines are counted" in headings and "Đăng nhập" not in headings
    assert guide.contents.headerItem().text(0) == "Contents"
    assert _loaded(guide.image("images/en/tab-03-tracking.png"))  # the English guide shows the English window


def test_shortcuts_dialog_lists_the_window_keys_with_their_descriptions(
    app_context: AppContext, qtbot: Any, vi: None
) -> None:
    window = _window(app_context, qtbot)
    action = window.findChild(QAction, "helpShortcutsAction")
    assert action is not None
    action.trigger()
    dialog = window.findChild(HelpController, "helpController").shortcuts  # type: ignore[union-attr]
    assert isinstance(dialog, ShortcutsDialog) and dialog.isVisible()
    assert dialog.windowTitle() == "Phím tắt"
    rows = dialog.rows()
    assert ("Tiếp nhận hồ sơ", "Ctrl+S", "Lưu hồ sơ và in giấy hẹn") in rows
    assert ("Tiếp nhận hồ sơ", "F3", "Tra cứu hồ sơ (mã, một phần mã, điện thoại, số định danh)") in rows
    assert ("Mọi nơi", "Alt+2", "Sang thẻ 2: Tiếp nhận hồ sơ") in rows
    assert ("Mọi nơi", "F1", "Mở hướng dẫn sử dụng") in rows
    assert rows[0][0] == "Mọi nơi"  # the window's keys first


@pytest.mark.parametrize("user", ["canbo", "lanhdao", "quantri"])
def test_every_shortcut_of_the_window_has_a_description(
    app_context: AppContext, qtbot: Any, vi: None, user: str
) -> None:
    """A new QShortcut or QAction shortcut without a line in help.DESCRIPTIONS fails here."""
    ctx = AppContext(app_context.db, login_as(app_context.db, user), app_context.bus, app_context.tasks, True)
    window = _window(ctx, qtbot)
    found = window_shortcuts(window)
    keys = {k for r in found for k in r.keys}
    assert {"F1", "Alt+1", "Ctrl+Tab", "Ctrl+S", "Ctrl+P", "F3", "Esc", "Ctrl+C"} <= keys
    missing = [(r.where, r.key) for r in found if not r.description]
    assert missing == [], f"shortcuts without a description in help.DESCRIPTIONS: {missing}"
    QShortcut(QKeySequence("Ctrl+J"), window.tabs.widget(2) or window)  # a new key nobody described
    stray = [r for r in window_shortcuts(window) if r.keys == ("Ctrl+J",)]
    assert [(r.where, r.description) for r in stray] == [("Theo dõi hồ sơ", None)]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_dialogs_fit_a_laptop_screen_and_esc_closes_them(
    app_context: AppContext, qtbot: Any, vi: None, lang: str
) -> None:
    install_translators(lang)
    window = _window(app_context, qtbot)
    guide = _press_f1(window, qtbot)
    window.findChild(QAction, "helpShortcutsAction").trigger()  # type: ignore[union-attr]
    shortcuts = window.findChild(HelpController, "helpController").shortcuts  # type: ignore[union-attr]
    assert shortcuts is not None
    QApplication.processEvents()
    for dialog in (guide, shortcuts):
        hint = dialog.minimumSizeHint()
        assert hint.width() <= SCREEN_W and hint.height() <= SCREEN_H, f"{dialog.windowTitle()}: {hint}"
        assert dialog.width() <= SCREEN_W and dialog.height() <= SCREEN_H
    guide.contents.setFocus()
    QTest.keyClick(guide.contents, Qt.Key.Key_Escape)
    assert not guide.isVisible()
    QTest.keyClick(shortcuts.table, Qt.Key.Key_Escape)
    assert not shortcuts.isVisible()


def _guide_text(lang: str) -> str:
    return (help_dir() / GUIDE_FILES[lang]).read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_guide_links_and_pictures_all_resolve(qapp: Any, lang: str) -> None:
    guide = GuideDialog(lang=lang)
    anchors = {anchor for _l, _t, anchor in guide.headings}
    text = _guide_text(lang)
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert [x for x in links if x not in anchors] == []
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= 5
    for name in pictures:
        assert _loaded(guide.image(name)), name
    folder = help_dir()
    shipped = list((folder / "images").rglob("*.png"))
    assert all(p.stat().st_size <= 200_000 for p in shipped)
    assert {folder / p for p in pictures} <= set(shipped)  # none missing
    mine = {p for p in shipped if (p.parent.name == "en") == (lang == "en")} - {folder / p for p in pictures}
    assert mine <= {folder / "images/form-01-giay-tiep-nhan-1.png"}, mine  # none unused (the form is shared)


_UNITS = {
    "giờ làm việc": TimeUnit.HOURS,
    "ngày làm việc": TimeUnit.WORKING_DAYS,
    "working hour": TimeUnit.HOURS,
    "working hours": TimeUnit.HOURS,
    "working day": TimeUnit.WORKING_DAYS,
    "working days": TimeUnit.WORKING_DAYS,
}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_guide_deadline_examples_are_what_the_calendar_computes(lang: str) -> None:
    """The guide's table of examples follows domain/calendar.py: a change of rule shows up here."""
    rows = re.findall(
        r"^\| (\d\d:\d\d \d\d/\d\d) \| ([^|]+?) \| (\d\d:\d\d \d\d/\d\d)", _guide_text(lang), re.M
    )
    assert len(rows) >= 6
    calendar = WorkingCalendar()
    for received, limit, due in rows:
        if limit in ("trong ngày", "same day"):
            value, unit = 0, TimeUnit.WORKING_DAYS
        else:
            number, words = limit.split(" ", 1)
            value, unit = int(number), _UNITS[words]
        at = datetime.strptime(f"{received}/2026", "%H:%M %d/%m/%Y")
        got = calendar.due(at, value, unit).due
        assert got.strftime("%H:%M %d/%m") == due, f"{received} + {limit}: the calendar says {got}"


def test_the_main_window_offers_the_guide_itself(app_context, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Installed by the window, not only by the tests: F1 and the two Help entries are there."""
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.main_window import MainWindow

    install_translators("vi")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    texts = [a.text().replace("&", "") for a in window.menu_help.actions() if not a.isSeparator()]
    assert texts[:2] == ["Hướng dẫn sử dụng", "Phím tắt"], texts


def test_the_shortcut_list_shows_keys_a_keyboard_has() -> None:
    """It showed "Ctrl+C, Ctrl+Ins, F16, Copy" for the copy shortcut."""
    from onestop_desktop.ui.help import _pressable

    assert _pressable(["Ctrl+C", "Ctrl+Ins", "F16", "Copy"]) == ["Ctrl+C", "Ctrl+Ins"]
    assert _pressable(["F1", "Esc", "Alt+3"]) == ["F1", "Esc"]
