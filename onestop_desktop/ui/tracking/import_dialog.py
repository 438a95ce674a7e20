"""Importing an old log book: choose the file, check the column mapping on a preview, see every rejected
row with its reason, and import only when every row is valid (all or nothing)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.messages import Num, msg
from onestop_desktop.services.safety import backup
from onestop_desktop.services.tracking import logbook_import, logbook_sheet
from onestop_desktop.services.tracking.logbook_messages import field_label
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import language, plural, say, say_error
from onestop_desktop.ui.tasks import Cancelled, Progress


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Import an old log book"))
        fit_resize(self, 980, 640)
        self.plan: logbook_import.ImportPlan | None = None
        self.table_cells: list[list[Any]] = []
        self.path_edit = QLineEdit()
        self.path_edit.setReadOnly(True)
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("File (.xlsx or .csv):")))
        top.addWidget(self.path_edit, 1)
        top.addWidget(browse)
        self.combos: dict[str, QComboBox] = {}
        mapping = QFormLayout()
        for f in logbook_sheet.FIELDS:
            c = QComboBox()
            c.setObjectName(f"map_{f}")
            self.combos[f] = c
            mapping.addRow(say(field_label(f)) + (" *" if f in logbook_sheet.REQUIRED else ""), c)
        self.preview = QTableWidget()
        self.preview.setObjectName("preview")
        self.report = QPlainTextEdit()
        self.report.setObjectName("report")
        self.report.setReadOnly(True)
        self.check_button = QPushButton(self.tr("Check"))
        self.check_button.clicked.connect(self.check)
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("import")
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.run_import)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for b in (self.check_button, self.import_button, close):
            buttons.addWidget(b)
        middle = QHBoxLayout()
        left = QWidget()
        left.setLayout(mapping)
        middle.addWidget(left)
        middle.addWidget(self.preview, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 2)
        layout.addWidget(QLabel(self.tr("Result of the check:")))
        layout.addWidget(self.report, 1)
        layout.addLayout(buttons)

    def choose(self) -> None:
        target, _ = QFileDialog.getOpenFileName(
            self, self.tr("Old log book"), str(Path.home()), self.tr("Log books (*.xlsx *.csv)")
        )
        if target:
            self.load(Path(target))

    def load(self, path: Path) -> None:
        """Read the file, guess the mapping from its headers, show the preview, then check it."""
        try:
            cells = logbook_sheet.read_head(path)  # the preview; the check reads the rest off this thread
        except Exception as exc:
            show_error(self, exc)
            return
        self.path_edit.setText(str(path))
        self.table_cells = cells
        header, mapping = logbook_sheet.detect_header(cells)
        head = [str(c or "") for c in cells[header]] if header >= 0 else []
        width = max((len(r) for r in cells[:50]), default=0)
        for f, c in self.combos.items():
            c.clear()
            c.addItem(self.tr("(none)"), None)
            for j in range(width):
                c.addItem(f"{j + 1}. {head[j] if j < len(head) else ''}", j)
            c.setCurrentIndex(c.findData(mapping.get(f)) if f in mapping else 0)
        rows = cells[header + 1 : header + 21]
        self.preview.clear()
        self.preview.setColumnCount(width)
        self.preview.setRowCount(len(rows))
        self.preview.setHorizontalHeaderLabels(head + [""] * (width - len(head)))
        for i, r in enumerate(rows):
            for j, v in enumerate(r):
                self.preview.setItem(i, j, QTableWidgetItem("" if v is None else str(v)))
        self.check()

    def mapping(self) -> dict[str, int]:
        return {f: int(c.currentData()) for f, c in self.combos.items() if c.currentData() is not None}

    def check(self) -> None:
        path = Path(self.path_edit.text())
        if not self.path_edit.text():
            return
        mapping, opener = self.mapping(), self.ctx.session
        self.plan = None  # until this check ends (a cancelled check leaves nothing to import)
        self.import_button.setEnabled(False)

        def work(p: Progress) -> logbook_import.ImportPlan:
            with opener() as s:
                return logbook_import.plan_import(s, path, mapping, reporter(p))

        self.ctx.tasks.run(work, self._checked, self._failed, title=self.tr("Checking…"), parent=self)

    def _failed(self, exc: Exception) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        self.report.setPlainText(say_error(exc))

    def _checked(self, plan: logbook_import.ImportPlan) -> None:
        self.plan = plan
        lines = [
            self.tr("{new} new dossiers, {old} already in the database, {bad} rejected rows.").format(
                new=len(plan.rows), old=plan.existing, bad=len(plan.rejected)
            )
        ]
        if plan.rejected:
            lines.append(self.tr("Nothing can be imported until every row is corrected:"))
            lines.append(plan.report(language()))
        self.report.setPlainText("\n".join(lines))
        self.import_button.setEnabled(plan.ok and bool(plan.rows))

    def run_import(self) -> None:
        plan = self.plan
        if plan is None or not plan.ok:
            return
        opener, user_id, name = self.ctx.session, self.ctx.actor.user_id, Path(self.path_edit.text()).name
        url = self.ctx.db.url

        def work(p: Progress) -> int:
            backup.backup_before(url, "before-import")
            with opener() as s:
                n = logbook_import.apply_plan(s, user_id, plan, name, reporter(p), defer_search=True)
            # the search keys, in short transactions (counters save between); the dossiers are in: too
            # late to cancel, and the next import would finish it anyway
            logbook_import.index_pending(opener, reporter(p, cancellable=False))
            return n

        def done(n: int) -> None:
            self.import_button.setEnabled(False)
            done_text = plural(n, self.tr("Imported {n} dossier."), self.tr("Imported {n} dossiers."))
            self.report.appendPlainText(done_text.format(n=n))
            self.ctx.bus.data_changed.emit("dossiers")

        self.ctx.tasks.run(
            work, done, lambda exc: show_error(self, exc), title=self.tr("Importing…"), parent=self
        )


def reporter(p: Progress, cancellable: bool = True) -> Callable[[str, int, int], None]:
    """The service's `progress(stage, done, total)` as the task's percent and sentence; raises
    `Cancelled` when the clerk pressed Cancel (the write's transaction is then rolled back: nothing)."""

    def report(stage: str, done: int, total: int) -> None:
        percent = min(99, done * 100 // total) if total else 0
        try:
            p.report(percent, say(msg(f"logbook.stage.{stage}", done=Num(done), total=Num(total))))
        except Cancelled:
            if cancellable:
                raise

    return report
