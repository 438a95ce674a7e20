"""Backups of the SQLite database: take, check, keep (retention), list.

Copies are made with SQLite's online backup API (`db.migrate.online_copy_unpublished`), so they are
consistent while counters keep writing. Each copy is written under a temporary name, checked with
`PRAGMA integrity_check` (cheap next to the copy itself), and only then renamed to its real name with
a record beside it (`backup_files`). A copy that fails its check is kept apart in `damaged/`, never
counted by retention nor listed for restoring, and the backup stops with "the database is damaged".
Copies go to `backups/` beside the database (the user's data folder for the default database) and,
when asked, to a second folder such as a USB stick. PostgreSQL offices back up with the server's own
tools (pg_dump); these functions refuse such URLs with a clear message.
Checking a file is `integrity`, restoring one is `restore`, keeping and removing copies `retention`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from onestop_desktop.db.engine import note_damage, sqlite_file
from onestop_desktop.db.migrate import (
    backup_name,
    copy_file,
    discard,
    online_copy_unpublished,
    publish,
    sweep_partials,
)
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.services import audit
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety import causes
from onestop_desktop.services.safety.backup_files import (
    add_metadata_hook,
    contents,
    damaged_name,
    folder_read_only,
    is_damaged_name,
    make_record,
    open_read_only,
    read_record,
    taken_at,
    write_record,
)
from onestop_desktop.services.safety.backup_store import (
    FilesOutcome,
    back_up_files,
    back_up_second,
    with_removed,
)
from onestop_desktop.services.safety.causes import Cause, DatabaseDamaged
from onestop_desktop.services.safety.integrity import CheckResult, check_file
from onestop_desktop.services.safety.retention import KEEP_DAILY_DAYS, KEEP_LATEST, KEEP_WEEKLY_DAYS, prune
from onestop_desktop.services.safety.store_location import refuse_wrong_file
from onestop_desktop.services.safety.store_messages import clause
from onestop_desktop.services.safety.store_pool import collect

# Every checked copy's record carries the audit chain's head as that copy holds it: kept on a USB stick
# or another machine, yesterday's head proves that nothing before it changed and nothing was cut off.
add_metadata_hook("audit_head", lambda _db, copy: audit.head_for_file(copy))

__all__ = [
    "KEEP_DAILY_DAYS",
    "KEEP_LATEST",
    "KEEP_WEEKLY_DAYS",
    "BackupInfo",
    "BackupOutcome",
    "ChangeWatch",
    "add_metadata_hook",
    "backup",
    "backup_before",
    "backup_if_changed",
    "contents",
    "database_file",
    "default_folder",
    "list_backups",
    "open_read_only",
    "prune",
]
# Above this size a copy without a record (taken by an older version, or copied by hand) is listed
# without its own quick_check: the restore checks it in full before using it anyway.
LIST_CHECK_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the Restore list shows it."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    dossiers: int | None  # None when the file could not be read or is damaged
    last_code: str | None
    error: str | None = None  # Vietnamese, for logs; `problem` in the interface language
    checked: bool = False  # its record says it passed the integrity check when it was taken
    problem: Msg | None = None


@dataclass(frozen=True)
class BackupOutcome:
    path: Path
    second_copy: Path | None = None
    second_error: str | None = None  # the USB stick was missing or full: the main copy still exists
    removed: tuple[Path, ...] = ()
    second_problem: Msg | None = None  # `second_error` as a message id
    files: FilesOutcome | None = None  # the attached files added to `backups/files/` (the pool)
    second_files: FilesOutcome | None = None  # the same for the second folder's own pool


def database_file(db_url: str) -> Path:
    """The SQLite file behind `db_url`; other databases are backed up with their own tools."""
    path = sqlite_file(db_url)
    if path is None:
        raise ServiceError(msg("safety.backup.sqlite-only"))
    if not path.exists():
        raise ServiceError(msg("safety.backup.no-file", file=str(path)))
    return path


def default_folder(db_file: Path) -> Path:
    return db_file.parent / "backups"


def _refusal(exc: BaseException, db_file: Path, folder: Path) -> ServiceError:
    """The sentence for a copy that could not be made: damaged source, full or read-only target."""
    found = causes.cause_of(exc)
    if found is None:
        return ServiceError(msg("safety.cause.io", file=str(folder), detail=str(exc)))
    cause, detail = found
    if cause is Cause.DAMAGED:
        note_damage(db_file, detail)
        return DatabaseDamaged(causes.message_for(cause, db_file, detail))
    if cause is Cause.READ_ONLY and not folder_read_only(folder):
        return causes.ReadOnly(causes.message_for(cause, db_file, detail))
    explained = causes.explain(exc, folder)
    assert explained is not None
    return explained


def _first_finding(result: CheckResult) -> Msg | str:
    """The check's first finding (a message id, or SQLite's own words on one line)."""
    first = result.said[0] if result.said else (result.findings[0] if result.findings else "?")
    return first if isinstance(first, Msg) else " ".join(first.split())[:300]


def _set_apart(partial: Path, target: Path, db_file: Path, result: CheckResult) -> Path | None:
    """Keep a copy that failed its check in `damaged/`, named as damaged, with its record."""
    try:
        kept = damaged_name(target)
        publish(partial, kept)
        write_record(kept, make_record(db_file, kept, "damaged", list(result.findings)))
        return kept
    except OSError:
        discard(partial)
        return None


def take_checked_copy(db_file: Path, folder: Path, reason: str) -> Path:
    """Copy `db_file` into `folder`, check the copy, and give it its real name only if it is sound.

    Raises DatabaseDamaged (the copy kept apart), DiskFull or ReadOnly with the real cause.
    """
    try:
        folder.mkdir(parents=True, exist_ok=True)
        sweep_partials(folder)
        target = backup_name(db_file, reason, folder)
        partial = online_copy_unpublished(db_file, target)
    except (sqlite3.Error, OSError) as exc:
        raise _refusal(exc, db_file, folder) from exc
    try:
        result = check_file(partial)
        if not result.ok:
            kept = _set_apart(partial, target, db_file, result)
            note_damage(db_file, result.findings[0] if result.findings else "integrity_check")
            raise DatabaseDamaged(
                msg(
                    "safety.backup.damaged",
                    file=str(db_file),
                    finding=clause(_first_finding(result)),
                    kept=str(kept or "—"),
                ),
                kept,
            )
        record = make_record(db_file, partial, "ok", [])
        publish(partial, target)
        write_record(target, record)
    except OSError as exc:
        discard(partial)
        raise _refusal(exc, db_file, folder) from exc
    except BaseException:
        discard(partial)
        raise
    return target


def _second_copy(target: Path, db_file: Path, reason: str, also_to: Path) -> Path:
    also_to.mkdir(parents=True, exist_ok=True)
    sweep_partials(also_to)
    # the same name on both targets, so the copies are recognisably one backup
    second = also_to / target.name
    if second.exists():
        second = backup_name(db_file, reason, also_to)
    copy_file(target, second)  # the first copy is a still, checked file: a plain copy is exact
    record = read_record(target)
    if record is not None:
        write_record(second, record)
    return second


def backup(
    db_url: str,
    *,
    to: Path | None = None,
    also_to: Path | None = None,
    reason: str = "manual",
    prune_old: bool = True,
) -> BackupOutcome:
    """Copy the database into `to` (default `backups/` beside it) and, if given, into `also_to`.

    The copy is checked before it counts; a damaged database raises DatabaseDamaged and nothing is
    pruned (the good copies are what the office needs now). A file that is no database of this program
    is refused before anything is written. The attached files the copy names are added to the folder's
    pool (new ones only); after retention, the pool files no kept copy needs are removed.
    """
    db_file = database_file(db_url)
    refuse_wrong_file(db_file)
    folder = to or default_folder(db_file)
    target = take_checked_copy(db_file, folder, reason)
    files = back_up_files(db_url, target, folder)
    removed = list(prune(folder, db_file.stem)) if prune_old else []
    if removed:
        files = with_removed(files, collect(folder))
    second: Path | None = None
    second_files: FilesOutcome | None = None
    problem: Msg | None = None
    if also_to is not None:
        try:
            second = _second_copy(target, db_file, reason, also_to)
            second_files = back_up_second(db_url, target, second, folder)
            if prune_old and (pruned := prune(also_to, db_file.stem)):
                removed += pruned
                second_files = with_removed(second_files, collect(also_to))
        except OSError as exc:
            second = None
            why = causes.explain(exc, also_to)
            problem = msg(
                "safety.backup.second-failed",
                folder=str(also_to),
                why=why.msg if why is not None and why.msg is not None else f"{exc.strerror or exc}.",
            )
    return BackupOutcome(
        target,
        second,
        str(problem) if problem else None,
        tuple(removed),
        second_problem=problem,
        files=files,
        second_files=second_files,
    )


def _describe(path: Path) -> BackupInfo:
    at, reason = taken_at(path)
    size = path.stat().st_size
    record = read_record(path)
    checked = record is not None and record.get("integrity") == "ok"
    problem: Msg | None = None
    if record is not None and record.get("integrity") != "ok":
        findings = record.get("findings") or ["?"]
        problem = msg("safety.list.damaged", finding=" ".join(str(findings[0]).split())[:300])
    elif record is None and size <= LIST_CHECK_BYTES:
        result = check_file(path, quick=True)  # a copy from before the records: check it now
        if not result.ok:
            problem = msg("safety.list.damaged", finding=_first_finding(result))
    count: int | None = None
    last: str | None = None
    if problem is None:
        try:
            count, last = contents(path)
        except sqlite3.DatabaseError as exc:
            problem = msg("safety.list.unreadable", detail=str(exc))
    return BackupInfo(
        path, at, reason, size, count, last, str(problem) if problem else None, checked, problem
    )


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in `folder`, newest first, each with what it holds; damaged copies are not among them
    (those in `damaged/`), and a copy found damaged here is listed with its problem, never its counts."""
    if not folder.is_dir():
        return []
    found = [_describe(path) for path in folder.glob("*.sqlite3") if not is_damaged_name(path)]
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


