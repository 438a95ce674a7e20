"""Reports tab building blocks: a table model over report rows, a copyable table, a chart view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QCursor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.ui.i18n import num

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column:
    header: str
    text: Callable[[Any], str]
    sort: Callable[[Any], Any] | None = None  # raw value for sorting (numbers, keys), never display text
    numeric: bool = True


class RowsModel(QAbstractTableModel):
    """Read-only rows of any frozen dataclass, described by Columns; SortRole gives raw values."""

    SortRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)  # a narrow column's full name
        if role in shown and orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return self.columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not 0 <= index.column() < len(self.columns):
            return None
        col, row = self.columns[index.column()], self.rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return col.text(row)  # the tooltip: the whole of a cut cell (a late reason, a long name)
        if role == self.SortRole:
            return (col.sort or col.text)(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            side = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(side | Qt.AlignmentFlag.AlignVCenter)
        return None

    def as_tsv(self, rows: Sequence[int] | None = None) -> str:
        """Header and rows as tab-separated text (what is pasted into a spreadsheet or a document)."""
        chosen = range(len(self.rows)) if rows is None else rows
        lines = ["\t".join(c.header for c in self.columns)]
        lines += ["\t".join(c.text(self.rows[r]) for c in self.columns) for r in chosen]
        return "\n".join(lines) + "\n"


class CopyableTable(QWidget):
    """A table with a Copy button and Ctrl+C: copies the selected rows (or all) with the header."""

    def __init__(self, model: RowsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = model
        # Report tables are small (tens to a few thousand rows): a proxy sorts them on the raw values.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(model)
        self.proxy.setSortRole(RowsModel.SortRole)
        self.view = QTableView()
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the service's order until a click
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setWordWrap(False)
        self.copy_button = QPushButton(self.tr("Copy table"))
        self.copy_button.setToolTip(self.tr("Copy the selected rows (or the whole table) to the clipboard"))
        self.copy_button.clicked.connect(self.copy)
        QShortcut(QKeySequence.StandardKey.Copy, self.view, self.copy)
        self.status = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.copy_button)
        bar.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(bar)

    def copy(self) -> str:
        chosen = {i.row() for i in self.view.selectionModel().selectedRows()}
        shown = [r for r in range(self.proxy.rowCount()) if not chosen or r in chosen]
        rows = [self.proxy.mapToSource(self.proxy.index(r, 0)).row() for r in shown]
        text = self.model.as_tsv(rows)
        QApplication.clipboard().setText(text)
        n = len(rows)
        self.status.setText(self.tr("Copied {n} rows to the clipboard.").format(n=num(n)))
        return text


class ChartView(QWidget):
    """A matplotlib Figure on screen (QtAgg canvas, imported on first use); hovering shows values."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.figure: Any = None
        self.canvas: Any = None
        self.hover_text = ""
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self.placeholder = QLabel(self.tr("No chart yet: choose a period and press Build report."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout.addWidget(self.placeholder)

    def set_figure(self, fig: Any) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.placeholder.hide()
        self.figure = fig
        self.canvas = FigureCanvasQTAgg(fig)
        self.canvas.setMinimumHeight(240)
        self.canvas.mpl_connect("motion_notify_event", self._hover)
        self._layout.addWidget(self.canvas, 1)
        self.canvas.draw_idle()

    def clear(self) -> None:
        """Back to the placeholder (e.g. a period without BHYT data)."""
        if self.canvas is not None:
            self._layout.removeWidget(self.canvas)
            self.canvas.deleteLater()
        self.canvas = self.figure = None
        self.hover_text = ""
        self.placeholder.show()

    def _hover(self, event: Any) -> None:
        from onestop_desktop.reports.charts import hover_targets

        text = ""
        if event.inaxes is not None:
            for artist, label in hover_targets(self.figure):
                hit, _info = artist.contains(event)
                if hit:
                    text = label
                    break
        if text != self.hover_text:
            self.hover_text = text
            if text:
                QToolTip.showText(QCursor.pos(), text, self.canvas)
            else:
                QToolTip.hideText()
