"""The same October 2018 report on PostgreSQL: the SQL of the statistics is portable.

Runs when ONESTOP_TEST_PG_URL points to a server (scripts/start-postgres.sh); skipped otherwise.
"""

from __future__ import annotations

import io
import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.services.reports.report_data import ReportData


@pytest.fixture(scope="module")
def pg_demo_url() -> Iterator[str]:
    server = os.environ.get("ONESTOP_TEST_PG_URL")
    if not server:
        pytest.skip("ONESTOP_TEST_PG_URL is not set (scripts/start-postgres.sh prints it)")
    from onestop_desktop.bootstrap import ensure_demo, open_database

    name = f"onestop_rep_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(server).set(database=name).render_as_string(hide_password=False)
    db = open_database(url)
    ensure_demo(db, living=False)  # compared with the SQLite story, Q4 included
    db.engine.dispose()
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def test_october_report_on_postgresql(pg_demo_url: str, demo_db_file: object) -> None:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.reports.briefing import render_briefing
    from onestop_desktop.services.reports.report_data import build_report

    pg = open_database(pg_demo_url)
    lite = open_database(f"sqlite:///{demo_db_file}")
    for code in ("2018-10", "2018-09-15..2018-10-14", "2018-Q4"):
        period = parse_period(code)
        with session_scope(pg.factory) as s:
            on_pg = build_report(s, period)
        with session_scope(lite.factory) as s:
            on_lite = build_report(s, period)
        assert on_pg.stats.totals == on_lite.stats.totals, code
        assert on_pg.stats.by_field == on_lite.stats.by_field, code
        assert on_pg.series == on_lite.series, code
        assert on_pg.stats.late_count == on_lite.stats.late_count, code
    october = build_report_on(pg, "2018-10")
    assert october.totals.received == 6092 and october.totals.good == 6000
    render_briefing(october, io.BytesIO())
    pg.engine.dispose()
    lite.engine.dispose()


def build_report_on(db: Database, code: str) -> ReportData:
    from onestop_desktop.services.reports.report_data import build_report

    with session_scope(db.factory) as s:
        return build_report(s, parse_period(code))
