"""The PostgreSQL twin of bench_db.py: the same demo office plus 1,000,000 generated dossiers (same
generator, seed and spread), in a database `onestop_bench_<N>` of the server ONESTOP_TEST_PG_URL points
at. Built once; a `pg_dump` of it is cached under /tmp/onestop-bench/ so a fresh private server (each
`scripts/start-postgres.sh` starts an empty one) gets it back with `pg_restore` instead of rebuilding.

    eval "$(bash scripts/start-postgres.sh)"; .venv/bin/python -m tests.benchmarks.bench_pg
"""

from __future__ import annotations

import glob
import os
import subprocess
import time
from pathlib import Path

from sqlalchemy import create_engine, make_url, text

from onestop_desktop.bootstrap import ensure_demo, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.demo import scale
from tests.benchmarks.bench_db import MARK, N

CACHE = Path(os.environ.get("ONESTOP_BENCH_CACHE", "/tmp/onestop-bench"))
DUMP = CACHE / f"pg-{N}.dump"
NAME = f"onestop_bench_{N}"


def _pg_bin(tool: str) -> str:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{tool}"), key=lambda p: int(p.split("/")[4]))
    return found[-1] if found else tool


def _complete(url: str) -> bool:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            row = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": MARK}).first()
        return row is not None and row[0] == str(N)
    except Exception:
        return False
    finally:
        engine.dispose()


def _recreate(server_url: str) -> None:
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{NAME}"'))
        conn.execute(text(f'CREATE DATABASE "{NAME}"'))
    admin.dispose()


def _tool_args(url: str) -> tuple[list[str], dict[str, str]]:
    u = make_url(url)
    args = ["-h", u.host or "127.0.0.1", "-p", str(u.port or 5432), "-U", u.username or "postgres"]
    return args, {**os.environ, "PGPASSWORD": u.password or ""}


def _vacuum(url: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.execute(text("VACUUM ANALYZE"))
    engine.dispose()


def bench_pg_url() -> str | None:
    """URL of the complete benchmark database, or None when no PostgreSQL server is configured."""
    server = os.environ.get("ONESTOP_TEST_PG_URL")
    if not server:
        return None
    url = make_url(server).set(database=NAME).render_as_string(hide_password=False)
    if _complete(url):
        return url
    args, env = _tool_args(url)
    t0 = time.perf_counter()
    _recreate(server)
    if DUMP.exists():
        subprocess.run([_pg_bin("pg_restore"), *args, "-d", NAME, "-j", "2", str(DUMP)], check=True, env=env)
        if _complete(url):
            _vacuum(url)  # a restore brings no planner statistics
            print(f"restored {NAME} from {DUMP} in {time.perf_counter() - t0:.0f} s")
            return url
        _recreate(server)
    db = open_database(url)
    ensure_demo(db)
    with session_scope(db.factory) as s:
        scale.generate(s, N, years=8, units=15, seed=2026)
        office.put_setting(s, MARK, str(N))
    db.engine.dispose()
    _vacuum(url)
    print(f"built {NAME} in {time.perf_counter() - t0:.0f} s")
    CACHE.mkdir(parents=True, exist_ok=True)
    part = DUMP.with_suffix(".part")
    subprocess.run([_pg_bin("pg_dump"), *args, "-Fc", "-Z", "1", "-f", str(part), NAME], check=True, env=env)
    part.replace(DUMP)
    return url


if __name__ == "__main__":
    print(bench_pg_url() is not None)
