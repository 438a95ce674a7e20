"""Backups of the SQLite database: take, keep (retention), list, restore, check.

Copies are made with SQLite's online backup API (`db.migrate.online_copy`), so they are consistent
while counters keep writing. They go to `backups/` beside the database (the user's data folder for
the default database) and, when asked, to a second folder such as a USB stick. PostgreSQL offices
back up with the server's own tools (pg_dump); these functions refuse such URLs with a clear message.
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
from onestop_desktop.services.roles import Actor, Role, require

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


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    findings: tuple[str, ...]
    checked: str  # what was checked, for the message


@dataclass(frozen=True)
class RestoreOutcome:
    restored_from: Path
    safety_copy: Path
    dossiers: int | None
    last_code: str | None


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


def _read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def contents(path: Path) -> tuple[int, str | None]:
    """Count of dossiers and the code of the latest received one, read from a database file."""
    conn = _read_only(path)
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


def check_file(path: Path, quick: bool = False) -> CheckResult:
    """`PRAGMA integrity_check` (or `quick_check`) and the foreign-key check on one SQLite file."""
    pragma = "quick_check" if quick else "integrity_check"
    if not path.exists():
        return CheckResult(False, (f"Không tìm thấy tệp {path}.",), str(path))
    try:
        conn = _read_only(path)
        try:
            rows = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
            findings = [r for r in rows if r != "ok"]
            if not findings:
                for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                    findings.append(f"Bảng {table}, dòng {rowid}: tham chiếu tới {parent} không còn tồn tại.")
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        findings = [f"Tệp không đọc được như một cơ sở dữ liệu SQLite: {exc}."]
    return CheckResult(not findings, tuple(findings), str(path))


def check(db_url: str, quick: bool = False) -> CheckResult:
    """Check the database behind `db_url`; findings are sentences for the user (empty when sound)."""
    path = sqlite_file(db_url)
    if path is not None:
        return check_file(path, quick)
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM dossiers")).scalar()
    except Exception as exc:  # any driver error is a finding here, not a traceback
        return CheckResult(False, (f"Không truy cập được cơ sở dữ liệu: {exc}",), db_url)
    finally:
        engine.dispose()
    return CheckResult(True, (), "PostgreSQL (máy chủ tự bảo đảm toàn vẹn tệp)")


def _known_revision(path: Path) -> None:
    from alembic.script import ScriptDirectory

    from onestop_desktop.db.migrate import alembic_config

    conn = _read_only(path)
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
        src = _read_only(backup_file)
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


def check_structure(path: Path) -> CheckResult:
    """A check in milliseconds for very large files: the header, the schema and the tables' roots.

    It catches a file that is not a database any more or whose schema is gone; damage inside the data
    pages needs `check_file` (seconds per gigabyte), which the window then runs in the background.
    """
    try:
        conn = _read_only(path)
        try:
            tables = [str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in ("alembic_version", "users", "dossiers", "audit_log"):
                if table not in tables:
                    return CheckResult(False, (f"Thiếu bảng {table}: tệp không còn nguyên vẹn.",), str(path))
                conn.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(False, (f"Tệp không đọc được như một cơ sở dữ liệu SQLite: {exc}.",), str(path))
    return CheckResult(True, (), str(path))
