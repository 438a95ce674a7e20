"""Restoring a backup: a safety copy of the current file first (even a damaged one), then the swap."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.db.migrate import backup_name, safety_copy
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Actor, Role, require
from onestop_desktop.services.safety.backup import contents, database_file, default_folder, open_read_only
from onestop_desktop.services.safety.integrity import check_file


@dataclass(frozen=True)
class RestoreOutcome:
    restored_from: Path
    safety_copy: Path
    dossiers: int | None
    last_code: str | None


def _known_revision(path: Path) -> None:
    from alembic.script import ScriptDirectory

    from onestop_desktop.db.migrate import alembic_config

    conn = open_read_only(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ServiceError(f"Tệp {path.name} không phải bản sao lưu của chương trình.") from exc
    finally:
        conn.close()
    scripts = ScriptDirectory.from_config(alembic_config())
    if row is None or row[0] not in {s.revision for s in scripts.walk_revisions()}:
        raise ServiceError(f"Bản sao lưu {path.name} do một phiên bản mới hơn của chương trình tạo ra.")


def restore(db_url: str, backup_file: Path, actor: Actor) -> RestoreOutcome:
    """Replace the database with `backup_file` (leader or administrator), after a safety copy.

    The caller must dispose its engine afterwards (open connections would keep stale pages).
    """
    require(actor, Role.LEADER, what="khôi phục dữ liệu từ bản sao lưu")
    db_file = database_file(db_url)
    backup_file = Path(backup_file)
    checked = check_file(backup_file)
    if not checked.ok:
        raise ServiceError(
            f"Bản sao lưu {backup_file.name} bị hỏng, không khôi phục: " + " ".join(checked.findings[:3])
        )
    _known_revision(backup_file)
    if backup_file.resolve() == db_file.resolve():
        raise ServiceError("Không thể khôi phục một tệp lên chính nó.")
    copy = _safety_copy_even_if_damaged(db_file)
    try:
        src = open_read_only(backup_file)
        dst = sqlite3.connect(db_file, timeout=30)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=WAL")
        finally:
            dst.close()
            src.close()
    except sqlite3.DatabaseError:
        _replace_damaged(db_file, backup_file)
    _after_restore(db_url, backup_file, copy, actor)
    count, last = contents(db_file)
    return RestoreOutcome(backup_file, copy, count, last)


def _safety_copy_even_if_damaged(db_file: Path) -> Path:
    """The safety copy before a restore; a file too damaged for the backup API is copied byte for byte."""
    try:
        return safety_copy(db_file, "before-restore")
    except sqlite3.DatabaseError:
        target = backup_name(db_file, "before-restore", default_folder(db_file))
        shutil.copyfile(db_file, target)
        wal = db_file.with_name(db_file.name + "-wal")
        if wal.exists():
            shutil.copyfile(wal, target.with_name(target.name + "-wal"))
        return target


def _replace_damaged(db_file: Path, backup_file: Path) -> None:
    """Put the backup in place of a file SQLite cannot even open (nobody can be using it)."""
    staging = db_file.with_name(db_file.name + ".restoring")
    shutil.copyfile(backup_file, staging)
    for companion in ("-wal", "-shm", "-journal"):
        db_file.with_name(db_file.name + companion).unlink(missing_ok=True)
    staging.replace(db_file)


def _after_restore(db_url: str, backup_file: Path, copy: Path, actor: Actor) -> None:
    """Bring an older backup to the current schema and note the restore in its audit log."""
    from onestop_desktop.db.engine import make_engine, make_session_factory, session_scope
    from onestop_desktop.db.migrate import upgrade_to_head
    from onestop_desktop.db.models import User
    from onestop_desktop.services import audit

    engine = make_engine(db_url)
    try:
        upgrade_to_head(engine)
        with session_scope(make_session_factory(engine)) as session:
            user_id = actor.user_id if session.get(User, actor.user_id) is not None else None
            note = f"{actor.username}: khôi phục từ {backup_file.name}; bản an toàn {copy.name}"
            audit.record(session, user_id, "database", "main", "restore", note=note)
    finally:
        engine.dispose()
