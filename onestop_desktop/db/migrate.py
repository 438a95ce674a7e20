"""Apply Alembic migrations at start-up, after taking a safety copy of the SQLite file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import sqlite_file

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def online_copy(source: Path, target: Path) -> None:
    """Copy a SQLite database with the online backup API (consistent even while others write).

    The copy is switched to the rollback journal so that it is one self-contained file (a WAL
    copy could not be opened read-only without its -shm companion).
    """
    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        dst.close()
        target.unlink(missing_ok=True)  # never leave half a copy that looks like a backup
        raise
    finally:
        dst.close()
        src.close()


def backup_name(db_file: Path, reason: str, folder: Path) -> Path:
    """A new file name in `folder`: `<stem>-YYYYMMDD-HHMMSS-<reason>.sqlite3` (never an existing one)."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now_local().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
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
    if current == head_revision():
        return None
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
