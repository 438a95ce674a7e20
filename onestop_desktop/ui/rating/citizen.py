"""The citizen's own rating screen: a frameless window on the counter's second screen.

Shown only when the computer has two screens and the preference is on (`settings.py`); the counter's
dialog works alone otherwise. The window never takes the keyboard from the clerk (it shows without
activating); the citizen touches or clicks a button, the window thanks them and the counter's dialog
records the choice.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from onestop_desktop.domain.ratings import LEVELS
from onestop_desktop.ui.rating.levels import level_button

THANKS_MS = 2500  # how long the thanks stay on the citizen's screen


def second_screen(counter: QWidget | None = None) -> QScreen | None:
    """The screen facing the citizen: any screen other than the counter's; None with one screen."""
    screens = QGuiApplication.screens()
    if len(screens) < 2:
        return None
    mine = counter.screen() if counter is not None else None
    mine = mine or QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not mine and s != mine]
    return others[0] if others else None


class CitizenWindow(QWidget):
    """Three large buttons for the citizen; `chosen(level)` when one is pressed."""

    chosen = Signal(str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint)
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating, True)
        self.setObjectName("citizenRating")
        self.setWindowTitle(self.tr("Rate our service"))
        self.setStyleSheet("#citizenRating { background: #f7f4ea; }")
        self.code = code
        self.title = QLabel(self.tr("Are you satisfied with the service you received?"))
        self.title.setObjectName("citizenQuestion")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        f = self.title.font()
        f.setPointSize(30)
        f.setBold(True)
        self.title.setFont(f)
        self.subtitle = QLabel(self.tr("Dossier {code}: touch one of the three buttons.").format(code=code))
        self.subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.subtitle.setWordWrap(True)
        f2 = self.subtitle.font()
        f2.setPointSize(18)
        self.subtitle.setFont(f2)
        self.buttons: dict[str, QPushButton] = {}
        self.row = row = QHBoxLayout()
        row.setSpacing(30)
        for level in LEVELS:
            b = level_button(level, 32, numbered=False, height=220)
            b.clicked.connect(lambda _c=False, lv=level: self._press(lv))
            self.buttons[level] = b
            row.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 60, 60, 60)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addSpacing(30)
        layout.addLayout(row, 1)
        self._closer = QTimer(self)
        self._closer.setSingleShot(True)
        self._closer.timeout.connect(self.close)

    def show_on(self, screen: QScreen) -> None:
        """Fill `screen` (the citizen's) without taking the focus from the counter."""
        self._fit(screen.geometry().width())
        self.setScreen(screen)
        self.setGeometry(screen.geometry())
        self.show()

    def _fit(self, width: int) -> None:
        """Type as large as the screen allows: a 1920-px screen gets 32 pt, an 800-px tablet 16 pt."""
        size = max(14, min(32, width // 48))
        for b in self.buttons.values():
            f = b.font()
            f.setPointSize(size)
            b.setFont(f)
        for label, points in ((self.title, size), (self.subtitle, max(12, size * 3 // 5))):
            f = label.font()
            f.setPointSize(points)
            label.setFont(f)
        margin = max(12, width // 30)
        self.layout().setContentsMargins(margin, margin, margin, margin)
        self.row.setSpacing(max(8, width // 60))

    def _press(self, level: str) -> None:
        if self._closer.isActive():
            return  # already answered
        self.thank()
        self.chosen.emit(level)

    def thank(self) -> None:
        """Thank the citizen, then close after a moment (the counter recorded the rating)."""
        for b in self.buttons.values():
            b.setEnabled(False)
        self.title.setText(self.tr("Thank you for your rating!"))
        self.subtitle.setText("")
        self._closer.start(THANKS_MS)
