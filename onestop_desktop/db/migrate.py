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


def safety_copy(db_file: Path, reason: str) -> Path:
    """Copy a SQLite file with the online backup API (consistent even while in use)."""
    folder = db_file.parent / "backups"
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now_local().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{db_file.stem}-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"{db_file.stem}-{stamp}-{reason}-{n}.sqlite3"
    src = sqlite3.connect(db_file)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
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
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return copy
