"""Fixtures for the safety tests: child-process writers and a private PostgreSQL database."""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

WRITER = Path(__file__).with_name("writer.py")
REPO = Path(__file__).resolve().parents[2]
PG_ENV = "ONESTOP_TEST_PG_URL"


def start_writer(
    url: str, count: int, username: str = "canbo", wait_go: bool = False
) -> subprocess.Popen[str]:
    """A writer child process (see writer.py), already past its imports when this returns."""
    args = [sys.executable, str(WRITER), url, str(count), username] + (["--wait-go"] if wait_go else [])
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(
        args,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        cwd=REPO,
    )
    assert proc.stdout is not None
    first = proc.stdout.readline()
    if first.strip() != "ready":
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"writer did not start: {first!r}\n{err}")
    return proc


@pytest.fixture(scope="session")
def pg_server_url() -> str:
    """ONESTOP_TEST_PG_URL; skipped when unset outside CI, a failure when unset in CI."""
    url = os.environ.get(PG_ENV)
    if not url:
        if os.environ.get("CI"):
            pytest.fail(f"CI is set but {PG_ENV} is not: start the server with scripts/start-postgres.sh")
        pytest.skip(f"{PG_ENV} is not set (scripts/start-postgres.sh prints it)")
    return url


@pytest.fixture(scope="session")
def pg_new_database(pg_server_url: str) -> Iterator[Callable[[], str]]:
    """Make fresh, empty PostgreSQL databases (their URLs); all are dropped at the end of the session."""
    admin = create_engine(pg_server_url, isolation_level="AUTOCOMMIT")
    made: list[str] = []

    def make() -> str:
        name = f"onestop_t_{uuid.uuid4().hex[:10]}"
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        made.append(name)
        return make_url(pg_server_url).set(database=name).render_as_string(hide_password=False)

    yield make
    with admin.connect() as conn:
        for name in made:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session")
def pg_demo(pg_new_database: Callable[[], str]) -> str:
    """A PostgreSQL database migrated to head with the demo office built: its URL."""
    from onestop_desktop.bootstrap import ensure_demo, open_database

    url = pg_new_database()
    database = open_database(url)
    ensure_demo(database, living=False)
    database.engine.dispose()
    return url
