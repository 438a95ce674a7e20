"""Living demo databases built for a pinned day, once per test session (building one takes seconds)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database, ensure_demo, open_database

MONDAY = date(2026, 11, 30)
BEFORE_TET = date(2026, 2, 13)  # the last working day before the Tết holiday of 2026
SATURDAY = date(2026, 11, 28)

_BUILT: dict[date, Path] = {}


def living_file(tmp_path_factory: pytest.TempPathFactory, day: date) -> Path:
    """The file of a living demo built with ONESTOP_DEMO_TODAY = `day` (built on first use)."""
    if day not in _BUILT:
        path = tmp_path_factory.mktemp(f"living-{day.isoformat()}") / "demo.sqlite3"
        mp = pytest.MonkeyPatch()
        mp.setenv("ONESTOP_DEMO_TODAY", day.isoformat())
        try:
            db = open_database(f"sqlite:///{path}")
            assert ensure_demo(db)
            db.engine.dispose()
        finally:
            mp.undo()
        _BUILT[day] = path
    return _BUILT[day]


def open_living(tmp_path_factory: pytest.TempPathFactory, day: date) -> Database:
    return open_database(f"sqlite:///{living_file(tmp_path_factory, day)}")
