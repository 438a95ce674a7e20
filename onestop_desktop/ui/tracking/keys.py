"""The tracking tab's keyboard path from the search box to the results."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QAbstractItemModel, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QTableView

from onestop_desktop.ui.tracking.filters import FilterBar


class SearchKeys(QObject):
    """From the search box, Down or Enter runs the search at once and goes to the results: the first row
    selected, the keyboard in the list (Enter used to stay in the box, Down did nothing)."""

    def __init__(self, bar: FilterBar, table: Callable[[], QTableView], model: QAbstractItemModel) -> None:
        super().__init__(bar)
        self.bar, self.table, self.model = bar, table, model
        bar.search.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if (
            watched is self.bar.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down)
        ):
            self.bar.flush()  # the words typed count now, not after the typing pause
            self.go_to_results()
            return True
        return super().eventFilter(watched, event)

    def go_to_results(self) -> None:
        """Focus the list on its first row; with nothing to show the keyboard stays in the search box."""
        if self.model.rowCount() == 0:
            return
        table = self.table()
        table.setFocus()
        if not table.selectionModel().hasSelection():
            table.selectRow(0)


class ListFocus(QObject):
    """Tab into the list selects the row under the keyboard (it sat on row 1 unselected, so the first Down
    selected row 2 and the details panel showed nothing until then)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if watched is self.table and event.type() == QEvent.Type.FocusIn:
            model = self.table.model()
            if model is not None and model.rowCount() and not self.table.selectionModel().hasSelection():
                current = self.table.currentIndex()
                self.table.selectRow(current.row() if current.isValid() else 0)
        return super().eventFilter(watched, event)
