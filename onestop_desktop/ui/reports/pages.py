"""The result pages of the Reports tab: the briefing's tables and charts, filled from a ReportData.

The strings keep the translation context "ReportsTab": they were written in the tab, and the .ts files
key them so.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import itemgetter
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QTabWidget, QVBoxLayout, QWidget

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.reports.counts import Counts, Row
from onestop_desktop.services.reports.indicators import name_text
from onestop_desktop.services.reports.report_data import ReportData
from onestop_desktop.services.reports.summary import summary_messages
from onestop_desktop.ui.i18n import num, pct, say
from onestop_desktop.ui.reports.digital_pages import DigitalPages
from onestop_desktop.ui.reports.widgets import ChartView, Column, CopyableTable, RowsModel


def _rate(x: float | None) -> str:
    return pct(x) if x is not None else "—"


class ReportPages(QTabWidget):
    """One page per view of the briefing (overview, by field, by unit, late dossiers, BHYT, indicators)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._make_pages()

    def _count_columns(self, name: str, key: Callable[[Row], str] | None = None) -> list[Column]:
        def c(f: Callable[[Counts], int]) -> tuple[Callable[[Row], str], Callable[[Row], int]]:
            return (lambda r: num(f(r.counts))), (lambda r: f(r.counts))

        cols = [Column(name, lambda r: r.label, lambda r: r.label, numeric=False)]
        if key is not None:
            cols.insert(0, Column(QCoreApplication.translate("ReportsTab", "Code"), key, key, numeric=False))
        for header, f in (
            (QCoreApplication.translate("ReportsTab", "To handle"), lambda k: k.received),
            (QCoreApplication.translate("ReportsTab", "Carried over"), lambda k: k.carried_over),
            (QCoreApplication.translate("ReportsTab", "New online"), lambda k: k.received_online),
            (QCoreApplication.translate("ReportsTab", "New in person/post"), lambda k: k.received_direct),
            (QCoreApplication.translate("ReportsTab", "Resolved"), lambda k: k.resolved),
            (QCoreApplication.translate("ReportsTab", "Early"), lambda k: k.resolved_early),
            (QCoreApplication.translate("ReportsTab", "On time"), lambda k: k.resolved_on_time),
            (QCoreApplication.translate("ReportsTab", "Late"), lambda k: k.resolved_late),
            (QCoreApplication.translate("ReportsTab", "In progress"), lambda k: k.in_progress),
            (QCoreApplication.translate("ReportsTab", "Within deadline"), lambda k: k.in_progress_within),
            (QCoreApplication.translate("ReportsTab", "Overdue"), lambda k: k.in_progress_overdue),
        ):
            text, sort = c(f)
            cols.append(Column(header, text, sort))
        cols.append(
            Column(
                QCoreApplication.translate("ReportsTab", "On-time rate"),
                lambda r: _rate(r.counts.on_time_rate),
                lambda r: r.counts.on_time_rate or -1.0,
            )
        )
        cols.append(
            Column(
                QCoreApplication.translate("ReportsTab", "On time or within"),
                lambda r: _rate(r.counts.on_time_or_within_rate),
                lambda r: r.counts.on_time_or_within_rate or -1.0,
            )
        )
        return cols

    def _page(self, title: str, table: CopyableTable | None, *charts: ChartView) -> None:
        split = QSplitter(Qt.Orientation.Horizontal)
        if table is not None:
            split.addWidget(table)
        if charts:
            box = QWidget()
            v = QVBoxLayout(box)
            v.setContentsMargins(0, 0, 0, 0)
            for ch in charts:
                v.addWidget(ch, 1)
            split.addWidget(box)
        self.addTab(split, title)

    def _make_pages(self) -> None:
        def table(cols: list[Column]) -> CopyableTable:
            return CopyableTable(RowsModel(cols, self))

        self.compare_table = table(
            [Column(QCoreApplication.translate("ReportsTab", "Figure"), lambda r: r[0], numeric=False)]
            + [
                Column(h, itemgetter(i))
                for i, h in enumerate(
                    [
                        QCoreApplication.translate("ReportsTab", "This period"),
                        QCoreApplication.translate("ReportsTab", "Previous period"),
                        QCoreApplication.translate("ReportsTab", "Same period last year"),
                    ],
                    1,
                )
            ]
        )
        self.charts: dict[str, ChartView] = {
            k: ChartView() for k in ("monthly", "on_time", "late", "bhyt_units", "bhyt_trend")
        }
        self.tables: dict[str, CopyableTable] = {
            "compare": self.compare_table,
            "field": table(
                self._count_columns(QCoreApplication.translate("ReportsTab", "Field"), lambda r: r.key)
            ),
            "procedure": table(
                self._count_columns(QCoreApplication.translate("ReportsTab", "Procedure"), lambda r: r.key)
            ),
            "unit": table(self._count_columns(QCoreApplication.translate("ReportsTab", "Unit"))),
            "officer": table(
                self._count_columns(QCoreApplication.translate("ReportsTab", "Receiving officer"))
            ),
            "late": table(
                [
                    Column(
                        QCoreApplication.translate("ReportsTab", "Dossier code"),
                        lambda x: x.code,
                        numeric=False,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Field"), lambda x: x.field, numeric=False
                    ),
                    Column(QCoreApplication.translate("ReportsTab", "Unit"), lambda x: x.unit, numeric=False),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Appointment"),
                        lambda x: fmt_date(x.due_at.date()),
                        lambda x: x.due_at,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Result"),
                        lambda x: (
                            fmt_date(x.resolved_at.date())
                            if x.resolved_at
                            else QCoreApplication.translate("ReportsTab", "still open")
                        ),
                        lambda x: x.resolved_at.isoformat() if x.resolved_at else "~",
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Working days late"),
                        lambda x: num(x.days_late),
                        lambda x: x.days_late,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Reason"), lambda x: x.reason, numeric=False
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Procedure"),
                        lambda x: x.procedure,
                        numeric=False,
                    ),
                ]
            ),
            "bhyt": table(
                [
                    Column(
                        QCoreApplication.translate("ReportsTab", "Rank"),
                        lambda u: str(u.rank),
                        lambda u: u.rank,
                    ),
                    Column(QCoreApplication.translate("ReportsTab", "Unit"), lambda u: u.name, numeric=False),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Population"),
                        lambda u: num(u.population),
                        lambda u: u.population,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Insured"),
                        lambda u: num(u.insured),
                        lambda u: u.insured,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Coverage"),
                        lambda u: pct(u.coverage),
                        lambda u: u.coverage,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Target"),
                        lambda u: _rate(u.target),
                        lambda u: u.target or 0.0,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Change (points)"),
                        lambda u: "" if u.change_points is None else num(u.change_points, 2),
                        lambda u: u.change_points or 0.0,
                    ),
                ]
            ),
            "indicators": table(
                [
                    Column(
                        QCoreApplication.translate("ReportsTab", "Indicator"),
                        lambda v: say(name_text(v.name)),
                        numeric=False,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Value"),
                        lambda v: num(int(v.value)),
                        lambda v: v.value,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Total"),
                        lambda v: num(int(v.total)) if v.total else "",
                        lambda v: v.total or 0,
                    ),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Rate"),
                        lambda v: _rate(v.rate),
                        lambda v: v.rate or 0.0,
                    ),
                ]
            ),
        }
        t, c = self.tables, self.charts
        overview = QWidget()
        box = QVBoxLayout(overview)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(t["compare"], 1)
        self.assessment = QLabel()
        self.assessment.setWordWrap(True)
        self.assessment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.addWidget(self.assessment)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(overview)
        split.addWidget(c["monthly"])
        self.addTab(split, QCoreApplication.translate("ReportsTab", "Overview"))
        self._page(QCoreApplication.translate("ReportsTab", "By field"), t["field"], c["on_time"], c["late"])
        self._page(QCoreApplication.translate("ReportsTab", "By procedure"), t["procedure"])
        self._page(QCoreApplication.translate("ReportsTab", "By unit"), t["unit"])
        self._page(QCoreApplication.translate("ReportsTab", "By receiving officer"), t["officer"])
        self._page(QCoreApplication.translate("ReportsTab", "Late dossiers"), t["late"])
        self._page(
            QCoreApplication.translate("ReportsTab", "BHYT"), t["bhyt"], c["bhyt_units"], c["bhyt_trend"]
        )
        self._page(QCoreApplication.translate("ReportsTab", "Reform indicators"), t["indicators"])
        self.digital = DigitalPages(self)  # issue 14: digitisation, satisfaction
        self.tables.update(self.digital.tables)

    def show_report(self, data: ReportData, figs: dict[str, Any]) -> None:
        """Fill every table and chart from `data` and its figures (a chart without a figure is cleared)."""
        c, s = data.totals, data.stats
        lines: list[tuple[str, Callable[[Counts], str]]] = [
            (QCoreApplication.translate("ReportsTab", "Dossiers to handle"), lambda k: num(k.received)),
            (QCoreApplication.translate("ReportsTab", "New dossiers"), lambda k: num(k.received_new)),
            (QCoreApplication.translate("ReportsTab", "Resolved"), lambda k: num(k.resolved)),
            (QCoreApplication.translate("ReportsTab", "Resolved late"), lambda k: num(k.resolved_late)),
            (
                QCoreApplication.translate("ReportsTab", "Overdue at the period end"),
                lambda k: num(k.in_progress_overdue),
            ),
            (QCoreApplication.translate("ReportsTab", "On-time rate"), lambda k: _rate(k.on_time_rate)),
            (
                QCoreApplication.translate("ReportsTab", "On time or within deadline"),
                lambda k: _rate(k.on_time_or_within_rate),
            ),
            (
                QCoreApplication.translate("ReportsTab", "Share received online"),
                lambda k: _rate(k.online_share),
            ),
        ]
        periods = (c, data.previous, data.last_year)
        self.tables["compare"].model.set_rows(
            [(name, *[f(k) if k.received else "—" for k in periods]) for name, f in lines]
        )
        sentences = [say(m) for part in summary_messages(data).values() for m in part]
        self.assessment.setText("".join(f"<p>{x}</p>" for x in sentences[3:]))
        self.tables["field"].model.set_rows(s.by_field)
        self.tables["procedure"].model.set_rows(s.by_procedure)
        self.tables["unit"].model.set_rows(s.by_unit)
        self.tables["officer"].model.set_rows(s.by_officer)
        self.tables["late"].model.set_rows(s.late)
        self.tables["bhyt"].model.set_rows(sorted(data.bhyt.units, key=lambda u: u.rank) if data.bhyt else [])
        self.tables["indicators"].model.set_rows(data.indicators)
        self.digital.show_report(data)
        for key, view in self.charts.items():
            if key in figs:
                view.set_figure(figs[key])
            else:
                view.clear()