def last_good(folder: Path) -> Path | None:
    """The newest copy in `folder` whose record says it passed its integrity check."""
    return next((b.path for b in list_backups(folder) if b.checked and b.error is None), None)


class ChangeWatch:
    """Tells whether other connections committed anything since the last backup (PRAGMA data_version).

    Keep one per open database (the GUI's 30-minute timer holds it); `close()` at exit.
    """

    def __init__(self, db_url: str) -> None:
        self.db_file = database_file(db_url)
        self._conn = sqlite3.connect(self.db_file, check_same_thread=False)
        self._seen = self.version()

    def version(self) -> int:
        return int(self._conn.execute("PRAGMA data_version").fetchone()[0])

    def changed(self) -> bool:
        return self.version() != self._seen

    def mark(self, version: int) -> None:
        self._seen = version

    def close(self) -> None:
        self._conn.close()


def backup_if_changed(
    db_url: str, watch: ChangeWatch, *, also_to: Path | None = None, to: Path | None = None
) -> BackupOutcome | None:
    """The periodic backup: copy only when something was committed since the last one."""
    version = watch.version()
    if not watch.changed():
        return None
    outcome = backup(db_url, to=to, also_to=also_to, reason="auto")
    watch.mark(version)  # changes made during the copy trigger the next one
    return outcome


def backup_before(db_url: str, reason: str = "before-import") -> Path | None:
    """The safety copy before an import or another bulk write; nothing for PostgreSQL or in-memory.

    Raises ServiceError when the copy cannot be made, so the caller writes nothing unprotected.
    """
    path = sqlite_file(db_url)
    if path is None or not path.exists():
        return None
    return backup(db_url, reason=reason).path
