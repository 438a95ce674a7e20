"""The preference that turns the citizen's second-screen window on or off.

A property of the counter's computer (which screens it has), so it is kept in QSettings with the other
per-machine interface state, not in the shared preferences file. Off by default: a second screen may be
a projector showing something else until the office says it faces the citizen.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QCheckBox, QWidget

from onestop_desktop.ui.rating.citizen import second_screen

KEY = "rating/citizen_screen"


def citizen_screen_enabled() -> bool:
    return bool(QSettings().value(KEY, False, type=bool))


def set_citizen_screen_enabled(on: bool) -> None:
    QSettings().setValue(KEY, bool(on))


class CitizenScreenToggle(QCheckBox):
    """ "Rating screen for citizens" on the tab's bottom bar: ticks the preference, says when the
    computer has no second screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenScreenToggle")
        self.setText(self.tr("Rating screen for citizens"))
        self.setChecked(citizen_screen_enabled())
        self.toggled.connect(set_citizen_screen_enabled)
        self.refresh_tip()

    def refresh_tip(self) -> None:
        if second_screen(self.window()) is None:
            self.setToolTip(
                self.tr(
                    "Shows the rating buttons to the citizen on a second screen. This computer has one "
                    "screen now: the rating is asked at the counter."
                )
            )
        else:
            self.setToolTip(self.tr("Shows the rating buttons to the citizen on the second screen."))
