"""Found in the real window: the appointment's explanation speaks the interface language (it stayed
Vietnamese in the English window: "trong ngày; nhận ngoài giờ làm việc…"), and Tab reaches every button
of the scans panel."""

from __future__ import annotations

from typing import Any

import pytest

from onestop_desktop.ui.i18n import install_translators
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.intake.scan_helpers import fill

VI_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_explanation_in_the_interface_language(qtbot: Any, app_context: Any, lang: str) -> None:
    install_translators(lang)
    try:
        tab = IntakeTab(app_context)
        qtbot.addWidget(tab)
        fill(tab)
        text = tab.due_explain.text()
        assert text
        if lang == "en":
            assert not VI_LETTERS & set(text.lower()), text
            assert "due" in text or "working" in text or "day" in text, text
        else:
            assert VI_LETTERS & set(text.lower()), text
    finally:
        install_translators("vi")


def test_scanner_folder_button_is_reached_by_tab(qtbot: Any, app_context: Any) -> None:
    """Walkthrough: Tab went from the F4 button to the tray and on to the form, never to this button."""
    from PySide6.QtCore import Qt

    tab = IntakeTab(app_context)
    qtbot.addWidget(tab)
    tab.show()
    qtbot.waitExposed(tab)
    button = tab.scans.panel.tray.folder_button
    assert button.isEnabled() and button.focusPolicy() & Qt.FocusPolicy.TabFocus
    chain = tab.scans.panel.focus_chain()
    assert button in chain and chain.index(button) < chain.index(tab.scans.panel.tray.list)
    seen, w = [], tab.scans.panel.tray.list
    for _ in range(60):  # walk the Tab order backwards from the tray's list
        w = w.previousInFocusChain()
        seen.append(w)
        if w is button or w is tab.scans.panel.strip:
            break
    assert button in seen, "Shift+Tab from the scanner tray never reaches the Scanner folder button"
