"""Choose a reporting period: month, quarter, year, the 15th-to-14th reporting month, or a range."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QWidget

from onestop_desktop.domain import periods
from onestop_desktop.domain.periods import Period

KINDS = ("month", "quarter", "year", "reporting", "range")


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, initial: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = QComboBox()
        labels = {
            "month": self.tr("Month"),
            "quarter": self.tr("Quarter"),
            "year": self.tr("Year"),
            "reporting": self.tr("Reporting month (15th to 14th)"),
            "range": self.tr("Date range"),
        }
        for k in KINDS:
            self.kind.addItem(labels[k], k)
        self.number = QSpinBox()
        self.year = QSpinBox()
        self.year.setRange(1990, 2100)
        self.year.setValue(initial.year)
        self.number_label = QLabel()
        self.start, self.end = QDateEdit(), QDateEdit()
        for w in (self.start, self.end):
            w.setDisplayFormat("dd/MM/yyyy")
            w.setCalendarPopup(True)
        self.start.setDate(QDate(initial.year, initial.month, 1))
        self.end.setDate(QDate(initial.year, initial.month, 1).addMonths(1).addDays(-1))
        self.year_label = QLabel(self.tr("Year"))
        self.dash = QLabel("–")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        for w in (
            self.kind,
            self.number_label,
            self.number,
            self.year_label,
            self.year,
            self.start,
            self.dash,
            self.end,
        ):
            layout.addWidget(w)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        for s in (self.number, self.year):
            s.valueChanged.connect(lambda _v: self.changed.emit())
        for e in (self.start, self.end):
            e.dateChanged.connect(lambda _d: self.changed.emit())
        self._kind_changed()
        self.number.setValue(initial.month)

    def _kind_changed(self) -> None:
        k = self.kind.currentData()
        by_number = k in ("month", "quarter", "reporting")
        for w in (self.number, self.number_label):
            w.setVisible(by_number)
        for w in (self.year, self.year_label):
            w.setVisible(k != "range")
        for w in (self.start, self.end, self.dash):
            w.setVisible(k == "range")
        self.number.setRange(1, 4 if k == "quarter" else 12)
        self.number_label.setText(self.tr("Quarter") if k == "quarter" else self.tr("Month"))
        self.changed.emit()

    def set_period(self, kind: str, year: int, number: int = 1) -> None:
        self.kind.setCurrentIndex(KINDS.index(kind))
        self.year.setValue(year)
        self.number.setValue(number)

    def period(self) -> Period:
        """The chosen period; raises ValueError (Vietnamese message) for an impossible range."""
        k, y, n = self.kind.currentData(), self.year.value(), self.number.value()
        if k == "month":
            return periods.month(y, n)
        if k == "quarter":
            return periods.quarter(y, n)
        if k == "year":
            return periods.year(y)
        if k == "reporting":
            return periods.reporting_15_14(y, n)
        s, e = self.start.date(), self.end.date()
        first, last = date(s.year(), s.month(), s.day()), date(e.year(), e.month(), e.day())
        return periods.parse_period(f"{first.isoformat()}..{last.isoformat()}")
