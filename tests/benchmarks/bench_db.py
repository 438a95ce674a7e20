"""The benchmark database: the demo office plus 1,000,000 generated dossiers, built once and cached."""

from __future__ import annotations

import os
import time
from pathlib import Path

from onestop_desktop.bootstrap import ensure_demo, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.demo import scale

N = int(os.environ.get("ONESTOP_BENCH_N", "1000000"))
PATH = Path(os.environ.get("ONESTOP_BENCH_DB", f"/tmp/onestop-bench-{N}.sqlite3"))
MARK = "bench.generated"


def bench_db_path() -> Path:
    """Build the file unless a complete one is already there (the marker is written last)."""
    if PATH.exists():
        db = open_database(f"sqlite:///{PATH}")
        with session_scope(db.factory) as s:
            done = office.get_setting(s, MARK) == str(N)
        db.engine.dispose()
        if done:
            return PATH
        for suffix in ("", "-wal", "-shm"):
            Path(str(PATH) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    db = open_database(f"sqlite:///{PATH}")
    ensure_demo(db)
    with session_scope(db.factory) as s:
        scale.generate(s, N, years=8, units=15, seed=2026)
        office.put_setting(s, MARK, str(N))
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.exec_driver_sql("ANALYZE")
    db.engine.dispose()
    print(f"built {PATH} in {time.perf_counter() - t0:.0f} s")
    return PATH


if __name__ == "__main__":
    print(bench_db_path())
