"""The intake tab's side panel: the live appointment, what blocks saving, the outcome buttons, drafts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from onestop_desktop.ui.intake.drafts import DraftsList


class SidePanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeSide")
        col = QVBoxLayout(self)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setVisible(False)
        self.banner.setStyleSheet(
            "background: #e6f4ea; border: 1px solid #7cb98a; padding: 8px; color: #14532d;"
        )
        caption = QLabel(self.tr("Appointment"))
        caption.setStyleSheet("font-weight: bold;")
        self.due_label = QLabel("—")
        self.due_label.setObjectName("dueLabel")
        font = self.due_label.font()
        font.setPointSize(font.pointSize() + 6)
        font.setBold(True)
        self.due_label.setFont(font)
        self.due_label.setStyleSheet("color: #1f5fa8;")
        self.due_explain = QLabel()
        self.due_explain.setObjectName("dueExplain")
        self.due_explain.setWordWrap(True)
        self.warning_label = QLabel()
        self.warning_label.setObjectName("warningLabel")
        self.warning_label.setWordWrap(True)
        self.warning_label.setStyleSheet("color: #8a5a00;")
        self.fill_button = QPushButton()
        self.fill_button.setObjectName("fillButton")
        self.fill_button.setVisible(False)
        self.blockers_label = QLabel()
        self.blockers_label.setObjectName("blockersLabel")
        self.blockers_label.setWordWrap(True)
        self.blockers_label.setStyleSheet("color: #b00020;")
        self.save_button = QPushButton(self.tr("&Save and print receipt (Ctrl+S)"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setStyleSheet("font-weight: bold; padding: 6px;")
        self.guidance_button = QPushButton(self.tr("Supplement &guidance (form 02)…"))
        self.guidance_button.setObjectName("guidanceButton")
        self.refuse_button = QPushButton(self.tr("&Refuse (form 03)…"))
        self.refuse_button.setObjectName("refuseButton")
        self.print_button = QPushButton(self.tr("Print &last receipt (Ctrl+P)"))
        self.print_button.setObjectName("printButton")
        self.print_button.setEnabled(False)
        keys = QLabel(
            self.tr(
                "Ctrl+N new dossier · Ctrl+Shift+N same applicant · Ctrl+D fill from last dossier · "
                "Esc clear · F3 lookup"
            )
        )
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #555;")
        self.drafts = DraftsList()
        for w in (
            self.banner,
            caption,
            self.due_label,
            self.due_explain,
            self.warning_label,
            self.fill_button,
        ):
            col.addWidget(w)
        col.addWidget(self.blockers_label)
        for w in (self.save_button, self.guidance_button, self.refuse_button, self.print_button, keys):
            col.addWidget(w)
        col.addWidget(QLabel(self.tr("Drafts (Enter to resume, Delete to discard):")))
        col.addWidget(self.drafts, 1)
        for w in (self.save_button, self.guidance_button, self.refuse_button, self.print_button):
            w.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
