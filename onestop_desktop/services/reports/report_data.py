"""The whole monthly briefing as frozen data: dossier statistics, comparisons, indicators and BHYT.

`build_report` is what the Reports tab, the PDF, the Excel export and `onestop-desktop report` share.
`ReportData.to_json()` is the exchange format (rates are percentages with two decimals).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.domain import periods
from onestop_desktop.domain.messages import Msg, define, msg
from onestop_desktop.domain.periods import Period
from onestop_desktop.services import audit
from onestop_desktop.services.bhyt import coverage as bhyt_coverage
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.reports import indicators, statistics
from onestop_desktop.services.reports.counts import Counts, MonthPoint, PeriodStats, Row
from onestop_desktop.services.reports.digitization import DigitizationSection, digitization_section
from onestop_desktop.services.reports.indicators import IndicatorValueInfo
from onestop_desktop.services.reports.satisfaction import SatisfactionSection, satisfaction_section

__all__ = [
    "BhytSection",
    "BhytUnitRow",
    "ReportData",
    "build_report",
    "trend_months",
]

Progress = Callable[[int, Msg], None]  # (percent, what is being done), worded at the edge

define("report.step.stats", "Đang tính số liệu hồ sơ…", "Counting the dossiers…")
define(
    "report.step.compare",
    "Đang so sánh với kỳ trước và cùng kỳ năm trước…",
    "Comparing with the previous period and the same period last year…",
)
define("report.step.series", "Đang lập chuỗi số liệu theo tháng…", "Building the monthly series…")
define(
    "report.step.indicators",
    "Đang đọc chỉ số cải cách hành chính…",
    "Reading the administrative reform indicators…",
)
define("report.step.bhyt", "Đang đọc số liệu BHYT…", "Reading the health insurance (BHYT) figures…")
define("report.step.done", "Đã xong số liệu.", "Figures ready.")


@dataclass(frozen=True)
class BhytUnitRow:
    code: str
    name: str
    population: int
    insured: int
    coverage: float
    target: float | None
    change_points: float | None
    rank: int


@dataclass(frozen=True)
class BhytSection:
    month: date
    cutoff: date
    name: str
    population: int
    insured: int
    coverage: float
    target: float | None
    previous_coverage: float | None
    units: tuple[BhytUnitRow, ...]
    trend: tuple[tuple[date, float], ...]

    @property
    def change_points(self) -> float | None:
        if self.previous_coverage is None:
            return None
        return round(self.coverage - self.previous_coverage, 2)

    @property
    def top(self) -> tuple[BhytUnitRow, ...]:
        return tuple(sorted(self.units, key=lambda u: -u.coverage)[:3])

    @property
    def bottom(self) -> tuple[BhytUnitRow, ...]:
        return tuple(sorted(self.units, key=lambda u: u.coverage)[:3])

    def to_json(self) -> dict[str, Any]:
        return {
            "month": self.month.isoformat(),
            "cutoff": self.cutoff.isoformat(),
            "name": self.name,
            "insured": self.insured,
            "population": self.population,
            "coverage": round(self.coverage, 2),
            "target": self.target,
            "previous_coverage": self.previous_coverage,
            "change_points": self.change_points,
            "units": [
                {
                    "code": u.code,
                    "name": u.name,
                    "insured": u.insured,
                    "population": u.population,
                    "coverage": round(u.coverage, 2),
                    "target": u.target,
                    "change_points": u.change_points,
                    "rank": u.rank,
                }
                for u in self.units
            ],
            "top": [u.code for u in self.top],
            "bottom": [u.code for u in self.bottom],
            "trend": [{"month": m.isoformat(), "coverage": round(c, 2)} for m, c in self.trend],
        }


@dataclass(frozen=True)
class ReportData:
    period: Period
    office_name: str
    parent_name: str
    place: str
    stats: PeriodStats
    previous_period: Period
    previous: Counts
    last_year_period: Period
    last_year: Counts
    series: tuple[MonthPoint, ...]
    indicators: tuple[IndicatorValueInfo, ...]
    bhyt: BhytSection | None
    generated_at: datetime
    # The day the document is dated: the day it is made, unless the office of its period no longer
    # existed then (an October 2018 briefing of the district, made in 2026, is dated at the end of its
    # period, not on a day the district did not exist); None: the day it is made.
    dated: date | None = None
    # The audit chain's head when the figures were read ("ID:HEX", services/audit_chain.py), printed in
    # small type on every page: a paper anchor that later proves the log was not cut or rewritten.
    audit_head: str = ""
    # Issue 14: digitised dossiers and electronic results; the citizens' ratings (None: not computed)
    digitization: DigitizationSection | None = None
    ratings: SatisfactionSection | None = None

    @property
    def document_day(self) -> date:
        return self.dated or self.generated_at.date()

    @property
    def reprinted(self) -> bool:
        """Dated before the day it was made: the briefing says when it was printed again."""
        return self.document_day < self.generated_at.date()

    @property
    def totals(self) -> Counts:
        return self.stats.totals

    def indicator(self, code: str) -> IndicatorValueInfo | None:
        return next((i for i in self.indicators if i.code == code), None)

    def to_json(self) -> dict[str, Any]:
        s = self.stats

        def rows(rs: tuple[Row, ...], key: str) -> list[dict[str, Any]]:
            return [{key: r.key, "name": r.label, **r.counts.to_json()} for r in rs]

        return {
            "period": {
                "start": self.period.start.isoformat(),
                "end": self.period.end.isoformat(),
                "kind": self.period.kind,
                "code": self.period.code,
                "label": self.period.label_vi,
            },
            "office": {"name": self.office_name, "parent": self.parent_name},
            "generated_at": self.generated_at.isoformat(),
            "dossiers": {
                **s.totals.to_json(),
                "on_time_or_within_formula": s.formula_vi,
                "apology_letters": s.apology_letters,
                "late_count": s.late_count,
            },
            "by_field": rows(s.by_field, "field"),
            "by_procedure": rows(s.by_procedure, "procedure"),
            "by_unit": rows(s.by_unit, "unit"),
            "by_officer": rows(s.by_officer, "officer"),
            "late": [
                {
                    "code": x.code,
                    "field": x.field,
                    "procedure": x.procedure,
                    "unit": x.unit,
                    "received_at": x.received_at.isoformat(),
                    "due_at": x.due_at.isoformat(),
                    "resolved_at": x.resolved_at.isoformat() if x.resolved_at else None,
                    "days_late": x.days_late,
                    "reason": x.reason,
                }
                for x in s.late
            ],
            "previous": {
                "period": {
                    "start": self.previous_period.start.isoformat(),
                    "end": self.previous_period.end.isoformat(),
                },
                **self.previous.to_json(),
            },
            "same_period_last_year": {
                "period": {
                    "start": self.last_year_period.start.isoformat(),
                    "end": self.last_year_period.end.isoformat(),
                },
                **self.last_year.to_json(),
            },
            "monthly": [
                {
                    "month": p.month.isoformat()[:7],
                    "received_new": p.received_new,
                    "resolved": p.resolved,
                }
                for p in self.series
            ],
            "indicators": indicators.to_json(list(self.indicators)),
            "bhyt": self.bhyt.to_json() if self.bhyt else None,
            **self._digital_json(),
        }

    def _digital_json(self) -> dict[str, Any]:
        """`digitization` and `ratings` with exactly the keys of issue 14; the rest in `*_detail`."""
        out: dict[str, Any] = {}
        if self.digitization is not None:
            out["digitization"] = self.digitization.to_json()
            out["digitization_detail"] = self.digitization.detail_json()
        if self.ratings is not None:
            out["ratings"] = self.ratings.to_json()
            out["ratings_detail"] = self.ratings.detail_json()
        return out


def trend_months(period: Period, n: int = 12) -> list[Period]:
    """The n calendar months ending with the month of the period's last day."""
    p = periods.month(period.end.year, period.end.month)
    out = [p]
    for _ in range(n - 1):
        p = periods.previous(p)
        out.append(p)
    return out[::-1]


