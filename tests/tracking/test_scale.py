"""The load generator: counts, unique codes, appointments equal to the calendar's, search index in sync."""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.services.demo import scale
from onestop_desktop.services.roles import Actor
from onestop_desktop.services.tracking import filters, query


def test_generate_into_an_empty_database(db: Database, admin: Actor) -> None:
    with session_scope(db.factory) as s:
        result = scale.generate(s, 3000, years=2, units=20, seed=7, end=date(2026, 11, 1))
    assert result.dossiers == 3000
    with session_scope(db.factory) as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 3000
        assert s.scalar(select(func.count(func.distinct(Dossier.code)))) == 3000
        assert s.scalar(select(func.count(func.distinct(Dossier.unit_id)))) == 20
        statuses = dict(s.execute(select(Dossier.status, func.count()).group_by(Dossier.status)).all())
        assert statuses[10] > 2000 and statuses.get(4, 0) > 0 and statuses.get(5, 0) > 0
        lo, hi = s.execute(select(func.min(Dossier.received_at), func.max(Dossier.received_at))).one()
        assert lo >= datetime(2024, 11, 1) and hi < datetime(2026, 11, 2)
        # the search index follows the bulk insert (triggers)
        one = s.scalars(select(Dossier).limit(1)).one()
        cal = WorkingCalendar()
        today = filters.Today.at(datetime(2026, 11, 3, 9), cal)
        flt = filters.TrackingFilter(quick="all", text=one.code)
        assert [r.id for r in query.query_rows(s, flt, filters.Sort(), 0, 10, today, cal)] == [one.id]


def test_fast_appointments_equal_the_calendar() -> None:
    cal = WorkingCalendar()
    fast = scale.FastDue(cal, date(2018, 1, 1), date(2020, 12, 31))
    rng = random.Random(3)
    days = [d for d in fast.days if d < date(2020, 6, 1)]
    for _ in range(400):
        received = scale._office_time(rng, rng.choice(days))
        value, unit = rng.choice(
            [
                (0, "working-days"),
                (2, "working-days"),
                (15, "working-days"),
                (30, "working-days"),
                (45, "calendar-days"),
                (4, "hours"),
                (16, "hours"),
            ]
        )
        assert fast.due(received, value, unit) == cal.due(received, value, TimeUnit(unit)).due, (
            received,
            value,
            unit,
        )
    assert fast.due(datetime(2019, 2, 1, 16, 0), 0, "working-days") == datetime(2019, 2, 11, 17, 0)
    assert timedelta(0) < fast.due(datetime(2019, 1, 31, 9), 3, "working-days") - datetime(2019, 1, 31, 9)


def test_demo_command_with_scale(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.cli import main

    path = tmp_path / "scale.sqlite3"
    assert main(["--database", str(path), "demo", "--scale", "1500", "--years", "1", "--units", "4"]) == 0
    db = open_database(f"sqlite:///{path}")
    with session_scope(db.factory) as s:
        assert s.scalar(select(func.count()).select_from(Dossier).where(Dossier.source == "scale")) == 1500
        assert s.scalar(select(func.count()).select_from(Dossier)) == 10343 + 1500
    db.engine.dispose()
