"""Monthly entry of the reform indicators by a leader, with each indicator's history."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.reports import indicators
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import num, say
from onestop_desktop.ui.reports.widgets import Column, CopyableTable, RowsModel


def _spin() -> QDoubleSpinBox:
    s = QDoubleSpinBox()
    s.setDecimals(0)
    s.setRange(0, 1e9)
    s.setGroupSeparatorShown(True)
    return s


class IndicatorsDialog(QDialog):
    def __init__(self, ctx: AppContext, month: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Reform indicators of the month"))
        self.month = QDateEdit(QDate(month.year, month.month, 1))
        self.month.setDisplayFormat("MM/yyyy")
        self.month.dateChanged.connect(lambda _d: self.load())
        form = QFormLayout()
        form.addRow(self.tr("Month"), self.month)
        with ctx.session() as s:
            indicators.ensure_defs(s)
            self.defs = indicators.list_indicators(s)
        self.values: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox | None]] = {}
        for d in self.defs:
            value = _spin()
            total = _spin() if d.kind == "ratio" else None
            row = QHBoxLayout()
            row.addWidget(value)
            if total is not None:
                row.addWidget(QLabel(self.tr("of")))
                row.addWidget(total)
            row.addStretch(1)
            form.addRow(say(indicators.name_text(d.name)), row)
            self.values[d.code] = (value, total)
        self.history = CopyableTable(
            RowsModel(
                [
                    Column(self.tr("Indicator"), lambda v: say(indicators.name_text(v.name)), numeric=False),
                    Column(
                        self.tr("Month"), lambda v: f"{v.month.month:02d}/{v.month.year}", lambda v: v.month
                    ),
                    Column(self.tr("Value"), lambda v: num(int(v.value)), lambda v: v.value),
                    Column(
                        self.tr("Total"),
                        lambda v: num(int(v.total)) if v.total else "",
                        lambda v: v.total,
                    ),
                    Column(self.tr("Entered by"), lambda v: v.entered_by, numeric=False),
                    Column(self.tr("On"), lambda v: fmt_date(date.fromisoformat(v.at[:10])), lambda v: v.at),
                ],
                self,
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("History")))
        layout.addWidget(self.history, 1)
        layout.addWidget(buttons)
        fit_resize(self, 760, 560)
        self.load()

    def chosen_month(self) -> date:
        d = self.month.date()
        return date(d.year(), d.month(), 1)

    def load(self) -> None:
        m = self.chosen_month()
        with self.ctx.session() as s:
            current = {v.code: v for v in indicators.month_values(s, m)}
            history = [v for d in self.defs for v in indicators.history(s, d.code, months=12, until=m)]
        for code, (value, total) in self.values.items():
            v = current.get(code)
            value.setValue(v.value if v else 0)
            if total is not None:
                total.setValue(v.total or 0 if v else 0)
        self.history.model.set_rows(history)

    def save(self) -> None:
        m = self.chosen_month()
        try:
            with self.ctx.session() as s:
                for code, (value, total) in self.values.items():
                    indicators.set_value(
                        s,
                        self.ctx.actor,
                        code,
                        m,
                        value.value(),
                        total.value() if total is not None else None,
                    )
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.accept()
