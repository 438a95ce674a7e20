"""Choosing the month shown: the months that hold data, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from onestop_desktop.services.bhyt.coverage import month_label


class MonthPicker(QComboBox):
    month_changed = Signal(object)  # date: first day of the month

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumContentsLength(14)
        self.currentIndexChanged.connect(self._changed)

    def set_months(self, months: Sequence[date], keep: date | None = None) -> None:
        """Fill with `months` (newest first); select `keep` when present, else the newest."""
        self.blockSignals(True)
        self.clear()
        for m in sorted(months, reverse=True):
            self.addItem(self.tr("Month {month}").format(month=month_label(m)), m)
        idx = next((i for i in range(self.count()) if self.itemData(i) == keep), 0)
        self.setCurrentIndex(idx)
        self.blockSignals(False)

    def select(self, month: date) -> bool:
        """Show `month` if it is in the list (emits month_changed)."""
        idx = next((i for i in range(self.count()) if self.itemData(i) == month), -1)
        if idx >= 0:
            self.setCurrentIndex(idx)
        return idx >= 0

    def month(self) -> date | None:
        value = self.currentData()
        return value if isinstance(value, date) else None

    def _changed(self, _index: int) -> None:
        self.month_changed.emit(self.month())
