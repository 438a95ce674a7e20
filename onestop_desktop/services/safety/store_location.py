"""Where a database keeps its scans, and which files a database (or a backup's copy of it) names.

The live store follows the setting `attachments.store` (services/attachments/store.py): empty = the folder
beside the SQLite file (`x.sqlite3` -> `x.files`), a path = that folder (shared by every counter when
the database is PostgreSQL; a relative path is taken from the database file's folder), "database" = the
`stored_files.content` column. A row whose `content` is set is verified there whatever the setting says,
so an office that switched from one to the other is still checked whole.

These read the database through SQLAlchemy Core with plain SQL, so the same code reads the live
database (SQLite or PostgreSQL) and a backup's copy (opened read-only: a check never writes, and works
on a read-only USB stick).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, text
from sqlalchemy.pool import NullPool

from onestop_desktop.db.engine import looks_like_sqlite, sqlite_file
from onestop_desktop.domain.messages import msg
from onestop_desktop.services.attachments.store import folder_for
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety import store_messages  # noqa: F401 - defines the messages used here
from onestop_desktop.services.safety.backup_files import open_read_only, wal_holds_changes
from onestop_desktop.services.safety.causes import Cause, DatabaseDamaged, message_for

STORE_SETTING = "attachments.store"
__all__ = ["STORE_SETTING", "folder_for", "files_of_copy", "named_files", "names_of", "reading"]
CHUNK = 500  # hashes per IN (…) list: well under SQLite's 32,766 bound parameters


@dataclass(frozen=True)
class Named:
    """A file a database names: its hash, its recorded size, and whether its bytes are in `content`."""

    sha256: str
    size: int
    in_database: bool


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """Read-only; on a full disk or a read-only folder (no room for the -shm SQLite wants) the file is
    read as immutable when no -wal holds changes, as `integrity.check_file` does."""
    conn = open_read_only(path)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        conn.close()
        if wal_holds_changes(path):
            raise
        return open_read_only(path, immutable=True)


def read_only_engine(path: Path) -> Engine:
    """A SQLAlchemy engine over a SQLite file opened read-only (no -wal written, no mark left)."""
    return create_engine("sqlite://", creator=lambda: _connect_read_only(path), poolclass=NullPool)


@contextmanager
def reading(db_url: str) -> Iterator[Connection]:
    """A connection that reads the database behind `db_url`: read-only for a SQLite file."""
    path = sqlite_file(db_url)
    engine = read_only_engine(path) if path is not None else create_engine(db_url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def has_files_table(conn: Connection) -> bool:
    """False for a database from before migration 0007 (no scans could be attached then)."""
    return inspect(conn).has_table("stored_files")


def store_setting(conn: Connection) -> str:
    if not inspect(conn).has_table("settings"):
        return ""
    row = conn.execute(text("SELECT value FROM settings WHERE key = :k"), {"k": STORE_SETTING}).first()
    return str(row[0]).strip() if row is not None and row[0] is not None else ""


def named_files(conn: Connection) -> Iterator[Named]:
    """Every stored file the database names, in hash order (cheap: never reads `content` itself)."""
    if not has_files_table(conn):
        return
    sql = "SELECT sha256, size, content IS NOT NULL FROM stored_files ORDER BY sha256"
    for sha, size, inside in conn.execute(text(sql)):
        yield Named(str(sha), int(size or 0), bool(inside))


def content_of(conn: Connection, sha: str) -> bytes | None:
    row = conn.execute(text("SELECT content FROM stored_files WHERE sha256 = :s"), {"s": sha}).first()
    return bytes(row[0]) if row is not None and row[0] is not None else None


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for i in range(0, len(items), CHUNK):
        yield items[i : i + CHUNK]


def names_of(conn: Connection, shas: Iterable[str]) -> dict[str, list[str]]:
    """For each hash, the live attachments that use it as "CODE: name" (what a clerk can find again)."""
    wanted = sorted(set(shas))
    found: dict[str, list[str]] = {}
    if not wanted or not inspect(conn).has_table("attachments"):
        return found
    for part in _chunks(wanted):
        marks = ", ".join(f":h{i}" for i in range(len(part)))
        sql = (
            "SELECT a.sha256, d.code, a.name FROM attachments a JOIN dossiers d ON d.id = a.dossier_id "
            f"WHERE a.removed_at IS NULL AND a.sha256 IN ({marks}) ORDER BY d.code, a.id"
        )
        for sha, code, name in conn.execute(text(sql), {f"h{i}": s for i, s in enumerate(part)}):
            found.setdefault(str(sha), []).append(f"{code}: {name}")
    return found


def still_named(conn: Connection, shas: Iterable[str]) -> set[str]:
    """Which of `shas` a stored_files row names now (asked again just before removing anything)."""
    wanted = sorted(set(shas))
    named: set[str] = set()
    if not wanted or not has_files_table(conn):
        return named
    for part in _chunks(wanted):
        marks = ", ".join(f":h{i}" for i in range(len(part)))
        rows = conn.execute(
            text(f"SELECT sha256 FROM stored_files WHERE sha256 IN ({marks})"),
            {f"h{i}": s for i, s in enumerate(part)},
        )
        named |= {str(r[0]) for r in rows}
    return named


@dataclass(frozen=True)
class CopyFiles:
    """What one database file (a backup's copy) needs from a folder store, and where that store is."""

    needs: dict[str, int]  # sha256 -> size, for the rows whose bytes are not in `content`
    setting: str


def files_of_copy(copy: Path) -> CopyFiles:
    """The files a backup's database copy names outside its own `content` column.

    Raises sqlite3.DatabaseError (through SQLAlchemy) when the copy cannot be read.
    """
    engine = read_only_engine(copy)
    try:
        with engine.connect() as conn:
            needs = {n.sha256: n.size for n in named_files(conn) if not n.in_database}
            return CopyFiles(needs, store_setting(conn))
    finally:
        engine.dispose()


def refuse_wrong_file(db_file: Path) -> None:
    """Before anything is written for `db_file`: it must be a SQLite database, and the program's.

    A text file or another program's database given as --database by mistake must leave nothing behind
    (no `backups/` folder, no damage mark). A file with SQLite's header but damaged pages is the office's
    damaged database: the backup goes on, and keeps its failed copy apart as designed.
    """
    if not looks_like_sqlite(db_file):
        raise DatabaseDamaged(message_for(Cause.DAMAGED, db_file, "file is not a database"))
    try:
        conn = open_read_only(db_file)
        try:
            row = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'dossiers'"
            ).fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return  # damaged (or busy): the checked copy says which, and keeps a damaged one apart
    if row is None:
        raise ServiceError(msg("safety.backup.not-ours", file=str(db_file)))
