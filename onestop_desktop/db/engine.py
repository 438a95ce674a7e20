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


# Power cuts are common at commune offices. In WAL mode, synchronous=NORMAL keeps the file consistent
# but "a transaction committed in WAL mode with synchronous=NORMAL might roll back following a power
# loss or system crash"; with FULL "the WAL file is synchronized after each transaction is committed",
# so a save the clerk saw acknowledged survives the cut (https://www.sqlite.org/pragma.html#pragma_synchronous,
# https://www.sqlite.org/wal.html). The cost, one fsync per commit, is measured in
# tests/benchmarks/test_bench_save_durability.py.
SYNCHRONOUS = "FULL"
_SYNCHRONOUS_LEVELS = ("OFF", "NORMAL", "FULL", "EXTRA")


def _sqlite_pragmas(synchronous: str) -> Callable[[Any, Any], None]:
    if synchronous not in _SYNCHRONOUS_LEVELS:
        raise ValueError(f"synchronous must be one of {_SYNCHRONOUS_LEVELS}")

    def on_connect(dbapi_conn: Any, _record: Any) -> None:
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA synchronous={synchronous}")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.close()

    return on_connect


DAMAGE_MARK = "-damaged"  # beside the file: SQLite reported it damaged; the next start checks it in full
_DAMAGE_CODES = ("SQLITE_CORRUPT", "SQLITE_NOTADB")  # https://www.sqlite.org/rescode.html


def damage_mark(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + DAMAGE_MARK)


# the first 16 bytes of every SQLite file (https://www.sqlite.org/fileformat.html, "The Database Header")
SQLITE_HEADER = b"SQLite format 3\x00"


def looks_like_sqlite(path: Path) -> bool:
    """True when `path` starts with SQLite's header: a database (perhaps damaged), not some other file."""
    try:
        with open(path, "rb") as fh:
            return fh.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def note_damage(db_file: Path, detail: str) -> None:
    """Remember that SQLite met a damaged page in `db_file` (best effort: the disk may be failing).

    Only for a file that is a SQLite database: a text file given as --database by mistake is the wrong
    file, not a damaged one, and must be left alone with nothing written beside it.
    """
    if not looks_like_sqlite(db_file):
        return
    try:
        damage_mark(db_file).write_text(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {detail}\n", encoding="utf-8")
    except OSError:
        pass


def clear_damage(db_file: Path) -> None:
    """The file was found sound (or replaced): forget the damage SQLite reported."""
    mark = damage_mark(db_file)
    try:
        if mark.exists():
            mark.unlink()
    except OSError:
        pass


def _is_damage(exc: BaseException | None) -> bool:
    name = str(getattr(exc, "sqlite_errorname", "") or "")
    return name.startswith(_DAMAGE_CODES)


def _noting_damage(path: Path) -> Callable[[Any], None]:
    def on_error(context: Any) -> None:
        original = getattr(context, "original_exception", None)
        if _is_damage(original):
            note_damage(path, str(original))

    return on_error


def make_engine(url: str, *, synchronous: str = SYNCHRONOUS) -> Engine:
    """Create an engine; SQLite files get their parent folder, pragmas and a generous busy timeout.

    `synchronous` is for measuring only (the benchmark compares FULL with NORMAL); the program uses FULL.
    """
    path = sqlite_file(url)
    if url.startswith("sqlite"):
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas(synchronous))
        if path is not None:  # a write or a read that meets a damaged page leaves a mark for the next start
            event.listen(engine, "handle_error", _noting_damage(path))
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
