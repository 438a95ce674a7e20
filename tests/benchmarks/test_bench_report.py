"""Benchmarks: the monthly report over a 1,000,000-dossier database (pytest-benchmark, run apart).

    .venv/bin/pytest tests/benchmarks/test_bench_report.py --benchmark-only -p no:cacheprovider

The database comes from ONESTOP_BENCH_DB (a SQLite file) or is built once with
`onestop-desktop demo --scale 1000000` (services/demo/scale.py) into the temp folder and reused.
Targets on the 2-core machine: month figures <= 300 ms; full PDF with charts <= 3 s.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import Period, month, parse_period, previous

SCALE = int(os.environ.get("ONESTOP_BENCH_SCALE", "1000000"))
# The month to report: ONESTOP_BENCH_PERIOD, else the last full month of the generated data.
PERIOD = os.environ.get("ONESTOP_BENCH_PERIOD", "")


def _database_file() -> Path:
    given = os.environ.get("ONESTOP_BENCH_DB")
    if given:
        return Path(given)
    path = Path(tempfile.gettempdir()) / f"onestop-bench-{SCALE}.sqlite3"
    if not path.exists():
        subprocess.run(
            [sys.executable, "-m", "onestop_desktop", "demo", "--scale", str(SCALE), "--database", str(path)],
            check=True,
        )
    return path


@pytest.fixture(scope="module")
def big_db() -> Iterator[Database]:
    db = open_database(f"sqlite:///{_database_file()}")
    yield db
    db.engine.dispose()


@pytest.fixture(scope="module")
def period(big_db: Database) -> Period:
    if PERIOD:
        return parse_period(PERIOD)
    from sqlalchemy import func, select

    from onestop_desktop.db.models import Dossier

    with session_scope(big_db.factory) as s:
        latest = s.scalar(select(func.max(Dossier.received_at)))
    assert latest is not None
    return previous(month(latest.year, latest.month))


def test_month_figures(benchmark: Any, big_db: Database, period: Period) -> None:
    from onestop_desktop.services.reports.statistics import period_stats

    def run() -> int:
        with session_scope(big_db.factory) as s:
            return period_stats(s, period).totals.received

    assert benchmark(run) > 0


def test_month_totals_only(benchmark: Any, big_db: Database, period: Period) -> None:
    from onestop_desktop.services.reports.statistics import period_totals

    def run() -> int:
        with session_scope(big_db.factory) as s:
            return period_totals(s, period).received

    assert benchmark(run) > 0


def test_whole_report_data(benchmark: Any, big_db: Database, period: Period) -> None:
    from onestop_desktop.services.reports.report_data import build_report

    def run() -> int:
        with session_scope(big_db.factory) as s:
            return build_report(s, period).totals.received

    assert benchmark(run) > 0


def test_briefing_pdf_with_charts(benchmark: Any, big_db: Database, period: Period) -> None:
    from onestop_desktop.reports.briefing import render_briefing
    from onestop_desktop.services.reports.report_data import build_report

    def run() -> int:
        with session_scope(big_db.factory) as s:
            data = build_report(s, period)
        buf = io.BytesIO()
        render_briefing(data, buf)
        return len(buf.getvalue())

    assert benchmark.pedantic(run, rounds=3, iterations=1) > 10_000
