"""Every visible string has its Vietnamese translation, and the window speaks Vietnamese by default."""

from __future__ import annotations

import pytest

from onestop_desktop.i18n_files import missing_translations


def test_every_interface_string_has_a_vietnamese_translation() -> None:
    missing = missing_translations()
    assert missing == [], "untranslated: " + "; ".join(f"{c}: {s!r}" for c, s in missing[:30])


def test_main_window_in_vietnamese_then_english(app_context, qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.main_window import MainWindow

    assert "shell" in install_translators("vi")
    window = MainWindow(app_context)
    qtbot.addWidget(window)
    assert window.tabs.tabText(0) == "Trang chủ"
    assert window.menu_file.title() == "&Tệp"
    assert "Người dùng: Nguyễn Thị Hồng Nhung" in window.user_label.text()
    install_translators("en")
    english = MainWindow(app_context)
    qtbot.addWidget(english)
    assert english.tabs.tabText(0) == "Home"
    assert english.menu_file.title() == "&File"
    install_translators("vi")


def test_qt_standard_buttons_speak_vietnamese(qapp) -> None:  # type: ignore[no-untyped-def]
    """Qt ships no Vietnamese translation of its own buttons: ours covers them."""
    from PySide6.QtWidgets import QDialogButtonBox

    from onestop_desktop.ui.i18n import install_translators

    install_translators("vi")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Hủy"
    assert box.button(QDialogButtonBox.StandardButton.Ok).text() == "Đồng ý"
