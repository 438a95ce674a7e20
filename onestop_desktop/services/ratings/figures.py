"""The ratings' figures over a period: in total, per procedure (the worst first) and per officer.

A rating counts in the period of the day it was given (`ratings.rated_at`, from the first day 00:00 to
the day after the last, both days included) and only while its dossier's result stands returned: when
the return is undone (tracking's undo) the dossier is no longer "returned" and its rating does not count
until the result is returned again. `unit_id` narrows to the dossiers received by that unit
(`dossiers.unit_id`, the receiving office), as the other report figures do.

The report engineer's `services/reports/` reuses these functions; they return frozen dataclasses.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, Procedure, User
from onestop_desktop.db.models_files import Rating
from onestop_desktop.domain.ratings import NEUTRAL, SATISFIED, UNSATISFIED, satisfied_rate
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.domain.text import vi_name_sort_key

__all__ = [
    "OfficerRatings",
    "ProcedureRatings",
    "RatingCounts",
    "by_officer",
    "by_procedure",
    "rating_counts",
    "worst_procedures",
]


@dataclass(frozen=True)
class RatingCounts:
    """Ratings collected and how many at each level."""

    count: int = 0
    satisfied: int = 0
    neutral: int = 0
    unsatisfied: int = 0

    @property
    def rate(self) -> float | None:
        """Satisfied / collected, in per cent with two decimals (None when nothing was collected)."""
        return satisfied_rate(self.satisfied, self.count)

    @property
    def unsatisfied_rate(self) -> float | None:
        return satisfied_rate(self.unsatisfied, self.count)

    def to_json(self) -> dict[str, Any]:
        """The report's `ratings` keys: count, satisfied, neutral, unsatisfied, rate."""
        return {
            "count": self.count,
            "satisfied": self.satisfied,
            "neutral": self.neutral,
            "unsatisfied": self.unsatisfied,
            "rate": self.rate,
        }


@dataclass(frozen=True)
class ProcedureRatings:
    procedure_id: int
    code: str
    name: str
    counts: RatingCounts


@dataclass(frozen=True)
class OfficerRatings:
    """An officer's ratings; `user_id` None gathers the ratings with no officer known."""

    user_id: int | None
    username: str
    full_name: str
    counts: RatingCounts


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    return datetime.combine(start, time()), datetime.combine(end + timedelta(days=1), time())


def _n(level: str) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((Rating.level == level, 1), else_=0)), 0)


def _columns() -> tuple[ColumnElement[int], ...]:
    return (func.count(Rating.id), _n(SATISFIED), _n(NEUTRAL), _n(UNSATISFIED))


def _scoped(stmt: Any, start: date, end: date, unit_id: int | None) -> Select[Any]:
    lo, hi = _bounds(start, end)
    out: Select[Any] = stmt.join(Dossier, Dossier.id == Rating.dossier_id).where(
        Rating.rated_at >= lo, Rating.rated_at < hi, Dossier.status == int(DossierStatus.RETURNED)
    )
    if unit_id is not None:
        out = out.where(Dossier.unit_id == unit_id)
    return out


def _counts(values: Any) -> RatingCounts:
    count, satisfied, neutral, unsatisfied = (int(v or 0) for v in values)
    return RatingCounts(count, satisfied, neutral, unsatisfied)


def rating_counts(session: Session, start: date, end: date, unit_id: int | None = None) -> RatingCounts:
    """Ratings given from `start` to `end` (both included), per level."""
    row = session.execute(_scoped(select(*_columns()).select_from(Rating), start, end, unit_id)).one()
    return _counts(row)


def by_procedure(
    session: Session, start: date, end: date, unit_id: int | None = None
) -> tuple[ProcedureRatings, ...]:
    """Every procedure rated in the period, by procedure code."""
    stmt = _scoped(
        select(Procedure.id, Procedure.code, Procedure.name, *_columns()).select_from(Rating),
        start,
        end,
        unit_id,
    )
    stmt = stmt.join(Procedure, Procedure.id == Rating.procedure_id).group_by(
        Procedure.id, Procedure.code, Procedure.name
    )
    rows = session.execute(stmt.order_by(Procedure.code)).all()
    return tuple(ProcedureRatings(r[0], r[1], r[2], _counts(r[3:])) for r in rows)


def _worst_key(p: ProcedureRatings) -> tuple[float, int, int, str]:
    c = p.counts
    return (c.rate if c.rate is not None else 100.0, -c.unsatisfied, -c.count, p.code)


def worst_procedures(
    session: Session, start: date, end: date, limit: int = 5, unit_id: int | None = None
) -> tuple[ProcedureRatings, ...]:
    """The procedures with the lowest satisfied rate, worst first, only those with a rating below
    "satisfied" (a procedure every citizen was satisfied with is not among the worst).

    Order: satisfied rate ascending, then more "not satisfied" first, then more ratings, then code.
    """
    rated = [p for p in by_procedure(session, start, end, unit_id) if p.counts.satisfied < p.counts.count]
    return tuple(sorted(rated, key=_worst_key)[: max(0, limit)])


def by_officer(
    session: Session, start: date, end: date, unit_id: int | None = None
) -> tuple[OfficerRatings, ...]:
    """Ratings per officer rated (the officer who returned the result: see services/ratings/record.py),
    by full name; ratings without a known officer last."""
    stmt = _scoped(
        select(Rating.officer_user_id, User.username, User.full_name, *_columns()).select_from(Rating),
        start,
        end,
        unit_id,
    )
    stmt = stmt.outerjoin(User, User.id == Rating.officer_user_id).group_by(
        Rating.officer_user_id, User.username, User.full_name
    )
    rows = session.execute(stmt).all()
    out = [OfficerRatings(r[0], r[1] or "", r[2] or "", _counts(r[3:])) for r in rows]
    return tuple(sorted(out, key=lambda o: (o.user_id is None, vi_name_sort_key(o.full_name), o.username)))
