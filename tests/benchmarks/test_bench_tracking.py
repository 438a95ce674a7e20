"""Deadline list with 1,000,000 generated dossiers: first rows, filter keystrokes, scroll to the end, memory.

Run:  .venv/bin/pytest tests/benchmarks/test_bench_tracking.py -p no:randomly --benchmark-columns=min,mean,max
The database (demo office + 1,000,000 generated dossiers over 8 years in 15 units) is built once and
cached under /tmp (`ONESTOP_BENCH_DB`, `ONESTOP_BENCH_N` to change). Targets on the 2-core machine:
first rows <= 200 ms, each keystroke <= 100 ms, resident memory <= 300 MB.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from onestop_desktop.bootstrap import Database, open_database  # noqa: E402
from onestop_desktop.services.tracking.filters import TrackingFilter
from tests.benchmarks.bench_db import N, bench_db_path  # noqa: E402

NOW = datetime(2026, 11, 17, 9, 0)
KEYSTROKES = ["n", "ng", "ngu", "nguy", "nguye", "nguyen", "nguyen v", "nguyen va", "nguyen van"]
VISIBLE_ROWS = 40


def rss_mb() -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


@pytest.fixture(scope="module")
def big_db() -> Iterator[Database]:
    db = open_database(f"sqlite:///{bench_db_path()}")
    yield db
    db.engine.dispose()


@pytest.fixture(scope="module")
def ctx(big_db: Database, qapp: Any) -> Any:
    from onestop_desktop.ui.app import create_app
    from onestop_desktop.ui.bus import Bus
    from onestop_desktop.ui.context import AppContext
    from onestop_desktop.ui.tasks import TaskRunner
    from tests.conftest import login_as

    create_app()
    return AppContext(big_db, login_as(big_db, "canbo"), Bus(), TaskRunner(synchronous=True))


def _paint(model: Any) -> None:
    """What the view asks for the visible rows: every column's text and background."""
    from PySide6.QtCore import Qt

    for r in range(min(VISIBLE_ROWS, model.rowCount())):
        for c in range(model.columnCount()):
            ix = model.index(r, c)
            ix.data()
            ix.data(Qt.ItemDataRole.BackgroundRole)


def test_database_size(big_db: Database) -> None:
    from sqlalchemy import func, select

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import Dossier

    with session_scope(big_db.factory) as s:
        assert (s.scalar(select(func.count()).select_from(Dossier)) or 0) >= N


def test_first_rows_shown(benchmark: Any, ctx: Any, qtbot: Any) -> None:
    """Open the tab (default view: open dossiers by due date) and paint its first rows."""
    from onestop_desktop.ui.tracking.tab import TrackingTab

    def open_tab() -> TrackingTab:
        tab = TrackingTab(ctx, now=lambda: NOW)
        _paint(tab.model)
        return tab

    tab = benchmark.pedantic(open_tab, rounds=5, warmup_rounds=1)
    qtbot.addWidget(tab)
    assert tab.model.rowCount() > 0


def test_first_rows_of_all_dossiers(benchmark: Any, ctx: Any) -> None:
    """The whole table (1,000,000 rows) sorted by appointment: count + first page."""
    from onestop_desktop.ui.tracking.model import DossierTableModel

    model = DossierTableModel(ctx.session, ctx.calendar(), lambda: NOW)

    def show_all() -> None:
        model.set_query(TrackingFilter(quick="all"))
        _paint(model)

    benchmark.pedantic(show_all, rounds=5, warmup_rounds=1)
    assert model.rowCount() >= N


@pytest.mark.parametrize("text", KEYSTROKES)
def test_filter_keystroke(benchmark: Any, ctx: Any, text: str) -> None:
    """One keystroke in the search box over all dossiers: SQL count and the first rows painted.

    (Text under 3 characters is not searched: the filter bar waits for the third character.)"""
    from onestop_desktop.ui.tracking.filters import MIN_SEARCH
    from onestop_desktop.ui.tracking.model import DossierTableModel

    model = DossierTableModel(ctx.session, ctx.calendar(), lambda: NOW)
    applied = text if len(text.replace(" ", "")) >= MIN_SEARCH else ""

    def keystroke() -> None:
        model.set_query(TrackingFilter(quick="all", text=applied))
        _paint(model)

    benchmark.pedantic(keystroke, rounds=5, warmup_rounds=1)


@pytest.mark.parametrize("quick", ["open", "all"])
@pytest.mark.parametrize("text", ["ngu", "nguyen", "nguyen van", "0912"])
def test_filter_keystroke_in_view(benchmark: Any, ctx: Any, quick: str, text: str) -> None:
    """The same in the default view (open dossiers) and over everything."""
    from onestop_desktop.ui.tracking.model import DossierTableModel

    model = DossierTableModel(ctx.session, ctx.calendar(), lambda: NOW)

    def keystroke() -> None:
        model.set_query(TrackingFilter(quick=quick, text=text))
        _paint(model)

    benchmark.pedantic(keystroke, rounds=5, warmup_rounds=1)


@pytest.mark.parametrize("text", ["", "ngu", "nguyen"])
def test_quick_filter_counts_after_a_pause(benchmark: Any, ctx: Any, text: str) -> None:
    """The five button counts, refreshed 400 ms after the last keystroke."""
    from onestop_desktop.ui.tracking.model import DossierTableModel

    model = DossierTableModel(ctx.session, ctx.calendar(), lambda: NOW)
    model.set_query(TrackingFilter(quick="open", text=text))
    benchmark.pedantic(model.refresh_counts, rounds=5, warmup_rounds=1)


def test_scroll_to_the_end(benchmark: Any, ctx: Any) -> None:
    from onestop_desktop.ui.tracking.model import PAGE_SIZE, DossierTableModel

    model = DossierTableModel(ctx.session, ctx.calendar(), lambda: NOW)
    model.set_query(TrackingFilter(quick="all"))

    def to_end() -> None:
        model.set_query()
        last = model.rowCount() - 1
        for r in range(last - VISIBLE_ROWS, last + 1):
            model.index(r, 0).data()

    benchmark.pedantic(to_end, rounds=5, warmup_rounds=1)
    assert model.cached_pages() <= 2
    assert model.index(model.rowCount() - 1, 0).data()
    assert PAGE_SIZE > VISIBLE_ROWS


def test_resident_memory(ctx: Any, qtbot: Any) -> None:
    """After opening the tab, typing, and scrolling through the whole list."""
    from onestop_desktop.ui.tracking.tab import TrackingTab

    tab = TrackingTab(ctx, now=lambda: NOW)
    qtbot.addWidget(tab)
    tab.resize(1400, 800)
    tab.show()
    tab.show_quick("all")
    m = tab.model
    for r in range(0, m.rowCount(), max(1, m.rowCount() // 50)):
        m.index(r, 0).data()
    for text in KEYSTROKES:
        tab.filters.search.setText(text)
        tab.filters.flush()
    rss = rss_mb()
    print(f"\nresident memory: {rss:.0f} MB")
    assert rss < 300
