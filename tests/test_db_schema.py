"""The migrations build exactly the models' schema, and the SQLite connection is set up safely."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.migrate import HEAD, current_revision, head_revision, upgrade_to_head
from onestop_desktop.db.models import Base


def test_empty_database_upgraded_to_head_equals_models(db: Database) -> None:
    with db.engine.connect() as conn:
        # the search index of migration 0002 (FTS5 table and its shadow tables) is not ORM metadata
        opts = {"include_name": lambda name, type_, parent: not (name or "").startswith("dossiers_fts")}
        diff = compare_metadata(MigrationContext.configure(conn, opts=opts), Base.metadata)
    assert diff == []
    assert current_revision(db.engine) == head_revision()


def test_start_up_knows_the_newest_migration(tmp_path: Path) -> None:
    """Start-up compares the database with HEAD without Alembic: HEAD must be Alembic's head, and the
    database's revision must read as Alembic reads it (none before the first migration)."""
    assert HEAD == head_revision(), "a migration was added: set HEAD in db/migrate.py to its revision"
    fresh = open_database(f"sqlite:///{tmp_path / 'new.sqlite3'}", migrate=False)
    assert current_revision(fresh.engine) is None
    upgrade_to_head(fresh.engine)
    with fresh.engine.connect() as conn:
        alembic_says = MigrationContext.configure(conn).get_current_revision()
    assert current_revision(fresh.engine) == alembic_says == HEAD
    fresh.engine.dispose()


def test_sqlite_pragmas(db: Database) -> None:
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA busy_timeout")).scalar() >= 5000


def test_migration_takes_a_safety_copy_first(tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    database = open_database(f"sqlite:///{path}")
    assert not (tmp_path / "backups").exists()  # a new file needs no copy
    with database.engine.begin() as conn:  # pretend the file was written by another program version
        conn.execute(text("UPDATE alembic_version SET version_num='0000old'"))
        conn.execute(text("CREATE TABLE marker (x INTEGER)"))
    # a database whose revision is not head gets copied before the upgrade is attempted
    try:
        upgrade_to_head(database.engine)
    except Exception:
        pass  # the unknown revision cannot be upgraded: the point is the copy exists
    copies = list((tmp_path / "backups").glob("office-*-before-migration*.sqlite3"))
    assert len(copies) == 1
    import sqlite3

    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000old"
    con.close()


def test_foreign_keys_enforced(db: Database) -> None:
    import pytest
    from sqlalchemy.exc import IntegrityError

    with pytest.raises(IntegrityError), db.engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO procedure_version_documents (version_id, position, name, kind, count) "
                "VALUES (999, 0, 'x', 'original', 1)"
            )
        )
