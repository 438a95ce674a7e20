"""Is the database file sound? SQLite's integrity and quick checks; a fast structural check for big files."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety.backup import open_read_only


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    findings: tuple[str, ...]
    checked: str  # what was checked, for the message


def check_file(path: Path, quick: bool = False) -> CheckResult:
    """`PRAGMA integrity_check` (or `quick_check`) and the foreign-key check on one SQLite file."""
    pragma = "quick_check" if quick else "integrity_check"
    if not path.exists():
        return CheckResult(False, (f"Không tìm thấy tệp {path}.",), str(path))
    try:
        conn = open_read_only(path)
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
                    return CheckResult(False, (f"Thiếu bảng {table}: tệp không còn nguyên vẹn.",), str(path))
                conn.execute(f"SELECT * FROM {table} ORDER BY rowid DESC LIMIT 1").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return CheckResult(False, (f"Tệp không đọc được như một cơ sở dữ liệu SQLite: {exc}.",), str(path))
    return CheckResult(True, (), str(path))
