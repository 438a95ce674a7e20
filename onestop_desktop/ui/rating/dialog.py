"""The counter's rating dialog: three big buttons, 1 / 2 / 3 on the keyboard, Esc = the citizen declined.

"Satisfied" is saved at once. "Neutral" and "Not satisfied" open an optional reason line (the clerk asks
why, and may leave it empty); Enter saves. Esc at any moment closes the dialog and records nothing: the
citizen declined to rate. A level chosen on the citizen's own screen arrives through `choose()` with the
source "screen".
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.ratings import LEVELS, SATISFIED
from onestop_desktop.services.ratings.record import REASON_MAX
from onestop_desktop.ui.rating.levels import KEYS, label, level_button


class RatingDialog(QDialog):
    """Ask the citizen's rating of dossier `code`; `rated(level, reason, source)` when saved."""

    rated = Signal(str, str, str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ratingDialog")
        self.setWindowTitle(self.tr("Citizen's rating of dossier {code}").format(code=code))
        self.code = code
        self.level = ""
        self.source = "counter"
        self.saved = False

        ask = QLabel(
            self.tr(
                "Ask the citizen how satisfied they are with the service: press 1, 2 or 3. "
                "Esc if the citizen declines to rate."
            )
        )
        ask.setWordWrap(True)
        self.screen_note = QLabel(self.tr("The citizen can also answer on the screen facing them."))
        self.screen_note.setObjectName("screenNote")
        self.screen_note.setVisible(False)
        row = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for level in LEVELS:
            b = level_button(level, 16, numbered=True, height=110)
            b.clicked.connect(lambda _c=False, lv=level: self.choose(lv))
            self.buttons[level] = b
            row.addWidget(b)

        self.reason_label = QLabel()
        self.reason_label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setObjectName("reason")
        self.reason.setMaxLength(REASON_MAX)
        self.reason.setPlaceholderText(self.tr("Optional: leave empty if the citizen gives no reason"))
        self.reason.returnPressed.connect(self.save)
        self.save_button = QPushButton(self.tr("Save the rating"))
        self.save_button.setObjectName("saveRating")
        self.save_button.clicked.connect(self.save)
        self.decline_button = QPushButton(self.tr("The citizen declines (Esc)"))
        self.decline_button.setObjectName("declineRating")
        self.decline_button.setAutoDefault(False)
        self.decline_button.clicked.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.decline_button)
        bottom.addStretch(1)
        bottom.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(ask)
        layout.addWidget(self.screen_note)
        layout.addLayout(row)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.reason)
        layout.addLayout(bottom)
        self._show_reason(False)
        self.setMinimumWidth(620)

    def _show_reason(self, shown: bool) -> None:
        for w in (self.reason_label, self.reason, self.save_button):
            w.setVisible(shown)
        if shown and self.isVisible():
            # grow to hold the new row: squeezed, the caption slid under the big buttons
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))

    def choose(self, level: str, source: str = "counter") -> None:
        """The citizen chose `level` (told by the clerk, or pressed on the citizen's screen)."""
        if level not in LEVELS or self.saved:
            return
        self.level, self.source = level, source
        for lv, b in self.buttons.items():
            b.setProperty("chosen", "true" if lv == level else "false")
            b.style().unpolish(b)
            b.style().polish(b)
        if level == SATISFIED:
            self.save()
            return
        self.reason_label.setText(
            self.tr("The citizen chose \u201c{level}\u201d. Why? (optional)").format(level=label(level))
        )
        self._show_reason(True)
        self.save_button.setDefault(True)
        self.reason.setFocus()

    def save(self) -> None:
        if not self.level or self.saved:
            return
        self.saved = True
        self.rated.emit(self.level, self.reason.text().strip(), self.source)
        self.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Digits typed in the reason line stay there (QLineEdit takes them before they reach us).
        level = KEYS.get(Qt.Key(event.key()))
        if level is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.choose(level)
            return
        super().keyPressEvent(event)
