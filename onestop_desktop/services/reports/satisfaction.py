"""The citizens' ratings of a period for the report: totals, the worst procedures, the officers rated.

The counting is services/ratings/figures.py's (a rating counts on the day it was given, while its
dossier's result stands returned). Here: the report's section around it.
- rate = satisfied / ratings collected, in percent with two decimals (domain/ratings.satisfied_rate), as
  the report's other rates; None when nothing was collected. Quyết định 766/QĐ-TTg scores satisfaction
  on the national system's data with a scoring this program could not read (digital_messages.py): the
  page says so and no points are computed.
- the worst procedures: the lowest satisfied share among the procedures with at least MIN_RATINGS
  ratings in the period (a procedure rated once, "neutral", is not "the worst" of a month), and only
  those with a rating below "satisfied"; ties as figures.worst_procedures orders them.
- no data: when the office had recorded no rating at all by the end of the period (the 2018 office),
  the section says so rather than "0 ratings".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models_files import Rating
from onestop_desktop.domain.periods import Period
from onestop_desktop.services.ratings import figures
from onestop_desktop.services.ratings.figures import OfficerRatings, ProcedureRatings, RatingCounts

__all__ = ["MIN_RATINGS", "WORST_LIMIT", "SatisfactionSection", "first_rating_day", "satisfaction_section"]

MIN_RATINGS = 5
WORST_LIMIT = 5


@dataclass(frozen=True)
class SatisfactionSection:
    period: Period
    counts: RatingCounts
    since: date | None  # the day of the first rating the office recorded (None: never)
    worst: tuple[ProcedureRatings, ...] = ()
    by_officer: tuple[OfficerRatings, ...] = ()
    min_ratings: int = MIN_RATINGS

    @property
    def has_data(self) -> bool:
        return self.since is not None and self.since <= self.period.end

    @property
    def rate(self) -> float | None:
        return self.counts.rate

    def to_json(self) -> dict[str, Any]:
        """The report's `ratings` keys, exactly: count, satisfied, neutral, unsatisfied, rate."""
        return self.counts.to_json()

    def detail_json(self) -> dict[str, Any]:
        def counts(c: RatingCounts) -> dict[str, Any]:
            return c.to_json()

        return {
            "has_data": self.has_data,
            "first_rating": self.since.isoformat() if self.since else None,
            "formula": "satisfied / count (percent, two decimals)",
            "worst_procedures": {
                "min_ratings": self.min_ratings,
                "procedures": [{"procedure": p.code, "name": p.name, **counts(p.counts)} for p in self.worst],
            },
            "by_officer": [
                {"officer": o.username, "name": o.full_name, **counts(o.counts)} for o in self.by_officer
            ],
        }


def first_rating_day(session: Session) -> date | None:
    first = session.scalar(select(func.min(Rating.rated_at)))
    return first.date() if first is not None else None


def satisfaction_section(
    session: Session, period: Period, min_ratings: int = MIN_RATINGS, limit: int = WORST_LIMIT
) -> SatisfactionSection:
    """The ratings of the period (three small GROUP BY queries, see services/ratings/figures.py)."""
    start, end = period.start, period.end
    everyone = figures.worst_procedures(session, start, end, limit=1_000_000)
    worst = tuple(p for p in everyone if p.counts.count >= min_ratings)[: max(0, limit)]
    return SatisfactionSection(
        period=period,
        counts=figures.rating_counts(session, start, end),
        since=first_rating_day(session),
        worst=worst,
        by_officer=figures.by_officer(session, start, end),
        min_ratings=min_ratings,
    )
