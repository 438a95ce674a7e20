"""Grid model: one row per unit of the chosen month (counts editable in place, checked by the service),
and the parent's total row last."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont

from onestop_desktop.domain.fmt import fmt_date, parse_vi_int
from onestop_desktop.domain.messages import Text, msg
from onestop_desktop.domain.text import vi_sort_key
from onestop_desktop.services.bhyt.coverage import MonthCoverage, PopulationSource, UnitCoverage
from onestop_desktop.services.bhyt.tallies import GroupInfo
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.ui.i18n import num, pct

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
UNIT_ROLE = Qt.ItemDataRole.UserRole + 2
RANK, UNIT, POPULATION, INSURED, COVERAGE, TARGET, GAP_PEOPLE, GAP_POINTS, CHANGE = range(9)
FIXED_COLUMNS = 9
_NOT_A_NUMBER_EN = "Enter a whole number, for example 199,467."  # beside the parser's Vietnamese
HIGH, MIDDLE = 95.0, 85.0  # national goal; new-rural criterion per commune

GREEN = QColor("#c8e6c9")
LIGHT_GREEN = QColor("#e8f5e9")
AMBER = QColor("#fff3cd")
RED = QColor("#f8d7da")

# Called with (unit, field, value): field is "population", "insured" or "group:<code>"; raises ServiceError.
Commit = Callable[[UnitCoverage, str, int], None]


def coverage_colour(coverage: float) -> QColor:
    if coverage >= HIGH:
        return GREEN
    if coverage >= MIDDLE:
        return LIGHT_GREEN
    return AMBER


def signed(x: float) -> str:
    return ("+" if x > 0 else "") + num(x, 2)


class BhytTableModel(QAbstractTableModel):
    #: a value the service refused: the message to show (the cell keeps its old value)
    refused = Signal(object)

    def __init__(self, commit: Commit, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._commit = commit
        self._rows: list[UnitCoverage] = []  # the units, then the parent's total row (if any)
        self._total = False
        self._groups: list[GroupInfo] = []
        self._sources: dict[int, PopulationSource] = {}
        self.editable = True

    # --- content -------------------------------------------------------------------------------
    def set_month(
        self,
        month: MonthCoverage,
        groups: Sequence[GroupInfo],
        sources: dict[int, PopulationSource] | None = None,
    ) -> None:
        """Show a month; rows keep the unit-code order (the view's proxy sorts), the total row last."""
        self._sources = dict(sources or {})
        rows = sorted(month.units, key=lambda u: u.code)
        total = month.total_row()
        self._total = total is not None
        if total is not None:
            rows.append(total)
        same = [u.unit_id for u in rows] == [u.unit_id for u in self._rows] and list(groups) == self._groups
        if same and rows:
            self._rows = rows  # in place: an open editor or the selection survives
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, self.columnCount() - 1))
            return
        self.beginResetModel()
        self._rows, self._groups = rows, list(groups)
        self.endResetModel()

    def unit_at(self, row: int) -> UnitCoverage:
        return self._rows[row]

    def is_total(self, row: int) -> bool:
        """Whether `row` is the parent's total row (read-only, kept last by `TotalLastProxy`)."""
        return self._total and row == len(self._rows) - 1

    def row_of(self, unit_id: int) -> int:
        return next((i for i, u in enumerate(self._rows) if u.unit_id == unit_id), -1)

    # --- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else FIXED_COLUMNS + len(self._groups)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if section >= FIXED_COLUMNS:
            g = self._groups[section - FIXED_COLUMNS]
            if role == Qt.ItemDataRole.DisplayRole:
                return self._group_short(g.code) or g.name
            if role == Qt.ItemDataRole.ToolTipRole:
                return g.name
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                self.tr("Rank"),
                self.tr("Unit"),
                self.tr("Population"),
                self.tr("Insured"),
                self.tr("Coverage"),
                self.tr("Target"),
                self.tr("Gap (people)"),
                self.tr("Gap (points)"),
                self.tr("Change (points)"),
            ][section]
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = {
                COVERAGE: self.tr("Insured / population × 100. Green from 95 %, light green from 85 %."),
                GAP_PEOPLE: self.tr("People still to insure to reach the unit's target for the year."),
                GAP_POINTS: self.tr("Target minus coverage, in percentage points."),
                CHANGE: self.tr("Coverage minus last month's coverage, in percentage points."),
            }
            return tips.get(section)
        return None

    def _group_short(self, code: str) -> str | None:
        """Short column titles of the groups of the 2014 law; the full name is the tooltip."""
        return {
            "nld": self.tr("Employees"),
            "bhxh": self.tr("Social insurance"),
            "nsnn": self.tr("State budget"),
            "nsnn_ho_tro": self.tr("Budget-supported"),
            "ho_gia_dinh": self.tr("Households"),
        }.get(code)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.is_total(index.row()):
            return base  # the sum of the rows above: corrected there
        if self.insured_is_derived(index.row()) and index.column() == INSURED:
            return base  # the sum of the groups: edited group by group (a change of the total alone was
            # always refused, the groups no longer adding up)
        if self.editable and (index.column() in (POPULATION, INSURED) or index.column() >= FIXED_COLUMNS):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def insured_is_derived(self, row: int) -> bool:
        """Whether the unit's insured total is the sum of its groups (then it is not typed in)."""
        return 0 <= row < len(self._rows) and bool(self._rows[row].groups)

    def _raw(self, u: UnitCoverage, col: int) -> Any:
        if col >= FIXED_COLUMNS:
            return u.groups.get(self._groups[col - FIXED_COLUMNS].code)
        return [
            u.rank,
            u.name,
            u.population,
            u.insured,
            u.coverage,
            u.target,
            u.gap_people,
            u.gap_points,
            u.change_points,
        ][col]

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        u, col = self._rows[index.row()], index.column()
        total = self.is_total(index.row())
        raw = self._raw(u, col)
        if total and col == RANK:
            raw = None
        if role == Qt.ItemDataRole.DisplayRole:
            if total and col == UNIT:
                return self.tr("Total: {unit}").format(unit=u.name[:1].lower() + u.name[1:])
            return "" if raw is None and col == RANK else self._display(col, raw)
        if role == Qt.ItemDataRole.FontRole and total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.EditRole:  # plain digits, read back in either language
            return (
                str(raw) if isinstance(raw, int) else self._display(col, raw)
            )  # plain digits: either language
        if role == SORT_ROLE:
            if col == UNIT:
                return vi_sort_key(u.name)
            return raw if raw is not None else float("-inf")
        if role == UNIT_ROLE:
            return u.unit_id
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col == UNIT:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(u, col)
        if role == Qt.ItemDataRole.ToolTipRole and col == INSURED and self.insured_is_derived(index.row()):
            return self.tr("The sum of the groups: change the group columns and the total follows.")
        if role == Qt.ItemDataRole.ToolTipRole and col == POPULATION and u.unit_id in self._sources:
            src = self._sources[u.unit_id]
            when = fmt_date(src.as_of) if src.as_of else "—"
            return self.tr("Source: {source}, as of {date}").format(source=src.source or "—", date=when)
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and col in (COVERAGE, TARGET, GAP_PEOPLE)
            and u.target is not None
        ):
            if u.coverage >= u.target:
                return self.tr("Target of {target} reached.").format(target=pct(u.target))
            return self.tr("Below the target of {target}: {people} more people needed.").format(
                target=pct(u.target), people=num(u.gap_people or 0)
            )
        return None

    def _display(self, col: int, raw: Any) -> str:
        if raw is None:
            return "—"
        if col == UNIT:
            return str(raw)
        if col in (COVERAGE, TARGET):
            return pct(raw)
        if col in (GAP_PEOPLE, GAP_POINTS) and raw <= 0:
            return "—"  # target reached: nothing is missing ("Còn thiếu −3,94" read as a shortfall)
        if col in (GAP_POINTS, CHANGE):
            return signed(raw)
        return num(int(raw))

    def _background(self, u: UnitCoverage, col: int) -> QBrush | None:
        if col == COVERAGE:
            return QBrush(coverage_colour(u.coverage))
        if col in (TARGET, GAP_PEOPLE, GAP_POINTS) and u.target is not None:
            return QBrush(GREEN if u.coverage >= u.target else RED)
        if col == CHANGE and u.change_points is not None and u.change_points < 0:
            return QBrush(RED)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole
    ) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        u, col = self._rows[index.row()], index.column()
        try:
            number = parse_vi_int(value if isinstance(value, int | str) else str(value))
        except ValueError as exc:
            self.refused.emit(ServiceError(msg("bhyt.bad-number", reason=Text(str(exc), _NOT_A_NUMBER_EN))))
            return False
        if number == self._raw(u, col):
            return False
        field = {POPULATION: "population", INSURED: "insured"}.get(col)
        if field is None:
            field = "group:" + self._groups[col - FIXED_COLUMNS].code
        try:
            self._commit(u, field, number)
        except ServiceError as exc:
            self.refused.emit(exc)
            return False
        return True


class TotalLastProxy(QSortFilterProxyModel):
    """Sorts the units and keeps the parent's total row at the bottom, whatever the order."""

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        model = self.sourceModel()
        if isinstance(model, BhytTableModel):
            lt, rt = model.is_total(left.row()), model.is_total(right.row())
            if lt or rt:
                # ascending puts "smaller" rows first, descending last: the total is the largest, or
                # the smallest, accordingly
                descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
                return lt if descending else rt
        return bool(super().lessThan(left, right))
