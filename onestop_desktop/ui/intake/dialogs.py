"""Small dialogs of the counter: supplement guidance, refusal, lookup results."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.services.intake.lookup import DossierSummary
from onestop_desktop.ui.common.screen import fit_resize


class GuidanceDialog(QDialog):
    """What is missing (one paper per line) and how to complete it: printed as form 02."""

    def __init__(self, missing: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Supplement guidance (form 02)"))
        layout = QFormLayout(self)
        self.missing = QPlainTextEdit("\n".join(missing))
        self.missing.setObjectName("missing")
        self.missing.setTabChangesFocus(True)
        self.instructions = QPlainTextEdit()
        self.instructions.setObjectName("instructions")
        self.instructions.setTabChangesFocus(True)
        self.instructions.setPlaceholderText(self.tr("e.g. bring the original for comparison"))
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addRow(QLabel(self.tr("Nothing is registered as received; the applicant gets form 02.")))
        layout.addRow(self.tr("&Missing or to complete (one per line):"), self.missing)
        layout.addRow(self.tr("&Instructions:"), self.instructions)
        layout.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record and print"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        fit_resize(self, 560, 380)

    def missing_items(self) -> list[str]:
        return [line.strip() for line in self.missing.toPlainText().splitlines() if line.strip()]


class RefusalDialog(QDialog):
    """The reason for refusing (outside the office's competence, not allowed): printed as form 03."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Refuse to receive (form 03)"))
        layout = QFormLayout(self)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setTabChangesFocus(True)
        self.reason.setPlaceholderText(
            self.tr("e.g. the request is not within the competence of this office")
        )
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addRow(QLabel(self.tr("The refusal is recorded for statistics and printed on form 03.")))
        layout.addRow(self.tr("&Reason:"), self.reason)
        layout.addRow(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Record and print"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addRow(buttons)
        fit_resize(self, 520, 300)


class LookupDialog(QDialog):
    """Dossiers found at the counter; Enter on a row reprints its receipt, "Attach scans…" adds scans."""

    def __init__(self, rows: tuple[DossierSummary, ...], query: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = rows
        self.setWindowTitle(self.tr("Dossiers found for “{q}”").format(q=query))
        layout = QVBoxLayout(self)
        headers = [
            self.tr("Code"),
            self.tr("Applicant"),
            self.tr("Procedure"),
            self.tr("Received"),
            self.tr("Appointment"),
            self.tr("Status"),
        ]
        self.table = QTableWidget(len(rows), len(headers))
        self.table.setObjectName("lookupResults")
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        for r, d in enumerate(rows):
            values = [
                d.code,
                d.applicant_name,
                d.procedure_name,
                fmt_datetime(d.received_at),
                fmt_datetime(d.due_at),
                d.status_label,
            ]
            for c, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if rows:
            self.table.selectRow(0)
        layout.addWidget(QLabel(self.tr("{n} dossier(s) found.").format(n=len(rows))))
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.reprint = buttons.addButton(self.tr("&Reprint receipt"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.reprint.setEnabled(bool(rows))
        self.wants_attach = False  # "Attach scans…" instead of reprinting (issue 14)
        self.attach = buttons.addButton(self.tr("&Attach scans…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.attach.setObjectName("attachScans")
        self.attach.setEnabled(bool(rows))
        self.attach.clicked.connect(self._attach)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.table.doubleClicked.connect(lambda _i: self.accept())
        layout.addWidget(buttons)
        fit_resize(self, 980, 420)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _attach(self) -> None:
        self.wants_attach = True
        self.accept()

    def chosen(self) -> DossierSummary | None:
        r = self.table.currentRow()
        return self.rows[r] if 0 <= r < len(self.rows) else None
