"""Is the database file sound? SQLite's integrity and quick checks; a fast structural check for big files.

SQLite's own findings ("*** in database main *** Page 2931: …") are kept as SQLite words them; the
program's sentences are message ids (`said`), worded in the interface language by `lines`.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.db.engine import clear_damage, damage_mark, sqlite_file
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.services.safety import safety_messages  # noqa: F401 - defines the messages used here
from onestop_desktop.services.safety.backup_files import open_read_only, wal_holds_changes
from onestop_desktop.services.safety.causes import Cause, cause_of, raise_explained, refine
from onestop_desktop.services.safety.store_messages import clause


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    findings: tuple[str, ...]  # Vietnamese, for logs (SQLite's own findings as it words them)
    checked: str  # what was checked, for the message
    said: tuple[Msg | str, ...] = ()  # the same findings for the user (message ids where the program speaks)

    def lines(self, language: str = "vi") -> list[str]:
        """The findings in `language`."""
        shown = self.said or self.findings
        return [m.text(language) if isinstance(m, Msg) else m for m in shown]


def _result(path: object, found: list[Msg | str]) -> CheckResult:
    return CheckResult(not found, tuple(str(f) for f in found), str(path), tuple(found))


def _detail(exc: BaseException) -> str:
    return str(exc).rstrip(".")


def check_file(path: Path, quick: bool = False) -> CheckResult:
    """`PRAGMA integrity_check` (or `quick_check`) and the foreign-key check on one SQLite file.

    https://www.sqlite.org/pragma.html#pragma_integrity_check: quick_check skips the check that index
    contents match their tables (O(N) instead of O(N log N)); both find pages that do not parse.
    """
    pragma = "quick_check" if quick else "integrity_check"
    if not path.exists():
        return _result(path, [msg("safety.check.missing", file=str(path))])
    try:
        found = _run_check(path, pragma, immutable=False)
    except sqlite3.DatabaseError as exc:
        if (found_cause := cause_of(exc)) is not None and found_cause[0] in (Cause.LOCKED, Cause.FULL):
            raise_explained(exc, path)  # busy or no room for its -shm: the check could not run
        if refine(exc, path) is None:
            # integrity_check itself stops with "database disk image is malformed" on some damage
            return _result(path, [msg("safety.check.not-sqlite", detail=_detail(exc))])
        if wal_holds_changes(path):  # they cannot be read without a -shm file: say why, not "damaged"
            raise_explained(exc, path)
        try:
            found = _run_check(path, pragma, immutable=True)
        except sqlite3.DatabaseError as again:
            found = [msg("safety.check.not-sqlite", detail=_detail(again))]
    return _result(path, found)


def _run_check(path: Path, pragma: str, *, immutable: bool) -> list[Msg | str]:
    conn = open_read_only(path, immutable=immutable)
    try:
        found: list[Msg | str] = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}") if str(r[0]) != "ok"]
        if not found:
            for table, rowid, parent, _ in conn.execute("PRAGMA foreign_key_check"):
                found.append(msg("safety.check.foreign-key", table=table, row=rowid, parent=parent))
        return found
    finally:
        conn.close()


def check(db_url: str, quick: bool = False) -> CheckResult:
    """Check the database behind `db_url`; findings are sentences for the user (empty when sound)."""
    path = sqlite_file(db_url)
    if path is not None:
        return check_reported_damage(path) if not quick else check_file(path, quick=True)
    from sqlalchemy import create_engine, text

    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT count(*) FROM dossiers")).scalar()
    except Exception as exc:  # any driver error is a finding here, not a traceback
        return _result(db_url, [msg("safety.check.server", detail=_detail(exc))])
    finally:
        engine.dispose()
    return CheckResult(True, (), "PostgreSQL (máy chủ tự bảo đảm toàn vẹn tệp)")


def check_structure(path: Path) -> CheckResult:
    """A check in milliseconds for very large files: the header, the schema and the tables' roots.

    It catches a file that is not a database any more or whose schema is gone; damage inside the data
    pages needs `check_file` (seconds per gigabyte), which the window then runs in the background.
    """
    try:
        conn = open_read_only(path)
        try:
            tables = [str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            for table in ("alembic_version", "users", "dossiers", "audit_log"):
                if table not in tables:
                    return _result(path, [msg("safety.check.missing-table", table=table)])
                conn.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return _result(path, [msg("safety.check.not-sqlite", detail=_detail(exc))])
    return CheckResult(True, (), str(path))


def sound_enough_to_read(path: Path, big: int) -> CheckResult:
    """Before a command reads the file (report): quick_check up to `big` bytes, the structure above it."""
    if path.stat().st_size > big:
        return check_structure(path)
    return check_file(path, quick=True)


def refuse_if_damaged(db_url: str, big: int = 200 * 1024 * 1024) -> None:
    """Raise DatabaseDamaged when the SQLite file behind `db_url` fails `sound_enough_to_read`.

    For commands that would otherwise print figures from a damaged file as if nothing happened (a
    damaged index page is never read by some queries, yet it is damage the office must hear about).
    """
    from onestop_desktop.services.safety.causes import DatabaseDamaged, message_for

    path = sqlite_file(db_url)
    if path is None or not path.exists():
        return
    result = sound_enough_to_read(path, big)
    if not result.ok:
        first = result.said[0] if result.said else "?"
        if isinstance(first, Msg) and first.key == "safety.check.not-sqlite":
            first = str(dict(first.params).get("detail", "?"))  # SQLite's own words, as it said them
        if isinstance(first, Msg):  # the program's finding (a missing table): worded in each language
            raise DatabaseDamaged(msg("safety.cause.damaged-finding", file=str(path), finding=clause(first)))
        raise DatabaseDamaged(message_for(Cause.DAMAGED, path, " ".join(first.split())[:300]))


def damage_reported(path: Path) -> bool:
    """SQLite reported damage in `path` since it was last found sound (a write or a backup met it)."""
    return damage_mark(path).exists()


def check_reported_damage(path: Path) -> CheckResult:
    """The full integrity_check a reported damage calls for; a sound result clears the report."""
    result = check_file(path)
    if result.ok:
        clear_damage(path)
    return result
