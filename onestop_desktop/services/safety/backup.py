"""Backups of the SQLite database: take, keep (retention), list.

Copies are made with SQLite's online backup API (`db.migrate.online_copy`), so they are consistent
while counters keep writing. They go to `backups/` beside the database (the user's data folder for
the default database) and, when asked, to a second folder such as a USB stick. PostgreSQL offices
back up with the server's own tools (pg_dump); these functions refuse such URLs with a clear message.
Checking a file is `integrity`, restoring one is `restore`.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from onestop_desktop.clock import VN_TZ, now_local
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.db.migrate import backup_name, safety_copy
from onestop_desktop.services.errors import ServiceError

KEEP_LATEST = 10

KEEP_DAILY_DAYS = 7

KEEP_WEEKLY_DAYS = 31

NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+(?:-[a-z]+)*)(?:-\d+)?\.sqlite3$"
)


@dataclass(frozen=True)
class BackupInfo:
    """One backup file as the Restore list shows it."""

    path: Path
    taken_at: datetime
    reason: str
    size: int
    dossiers: int | None  # None when the file could not be read
    last_code: str | None
    error: str | None = None


@dataclass(frozen=True)
class BackupOutcome:
    path: Path
    second_copy: Path | None = None
    second_error: str | None = None  # the USB stick was missing or full: the main copy still exists
    removed: tuple[Path, ...] = ()


def database_file(db_url: str) -> Path:
    """The SQLite file behind `db_url`; other databases are backed up with their own tools."""
    path = sqlite_file(db_url)
    if path is None:
        raise ServiceError(
            "Sao lưu và khôi phục trong chương trình chỉ dùng cho cơ sở dữ liệu SQLite; "
            "với PostgreSQL hãy dùng công cụ của máy chủ (pg_dump, pg_restore)."
        )
    if not path.exists():
        raise ServiceError(f"Không tìm thấy tệp cơ sở dữ liệu {path}.")
    return path


def default_folder(db_file: Path) -> Path:
    return db_file.parent / "backups"


def backup(
    db_url: str,
    *,
    to: Path | None = None,
    also_to: Path | None = None,
    reason: str = "manual",
    prune_old: bool = True,
) -> BackupOutcome:
    """Copy the database into `to` (default `backups/` beside it) and, if given, into `also_to`."""
    db_file = database_file(db_url)
    folder = to or default_folder(db_file)
    try:
        target = safety_copy(db_file, reason, folder)
    except sqlite3.DatabaseError as exc:
        raise ServiceError(
            f"Không sao lưu được: cơ sở dữ liệu {db_file.name} bị hỏng ({exc}). "
            "Hãy khôi phục từ bản sao lưu gần nhất còn tốt."
        ) from exc
    except OSError as exc:
        raise ServiceError(f"Không ghi được bản sao lưu vào {folder}: {exc.strerror or exc}.") from exc
    removed = list(prune(folder, db_file.stem)) if prune_old else []
    second: Path | None = None
    second_error: str | None = None
    if also_to is not None:
        try:
            also_to.mkdir(parents=True, exist_ok=True)
            # the same name on both targets, so the copies are recognisably one backup
            second = also_to / target.name
            if second.exists():
                second = backup_name(db_file, reason, also_to)
            shutil.copyfile(target, second)  # the first copy is a still file: a plain copy is exact
            if prune_old:
                removed += prune(also_to, db_file.stem)
        except OSError as exc:
            second = None
            second_error = f"Không ghi được bản sao thứ hai vào {also_to}: {exc.strerror or exc}."
    return BackupOutcome(target, second, second_error, tuple(removed))


def _taken_at(path: Path) -> tuple[datetime, str]:
    match = NAME_RE.match(path.name)
    if match:
        return datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"]
    return datetime.fromtimestamp(path.stat().st_mtime, tz=VN_TZ).replace(tzinfo=None), ""


def prune(folder: Path, stem: str, now: datetime | None = None) -> list[Path]:
    """Apply the retention rule to the backups of database `stem` in `folder`; return what was removed.

    Kept: the latest 10; the newest of each of the last 7 days; the newest of each week of the last
    month; safety copies taken before a migration, import or restore for a month.
    """
    now = now or now_local()
    dated = []
    for path in folder.glob(f"{stem}-*.sqlite3"):
        match = NAME_RE.match(path.name)
        if match and match["stem"] == stem:
            dated.append((datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"], path))
    dated.sort(reverse=True)
    keep = {path for _, _, path in dated[:KEEP_LATEST]}
    newest_of: dict[object, Path] = {}
    for at, reason, path in dated:  # newest first: the first seen in a bucket is its newest
        age = now - at
        if age <= timedelta(days=KEEP_DAILY_DAYS):
            newest_of.setdefault(("day", at.date()), path)
        if age <= timedelta(days=KEEP_WEEKLY_DAYS):
            newest_of.setdefault(("week", at.isocalendar()[:2]), path)
            if reason.startswith("before-"):
                keep.add(path)
    keep |= set(newest_of.values())
    removed = []
    for _, _, path in dated:
        if path not in keep:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def contents(path: Path) -> tuple[int, str | None]:
    """Count of dossiers and the code of the latest received one, read from a database file."""
    conn = open_read_only(path)
    try:
        count = int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
        row = conn.execute("SELECT code FROM dossiers ORDER BY received_at DESC, id DESC LIMIT 1").fetchone()
        return count, (str(row[0]) if row else None)
    finally:
        conn.close()


def list_backups(folder: Path) -> list[BackupInfo]:
    """The backups in `folder`, newest first, each with what it holds."""
    if not folder.is_dir():
        return []
    found = []
    for path in folder.glob("*.sqlite3"):
        taken_at, reason = _taken_at(path)
        try:
            count, last = contents(path)
            error = None
        except sqlite3.DatabaseError as exc:
            count, last, error = None, None, f"Không đọc được tệp: {exc}"
        found.append(BackupInfo(path, taken_at, reason, path.stat().st_size, count, last, error))
    found.sort(key=lambda b: (b.taken_at, b.path.name), reverse=True)
    return found


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
