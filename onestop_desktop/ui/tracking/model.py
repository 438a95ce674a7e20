"""The deadline list as a table model that reads SQL page by page (a windowed cache).

`rowCount()` is the SQL count of the filter; `data()` loads the page a row belongs to on first use and
keeps the last few pages. Sorting and filtering are SQL (`services.tracking.query`), never Python.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.domain.messages import msg
from onestop_desktop.domain.states import DossierStatus, status_msg
from onestop_desktop.services.tracking import countdown as tracking_countdown
from onestop_desktop.services.tracking import query
from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter
from onestop_desktop.services.tracking.query import DossierRow
from onestop_desktop.ui.context import SessionOpener
from onestop_desktop.ui.i18n import say

SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
LEVEL_ROLE = Qt.ItemDataRole.UserRole + 2

PAGE_SIZE = 200
MAX_PAGES = 12

# (header, sort key)
COLUMNS: list[tuple[str, str]] = [
    (QT_TRANSLATE_NOOP("DossierTableModel", "Code"), "code"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Applicant"), "applicant"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Due"), "due"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Remaining"), "due"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Status"), "status"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Procedure"), "procedure"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Field"), "field"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Unit"), "unit"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Received"), "received"),
    (QT_TRANSLATE_NOOP("DossierTableModel", "Holder"), "holder"),
]
COL_DUE = 2
COL_REMAINING = 3
COL_STATUS = 4


# The longest texts of the two short columns, so they are never cut ("quá hạn 2045 n…").
def longest_remaining() -> str:
    """The widest countdown in the interface language ("quá hạn 9.999 ngày")."""
    return say(msg("countdown.days-over", n=9999))


DATE_COLUMNS = (2, 3, 8)

COLOURS = {
    "overdue": (QColor("#fde2e1"), QColor("#a61b1b")),
    "soon": (QColor("#fff1c2"), QColor("#7a5200")),
    "paused": (QColor("#ececec"), QColor("#555555")),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DossierTableModel", text)


class DossierTableModel(QAbstractTableModel):
    """Dossiers of one filter and sort, fetched from SQL in pages of PAGE_SIZE rows."""

    def __init__(
        self,
        sessions: SessionOpener,
        calendar: WorkingCalendar,
        now: Callable[[], datetime],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._sessions = sessions
        self._calendar = calendar
        self._now = now
        self._days = tracking_countdown.DayCounter(calendar)
        self.filter = TrackingFilter()
        self.sort_spec = Sort()
        self._count = 0
        self._pages: OrderedDict[int, list[tuple[DossierRow, tracking_countdown.Countdown]]] = OrderedDict()
        self._today = Today.at(now(), calendar)
        self.counts: dict[str, int] = {}

    # --- loading -----------------------------------------------------------------------------------

    def today(self) -> Today:
        return self._today

    def set_query(self, flt: TrackingFilter | None = None, sort: Sort | None = None) -> None:
        """Run the filter again (or a new one): count in SQL and forget the cached pages."""
        self.beginResetModel()
        if flt is not None:
            self.filter = flt
        if sort is not None:
            self.sort_spec = sort
        self._today = Today.at(self._now(), self._calendar)
        self._pages.clear()
        with self._sessions() as s:
            self._count = query.count_rows(s, self.filter, self._today, self._calendar)
        self.endResetModel()

    def refresh_counts(self) -> dict[str, int]:
        with self._sessions() as s:
            self.counts = query.quick_counts(s, self.filter, self._today, self._calendar)
        return self.counts

    def _page(self, page: int) -> list[tuple[DossierRow, tracking_countdown.Countdown]]:
        rows = self._pages.get(page)
        if rows is not None:
            self._pages.move_to_end(page)
            return rows
        with self._sessions() as s:
            fetched = query.query_rows(
                s,
                self.filter,
                self.sort_spec,
                page * PAGE_SIZE,
                PAGE_SIZE,
                self._today,
                self._calendar,
                total=self._count,
            )
        now = self._today.now
        rows = [
            (r, tracking_countdown.countdown(r.status, r.due_at, r.time_value, r.time_unit, now, self._days))
            for r in fetched
        ]
        self._pages[page] = rows
        while len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def row_at(self, row: int) -> tuple[DossierRow, tracking_countdown.Countdown] | None:
        if not 0 <= row < self._count:
            return None
        rows = self._page(row // PAGE_SIZE)
        i = row % PAGE_SIZE
        return rows[i] if i < len(rows) else None

    def dossier_id(self, row: int) -> int | None:
        item = self.row_at(row)
        return item[0].id if item else None

    def row_of(self, dossier_id: int, max_pages: int = 5) -> int | None:
        """The row of a dossier among the first `max_pages` pages (loaded if needed)."""
        for page in range(min(max_pages, (self._count + PAGE_SIZE - 1) // PAGE_SIZE)):
            for i, (r, _c) in enumerate(self._page(page)):
                if r.id == dossier_id:
                    return page * PAGE_SIZE + i
        return None

    def cached_pages(self) -> int:
        return len(self._pages)

    # --- Qt model interface ------------------------------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            if 0 <= section < len(COLUMNS):
                return _tr(COLUMNS[section][0])
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(COLUMNS):
            return None
        item = self.row_at(index.row())
        if item is None:
            return None
        r, cd = item
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, cd, col)
        if role == SORT_ROLE:
            return self._raw(r, cd, col)
        if role == ID_ROLE:
            return r.id
        if role == LEVEL_ROLE:
            return cd.level
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ForegroundRole):
            colours = COLOURS.get(cd.level)
            if colours is None:
                return None
            return QBrush(colours[0 if role == Qt.ItemDataRole.BackgroundRole else 1])
        if role == Qt.ItemDataRole.ToolTipRole:  # the whole text of a cell a narrow column cuts
            return f"{self._display(r, cd, col)}\n{r.code} – {r.applicant_name}\n{r.procedure_name}"
        if role == Qt.ItemDataRole.TextAlignmentRole and col in DATE_COLUMNS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    @staticmethod
    def _display(r: DossierRow, cd: tracking_countdown.Countdown, col: int) -> str:
        values = (
            r.code,
            r.applicant_name,
            fmt_datetime(r.due_at),
            say(cd.message),
            say(status_msg(DossierStatus(r.status))),
            r.procedure_name,
            r.field_name,
            r.unit_name,
            fmt_datetime(r.received_at),
            r.holder_name,
        )
        return values[col]

    @staticmethod
    def _raw(r: DossierRow, cd: tracking_countdown.Countdown, col: int) -> Any:
        values = (
            r.code,
            r.applicant_sort,
            r.due_at,
            cd.sort_value,
            r.status,
            r.procedure_name,
            r.field_name,
            r.unit_name,
            r.received_at,
            r.holder_name,
        )
        return values[col]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self.set_query(sort=Sort(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder))
