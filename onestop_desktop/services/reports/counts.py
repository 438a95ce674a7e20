"""The figures of a period as plain data: the counts of form II.06a/VPCP/KSTT, rows, late dossiers, months."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields
from datetime import date, datetime
from typing import Any

from onestop_desktop.domain.messages import Msg, Num, Text, define, msg
from onestop_desktop.domain.periods import Period

define(
    "stats.formula",
    "(trước hạn {early} + đúng hạn {on_time} + trong hạn {within}) / tổng số phải giải quyết {total} = "
    "{good} / {total} = {rate}",
    "(early {early} + on time {on_time} + within the deadline {within}) / total to settle {total} = "
    "{good} / {total} = {rate}",
)


def pct(num: int, den: int) -> float | None:
    """Percentage with two decimals, None when the denominator is zero."""
    return round(100.0 * num / den, 2) if den else None


@dataclass(frozen=True)
class Counts:
    """The columns of form II.06a for one row (or the total)."""

    carried_over: int = 0
    received_online: int = 0
    received_direct: int = 0  # in person or by post
    resolved_early: int = 0
    resolved_on_time: int = 0
    resolved_late: int = 0
    withdrawn_or_stopped: int = 0  # included in resolved_on_time
    in_progress_within: int = 0
    in_progress_overdue: int = 0
    waiting_supplement: int = 0  # included in in_progress_within
    apology_dossiers: int = 0

    @property
    def received_new(self) -> int:
        return self.received_online + self.received_direct

    @property
    def received(self) -> int:
        return self.carried_over + self.received_new

    @property
    def resolved(self) -> int:
        return self.resolved_early + self.resolved_on_time + self.resolved_late

    @property
    def in_progress(self) -> int:
        return self.in_progress_within + self.in_progress_overdue

    @property
    def good(self) -> int:
        """Early + on time + still within deadline (the briefing's 6,000)."""
        return self.resolved_early + self.resolved_on_time + self.in_progress_within

    @property
    def bad(self) -> int:
        """Resolved late + overdue at the period end."""
        return self.resolved_late + self.in_progress_overdue

    @property
    def on_time_rate(self) -> float | None:
        return pct(self.resolved_early + self.resolved_on_time, self.resolved)

    @property
    def on_time_or_within_rate(self) -> float | None:
        return pct(self.good, self.received)

    @property
    def online_share(self) -> float | None:
        return pct(self.received_online, self.received_new)

    def __add__(self, other: Counts) -> Counts:
        return Counts(*(getattr(self, n) + getattr(other, n) for n in _COUNT_FIELDS))

    def to_json(self) -> dict[str, Any]:
        return {
            "received": self.received,
            "carried_over": self.carried_over,
            "received_new": self.received_new,
            "received_online": self.received_online,
            "received_direct": self.received_direct,
            "resolved": self.resolved,
            "resolved_early": self.resolved_early,
            "resolved_on_time": self.resolved_on_time,
            "resolved_late": self.resolved_late,
            "withdrawn_or_stopped": self.withdrawn_or_stopped,
            "in_progress": self.in_progress,
            "in_progress_within": self.in_progress_within,
            "in_progress_overdue": self.in_progress_overdue,
            "waiting_supplement": self.waiting_supplement,
            "on_time_or_within": self.good,
            "late_or_overdue": self.bad,
            "on_time_rate": self.on_time_rate,
            "on_time_or_within_rate": self.on_time_or_within_rate,
            "online_share": self.online_share,
        }


_COUNT_FIELDS = tuple(f.name for f in fields(Counts))


@dataclass(frozen=True)
class Row:
    """One line of a breakdown: a key (code or id), its label and its counts."""

    key: str
    label: str
    counts: Counts


@dataclass(frozen=True)
class LateDossier:
    code: str
    field: str
    procedure: str
    unit: str
    received_at: datetime
    due_at: datetime
    resolved_at: datetime | None  # None: still open, overdue at the period end
    days_late: int  # working days after the appointment date (to the result or the period end)
    reason: str


@dataclass(frozen=True)
class PeriodStats:
    period: Period
    totals: Counts
    by_field: tuple[Row, ...]
    by_procedure: tuple[Row, ...]
    by_unit: tuple[Row, ...]
    by_officer: tuple[Row, ...]
    late: tuple[LateDossier, ...]
    late_count: int
    apology_letters: int  # "apology" events dated inside the period

    @property
    def formula(self) -> Msg:
        """How the rate of dossiers settled early, on time or still within their time is computed."""
        t = self.totals
        rate = t.on_time_or_within_rate
        return msg(
            "stats.formula",
            early=Num(t.resolved_early),
            on_time=Num(t.resolved_on_time),
            within=Num(t.in_progress_within),
            total=Num(t.received),
            good=Num(t.good),
            rate=Num(rate, 2, percent=True) if rate is not None else Text("—", "—"),
        )

    @property
    def formula_vi(self) -> str:
        """The formula on the Vietnamese briefing and workbook."""
        return self.formula.text("vi")


@dataclass(frozen=True)
class MonthPoint:
    month: date  # first day
    received_new: int
    resolved: int


def with_totals(rows: Iterable[Row], label: str = "Tổng cộng") -> tuple[Row, ...]:
    """The rows followed by their sum (for tables)."""
    rows = tuple(rows)
    return (*rows, Row("", label, sum((r.counts for r in rows), Counts())))
