"""Several counters receive dossiers into one database at once: unique codes, nothing lost, no lock error."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent
from onestop_desktop.services.safety import audit_check

from .conftest import start_writer

PER_WRITER = 120


def run_writers(url: str, writers: int, per_writer: int = PER_WRITER) -> list[str]:
    """Start `writers` children together; return every code they printed (all must end well)."""
    children = [start_writer(url, per_writer, wait_go=True) for _ in range(writers)]
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    codes: list[str] = []
    for child in children:
        out, err = child.communicate(timeout=600)
        assert child.returncode == 0, err
        assert "locked" not in err.lower() and "traceback" not in err.lower(), err
        lines = [line for line in out.splitlines() if line.strip()]
        assert len(lines) == per_writer
        codes += lines
    return codes


def assert_all_saved(database: Database, codes: list[str], before: int) -> None:
    assert len(codes) == len(set(codes)), "duplicate dossier code"
    with session_scope(database.factory) as s:
        total = s.scalar(select(func.count()).select_from(Dossier))
        assert total == before + len(codes), "a dossier was lost or written twice"
        stored = set(s.scalars(select(Dossier.code).where(Dossier.source == "counter")))
        assert set(codes) <= stored
        events = s.scalar(
            select(func.count(func.distinct(DossierEvent.dossier_id)))
            .join(Dossier, Dossier.id == DossierEvent.dossier_id)
            .where(Dossier.source == "counter", DossierEvent.action == "accept")
        )
        assert events == len(stored)
        # The audit chain did not fork: every writer appended after the one before it.
        assert audit_check.verify_chain(s) == []
        assert audit_check.verify_dossiers(s).findings == []


def _count(database: Database) -> int:
    with session_scope(database.factory) as s:
        return s.scalar(select(func.count()).select_from(Dossier)) or 0


@pytest.mark.slow
@pytest.mark.parametrize("writers", [2, 4])
def test_sqlite_writers_at_once(demo_db: Database, writers: int) -> None:
    before = _count(demo_db)
    codes = run_writers(demo_db.url, writers)
    assert_all_saved(demo_db, codes, before)
    # All on the same day at the same office: the sequence numbers are 1..N without a gap.
    seqs = sorted(int(c.rsplit("-", 1)[1]) for c in codes)
    assert seqs == list(range(1, len(codes) + 1))


@pytest.mark.postgres
@pytest.mark.slow
def test_postgres_two_writers_at_once(pg_demo: str) -> None:
    database = open_database(pg_demo)
    try:
        before = _count(database)
        codes = run_writers(pg_demo, 2)
        assert_all_saved(database, codes, before)
    finally:
        database.engine.dispose()
