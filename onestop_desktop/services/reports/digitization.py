"""Digitised dossiers and electronic results of a period, in total, by field and by receiving officer.

Counting rules (issue 14; the texts behind them and what they leave open: digital_messages.py):
- received = the dossiers newly received in the period (received_at inside it, accepted: not those only
  registered online or refused), the "mới tiếp nhận" of form II.06a, because digitisation happens at
  intake; the dossiers carried over were received (and scanned, or not) in an earlier period;
- digitized = those of them whose every checklist line had a live scan by the end of the period
  (`dossiers.digitized_at` before the day after the last): a scan added later does not move a past
  period, and a dossier without checklist lines is never digitised (services/attachments);
- rate = digitized / received, a percentage with two decimals like every rate of the report JSON
  (counts.pct), None when nothing was received or when the office had recorded no scan at all by the
  period's end (the 2018 office: "no figures", not a 0 % failure);
- results_electronic = dossiers resolved in the period (resolved_at inside it: the day the result
  exists, as form II.06a dates a result) whose result was issued electronically (result_form
  "electronic"); its share is over the dossiers resolved in the period (withdrawn or stopped ones have
  no result and are left out).
The breakdowns go by field and by the receiving officer (who scans at the counter); the result figures
are grouped the same way, by the officer who received the dossier.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, Field, User
from onestop_desktop.db.models_files import Attachment
from onestop_desktop.domain.periods import Period
from onestop_desktop.services.reports.counts import pct
from onestop_desktop.services.reports.digital_messages import QD_766_2022
from onestop_desktop.services.reports.statistics import NOT_ACCEPTED, _bounds

__all__ = ["DigitizationRow", "DigitizationSection", "digitization_section", "first_scan_day"]

ELECTRONIC = "electronic"


@dataclass(frozen=True)
class DigitizationRow:
    """One line of a breakdown: a field or an officer (key: code or user name) and its counts."""

    key: str
    label: str
    received: int = 0
    digitized: int = 0
    resolved: int = 0
    results_electronic: int = 0

    @property
    def rate(self) -> float | None:
        return pct(self.digitized, self.received)

    @property
    def electronic_share(self) -> float | None:
        return pct(self.results_electronic, self.resolved)

    def to_json(self, key: str, has_data: bool = True) -> dict[str, Any]:
        """The line as JSON; without data (no scan recorded by the period's end) the rates are null."""
        return {
            key: self.key,
            "name": self.label,
            "received": self.received,
            "digitized": self.digitized,
            "rate": self.rate if has_data else None,
            "resolved": self.resolved,
            "results_electronic": self.results_electronic,
            "results_electronic_share": self.electronic_share if has_data else None,
        }


@dataclass(frozen=True)
class DigitizationSection:
    period: Period
    received: int
    digitized: int
    resolved: int
    results_electronic: int
    since: date | None  # the day the office recorded its first scan (None: never)
    by_field: tuple[DigitizationRow, ...] = ()
    by_officer: tuple[DigitizationRow, ...] = ()

    @property
    def has_data(self) -> bool:
        """Whether the office had recorded any scan by the end of the period."""
        return self.since is not None and self.since <= self.period.end

    @property
    def before_rules(self) -> bool:
        """The whole period precedes Quyết định 766/QĐ-TTg (and the digitisation rules before it)."""
        return self.period.end < QD_766_2022.valid_from

    @property
    def rate(self) -> float | None:
        return pct(self.digitized, self.received) if self.has_data else None

    @property
    def electronic_share(self) -> float | None:
        return pct(self.results_electronic, self.resolved) if self.has_data else None

    def to_json(self) -> dict[str, Any]:
        """The report's `digitization` keys, exactly: received, digitized, rate, results_electronic."""
        return {
            "received": self.received,
            "digitized": self.digitized,
            "rate": self.rate,
            "results_electronic": self.results_electronic,
        }

    def detail_json(self) -> dict[str, Any]:
        """The rest (`digitization_detail`): the denominators, the first scan's day and the breakdowns."""
        return {
            "has_data": self.has_data,
            "first_scan": self.since.isoformat() if self.since else None,
            "resolved": self.resolved,
            "results_electronic_share": self.electronic_share,
            "formula": "digitized / received; results_electronic / resolved (percent, two decimals)",
            "by_field": [r.to_json("field", self.has_data) for r in self.by_field],
            "by_officer": [r.to_json("officer", self.has_data) for r in self.by_officer],
        }


def first_scan_day(session: Session) -> date | None:
    """The day of the first document scan the office recorded (removed ones included: it was recorded)."""
    first = session.scalar(select(func.min(Attachment.added_at)).where(Attachment.role == "document"))
    return first.date() if first is not None else None


def _grouped(session: Session, period: Period) -> dict[tuple[int, int], list[int]]:
    """(field id, receiving officer id) -> [received, digitized, resolved, results electronic]."""
    d = Dossier
    s, _last, e = _bounds(period)
    accepted = d.status.not_in(NOT_ACCEPTED)
    keys = (d.field_id, d.receiving_user_id)
    out: dict[tuple[int, int], list[int]] = {}
    received = select(
        *keys,
        func.count(),
        func.sum(case((d.digitized_at < e, 1), else_=0)),
    ).where(d.received_at >= s, d.received_at < e, accepted)
    for f, u, n, dig in session.execute(received.group_by(*keys)):
        acc = out.setdefault((f, u), [0, 0, 0, 0])
        acc[0], acc[1] = int(n), int(dig or 0)
    # resolved_at is never set on a dossier that was not accepted (statistics.monthly_series)
    resolved = select(
        *keys,
        func.count(),
        func.sum(case((d.result_form == ELECTRONIC, 1), else_=0)),
    ).where(d.resolved_at >= s, d.resolved_at < e)
    for f, u, n, el in session.execute(resolved.group_by(*keys)):
        acc = out.setdefault((f, u), [0, 0, 0, 0])
        acc[2], acc[3] = int(n), int(el or 0)
    return out


def _rollup(
    grouped: dict[tuple[int, int], list[int]], index: int, label: Callable[[int], tuple[str, str]]
) -> tuple[DigitizationRow, ...]:
    acc: dict[int, list[int]] = {}
    for key, counts in grouped.items():
        into = acc.setdefault(key[index], [0, 0, 0, 0])
        for j in range(4):
            into[j] += counts[j]
    rows = [DigitizationRow(*label(k), *c) for k, c in acc.items()]
    rows.sort(key=lambda r: (-r.received, -r.resolved, r.key))
    return tuple(rows)


def digitization_section(session: Session, period: Period) -> DigitizationSection:
    """The digitisation figures of the period (two GROUP BY queries over the dossiers' indexed dates)."""
    grouped = _grouped(session, period)
    fields = {i: (c, n) for i, c, n in session.execute(select(Field.id, Field.code, Field.name))}
    used = {u for _f, u in grouped}
    users = {
        i: (u, n)
        for i, u, n in session.execute(
            select(User.id, User.username, User.full_name).where(User.id.in_(used))
        )
    }
    totals = [sum(c[j] for c in grouped.values()) for j in range(4)]
    return DigitizationSection(
        period=period,
        received=totals[0],
        digitized=totals[1],
        resolved=totals[2],
        results_electronic=totals[3],
        since=first_scan_day(session),
        by_field=_rollup(grouped, 0, lambda i: fields.get(i, (str(i), str(i)))),
        by_officer=_rollup(grouped, 1, lambda i: users.get(i, (str(i), str(i)))),
    )
