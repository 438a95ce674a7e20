"""The scale benchmarks' `backend` fixture: each module gets SQLite, then PostgreSQL when a server runs."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.benchmarks import bench_db
from tests.benchmarks.bench_db import N, bench_db_path
from tests.benchmarks.bench_pg import CACHE, bench_pg_url
from tests.benchmarks.scale_common import Backend

# The cached benchmark databases are sealed under an audit key: keep one beside them, as an office keeps
# its key, instead of the random key of each test run (tests/conftest.py), which would make every run
# re-seal the whole database first.
_KEY = CACHE / "audit.key"
if not _KEY.exists():
    CACHE.mkdir(parents=True, exist_ok=True)
    _KEY.write_text(__import__("secrets").token_hex(32) + "\n", encoding="ascii")
    _KEY.chmod(0o600)
os.environ["ONESTOP_AUDIT_KEY_FILE"] = str(_KEY)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def backend(request: pytest.FixtureRequest) -> Iterator[Backend]:
    if request.param == "sqlite":
        if "ONESTOP_BENCH_DB" not in os.environ:  # the scale runs' cache folder, not bench_db's default
            bench_db.PATH = CACHE / f"sqlite-{N}.sqlite3"
        url = f"sqlite:///{bench_db_path()}"
    else:
        pg = bench_pg_url()
        if pg is None:
            pytest.skip('ONESTOP_TEST_PG_URL is not set (eval "$(bash scripts/start-postgres.sh)")')
        url = pg
    b = Backend(request.param, url)
    yield b
    b.close()
