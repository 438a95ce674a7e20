"""SQLite's staged write of a log book (`logbook_stage`) stores every column exactly as the Core insert
(the path of the other databases) stores it: same values, same SQLite types, same defaults."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.services.safety import audit_check
from onestop_desktop.services.tracking import logbook_import, logbook_write
from tests.conftest import login_as
from tests.tracking.test_import import GOOD, HEADERS, _xlsx

ROWS = [
    [*GOOD[0], "Đã trả kết quả", "ghi chú"],
    [*GOOD[1], "Rút hồ sơ theo yêu cầu", ""],  # withdrawn: closed on the day received
    [*GOOD[2], "", None],
    [*GOOD[3], "", "'; DROP TABLE dossiers; --"],
    [
        5,
        "",
        "Đăng ký khai sinh",
        "Võ Thị Én",
        "",
        "",
        datetime(2018, 5, 2, 9, 15),
        "03/05/2018",
        "",
    ],  # made code
]


def _stored(db_file: Path) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """The imported rows as SQLite holds them (values and their types), without ids and clocks."""
    conn = sqlite3.connect(db_file)
    try:
        dossier_cols = [
            r[1] for r in conn.execute("PRAGMA table_info(dossiers)") if r[1] not in ("id", "updated_at")
        ]
        event_cols = [r[1] for r in conn.execute("PRAGMA table_info(dossier_events)")]
        event_cols = [c for c in event_cols if c not in ("id", "dossier_id", "at")]
        typed = ", ".join(f"{c}, typeof({c})" for c in dossier_cols)
        dossiers = conn.execute(
            f"SELECT {typed} FROM dossiers WHERE source = 'import' ORDER BY id"
        ).fetchall()
        typed = ", ".join(f"e.{c}, typeof(e.{c})" for c in event_cols)
        events = conn.execute(
            f"SELECT d.code, {typed} FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id "
            "WHERE d.source = 'import' ORDER BY e.id"
        ).fetchall()
        return dossiers, events
    finally:
        conn.close()


def _import(db: Database, path: Path) -> Path:
    user = login_as(db, "canbo")
    with session_scope(db.factory) as s:
        head = audit_check.entry_count(s)
        result = logbook_import.import_file(s, user.user_id, path)
    assert result.imported == len(ROWS) and not result.rejected
    with session_scope(db.factory) as s:
        assert [f for f in audit_check.verify_chain(s) if f.entry_id > head] == []
    db_file = sqlite_file(str(db.url))
    assert db_file is not None
    return db_file


def test_staged_rows_are_stored_as_the_core_insert_stores_them(
    demo_db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _xlsx(tmp_path / "so.xlsx", ROWS, [*HEADERS, "Trạng thái", "Ghi chú"])
    copies = []
    for name in ("staged", "core"):
        target = tmp_path / f"{name}.sqlite3"
        src, dst = sqlite3.connect(demo_db_file), sqlite3.connect(target)
        src.backup(dst)
        src.close()
        dst.close()
        copies.append(open_database(f"sqlite:///{target}"))
    staged = _stored(_import(copies[0], path))

    def core(session: Any, user_id: int, const: dict[str, Any], rows: Any, source: str, progress: Any,
             _columns: Any, _values: Any) -> None:  # fmt: skip
        logbook_write._insert(session, user_id, const, rows, source, const["updated_at"], progress)

    monkeypatch.setattr(logbook_write, "write_staged", core)
    by_core = _stored(_import(copies[1], path))
    for db in copies:
        db.engine.dispose()
    assert len(staged[0]) == len(ROWS) and len(staged[1]) == len(ROWS)
    assert staged == by_core
    first = dict(zip([r for r in staged[0][0][::2]], staged[0][0][1::2], strict=False))
    assert "CU-2017-0001" in first and "datetime" not in str(first)  # stored as text, not as Python's repr
