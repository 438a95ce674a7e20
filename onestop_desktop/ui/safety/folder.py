"""The second backup folder (a USB stick, a shared drive): chosen once, used by every backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop import prefs
from onestop_desktop.ui.common.screen import fit_resize


class SecondFolderDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Second backup folder"))
        fit_resize(self, 620, 180)
        intro = QLabel(
            self.tr(
                "Every backup is also copied into this folder, for example on a USB stick kept away from "
                "the computer. When the folder is missing (stick not plugged in) the main copy is still made."
            )
        )
        intro.setWordWrap(True)
        self.path = QLineEdit(prefs.load().backup_folder)
        self.path.setObjectName("folder")
        self.path.setPlaceholderText(self.tr("No second folder"))
        browse = QPushButton(self.tr("Choose…"))
        browse.clicked.connect(self.browse)
        clear = QPushButton(self.tr("No second folder"))
        clear.clicked.connect(self.path.clear)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        row.addWidget(clear)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addStretch(1)
        layout.addWidget(buttons)

    def browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Second backup folder"), self.path.text())
        if chosen:
            self.path.setText(chosen)

    def save(self) -> None:
        text = self.path.text().strip()
        p = prefs.load()
        p.backup_folder = str(Path(text)) if text else ""
        prefs.save(p)
        self.accept()
