"""PostgreSQL as the shared database of several counters: migrations, the demo build, a first dossier."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select

from onestop_desktop.bootstrap import Database, ensure_demo, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.migrate import current_revision, head_revision
from onestop_desktop.db.models import Base, Dossier, Procedure, User
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import NewDossier, register
from onestop_desktop.services.roles import actor_of
from onestop_desktop.services.safety import audit_check, integrity

pytestmark = pytest.mark.postgres
LIVING_DAY = date(2026, 11, 30)  # a Monday


@pytest.fixture(scope="module")
def pg_built(pg_new_database: Callable[[], str]) -> Iterator[Database]:
    """Migrations and the demo build on a fresh PostgreSQL database, exactly as the program runs them."""
    database = open_database(pg_new_database())
    os.environ["ONESTOP_DEMO_TODAY"] = LIVING_DAY.isoformat()  # the office of today, on a fixed day
    try:
        assert ensure_demo(database)
    finally:
        del os.environ["ONESTOP_DEMO_TODAY"]
    yield database
    database.engine.dispose()


def test_migrations_reach_head_with_every_table(pg_built: Database) -> None:
    assert current_revision(pg_built.engine) == head_revision()
    tables = set(inspect(pg_built.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables


def test_demo_build_on_postgres(pg_built: Database) -> None:
    with session_scope(pg_built.factory) as s:
        story = select(func.count()).select_from(Dossier).where(Dossier.received_at < datetime(2025, 7, 1))
        assert s.scalar(story) == 10343
        living = select(func.count()).select_from(Dossier).where(Dossier.received_at >= datetime(2025, 7, 1))
        assert (s.scalar(living) or 0) > 5000  # the commune centre's dossiers up to LIVING_DAY
        assert not ensure_demo(pg_built)  # idempotent there too
        assert audit_check.verify_chain(s) == []
        assert audit_check.verify_dossiers(s).findings == []
    assert integrity.check(pg_built.url).ok


def _register_one(database: Database) -> str:
    with session_scope(database.factory) as s:
        user = s.scalar(select(User).where(User.username == "canbo"))
        assert user is not None
        procedure = s.scalar(select(Procedure.code).limit(1))
        assert procedure is not None
        form = NewDossier(procedure_code=procedure, applicant_name="Trần Thị Thử")
        return register(s, actor_of(user), form, office.office_unit(s), catalogue.working_calendar(s)).code


def test_register_after_demo_build_on_postgres(pg_built: Database) -> None:
    """The demo inserts dossiers in bulk with their ids: the id sequence must have moved past them."""
    code = _register_one(pg_built)
    with session_scope(pg_built.factory) as s:
        assert s.scalar(select(Dossier.source).where(Dossier.code == code)) == "counter"
        assert audit_check.verify_dossiers(s).findings == []


def test_month_figures_equal_on_sqlite_and_postgres(pg_built: Database, demo_db_file: Path) -> None:
    """The same demo office gives the same October 2018 figures on both databases."""
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.services.reports import statistics

    sqlite_db = open_database(f"sqlite:///{demo_db_file}", migrate=False)
    try:
        period = parse_period("2018-10")
        with session_scope(sqlite_db.factory) as a, session_scope(pg_built.factory) as b:
            on_sqlite, on_pg = statistics.period_stats(a, period), statistics.period_stats(b, period)
    finally:
        sqlite_db.engine.dispose()
    assert on_sqlite.totals.received_direct > 0
    assert on_pg == on_sqlite
