"""Import the monthly sheet: choose the file, check the column mapping on a preview, then import.

The mapping found (or chosen) is remembered in the settings table for next month's sheet.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.bhyt import coverage, tallies
from onestop_desktop.services.bhyt import sheet_import as bhyt_import
from onestop_desktop.services.bhyt.sheet_import import ImportCheck, MonthExists, Sheet
from onestop_desktop.services.safety import backup
from onestop_desktop.ui.common.messages import confirm, show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import language, plural, say, say_error

PREVIEW_ROWS = 40


def column_letter(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


class ImportDialog(QDialog):
    def __init__(self, ctx: AppContext, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.sheet: Sheet | None = None
        self.path: Path | None = None
        self.check: ImportCheck | None = None
        self.imported = 0
        self.setWindowTitle(self.tr("Import the monthly BHYT sheet"))
        fit_resize(self, 1000, 680)
        with ctx.session() as s:
            self.groups = tallies.list_groups(s)
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.file_edit = QLineEdit()
        self.file_edit.setReadOnly(True)
        self.file_edit.setPlaceholderText(
            self.tr("An Excel (.xlsx) or CSV file from the social insurance office")
        )
        choose = QPushButton(self.tr("Choose file…"))
        choose.clicked.connect(self.choose_file)
        top.addWidget(QLabel(self.tr("File:")))
        top.addWidget(self.file_edit, 1)
        top.addWidget(choose)
        layout.addLayout(top)

        form = QFormLayout()
        dates = QHBoxLayout()
        self.month_edit = QDateEdit(QDate(month.year, month.month, 1))
        self.month_edit.setDisplayFormat("MM/yyyy")
        self.month_edit.dateChanged.connect(self._month_changed)
        self.cutoff_edit = QDateEdit(QDate(month.year, month.month, 24))
        self.cutoff_edit.setDisplayFormat("dd/MM/yyyy")
        self.cutoff_edit.setCalendarPopup(True)
        dates.addWidget(self.month_edit)
        dates.addWidget(QLabel(self.tr("Data as of:")))
        dates.addWidget(self.cutoff_edit)
        self.header_spin = QSpinBox()
        self.header_spin.setRange(0, 50)
        self.header_spin.setSpecialValueText(self.tr("not found"))
        self.header_spin.valueChanged.connect(self.recheck)
        dates.addWidget(QLabel(self.tr("Header row:")))
        dates.addWidget(self.header_spin)
        dates.addStretch(1)
        form.addRow(self.tr("Month:"), dates)
        layout.addLayout(form)

        grid = QGridLayout()
        self.combos: dict[str, QComboBox] = {}
        labels = {
            bhyt_import.CODE: self.tr("Unit code"),
            bhyt_import.NAME: self.tr("Unit name"),
            bhyt_import.POPULATION: self.tr("Population"),
            bhyt_import.INSURED: self.tr("Insured"),
        }
        labels.update({f"group:{g.code}": g.name for g in self.groups})
        for i, (key, text) in enumerate(labels.items()):
            combo = QComboBox()
            combo.setObjectName(f"map_{key}")
            combo.currentIndexChanged.connect(self.recheck)
            label = QLabel(text)
            label.setWordWrap(True)
            grid.addWidget(label, i % 5, (i // 5) * 2)
            grid.addWidget(combo, i % 5, (i // 5) * 2 + 1)
            self.combos[key] = combo
        layout.addLayout(grid)

        self.preview = QTableWidget()
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview, 3)
        self.report = QPlainTextEdit()
        self.report.setReadOnly(True)
        self.report.setMaximumHeight(120)
        layout.addWidget(self.report, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setEnabled(False)
        self.import_button.clicked.connect(self.do_import)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self._filling = False

    # --- steps ----------------------------------------------------------------------------------
    def month(self) -> date:
        d = self.month_edit.date()
        return date(d.year(), d.month(), 1)

    def cutoff(self) -> date:
        d = self.cutoff_edit.date()
        return date(d.year(), d.month(), d.day())

    def _month_changed(self, _d: QDate) -> None:
        m = self.month()
        self.cutoff_edit.setDate(QDate(m.year, m.month, 24))
        self.recheck()

    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose the BHYT sheet"), "", self.tr("Sheets (*.xlsx *.csv);;All files (*)")
        )
        if name:
            self.load(Path(name))

    def load(self, path: Path) -> None:
        """Read the file (off the GUI thread), guess the mapping, show the preview and check it."""
        self.path = path
        self.file_edit.setText(str(path))
        self.ctx.tasks.run(
            lambda _p: bhyt_import.read_sheet(path),
            self._loaded,
            lambda exc: show_error(self, exc),
            title=self.tr("Reading the sheet…"),
            parent=self,
        )

    def _loaded(self, sheet: Sheet) -> None:
        self.sheet = sheet
        with self.ctx.session() as s:
            header, mapping = bhyt_import.guess_mapping(sheet, self.groups, bhyt_import.remembered_mapping(s))
        width = max((len(r) for r in sheet.rows), default=0)
        self._filling = True
        for key, combo in self.combos.items():
            combo.clear()
            combo.addItem(self.tr("(none)"), -1)
            for c in range(width):
                head = self._header_text(header, c)
                combo.addItem(f"{column_letter(c)}: {head}" if head else column_letter(c), c)
            combo.setCurrentIndex(combo.findData(mapping.get(key, -1)))
        self.header_spin.setValue(header + 1)
        self._filling = False
        self._fill_preview()
        self.recheck()

    def _header_text(self, header: int, col: int) -> str:
        """The column's header as written, with the sub-header under it (groups under "Trong đó")."""
        sheet = self.sheet
        if sheet is None or header < 0:
            return ""
        texts: list[str] = []
        for r in (header, header + 1):
            if r < len(sheet.rows) and col < len(sheet.rows[r]):
                v = sheet.rows[r][col]
                known = r == header or bhyt_import.recognise(v, self.groups) is not None
                if isinstance(v, str) and known and v not in texts:
                    texts.append(v)
        text = " / ".join(texts)
        return text if len(text) <= 45 else text[:44] + "…"

    def mapping(self) -> dict[str, int]:
        return {k: int(c.currentData()) for k, c in self.combos.items() if c.currentData() not in (None, -1)}

    def _fill_preview(self) -> None:
        sheet = self.sheet
        if sheet is None:
            return
        rows = sheet.rows[:PREVIEW_ROWS]
        width = max((len(r) for r in rows), default=0)
        self.preview.setRowCount(len(rows))
        self.preview.setColumnCount(width)
        self.preview.setHorizontalHeaderLabels([column_letter(c) for c in range(width)])
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.preview.setItem(r, c, QTableWidgetItem("" if value is None else str(value)))
        self.preview.resizeColumnsToContents()
        for c in range(width):  # a title merged across the sheet must not make every column wide
            self.preview.setColumnWidth(c, min(self.preview.columnWidth(c), 220))

    def recheck(self, *_args: Any) -> None:
        if self.sheet is None or self._filling:
            return
        header = self.header_spin.value() - 1
        with self.ctx.session() as s:
            self.check = bhyt_import.check_sheet(s, self.sheet, header, self.mapping(), self.month())
        bad = {p.line for p in self.check.problems}
        for r in range(self.preview.rowCount()):
            colour = QColor("#f8d7da") if r + 1 in bad else QColor("#ddebf7") if r == header else None
            for c in range(self.preview.columnCount()):
                item = self.preview.item(r, c)
                if item is not None:
                    item.setBackground(QBrush(colour) if colour is not None else QBrush())
        report = self.check.report(language())
        if self.check.ok:
            text = self.tr("Ready to import: {summary}.").format(
                summary=say(bhyt_import.describe_msg(self.check))
            )
            if report:
                text += "\n" + report
        else:
            text = self.tr("Nothing can be imported until these rows are corrected:") + "\n" + report
        self.report.setPlainText(text)
        self.import_button.setEnabled(self.check.ok)

    def do_import(self, replace: bool = False) -> None:
        check, path = self.check, self.path
        if check is None or not check.ok or path is None:
            return
        month, cutoff = self.month(), self.cutoff()
        assert self.sheet is not None
        texts = bhyt_import.header_texts(self.sheet, check.header_line, check.mapping)

        def work(_p: Any) -> int:
            backup.backup_before(self.ctx.db.url, "before-import")
            with self.ctx.session() as s:
                n = bhyt_import.apply_import(
                    s, self.ctx.actor, check, month, cutoff, source=path.name, replace=replace
                )
                bhyt_import.remember_mapping(s, texts)
                return n

        def failed(exc: Exception) -> None:
            if isinstance(exc, MonthExists) and not replace:
                if confirm(
                    self, self.tr("Replace the month?"), say_error(exc) + "\n" + self.tr("Replace them?")
                ):
                    self.do_import(replace=True)
                return
            show_error(self, exc)

        def done(n: int) -> None:
            self.imported = n
            self.ctx.bus.data_changed.emit("bhyt")
            self.accept()

        self.ctx.tasks.run(work, done, failed, title=self.tr("Importing…"), parent=self)

    def summary(self) -> str:
        one = self.tr("{n} unit imported for {month} (data as of {cutoff}).")
        many = self.tr("{n} units imported for {month} (data as of {cutoff}).")
        return plural(self.imported, one, many).format(
            n=self.imported, month=coverage.month_label(self.month()), cutoff=fmt_date(self.cutoff())
        )
