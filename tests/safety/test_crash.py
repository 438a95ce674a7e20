"""A counter killed (SIGKILL) in the middle of its work leaves a sound database with every saved dossier."""

from __future__ import annotations

import random
import signal
import sqlite3
import time

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.services.safety import audit_check
from onestop_desktop.services.safety.integrity import check

from .conftest import start_writer

ROUNDS = 20
PER_CHILD = 1000


def saved_with_event(db_file: str, codes: list[str]) -> set[str]:
    """The codes among `codes` that are in the table with their accept event."""
    conn = sqlite3.connect(db_file)
    try:
        found = set()
        for i in range(0, len(codes), 500):
            chunk = codes[i : i + 500]
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(
                f"SELECT d.code FROM dossiers d JOIN dossier_events e ON e.dossier_id = d.id "
                f"AND e.action = 'accept' WHERE d.code IN ({marks})",
                chunk,
            )
            found |= {r[0] for r in rows}
        return found
    finally:
        conn.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_that_was_saved(demo_db: Database) -> None:
    rng = random.Random(20181025)
    db_file = sqlite_file(demo_db.url)
    assert db_file is not None
    demo_db.engine.dispose()
    all_printed: list[str] = []
    for round_no in range(ROUNDS):
        child = start_writer(demo_db.url, PER_CHILD)
        time.sleep(rng.uniform(0.0, 0.8))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate()
        assert child.returncode == -signal.SIGKILL, f"round {round_no}: the child ended before the kill"
        printed = [line for line in out.splitlines() if line.strip()]
        result = check(demo_db.url)
        assert result.ok, f"round {round_no}: {result.findings}"
        missing = set(printed) - saved_with_event(str(db_file), printed)
        assert not missing, f"round {round_no}: saved but lost: {sorted(missing)[:5]}"
        all_printed += printed
    assert len(all_printed) == len(set(all_printed))
    assert len(all_printed) > ROUNDS  # the kills did land in the middle of the work
    assert not (set(all_printed) - saved_with_event(str(db_file), all_printed))
    with session_scope(demo_db.factory) as s:
        assert audit_check.verify_chain(s) == []
        assert audit_check.verify_dossiers(s).findings == []
