"""The three levels as the buttons show them: key, colour, label (the domain's wording, both languages)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSizePolicy

from onestop_desktop.domain.ratings import LEVELS, NEUTRAL, SATISFIED, UNSATISFIED, level_msg
from onestop_desktop.ui.i18n import say

# 1 / 2 / 3 on the keyboard (the number row or the keypad), in the order of LEVELS.
KEYS = {Qt.Key.Key_1: SATISFIED, Qt.Key.Key_2: NEUTRAL, Qt.Key.Key_3: UNSATISFIED}
NUMBERS = {level: i + 1 for i, level in enumerate(LEVELS)}
_COLOURS = {SATISFIED: "#1e7b34", NEUTRAL: "#6b6b6b", UNSATISFIED: "#a61b1b"}


def label(level: str) -> str:
    """The level's label in the interface language ("Hài lòng" / "Satisfied")."""
    return say(level_msg(level))


def level_button(level: str, point_size: int, numbered: bool, height: int) -> QPushButton:
    """A big coloured button for one level; `numbered` shows its key (the counter's dialog)."""
    text = f"{NUMBERS[level]}\n{label(level)}" if numbered else label(level)
    b = QPushButton(text)
    b.setObjectName(f"rate_{level}")
    b.setProperty("level", level)
    b.setMinimumHeight(height)
    b.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
    b.setAutoDefault(False)
    b.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # 1/2/3 and Esc reach the dialog, never a focused button
    f = b.font()
    f.setPointSize(point_size)
    f.setBold(True)
    b.setFont(f)
    b.setStyleSheet(
        f"QPushButton {{ background: {_COLOURS[level]}; color: white; border-radius: 10px; padding: 8px; }}"
        f"QPushButton[chosen='true'] {{ border: 5px solid #f2c200; }}"
    )
    return b
