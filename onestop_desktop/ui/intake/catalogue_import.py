"""The province's published list as a new catalogue version: pick file and day, preview, then confirm."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.catalogue import list_import
from onestop_desktop.services.catalogue.list_import import ListPlan, ListReport
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say
from onestop_desktop.ui.intake import catalogue_excel


class CatalogueImportDialog(QDialog):
    """Nothing is written before "Write the new version"; Cancel closes and writes nothing."""

    def __init__(self, ctx: AppContext, path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueImportDialog")
        self.ctx = ctx
        self.plan: ListPlan | None = None
        self.report: ListReport | None = None
        self.setWindowTitle(self.tr("Import a published list of procedures"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.path = QLineEdit(str(path) if path else "")
        self.path.setObjectName("importPath")
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(choose)
        form.addRow(self.tr("&File:"), row)
        self.effective = QDateEdit()
        self.effective.setObjectName("effective")
        self.effective.setCalendarPopup(True)
        self.effective.setDisplayFormat("dd/MM/yyyy")
        today = today_local()
        self.effective.setDate(QDate(today.year, today.month, today.day))
        form.addRow(self.tr("&In force from:"), self.effective)
        self.source = QLineEdit()
        self.source.setObjectName("source")
        self.source.setPlaceholderText(self.tr("e.g. Decision 1234/QĐ-UBND of the provincial committee"))
        form.addRow(self.tr("&Legal basis:"), self.source)
        self.end_unlisted = QCheckBox(self.tr("Procedures not in the file stop applying from that day"))
        self.end_unlisted.setChecked(True)
        form.addRow("", self.end_unlisted)
        layout.addLayout(form)
        self.preview_button = QPushButton(self.tr("&Preview changes"))
        self.preview_button.setObjectName("previewButton")
        self.preview_button.clicked.connect(self.preview)
        layout.addWidget(self.preview_button)
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("changes")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Procedure"), self.tr("Change"), self.tr("Details")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Expanding)
        layout.addWidget(self.table, 1)
        self.rejected = QPlainTextEdit()
        self.rejected.setObjectName("rejected")
        self.rejected.setReadOnly(True)
        self.rejected.setMaximumHeight(120)
        self.rejected.setStyleSheet("color: #b00020;")
        self.rejected.hide()
        layout.addWidget(self.rejected)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.confirm_button = self.buttons.addButton(
            self.tr("&Write the new version"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.confirm_button.setObjectName("confirmButton")
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for w in (self.path, self.source):
            w.textChanged.connect(self._stale)
        self.effective.dateChanged.connect(self._stale)
        self.end_unlisted.toggled.connect(self._stale)
        self.resize(980, 620)

    def _choose(self) -> None:
        if (path := catalogue_excel.ask_import_path(self)) is not None:
            self.path.setText(str(path))

    def _stale(self, *_args: Any) -> None:
        """Anything changed after the preview: preview again before writing."""
        self.plan = None
        self.confirm_button.setEnabled(False)

    def preview(self) -> None:
        path = Path(self.path.text().strip())
        if not self.path.text().strip():
            self.summary.setText(self.tr("Choose the file of the published list first."))
            return
        day = self.effective.date().toPython()
        source, end_unlisted = self.source.text().strip(), self.end_unlisted.isChecked()
        opener, actor = self.ctx.session, self.ctx.actor

        def work(_progress: Any) -> ListPlan:
            with opener() as s:  # the worker's own session; a preview writes nothing
                return list_import.preview_list(s, actor, path, day, source, end_unlisted)

        self.ctx.tasks.run(
            work, self._show_plan, lambda e: show_error(self, e), title=self.tr("Reading…"), parent=self
        )

    def _show_plan(self, plan: ListPlan) -> None:
        labels = {
            list_import.NEW: self.tr("New"),
            list_import.CHANGED: self.tr("Changed"),
            list_import.UNCHANGED: self.tr("Unchanged"),
            list_import.UNLISTED: self.tr("No longer listed"),
        }
        shown = [c for c in plan.changes if c.status != list_import.UNCHANGED]
        self.table.setRowCount(len(shown))
        for r, c in enumerate(shown):
            lines = [say(line) for line in c.lines]
            cells = (c.code, c.name, labels[c.status], "; ".join(lines))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text if col != 3 else "\n".join(lines))
                self.table.setItem(r, col, item)
        self.table.resizeColumnsToContents()
        self.summary.setText(
            self.tr(
                "From {day}: {new} new, {changed} changed, {same} unchanged, {gone} no longer listed."
            ).format(
                day=fmt_date(plan.effective),
                new=plan.count(list_import.NEW),
                changed=plan.count(list_import.CHANGED),
                same=plan.count(list_import.UNCHANGED),
                gone=plan.count(list_import.UNLISTED),
            )
        )
        self.rejected.setVisible(bool(plan.rejected))
        if plan.rejected:
            self.rejected.setPlainText(
                self.tr("Rows refused (nothing will be written until they are corrected):")
                + "\n"
                + "\n".join(say(m) for m in plan.rejected)
            )
        self.plan = plan
        self.confirm_button.setEnabled(not plan.rejected)

    def confirm(self) -> None:
        plan, actor = self.plan, self.ctx.actor
        if plan is None or plan.rejected:
            return
        try:
            with self.ctx.session() as s:  # one transaction: every version, or none
                self.report = list_import.apply_list(s, actor, plan)
        except Exception as exc:  # a refusal: one sentence, nothing written
            show_error(self, exc)
            return
        self.ctx.bus.data_changed.emit("catalogue")
        self.accept()

    def result_text(self) -> str:
        r = self.report
        if r is None:
            return ""
        return self.tr("New version written: {a} new procedures, {c} changed, {e} no longer listed.").format(
            a=r.added, c=r.changed, e=r.ended
        )
