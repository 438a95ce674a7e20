"""The ratings' figures over a period: totals, per procedure (the worst first), per officer."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, Procedure
from onestop_desktop.services.ratings.figures import (
    RatingCounts,
    by_officer,
    by_procedure,
    rating_counts,
    worst_procedures,
)
from onestop_desktop.services.ratings.record import record_rating
from onestop_desktop.services.tracking import actions
from tests.conftest import login_as
from tests.ratings.conftest import AT, open_dossiers, returned

WEEK = (date(2026, 11, 23), date(2026, 11, 29))


def _setup(db: Database) -> tuple[list[str], list[int]]:
    """Six returned dossiers: A, A, A (procedure 1), B, B, C (procedures 2, 3), rated in the week."""
    codes = open_dossiers(db, 6)
    with session_scope(db.factory) as s:
        procs = list(s.scalars(select(Procedure.id).order_by(Procedure.code).limit(3)))
        for code, p in zip(codes, [0, 0, 0, 1, 1, 2], strict=True):
            d = s.scalar(select(Dossier).where(Dossier.code == code))
            assert d is not None
            d.procedure_id = procs[p]
    clerk, other = login_as(db, "canbo"), login_as(db, "canbo2")
    for i, code in enumerate(codes):
        returned(db, clerk, code, returner=clerk if i % 2 == 0 else other)
    levels = ["satisfied", "satisfied", "unsatisfied", "neutral", "unsatisfied", "satisfied"]
    with session_scope(db.factory) as s:
        for code, level in zip(codes, levels, strict=True):
            record_rating(s, clerk, code, level, at=datetime(2026, 11, 25, 10, 0))
    return codes, procs


def test_counts_per_level_in_the_period(demo_db: Database) -> None:
    _setup(demo_db)
    with session_scope(demo_db.factory) as s:
        week = rating_counts(s, *WEEK)
        day_before = rating_counts(s, date(2026, 11, 1), date(2026, 11, 24))
        last_day = rating_counts(s, date(2026, 11, 25), date(2026, 11, 25))
        other_unit = rating_counts(s, *WEEK, unit_id=-1)
    assert week == RatingCounts(6, 3, 1, 2)
    assert week.rate == 50.0 and week.to_json() == {
        "count": 6,
        "satisfied": 3,
        "neutral": 1,
        "unsatisfied": 2,
        "rate": 50.0,
    }
    assert day_before == RatingCounts() and day_before.rate is None
    assert last_day == week  # the last day counts whole
    assert other_unit == RatingCounts()


def test_per_procedure_and_the_worst_first(demo_db: Database) -> None:
    _, procs = _setup(demo_db)
    with session_scope(demo_db.factory) as s:
        rows = {p.procedure_id: p.counts for p in by_procedure(s, *WEEK)}
        worst = worst_procedures(s, *WEEK)
        one = worst_procedures(s, *WEEK, limit=1)
    assert rows == {
        procs[0]: RatingCounts(3, 2, 0, 1),
        procs[1]: RatingCounts(2, 0, 1, 1),
        procs[2]: RatingCounts(1, 1, 0, 0),
    }
    # B (0 % satisfied) before A (66,67 %); C, everyone satisfied, is not among the worst
    assert [p.procedure_id for p in worst] == [procs[1], procs[0]]
    assert worst[0].name and worst[0].code
    assert [p.procedure_id for p in one] == [procs[1]]


def test_per_officer_who_returned_the_result(demo_db: Database) -> None:
    _setup(demo_db)
    with session_scope(demo_db.factory) as s:
        rows = {o.username: o.counts for o in by_officer(s, *WEEK)}
    # canbo returned dossiers 1, 3, 5 (satisfied, unsatisfied, unsatisfied), canbo2 2, 4, 6
    assert rows == {"canbo": RatingCounts(3, 1, 0, 2), "canbo2": RatingCounts(3, 2, 1, 0)}


def test_an_undone_return_no_longer_counts(demo_db: Database) -> None:
    codes, _ = _setup(demo_db)
    clerk = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == codes[0]))
        assert dossier_id is not None
        actions.undo_last(s, clerk, dossier_id, now=AT)
    with session_scope(demo_db.factory) as s:
        assert rating_counts(s, *WEEK) == RatingCounts(5, 2, 1, 2)