def bhyt_section(session: Session, month: date, earliest: date | None = None) -> BhytSection | None:
    """BHYT coverage of the month (or of the latest month with data from `earliest` on), else None."""
    month = month.replace(day=1)
    floor = (earliest or month).replace(day=1)
    with_data = [m for m in bhyt_coverage.available_months(session) if floor <= m <= month]
    if not with_data:
        return None
    month = with_data[-1]
    try:
        cov = bhyt_coverage.month_coverage(session, month)
    except (ServiceError, LookupError):
        return None
    if cov is None or not cov.units:
        return None
    try:
        trend = tuple(bhyt_coverage.coverage_trend(session, None, months=12, until=month.replace(day=1)))
    except (ServiceError, LookupError):
        trend = ()
    units = tuple(
        BhytUnitRow(
            code=u.code,
            name=u.name,
            population=u.population,
            insured=u.insured,
            coverage=float(u.coverage),
            target=u.target,
            change_points=round(u.change_points, 2) if u.change_points is not None else None,
            rank=u.rank,
        )
        for u in cov.units
    )
    return BhytSection(
        month=cov.month,
        cutoff=cov.cutoff or month,
        name=cov.parent_name,
        population=cov.population,
        insured=cov.insured,
        coverage=float(cov.coverage),
        target=cov.target,
        previous_coverage=round(cov.previous_coverage, 2) if cov.previous_coverage is not None else None,
        units=units,
        trend=tuple((m, float(c)) for m, c in trend),
    )


def build_report(session: Session, period: Period, progress: Progress | None = None) -> ReportData:
    """Assemble the briefing; `progress(percent, step)` may raise to cancel between steps."""

    def step(p: int, key: str) -> None:
        if progress is not None:
            progress(p, msg(key))

    step(5, "report.step.stats")
    stats = statistics.period_stats(session, period)
    step(40, "report.step.compare")
    prev_p, ly_p = periods.previous(period), periods.same_last_year(period)
    prev, ly = statistics.period_totals(session, prev_p), statistics.period_totals(session, ly_p)
    step(60, "report.step.series")
    series = tuple(statistics.monthly_series(session, trend_months(period)))
    step(75, "report.step.indicators")
    inds = tuple(indicators.period_indicators(session, period))
    step(85, "report.step.bhyt")
    bhyt = bhyt_section(session, period.end, period.start)
    step(90, "report.step.digital")
    digitization, ratings = digitization_section(session, period), satisfaction_section(session, period)
    off = office.get_office(session, period.end)  # the office as it was in the period
    made = now_local()
    dated = None
    if office.get_office(session, made.date()) != off:  # that office has ended: date it in its time
        dated = min(period.end, made.date())
    step(95, "report.step.done")
    return ReportData(
        period=period,
        office_name=off.name,
        parent_name=off.parent_name,
        place=off.place,
        stats=stats,
        previous_period=prev_p,
        previous=prev,
        last_year_period=ly_p,
        last_year=ly,
        series=series,
        indicators=inds,
        bhyt=bhyt,
        generated_at=made,
        dated=dated,
        audit_head=audit.format_head(audit.chain_head(session)),
        digitization=digitization,
        ratings=ratings,
    )
