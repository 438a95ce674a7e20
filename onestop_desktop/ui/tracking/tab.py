"""The deadline tracking tab (Theo dõi hồ sơ): the paged list, its filters, the details panel, actions."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import now_local
from onestop_desktop.domain.states import DossierStatus, status_msg
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking import actions as tracking_actions
from onestop_desktop.services.tracking import details as tracking_details
from onestop_desktop.services.tracking import filters as tracking_filters
from onestop_desktop.services.tracking import query
from onestop_desktop.services.tracking.filters import Sort, TrackingFilter
from onestop_desktop.ui.common.messages import confirm, show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import num, plural, say
from onestop_desktop.ui.tracking import actions as act
from onestop_desktop.ui.tracking import result_return
from onestop_desktop.ui.tracking.banner import banner_parts
from onestop_desktop.ui.tracking.details import DetailsPanel
from onestop_desktop.ui.tracking.filters import FilterBar
from onestop_desktop.ui.tracking.keys import ListFocus, SearchKeys
from onestop_desktop.ui.tracking.model import (
    COL_DUE,
    COL_REMAINING,
    COL_STATUS,
    COLUMNS,
    DossierTableModel,
    longest_remaining,
)

log = logging.getLogger(__name__)
COUNTS_DELAY_MS = 400


class TrackingTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None, now: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackingTab")
        self.ctx = ctx
        self.now = now or now_local
        self.calendar = ctx.calendar()
        self.model = DossierTableModel(ctx.session, self.calendar, self.now, self)
        self.filters = FilterBar(ctx, self)
        self.filters.sort_provider = lambda: self.model.sort_spec
        self.filters.changed.connect(self.apply_filter)
        self.filters.sort_requested.connect(self.apply_sort)
        self._search_keys = SearchKeys(self.filters, lambda: self.table, self.model)  # Down / Enter
        self._warned = False
        self._counts_timer = QTimer(self)
        self._counts_timer.setSingleShot(True)
        self._counts_timer.setInterval(COUNTS_DELAY_MS)
        self._counts_timer.timeout.connect(self.update_counts)
        self._emitting = False
        self._build()
        self.ctx.bus.data_changed.connect(self._on_data_changed)
        self.apply_filter(self.filters.current())
        # once the tab is in its QTabWidget (a child timer dies with the tab, a bare singleShot would not)
        self._badge_timer = QTimer(self)
        self._badge_timer.setSingleShot(True)
        self._badge_timer.timeout.connect(self.update_badge)
        self._badge_timer.start(0)

    def tab_title(self) -> str:
        return self.tr("Tracking")

    def _build(self) -> None:
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setStyleSheet("background:#fff1c2; color:#5c3d00; padding:6px; border:1px solid #e6c35c")
        self.banner.setVisible(False)
        self.banner.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.banner.linkActivated.connect(
            lambda link: self.show_quick("overdue" if link == "overdue" else "due_soon")
        )

        self.table = QTableView()
        self.table.setObjectName("dossierTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list for the actions (it walked the cells)
        self._list_focus = ListFocus(self.table)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.table.horizontalHeader().sortIndicatorChanged.connect(self._sort_changed)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        widths = [205, 160, 125, 125, 120, 240, 110, 110, 125, 150]
        fm, pad = self.table.fontMetrics(), 24  # cell margins and the sort indicator
        longest_status = max((say(status_msg(st)) for st in DossierStatus), key=fm.horizontalAdvance)
        widths[COL_REMAINING] = max(widths[COL_REMAINING], fm.horizontalAdvance(longest_remaining()) + pad)
        widths[COL_STATUS] = max(widths[COL_STATUS], fm.horizontalAdvance(longest_status) + pad)
        for i, w in enumerate(widths):
            self.table.setColumnWidth(i, w)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        self.details = DetailsPanel(self.now, outcome=result_return.outcome_loader(self.ctx))
        self.details.action_requested.connect(self.run_action)
        self.details.undo_requested.connect(self.undo)
        self.details.slip_requested.connect(self.print_control_slip)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.table)
        split.addWidget(self.details)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([1080, 380])
        self.splitter = split

        self.count_label = QLabel()
        self.count_label.setObjectName("count")
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.export_excel)
        self.log_button = QPushButton(
            self.tr("Log book (form {number})…").format(number=act.log_book_number())
        )
        self.log_button.clicked.connect(self.log_book)
        self.import_button = QPushButton(self.tr("Import old log book…"))
        self.import_button.clicked.connect(self.import_log_book)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        bottom = QHBoxLayout()
        bottom.addWidget(self.count_label)
        bottom.addStretch(1)
        for b in (self.refresh_button, self.export_button, self.log_button, self.import_button):
            bottom.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.filters)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)

    # --- list --------------------------------------------------------------------------------------

    def apply_filter(self, flt: TrackingFilter) -> None:
        typing = (
            replace(flt, text="") == replace(self.model.filter, text="")
            and flt.text != self.model.filter.text
        )
        self.model.set_query(flt)
        self._after_query(defer_counts=typing)

    def apply_sort(self, sort: Sort) -> None:
        column = next((i for i, (_h, key) in enumerate(COLUMNS) if key == sort.key), COL_DUE)
        order = Qt.SortOrder.DescendingOrder if sort.descending else Qt.SortOrder.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(column, order)

    def _sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        self.model.sort(column, order)
        self._after_query()

    def _after_query(self, defer_counts: bool = False) -> None:
        """Row count at once; while typing, the quick-filter counts wait for a pause."""
        if defer_counts:
            self._counts_timer.start()
        else:
            self._counts_timer.stop()
            self.update_counts()
        rows = self.model.rowCount()
        count = plural(rows, self.tr("{n} dossier"), self.tr("{n} dossiers"))
        self.count_label.setText(count.format(n=num(rows)))
        self.details.show_details(None)

    def update_counts(self) -> None:
        self.filters.set_counts(self.model.refresh_counts())

    def refresh(self, keep: int | None = None) -> None:
        selected = keep if keep is not None else self.selected_id()
        self.model.set_query()
        self._after_query()
        self.update_badge()
        if selected is not None:
            self.select_dossier(selected)

    def show_quick(self, quick: str) -> None:
        self.filters.quick_buttons[quick].setChecked(True)
        self.apply_filter(self.filters.current())

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.dossier_id(rows[0].row()) if rows else None

    def select_dossier(self, dossier_id: int) -> bool:
        row = self.model.row_of(dossier_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, _sel: QItemSelection, _desel: QItemSelection) -> None:
        self.load_details()

    def load_details(self) -> None:
        dossier_id = self.selected_id()
        if dossier_id is None:
            self.details.show_details(None)
            return
        with self.ctx.session() as s:
            d = tracking_details.dossier_details(s, self.ctx.actor, dossier_id, self.calendar, self.now())
        self.details.show_details(d)

    def _on_data_changed(self, kind: str) -> None:
        if self._emitting:
            return
        if kind in ("dossiers", "catalogue", "calendar"):
            if kind == "calendar":
                self.calendar = self.ctx.calendar()
            self.refresh()

    # --- warning and badge --------------------------------------------------------------------------

    def due_soon_count(self) -> int:
        with self.ctx.session() as s:
            return query.due_today_or_tomorrow(s, tracking_filters.Today.at(self.now(), self.calendar))

    def update_badge(self) -> int | None:
        """The banner and the tab's badge: dossiers due today or on the next working day.

        The counts run on the task runner (a fraction of a second at a million dossiers); the
        count is returned when the runner is synchronous (tests), else None.
        """
        today = tracking_filters.Today.at(self.now(), self.calendar)
        opener = self.ctx.session
        shown: list[int] = []

        def count(_progress: object) -> tuple[int, int]:
            with opener() as s:
                return query.due_today_or_tomorrow(s, today), query.apology_due_count(s, today)

        def show(counts: tuple[int, int]) -> None:
            shown.append(counts[0])
            self._show_badge(*counts)

        self.ctx.tasks.run(count, show, lambda exc: log.warning("badge counts failed: %s", exc))
        return shown[0] if shown else None

    def _show_badge(self, n: int, late: int) -> None:
        parts = banner_parts(n, late, self.now().date())
        # one line each: "Show them" then the next sentence ran together
        self.banner.setText("<br/>".join(parts))
        self.banner.setVisible(bool(parts))
        tabs = self._tab_widget()
        if tabs is not None:
            i = tabs.indexOf(self)
            if i >= 0:
                tabs.setTabText(i, self.tab_title() + (f" ({num(n)})" if n else ""))

    def _tab_widget(self) -> QTabWidget | None:
        w = self.parentWidget()
        while w is not None and not isinstance(w, QTabWidget):
            w = w.parentWidget()
        return w

    def focus_default(self) -> None:
        self.filters.search.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._warned:
            self._warned = True
            self.update_badge()

    # --- actions ------------------------------------------------------------------------------------

    def run_action(self, action: str) -> None:
        d = self.details.details
        if d is None:
            return
        try:
            done = act.perform(self, action, d)
        except ServiceError as exc:
            show_error(self, exc)
            return
        except Exception as exc:  # unexpected: told in words, logged
            show_error(self, exc)
            return
        if done:
            self._changed(d.id)

    def _changed(self, dossier_id: int) -> None:
        """After an action: tell other tabs, refresh, keep showing the dossier even if it left the list."""
        self._emitting = True
        try:
            self.ctx.bus.data_changed.emit("dossiers")
        finally:
            self._emitting = False
        self.refresh(keep=dossier_id)
        if self.selected_id() != dossier_id:
            with self.ctx.session() as s:
                self.details.show_details(
                    tracking_details.dossier_details(s, self.ctx.actor, dossier_id, self.calendar, self.now())
                )

    after_change = _changed  # what the return-of-result flow calls once its files are written

    def undo(self) -> None:
        d = self.details.details
        if d is None:
            return
        if not confirm(
            self, self.tr("Undo"), self.tr("Undo your last action on dossier {code}?").format(code=d.code)
        ):
            return
        try:
            with self.ctx.session() as s:
                tracking_actions.undo_last(s, self.ctx.actor, d.id, self.now())
        except ServiceError as exc:
            show_error(self, exc)
            return
        self._changed(d.id)

    def print_control_slip(self) -> None:
        d = self.details.details
        if d is None:
            return
        act.print_control_slip(self, d.id, d.code)

    # --- export / import ----------------------------------------------------------------------------

    def ask_save_path(self, title: str, name: str, pattern: str) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(self, title, str(Path.home() / name), pattern)
        return Path(target) if target else None

    def export_excel(self) -> None:
        from onestop_desktop.ui.tracking.export import default_name, export_list

        path = self.ask_save_path(
            self.tr("Export to Excel"),
            default_name("ho-so", self.now()) + ".xlsx",
            self.tr("Excel files (*.xlsx)"),
        )
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        flt, sort, today, cal, opener = (
            self.model.filter,
            self.model.sort_spec,
            self.model.today(),
            self.calendar,
            self.ctx.session,
        )
        self.last_export: Path | None = None

        def done(n: int) -> None:
            self.last_export = path
            text = plural(
                n, self.tr("Exported {n} dossier to {path}"), self.tr("Exported {n} dossiers to {path}")
            )
            self.count_label.setText(text.format(n=num(n), path=path))

        self.ctx.tasks.run(
            lambda p: export_list(opener, flt, sort, today, cal, path, p.report),
            done,
            lambda exc: show_error(self, exc),
            title=self.tr("Exporting…"),
            parent=self,
        )

    def log_book(self) -> None:
        act.log_book(self)

    def import_log_book(self) -> None:
        from onestop_desktop.ui.tracking.import_dialog import ImportDialog

        ImportDialog(self.ctx, self).exec()
