"""The leader's audit view: the chain and the dossiers checked against the log, and the latest entries."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.fmt import fmt_datetime, fmt_int
from onestop_desktop.services.roles import Role, require
from onestop_desktop.services.safety import audit_check, audit_report
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say

RECENT = 200
ENTITIES = {
    "dossier": QT_TRANSLATE_NOOP("AuditDialog", "Dossier"),
    "user": QT_TRANSLATE_NOOP("AuditDialog", "Account"),
    "import": QT_TRANSLATE_NOOP("AuditDialog", "Imported file"),
    "catalogue": QT_TRANSLATE_NOOP("AuditDialog", "Catalogue"),
    "procedure": QT_TRANSLATE_NOOP("AuditDialog", "Procedure"),
    "calendar": QT_TRANSLATE_NOOP("AuditDialog", "Working calendar"),
    "office": QT_TRANSLATE_NOOP("AuditDialog", "Office"),
    "database": QT_TRANSLATE_NOOP("AuditDialog", "Database"),
    "indicator": QT_TRANSLATE_NOOP("AuditDialog", "Reform indicator"),
    "bhyt_tally": QT_TRANSLATE_NOOP("AuditDialog", "BHYT figures"),
    "bhyt_month": QT_TRANSLATE_NOOP("AuditDialog", "BHYT month"),
    "bhyt_target": QT_TRANSLATE_NOOP("AuditDialog", "BHYT target"),
    "counter_event": QT_TRANSLATE_NOOP("AuditDialog", "Counter"),
    "rows": QT_TRANSLATE_NOOP("AuditDialog", "Data rows"),
}
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("AuditDialog", "created"),
    "update": QT_TRANSLATE_NOOP("AuditDialog", "changed"),
    "delete": QT_TRANSLATE_NOOP("AuditDialog", "deleted"),
    "import": QT_TRANSLATE_NOOP("AuditDialog", "imported"),
    "import-dossiers": QT_TRANSLATE_NOOP("AuditDialog", "dossiers imported"),
    "restore": QT_TRANSLATE_NOOP("AuditDialog", "restored from a backup"),
    "lockout": QT_TRANSLATE_NOOP("AuditDialog", "locked after failed sign-ins"),
    "change-password": QT_TRANSLATE_NOOP("AuditDialog", "own password changed"),
    "reset-password": QT_TRANSLATE_NOOP("AuditDialog", "password reset"),
    "accept": QT_TRANSLATE_NOOP("AuditDialog", "received"),
    "refuse": QT_TRANSLATE_NOOP("AuditDialog", "refused"),
    "transfer": QT_TRANSLATE_NOOP("AuditDialog", "transferred"),
    "request-supplement": QT_TRANSLATE_NOOP("AuditDialog", "supplement requested"),
    "receive-supplement": QT_TRANSLATE_NOOP("AuditDialog", "supplement received"),
    "request-financial": QT_TRANSLATE_NOOP("AuditDialog", "financial obligation requested"),
    "receive-financial": QT_TRANSLATE_NOOP("AuditDialog", "financial obligation met"),
    "resolve": QT_TRANSLATE_NOOP("AuditDialog", "resolved"),
    "return-result": QT_TRANSLATE_NOOP("AuditDialog", "result returned"),
    "withdraw": QT_TRANSLATE_NOOP("AuditDialog", "withdrawn"),
    "stop": QT_TRANSLATE_NOOP("AuditDialog", "stopped"),
    "apology": QT_TRANSLATE_NOOP("AuditDialog", "apology letter"),
    "audit-keyed": QT_TRANSLATE_NOOP("AuditDialog", "log sealed with a key"),
}


def _label(table: dict[str, object], code: str) -> str:
    """The translated label of a stored code; an unknown code is shown as stored."""
    if code.startswith("undo:"):
        return QCoreApplication.translate("AuditDialog", "undone: {action}").format(
            action=_label(table, code[len("undo:") :])
        )
    return QCoreApplication.translate("AuditDialog", str(table[code])) if code in table else code


@dataclass(frozen=True)
class AuditReport:
    findings: list[str]  # worded in the interface language
    notes: list[str]
    checked: int  # dossiers checked against their snapshots in the log
    rows: int  # data rows checked against their seals
    head: str
    entries: list[audit_check.EntryView]


def build_report(ctx: AppContext) -> AuditReport:
    """Runs on the task runner: its own session, nothing written."""
    with ctx.session() as s:
        summary = audit_report.full_check(s)
        entries = audit_check.recent_entries(s, RECENT)
    return AuditReport(
        [say(m) for m in summary.findings],
        [say(m) for m in summary.notes],
        summary.dossiers.checked,
        summary.rows.checked,
        summary.head,
        entries,
    )


class AuditDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        with ctx.session() as s:
            require(s, ctx.actor, Role.LEADER, what="xem nhật ký kiểm tra")
        self.ctx = ctx
        self.report: AuditReport | None = None
        self.setWindowTitle(self.tr("Audit log"))
        fit_resize(self, 1000, 640)
        self.summary = QLabel(self.tr("Checking the audit log…"))
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("findings")
        self.findings.setMaximumHeight(160)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("entries")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Who"), self.tr("What"), self.tr("Action"), self.tr("Note")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        again = QPushButton(self.tr("Check again"))
        buttons.addButton(again, QDialogButtonBox.ButtonRole.ActionRole)
        again.clicked.connect(self.refresh)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.findings)
        self.head = QLabel()
        self.head.setObjectName("head")
        self.head.setWordWrap(True)
        self.head.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.head)
        layout.addWidget(QLabel(self.tr("Latest {n} entries:").format(n=RECENT)))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.summary.setText(self.tr("Checking the audit log…"))
        ctx = self.ctx
        self.ctx.tasks.run(
            lambda _p: build_report(ctx),
            self.show_report,
            lambda exc: show_error(self, exc),
            title=self.tr("Checking the audit log…"),
            parent=self,
        )

    def show_report(self, report: AuditReport) -> None:
        self.report = report
        self.findings.clear()
        if report.findings:
            self.summary.setText(
                self.tr("{n} findings: the log or the dossiers were changed outside the program.").format(
                    n=fmt_int(len(report.findings))
                )
            )
            self.summary.setStyleSheet("color: #b00020; font-weight: bold")
            self.findings.addItems(report.findings)
        else:
            self.summary.setText(
                self.tr(
                    "No discrepancy found ({checked} dossiers checked against their snapshots, "
                    "{rows} data rows against their seals)."
                ).format(checked=fmt_int(report.checked), rows=fmt_int(report.rows))
            )
            self.summary.setStyleSheet("color: #1b5e20; font-weight: bold")
            self.findings.addItem(self.tr("No discrepancy found"))
        self.findings.addItems(report.notes)
        self.head.setText(
            self.tr("Current head of the log (note it down elsewhere): {head}").format(head=report.head)
        )
        self.table.setRowCount(len(report.entries))
        for row, e in enumerate(report.entries):
            who = e.user or self.tr("(the program)")
            what = f"{_label(ENTITIES, e.entity)} {e.entity_id}"
            cells = [fmt_datetime(e.at), who, what, _label(ACTIONS, e.action), e.note]
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
