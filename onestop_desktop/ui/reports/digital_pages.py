"""The Reports tab's digitisation and satisfaction pages (issue 14): a note with the figures and their
formula (and what Quyết định 766/QĐ-TTg leaves unread), then the tables.

A period before the office recorded any scan or rating shows one sentence saying there are no figures,
and empty tables: never a 0 % that would read as a failure. The sentences come from the service's
messages (services/reports/digital_messages.py), worded in the interface language; the column headers
are this tab's strings (context "ReportsTab", like pages.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QSplitter, QTabWidget, QVBoxLayout, QWidget

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.messages import Msg, Num, Text, msg
from onestop_desktop.services.reports.digital_messages import QD_766_2022
from onestop_desktop.services.reports.digitization import DigitizationRow
from onestop_desktop.services.reports.report_data import ReportData
from onestop_desktop.ui.i18n import num, pct, say
from onestop_desktop.ui.reports.widgets import Column, CopyableTable, RowsModel

_DASH = Text("—", "—")


def _rate(x: float | None) -> str:
    return pct(x) if x is not None else "—"


def _p(x: float | None) -> Num | Text:
    return Num(x, 2, percent=True) if x is not None else _DASH


def _note() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    # a long sentence must not widen the window (STYLE.md: report labels may shrink)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    return label


def _paragraphs(messages: list[Msg]) -> str:
    return "".join(f"<p>{say(m)}</p>" for m in messages)


class DigitalPages:
    """Adds the two pages to the report's QTabWidget and fills them from a ReportData."""

    def __init__(self, tabs: QTabWidget) -> None:
        def table(cols: list[Column]) -> CopyableTable:
            return CopyableTable(RowsModel(cols, tabs))

        first_field = QCoreApplication.translate("ReportsTab", "Field")
        first_officer = QCoreApplication.translate("ReportsTab", "Receiving officer")
        self.tables: dict[str, CopyableTable] = {
            "digital_field": table(self._digital_columns(first_field)),
            "digital_officer": table(self._digital_columns(first_officer)),
            "worst": table(  # the long name last: the rate stays in view (a name is 100 characters)
                [
                    Column(QCoreApplication.translate("ReportsTab", "Code"), lambda p: p.code, numeric=False),
                    *self._rating_columns(),
                    Column(
                        QCoreApplication.translate("ReportsTab", "Procedure"), lambda p: p.name, numeric=False
                    ),
                ]
            ),
            "rated_officer": table(
                [
                    Column(
                        QCoreApplication.translate("ReportsTab", "Officer who returned the result"),
                        lambda o: o.full_name or o.username or "—",
                        numeric=False,
                    ),
                    *self._rating_columns(),
                ]
            ),
        }
        self.digital_note, self.ratings_note = _note(), _note()
        t = self.tables
        tabs.addTab(
            self._page(self.digital_note, t["digital_field"], t["digital_officer"]),
            QCoreApplication.translate("ReportsTab", "Digitisation"),
        )
        tabs.addTab(
            self._page(self.ratings_note, t["worst"], t["rated_officer"]),
            QCoreApplication.translate("ReportsTab", "Satisfaction"),
        )

    @staticmethod
    def _page(note: QLabel, *tables: CopyableTable) -> QWidget:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(note)
        split = QSplitter(Qt.Orientation.Vertical)
        for t in tables:
            split.addWidget(t)
        box.addWidget(split, 1)
        return page

    @staticmethod
    def _digital_columns(first: str) -> list[Column]:
        return [
            Column(first, lambda r: r.label, lambda r: r.label, numeric=False),
            Column(
                QCoreApplication.translate("ReportsTab", "New dossiers"),
                lambda r: num(r.received),
                lambda r: r.received,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Fully digitised"),
                lambda r: num(r.digitized),
                lambda r: r.digitized,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Digitisation rate"),
                lambda r: _rate(r.rate),
                lambda r: -1.0 if r.rate is None else r.rate,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Resolved"),
                lambda r: num(r.resolved),
                lambda r: r.resolved,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Electronic results"),
                lambda r: num(r.results_electronic),
                lambda r: r.results_electronic,
            ),
        ]

    @staticmethod
    def _rating_columns() -> list[Column]:
        return [
            Column(
                QCoreApplication.translate("ReportsTab", "Ratings"),
                lambda r: num(r.counts.count),
                lambda r: r.counts.count,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Satisfied"),
                lambda r: num(r.counts.satisfied),
                lambda r: r.counts.satisfied,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Neutral"),
                lambda r: num(r.counts.neutral),
                lambda r: r.counts.neutral,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Not satisfied"),
                lambda r: num(r.counts.unsatisfied),
                lambda r: r.counts.unsatisfied,
            ),
            Column(
                QCoreApplication.translate("ReportsTab", "Satisfaction rate"),
                lambda r: _rate(r.counts.rate),
                lambda r: -1.0 if r.counts.rate is None else r.counts.rate,
            ),
        ]

    def show_report(self, data: ReportData) -> None:
        """Fill both pages; without figures for the period, a sentence says so and the tables are empty."""
        before = data.period.end < QD_766_2022.valid_from
        end = fmt_date(data.period.end)
        g, r = data.digitization, data.ratings
        rows: list[DigitizationRow] = []
        notes: list[Msg] = []
        if g is not None and g.has_data:
            rows = [*g.by_field]
            notes = [
                msg(
                    "digital.summary",
                    received=g.received,
                    digitized=g.digitized,
                    rate=_p(g.rate),
                    electronic=g.results_electronic,
                    resolved=g.resolved,
                ),
                msg(
                    "digital.formula",
                    digitized=g.digitized,
                    received=g.received,
                    rate=_p(g.rate),
                    electronic=g.results_electronic,
                    resolved=g.resolved,
                    share=_p(g.electronic_share),
                ),
                msg("digital.law-note"),
            ]
        elif g is not None:
            notes = [msg("digital.no-data", end=end), *([msg("digital.before-rules")] if before else [])]
        self.digital_note.setText(_paragraphs(notes))
        self.tables["digital_field"].model.set_rows(rows)
        self.tables["digital_officer"].model.set_rows(list(g.by_officer) if rows and g is not None else [])
        notes = []
        if r is not None and r.has_data:
            c = r.counts
            counted = [
                msg(
                    "ratings.summary",
                    count=c.count,
                    satisfied=c.satisfied,
                    neutral=c.neutral,
                    unsatisfied=c.unsatisfied,
                    rate=_p(c.rate),
                ),
                msg("ratings.formula", satisfied=c.satisfied, count=c.count, rate=_p(c.rate)),
            ]
            notes = [
                *(counted if c.count else [msg("ratings.none")]),
                msg("ratings.worst", min=r.min_ratings)
                if r.worst
                else msg("ratings.no-worst", min=r.min_ratings),
                msg("ratings.law-note"),
            ]
        elif r is not None:
            notes = [msg("ratings.no-data", end=end), *([msg("digital.before-rules")] if before else [])]
        self.ratings_note.setText(_paragraphs(notes))
        has = r is not None and r.has_data
        self.tables["worst"].model.set_rows(list(r.worst) if has and r is not None else [])
        self.tables["rated_officer"].model.set_rows(list(r.by_officer) if has and r is not None else [])
