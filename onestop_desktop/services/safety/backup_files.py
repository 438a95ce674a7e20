"""The files of a backup: its name, what it holds, and its record (the sidecar `<copy>.sqlite3.json`).

The record says whether the copy passed SQLite's integrity check when it was taken, and carries any
metadata a hook adds. The record lives beside the copy, outside the database it describes, so it can
anchor what the copy held (the audit chain head will be written here: `add_metadata_hook`).
A copy that failed its check goes into `damaged/` under a name ending in `-damaged.sqlite3`: never
among the copies that retention counts and restore lists.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from onestop_desktop.clock import now_local
from onestop_desktop.db.migrate import PARTIAL

log = logging.getLogger(__name__)

NAME_RE = re.compile(
    r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z]+(?:-[a-z]+)*)(?:-\d+)?\.sqlite3$"
)
DAMAGED_FOLDER = "damaged"
DAMAGED_SUFFIX = "-damaged"
RECORD_SUFFIX = ".json"
RECORD_VERSION = 1

# (database file, the checked copy) -> a JSON value stored in the record under the hook's name
MetadataHook = Callable[[Path, Path], Any]
_hooks: dict[str, MetadataHook] = {}


def add_metadata_hook(name: str, hook: MetadataHook) -> None:
    """Have every backup record `hook(database_file, checked_copy)` under `name` (e.g. "audit_head").

    The hook reads the copy, not the live file, so what it records is exactly what the copy holds.
    A hook that fails does not stop the backup: its error is recorded in its place.
    """
    _hooks[name] = hook


def remove_metadata_hook(name: str) -> None:
    _hooks.pop(name, None)


def open_read_only(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """A read-only connection; `immutable` reads a file on read-only media that SQLite could not open
    otherwise (https://www.sqlite.org/uri.html#uriimmutable: no locks, no -shm; exact only when no
    -wal file holds changes, which the caller checks)."""
    return sqlite3.connect(f"file:{path}?mode=ro{'&immutable=1' if immutable else ''}", uri=True)


def folder_read_only(folder: Path) -> bool:
    """True when nothing can be created in `folder` (no permission, or a read-only file system)."""
    if not os.access(folder, os.W_OK):
        return True
    try:
        return bool(os.statvfs(folder).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError):  # no statvfs on Windows
        return False


def disk_full(folder: Path, margin: int = 1 << 20) -> bool:
    """True when the file system under `folder` has less than `margin` bytes left for this user."""
    try:
        st = os.statvfs(folder)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < margin


def wal_holds_changes(path: Path) -> bool:
    wal = path.with_name(path.name + "-wal")
    return wal.exists() and wal.stat().st_size > 0


def contents(path: Path) -> tuple[int, str | None]:
    """Count of dossiers and the code of the latest received one, read from a database file."""
    conn = open_read_only(path)
    try:
        count = int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
        row = conn.execute("SELECT code FROM dossiers ORDER BY received_at DESC, id DESC LIMIT 1").fetchone()
        return count, (str(row[0]) if row else None)
    finally:
        conn.close()


def is_damaged_name(path: Path) -> bool:
    return path.parent.name == DAMAGED_FOLDER or DAMAGED_SUFFIX in path.stem


def damaged_name(target: Path) -> Path:
    """Where a copy that failed its check is kept: `damaged/<name>-damaged.sqlite3` beside the backups."""
    folder = target.parent / DAMAGED_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"{target.stem}{DAMAGED_SUFFIX}{target.suffix}"


def record_path(copy: Path) -> Path:
    return copy.with_name(copy.name + RECORD_SUFFIX)


def make_record(db_file: Path, checked_copy: Path, integrity: str, findings: list[str]) -> dict[str, Any]:
    """The record of one copy: the check's verdict, when, from which file, and the hooks' metadata."""
    record: dict[str, Any] = {
        "version": RECORD_VERSION,
        "integrity": integrity,  # "ok" (PRAGMA integrity_check and foreign_key_check) or "damaged"
        "checked_at": now_local().isoformat(timespec="seconds"),
        "source": str(db_file),
        "findings": findings[:20],
    }
    if integrity == "ok":
        for name, hook in _hooks.items():
            try:
                record[name] = hook(db_file, checked_copy)
            except Exception as exc:  # noqa: BLE001 - a hook never costs the office its backup
                log.error("backup metadata hook %s failed: %s", name, exc)
                record[name] = {"error": f"{type(exc).__name__}: {exc}"}
    return record


def write_record(copy: Path, record: dict[str, Any]) -> None:
    """Write the record beside `copy`, whole or not at all (temporary name, then os.replace)."""
    target = record_path(copy)
    partial = target.with_name(target.name + PARTIAL)
    with open(partial, "w", encoding="utf-8") as fh:
        json.dump(record, fh, ensure_ascii=False, indent=1)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(partial, target)


def read_record(copy: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(record_path(copy).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def checked_good(copy: Path) -> bool:
    """True when the copy's record says it passed the integrity check when it was taken."""
    record = read_record(copy)
    return record is not None and record.get("integrity") == "ok"


def remove_copy(copy: Path) -> None:
    copy.unlink(missing_ok=True)
    record_path(copy).unlink(missing_ok=True)


def taken_at(path: Path) -> tuple[datetime, str]:
    """When a copy was taken and why, from its name (the file's time for a copy named by hand)."""
    from onestop_desktop.clock import VN_TZ

    match = NAME_RE.match(path.name)
    if match:
        return datetime.strptime(match["stamp"], "%Y%m%d-%H%M%S"), match["reason"]
    return datetime.fromtimestamp(path.stat().st_mtime, tz=VN_TZ).replace(tzinfo=None), ""
