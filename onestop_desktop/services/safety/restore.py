"""Restoring a backup: a safety copy of the current file first (even a damaged one), then the swap.

The safety copy of a damaged file is itself damaged: it is kept apart in `backups/damaged/` (named as
damaged) so that it is never offered for restoring nor counted by retention as a good copy. A full disk
or a read-only folder stops the restore before anything is replaced, with its real cause.
"""

from __future__ import annotations

import logging
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.db.engine import clear_damage
from onestop_desktop.db.migrate import backup_name, copy_file, discard, online_copy_unpublished, publish
from onestop_desktop.domain.messages import msg
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Actor, Role
from onestop_desktop.services.safety import accounts, causes
from onestop_desktop.services.safety.backup import database_file, default_folder
from onestop_desktop.services.safety.backup_files import (
    contents,
    damaged_name,
    is_damaged_name,
    make_record,
    open_read_only,
    write_record,
)
from onestop_desktop.services.safety.backup_store import BroughtBack, back_up_files, bring_back_for
from onestop_desktop.services.safety.integrity import check_file

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreOutcome:
    restored_from: Path
    safety_copy: Path
    dossiers: int | None
    last_code: str | None
    files: BroughtBack = BroughtBack()  # attached files brought back into the store from the backups


def _known_revision(path: Path) -> None:
    from alembic.script import ScriptDirectory

    from onestop_desktop.db.migrate import alembic_config

    conn = open_read_only(path)
    try:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError as exc:
        raise ServiceError(msg("safety.restore.not-ours", file=path.name)) from exc
    finally:
        conn.close()
    scripts = ScriptDirectory.from_config(alembic_config())
    if row is None or row[0] not in {s.revision for s in scripts.walk_revisions()}:
        raise ServiceError(msg("safety.restore.newer", file=path.name))


def restore(db_url: str, backup_file: Path, actor: Actor) -> RestoreOutcome:
    """Replace the database with `backup_file` (leader or administrator), after a safety copy.

    The caller must dispose its engine afterwards (open connections would keep stale pages).
    """
    accounts.require_for_restore(
        db_url, backup_file, actor, Role.LEADER, what="khôi phục dữ liệu từ bản sao lưu"
    )
    db_file = database_file(db_url)
    backup_file = Path(backup_file)
    checked = check_file(backup_file)
    if not checked.ok:
        raise ServiceError(
            msg(
                "safety.restore.damaged-backup",
                file=backup_file.name,
                findings=" ".join(checked.findings[:3]),
            )
        )
    _known_revision(backup_file)
    if backup_file.resolve() == db_file.resolve():
        raise ServiceError(msg("safety.restore.onto-itself"))
    try:
        copy = _safety_copy_even_if_damaged(db_file)
        _pool_safety_copy(db_url, copy)
        # the files first, then the database that names them: a restore killed here leaves stray files
        files = bring_back_for(db_url, backup_file, [default_folder(db_file)])
        try:
            _copy_in(db_file, backup_file)
        except sqlite3.DatabaseError as exc:
            if (found := causes.cause_of(exc)) is not None and found[0] is not causes.Cause.DAMAGED:
                raise
            _replace_damaged(db_file, backup_file)
    except (sqlite3.Error, OSError) as exc:
        causes.raise_explained(exc, db_file)
        raise
    _after_restore(db_url, backup_file, copy, actor)
    clear_damage(db_file)  # the damage SQLite reported went with the old file
    count, last = contents(db_file)
    return RestoreOutcome(backup_file, copy, count, last, files)


def _pool_safety_copy(db_url: str, copy: Path) -> None:
    """The safety copy's own files into the pool, so that the restore itself can be undone whole
    (best effort: the live store keeps those files anyway, a restore never removes one)."""
    if is_damaged_name(copy):
        return
    outcome = back_up_files(db_url, copy, copy.parent)
    if outcome.problem is not None:
        log.warning("safety copy's files not pooled: %s", outcome.problem)


def _copy_in(db_file: Path, backup_file: Path) -> None:
    """Write the backup's pages into the live file (one transaction: other connections see old or new)."""
    src = open_read_only(backup_file)
    dst = sqlite3.connect(db_file, timeout=30)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()


def _safety_copy_even_if_damaged(db_file: Path) -> Path:
    """The safety copy before a restore; a file too damaged for the backup API is copied byte for byte.

    The copy is checked under its temporary name: a damaged file's copy is published only in
    `damaged/`, named as damaged, with its record.
    """
    target = backup_name(db_file, "before-restore", default_folder(db_file))
    try:
        partial = online_copy_unpublished(db_file, target)
    except sqlite3.DatabaseError as exc:
        found = causes.cause_of(exc)
        if found is not None and found[0] is not causes.Cause.DAMAGED:
            raise
        kept = damaged_name(target)
        copy_file(db_file, kept)
        wal = db_file.with_name(db_file.name + "-wal")
        if wal.exists():
            copy_file(wal, kept.with_name(kept.name + "-wal"))
        write_record(kept, make_record(db_file, kept, "damaged", [str(exc)]))
        return kept
    try:
        checked = check_file(partial)
        final = target if checked.ok else damaged_name(target)
        publish(partial, final)
    except BaseException:
        discard(partial)
        raise
    write_record(
        final, make_record(db_file, final, "ok" if checked.ok else "damaged", list(checked.findings))
    )
    return final


def _replace_damaged(db_file: Path, backup_file: Path) -> None:
    """Put the backup in place of a file SQLite cannot even open (nobody can be using it)."""
    staging = db_file.with_name(db_file.name + ".restoring")
    copy_file(backup_file, staging)
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
