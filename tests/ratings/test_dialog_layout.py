"""The reason row that opens after 2 or 3 gets its room: its caption is never under the big buttons."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from onestop_desktop.ui.rating.dialog import RatingDialog


def test_reason_caption_below_the_buttons(app_context: Any, qtbot: Any) -> None:
    d = RatingDialog("000.00.60.H19-261201-0016")
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    QTest.keyClick(d, Qt.Key.Key_2)
    qtbot.waitUntil(lambda: d.reason.isVisible(), timeout=2000)
    QTest.qWait(50)
    buttons_bottom = max(b.geometry().bottom() for b in d.buttons.values())
    caption = d.reason_label.geometry()
    assert caption.top() > buttons_bottom, (caption, buttons_bottom)
    assert caption.height() >= d.reason_label.heightForWidth(caption.width())  # no line cut short
    assert d.reason.geometry().top() >= caption.bottom()
