"""Apply Alembic migrations at start-up, after taking a safety copy of the SQLite file."""

from __future__ import annotations

import os
import shutil
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect

if TYPE_CHECKING:
    from alembic.config import Config

from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import sqlite_file

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
# The newest migration's revision. Start-up compares the database with it without importing Alembic
# (about 0.1 s of a cold start); tests/test_db_schema.py checks that it is Alembic's head.
HEAD = "0007"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    """The head as Alembic reads it from the migration scripts."""
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    """The database's revision (None: never migrated), read from `alembic_version` as Alembic keeps it."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalars().all()
    if len(rows) > 1:  # several heads: only Alembic can say (and it refuses); our history is one line
        from alembic.runtime.migration import MigrationContext

        with engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()
    return str(rows[0]) if rows else None


PARTIAL = ".partial"  # a copy being written: never a name that backups, retention or restore look at
STALE_PARTIAL_S = 6 * 3600


def partial_name(target: Path) -> Path:
    """Where `target` is written before it is complete (`….sqlite3.partial`, its journal `…-journal`)."""
    return target.with_name(target.name + PARTIAL)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def publish(partial: Path, target: Path) -> None:
    """Give a complete file its real name: flushed to the disk, renamed in one step, the folder flushed.

    os.replace is atomic within a folder (POSIX rename(2)), so a killed process or a power cut leaves
    either no `target` or a whole one, never half a backup under a real backup name.
    """
    _fsync(partial)
    os.replace(partial, target)
    if os.name == "posix":  # the rename itself reaches the disk with the folder's entry
        _fsync(target.parent)


def discard(partial: Path) -> None:
    for path in (partial, partial.with_name(partial.name + "-journal")):
        path.unlink(missing_ok=True)


def sweep_partials(folder: Path) -> None:
    """Remove copies left by a killed backup (only old ones: another process may be copying now)."""
    now = time.time()
    for path in folder.glob(f"*{PARTIAL}*"):
        try:
            if now - path.stat().st_mtime > STALE_PARTIAL_S:
                path.unlink()
        except OSError:
            continue


def online_copy_unpublished(source: Path, target: Path) -> Path:
    """Copy a SQLite database with the online backup API into `partial_name(target)`; return that path.

    Consistent even while others write. The copy is switched to the rollback journal so that it is
    one self-contained file (a WAL copy could not be opened read-only without its -shm companion).
    While it is written it has no journal at all (a failed copy is thrown away, never repaired), so a
    killed copy leaves no `-journal` file either. The caller checks the copy, then `publish`es it.
    """
    partial = partial_name(target)
    discard(partial)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            dst.execute("PRAGMA journal_mode=OFF")
            dst.execute("PRAGMA synchronous=OFF")  # publish() flushes the finished file once
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    except BaseException:
        discard(partial)  # never leave half a copy behind
        raise
    finally:
        src.close()
    return partial


def online_copy(source: Path, target: Path) -> None:
    """Copy a SQLite database to `target` with the online backup API; `target` appears only when whole."""
    partial = online_copy_unpublished(source, target)
    try:
        publish(partial, target)
    except BaseException:
        discard(partial)
        raise


def copy_file(source: Path, target: Path) -> None:
    """A byte-for-byte copy (a still file, or one SQLite cannot open) that appears only when whole."""
    partial = partial_name(target)
    try:
        shutil.copyfile(source, partial)
        publish(partial, target)
    except BaseException:
        discard(partial)
        raise


def backup_name(db_file: Path, reason: str, folder: Path) -> Path:
    """A new file name in `folder`: `<stem>-YYYYMMDD-HHMMSS-<reason>.sqlite3` (never an existing one)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now_local().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists() or partial_name(target).exists():  # nor one another process is writing
        n += 1
        target = folder / f"{db_file.stem}-{stamp}-{reason}-{n}.sqlite3"
    return target


def safety_copy(db_file: Path, reason: str, folder: Path | None = None) -> Path:
    """Copy a SQLite file into `folder` (default: `backups/` beside it) before a risky step."""
    target = backup_name(db_file, reason, folder or db_file.parent / "backups")
    online_copy(db_file, target)
    return target


def upgrade_to_head(engine: Engine) -> Path | None:
    """Bring the database to the newest schema; returns the safety copy taken, if any."""
    current = current_revision(engine)
    if current == HEAD:
        return None
    from alembic import command

    copy: Path | None = None
    db_file = sqlite_file(str(engine.url))
    if db_file is not None and db_file.exists() and current is not None:
        copy = safety_copy(db_file, "before-migration")
    cfg = alembic_config()
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # A batch migration rebuilds a table (copy, DROP, rename): with foreign keys on, dropping a
            # table other rows point at fails. The pragma only works outside a transaction, so here;
            # the references are checked before the commit instead.
            conn.exec_driver_sql("PRAGMA foreign_keys=OFF")
            conn.commit()  # ends SQLAlchemy's autobegun transaction (SQLite opened none)
        try:
            with conn.begin():
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                if sqlite and (broken := conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()):
                    raise RuntimeError(f"migration broke foreign keys: {broken[:5]}")
        finally:
            if sqlite:
                conn.rollback()  # after a failed upgrade: the pragma needs no open transaction
                conn.exec_driver_sql("PRAGMA foreign_keys=ON")
                conn.commit()
    return copy
