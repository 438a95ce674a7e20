"""Choosing the month shown: the months that hold data, newest first."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QWidget

from onestop_desktop.services.bhyt import month_label


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
        idx = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(idx if idx >= 0 else 0)
        self.blockSignals(False)

    def month(self) -> date | None:
        value = self.currentData()
        return value if isinstance(value, date) else None

    def _changed(self, _index: int) -> None:
        self.month_changed.emit(self.month())
