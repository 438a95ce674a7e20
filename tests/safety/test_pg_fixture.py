"""The PostgreSQL tests skip on a developer's machine without a server, and fail in CI without one."""

from __future__ import annotations

import os
import subprocess
import sys

from .conftest import PG_ENV, REPO

TARGET = "tests/safety/test_postgres.py::test_migrations_reach_head_with_every_table"


def _run(ci: str | None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in (PG_ENV, "CI")}
    if ci is not None:
        env["CI"] = ci
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:cov", TARGET],
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=300,
    )


def test_without_server_outside_ci_the_postgres_tests_skip() -> None:
    done = _run(None)
    assert done.returncode == 0, done.stdout
    assert "1 skipped" in done.stdout


def test_without_server_in_ci_the_postgres_tests_fail() -> None:
    done = _run("true")
    assert done.returncode != 0
    assert "CI is set but ONESTOP_TEST_PG_URL is not" in done.stdout
