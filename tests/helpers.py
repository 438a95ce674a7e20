"""Test helpers for driving widgets like a clerk at the keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type any text, Vietnamese included, one character at a time.

    qtbot.keyClicks aborts the whole process on non-ASCII characters (qasciikey.cpp); a key event
    with Key_unknown and the character as its text is what a real keyboard with an IME delivers.
    """
    for ch in text:
        QTest.sendKeyEvent(
            QTest.KeyAction.Click, widget, Qt.Key.Key_unknown, ch, Qt.KeyboardModifier.NoModifier
        )


def press(
    widget: QWidget, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    QTest.keyClick(widget, key, modifier)
