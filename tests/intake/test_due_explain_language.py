"""The appointment's explanation beside the form speaks the interface language (it stayed Vietnamese in
the English window: "trong ngày; nhận ngoài giờ làm việc…")."""

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
