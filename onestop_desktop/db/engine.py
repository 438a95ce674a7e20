"""Engine and sessions: SQLite by default (foreign keys, WAL, busy timeout), any SQLAlchemy URL otherwise."""

from __future__ import annotations

import os
import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from onestop_desktop.paths import default_database_path

T = TypeVar("T")
ENV_URL = "ONESTOP_DATABASE_URL"
BUSY_TIMEOUT_MS = 15000


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def resolve_url(explicit: str | None = None) -> str:
    """The database URL: --database, then ONESTOP_DATABASE_URL, then the user's data folder."""
    if explicit:
        return explicit if "://" in explicit else sqlite_url(Path(explicit).resolve())
    env = os.environ.get(ENV_URL)
    if env:
        return env
    return sqlite_url(default_database_path())


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if not url.startswith("sqlite"):
        return None
    path = url.split(":///", 1)[1] if ":///" in url else ""
    if not path or path == ":memory:":
        return None
    return Path(path)


def _on_sqlite_connect(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cur.close()


def make_engine(url: str) -> Engine:
    """Create an engine; SQLite files get their parent folder, pragmas and a generous busy timeout."""
    path = sqlite_file(url)
    if url.startswith("sqlite"):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _on_sqlite_connect)
        return engine
    return create_engine(url, pool_pre_ping=True)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


@contextmanager
def session_scope(factory: sessionmaker[Session]) -> Iterator[Session]:
    """One transaction: commit on success, roll back on any error."""
    session = factory()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def _is_retryable(exc: Exception) -> bool:
    if isinstance(exc, IntegrityError):
        return True
    text = str(exc).lower()
    return isinstance(exc, OperationalError) and (
        "locked" in text or "busy" in text or "could not serialize" in text or "deadlock" in text
    )


def run_in_transaction(factory: sessionmaker[Session], work: Callable[[Session], T], attempts: int = 12) -> T:
    """Run `work` in its own transaction, retrying when another writer got there first.

    Two counters writing the same SQLite file (or PostgreSQL rows) may collide on a dossier
    sequence or on the write lock; the loser retries after a short random pause, so the clerk
    never sees "database is locked".
    """
    for attempt in range(attempts):
        try:
            with session_scope(factory) as session:
                return work(session)
        except (IntegrityError, OperationalError) as exc:
            if attempt == attempts - 1 or not _is_retryable(exc):
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")
