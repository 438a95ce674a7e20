"""The BHYT tab: units × month grid (editable, the parent's total last), summary, one unit's trend,
import/export/undo."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.bhyt import coverage as bhyt_coverage
from onestop_desktop.services.bhyt import tallies
from onestop_desktop.services.bhyt.coverage import MonthCoverage, UnitCoverage
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.bhyt.chart import TrendChart
from onestop_desktop.ui.bhyt.model import (
    CHANGE,
    COVERAGE,
    GAP_PEOPLE,
    SORT_ROLE,
    UNIT,
    BhytTableModel,
    TotalLastProxy,
)
from onestop_desktop.ui.bhyt.month_picker import MonthPicker
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import num, pct, plural, say, say_error

SORTS = ((COVERAGE, Qt.SortOrder.DescendingOrder), (GAP_PEOPLE, Qt.SortOrder.DescendingOrder),
         (CHANGE, Qt.SortOrder.DescendingOrder), (UNIT, Qt.SortOrder.AscendingOrder))  # fmt: skip


class BhytTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.current: MonthCoverage | None = None
        self._loaded = False
        self._fitted = False
        self._editing = False  # our own edit announces "bhyt": no need to reload everything then
        layout = QVBoxLayout(self)

        bar = QHBoxLayout()
        self.picker = MonthPicker()
        self.picker.month_changed.connect(lambda _m: self.reload())
        self.sort_combo = QComboBox()
        for text in (self.tr("coverage"), self.tr("gap to target"), self.tr("change"), self.tr("name")):
            self.sort_combo.addItem(text)
        self.sort_combo.currentIndexChanged.connect(self.apply_sort)
        self.import_button = QPushButton(self.tr("Import sheet…"))
        self.import_button.clicked.connect(self.open_import)
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export)
        self.undo_button = QPushButton(self.tr("Undo last edit"))
        self.undo_button.clicked.connect(self.undo)
        self.target_button = QPushButton(self.tr("Set target…"))
        self.target_button.clicked.connect(self.set_target)
        self.target_button.setVisible(ctx.is_role(Role.LEADER))
        for w in (QLabel(self.tr("Month:")), self.picker, QLabel(self.tr("Sort by:")), self.sort_combo):
            bar.addWidget(w)
        bar.addStretch(1)
        for w in (self.undo_button, self.target_button, self.import_button, self.export_button):
            bar.addWidget(w)
        layout.addLayout(bar)

        self.summary = QLabel()
        self.summary.setObjectName("bhyt_summary")
        self.summary.setWordWrap(True)
        self.summary.setFrameShape(QFrame.Shape.StyledPanel)
        self.summary.setStyleSheet(
            "QLabel#bhyt_summary { background: #eef4fb; padding: 6px; font-size: 11pt; }"
        )
        layout.addWidget(self.summary)

        self.model = BhytTableModel(self.commit_edit, self)
        # queued: a modal message inside setData would steal the editor's focus and commit it twice
        self.model.refused.connect(self._refused, Qt.ConnectionType.QueuedConnection)
        self.proxy = TotalLastProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.horizontalHeader().setSortIndicator(COVERAGE, Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        # two-line titles keep every column, the five groups included, on a laptop screen
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setMinimumHeight(self.fontMetrics().height() * 4 + 8)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.show_chart())

        self.chart = TrendChart()
        self.legend = QLabel(
            self.tr(
                "Coverage: green from 95 %, light green from 85 %, yellow below 85 %. "
                "Target and gap: green when the unit reached its own target, red when not. "
                "Double-click a count to correct it."
            )
        )
        self.legend.setWordWrap(True)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chart, 1)
        right_layout.addWidget(self.legend)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = QSettings().value("bhyt/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([1000, 330])
        self.splitter.splitterMoved.connect(
            lambda *_: QSettings().setValue("bhyt/splitter", self.splitter.saveState())
        )
        layout.addWidget(self.splitter, 1)
        ctx.bus.data_changed.connect(self._data_changed)

    def tab_title(self) -> str:
        return self.tr("Health insurance")

    # --- loading --------------------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def _data_changed(self, kind: str) -> None:
        if kind == "bhyt" and self._loaded and not self._editing:
            self.refresh()

    def refresh(self) -> None:
        """Reload the list of months (keeping the one shown) and the month itself."""
        self._loaded = True
        with self.ctx.session() as s:
            months = bhyt_coverage.available_months(s)
        self.picker.set_months(months, keep=self.picker.month())
        self.reload()

    def _refused(self, exc: Exception) -> None:
        show_error(self, exc, self.tr("Value refused"))

    def reload(self) -> None:
        selected = self.selected_unit()
        self.update_figures()
        if selected is not None and self.select_unit(selected.unit_id):
            return
        if self.proxy.rowCount():
            self.table.selectRow(0)
        self.show_chart()

    def fit_columns(self) -> None:
        """Widths from the cells' contents, not from the (wrapped) titles."""
        fm = self.table.fontMetrics()
        for col in range(self.model.columnCount()):
            widest = max(
                (
                    fm.horizontalAdvance(str(self.model.index(r, col).data() or ""))
                    for r in range(self.model.rowCount())
                ),
                default=0,
            )
            title = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            longest_word = max((fm.horizontalAdvance(w) for w in title.split()), default=0)
            self.table.setColumnWidth(col, max(widest + 24, longest_word + 16, 72))

    def update_figures(self) -> None:
        """Re-read the month shown; the grid updates in place when the units are the same."""
        month = self.picker.month()
        problem = ""
        with self.ctx.session() as s:
            self.current = None
            groups = tallies.list_groups(s)
            if month is not None:
                try:
                    self.current = bhyt_coverage.month_coverage(s, month)
                    groups = tallies.list_groups(s, self.current.cutoff or month)
                except ServiceError as exc:  # e.g. the office's own unit is not set yet
                    problem = say_error(exc)
            can_undo = tallies.undo_description(s, self.ctx.actor)
            sources = bhyt_coverage.population_sources(s, month) if month is not None else {}
        empty = MonthCoverage(today_local().replace(day=1), None, "", "", 0, 0, 0.0, None, None, ())
        self.model.set_month(self.current or empty, groups, sources)
        self.undo_button.setEnabled(can_undo is not None)
        self.undo_button.setToolTip(self.tr("Undo: {what}").format(what=say(can_undo)) if can_undo else "")
        self.export_button.setEnabled(bool(self.current and self.current.units))
        self.summary.setText(problem or self.summary_text())
        if not self._fitted and self.model.rowCount():
            self._fitted = True
            self.fit_columns()

    def summary_text(self) -> str:
        m = self.current
        if m is None or not m.units:
            return self.tr("No BHYT figures yet. Import the monthly sheet of the social insurance office.")
        text = self.tr("{parent}, month {month}").format(
            parent=m.parent_name, month=bhyt_coverage.month_label(m.month)
        )
        if m.cutoff:
            text += " " + self.tr("(data as of {date})").format(date=fmt_date(m.cutoff))
        text += ": " + self.tr("{insured} of {population} residents insured, coverage {coverage}").format(
            insured=num(m.insured), population=num(m.population), coverage=pct(m.coverage)
        )
        if m.target is not None:
            need = bhyt_coverage.people_needed(m.target, m.population, m.insured)
            if need:
                text += "; " + self.tr("target {target}: {people} more people needed").format(
                    target=pct(m.target), people=num(need)
                )
            else:
                text += "; " + self.tr("target {target} reached").format(target=pct(m.target))
        if m.previous_coverage is not None:
            diff = m.coverage - m.previous_coverage
            word = self.tr("up") if diff > 0 else self.tr("down") if diff < 0 else self.tr("unchanged")
            text += "; " + self.tr("{word} {points} points on last month ({previous})").format(
                word=word, points=num(abs(diff), 2), previous=pct(m.previous_coverage)
            )
        below = [u for u in m.units if u.target is not None and u.coverage < u.target]
        one, many = (
            self.tr("{n} of {total} unit below its target."),
            self.tr("{n} of {total} units below their target."),
        )
        text += ". " + plural(len(m.units), one, many).format(n=len(below), total=len(m.units))
        return text

    def apply_sort(self, *_args: Any) -> None:
        column, order = SORTS[max(0, self.sort_combo.currentIndex())]
        self.table.sortByColumn(column, order)

    # --- selection and chart --------------------------------------------------------------------
    def selected_unit(self) -> UnitCoverage | None:
        idx = self.table.currentIndex()
        if not idx.isValid():
            return None
        return self.model.unit_at(self.proxy.mapToSource(idx).row())

    def select_unit(self, unit_id: int) -> bool:
        row = self.model.row_of(unit_id)
        if row < 0:
            return False
        idx = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(idx.row())
        self.show_chart()
        return True

    def show_chart(self) -> None:
        u = self.selected_unit()
        if u is None or self.current is None or not self.isVisible():
            return
        with self.ctx.session() as s:
            points = bhyt_coverage.coverage_trend(s, u.code, months=12, until=self.current.month)
        title = self.tr("{unit}: coverage month by month").format(unit=u.name)
        self.chart.show_trend(title, points, u.target)

    # --- actions --------------------------------------------------------------------------------
    def commit_edit(self, unit: UnitCoverage, field: str, value: int) -> None:
        """Called by the grid; the service validates and raises ValidationFailed when it refuses."""
        assert self.current is not None
        month = self.current.month
        with self.ctx.session() as s:
            if field.startswith("group:"):
                groups = {**unit.groups, field.split(":", 1)[1]: value}
                # the total follows the groups when they added up before the edit
                insured = sum(groups.values()) if sum(unit.groups.values()) == unit.insured else None
                tallies.edit_tally(s, self.ctx.actor, unit.unit_id, month, insured=insured, groups=groups)
            else:
                tallies.edit_tally(s, self.ctx.actor, unit.unit_id, month, **{field: value})
        self.update_figures()
        self.show_chart()
        self._editing = True
        try:
            self.ctx.bus.data_changed.emit("bhyt")
        finally:
            self._editing = False

    def undo(self) -> None:
        try:
            with self.ctx.session() as s:
                what = tallies.undo_last_edit(s, self.ctx.actor)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.bus.data_changed.emit("bhyt")
        self.reload()
        if what:
            self._status(self.tr("Undone: {what}").format(what=say(what)))

    def _status(self, text: str) -> None:
        bar = getattr(self.window(), "statusBar", None)
        if callable(bar):
            bar().showMessage(text, 6000)

    def set_target(self) -> None:
        u = self.selected_unit()
        if u is None or self.current is None:
            return
        year = self.current.month.year
        value, ok = QInputDialog.getDouble(
            self,
            self.tr("Target"),
            self.tr("Coverage target of {unit} for {year} (%):").format(unit=u.name, year=year),
            u.target or 85.0,
            1.0,
            100.0,
            2,
        )
        if not ok:
            return
        try:
            with self.ctx.session() as s:
                tallies.set_target(s, self.ctx.actor, u.code, year, value)
        except Exception as exc:
            show_error(self, exc)
            return
        self.ctx.bus.data_changed.emit("bhyt")
        self.reload()

    def next_month(self) -> date:
        m = self.current.month if self.current and self.current.units else today_local().replace(day=1)
        with self.ctx.session() as s:
            months = bhyt_coverage.available_months(s)
        if months:
            last = months[-1]
            m = date(last.year + 1, 1, 1) if last.month == 12 else date(last.year, last.month + 1, 1)
        return m

    def open_import(self) -> None:
        from onestop_desktop.ui.bhyt.import_dialog import ImportDialog

        dialog = ImportDialog(self.ctx, self.next_month(), self)
        if dialog.exec() and dialog.imported:
            self.refresh()
            self.picker.select(dialog.month())
            QMessageBox.information(self, self.tr("Import"), dialog.summary())

    def export(self) -> None:
        m = self.current
        if m is None or not m.units:
            return
        default = f"BHYT_{m.month.year}-{m.month.month:02d}.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export to Excel"), default, "Excel (*.xlsx)")
        if name:
            self.export_to(Path(name))

    def export_to(self, path: Path) -> None:
        from onestop_desktop.ui.bhyt.export import export_month

        m = self.current
        assert m is not None
        with self.ctx.session() as s:
            groups = tallies.list_groups(s, m.cutoff or m.month)
        self.ctx.tasks.run(
            lambda _p: export_month(path, m, groups),
            lambda p: self._status(self.tr("Saved {path}").format(path=p)),
            lambda exc: show_error(self, exc),
            title=self.tr("Exporting…"),
            parent=self,
        )
