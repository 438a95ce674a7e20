"""Every way the program writes a chained table is sealed: the ORM, ORM-enabled bulk statements, and
raw bulk inserts that call `audit.record_rows`; a raw write that does not call it is found."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, insert, select, update

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import CalendarOverride, Field
from onestop_desktop.services import audit

from .audit_office import Office, make_office


@pytest.fixture
def office(demo_db: Database, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Office:
    return make_office(demo_db, demo_db_file, monkeypatch)


def _columns(db: Database) -> list[str]:
    from onestop_desktop.services.audit_rows import columns_of

    return [c for c in columns_of("dossiers") if c not in ("id", "code")]


def _raw_copy(db: Database, n: int, *, tell: bool) -> list[int]:
    """Copy the first dossier `n` times with the DB-API's executemany, as a bulk import does."""
    cols = _columns(db)
    with session_scope(db.factory) as s:
        raw = s.connection().connection.driver_connection
        assert raw is not None
        source = raw.execute(f"SELECT {', '.join(cols)} FROM dossiers ORDER BY id LIMIT 1").fetchone()
        top = raw.execute("SELECT max(id) FROM dossiers").fetchone()[0]
        ids = list(range(top + 1, top + 1 + n))
        marks = ", ".join("?" for _ in range(len(cols) + 2))
        raw.executemany(
            f"INSERT INTO dossiers (id, code, {', '.join(cols)}) VALUES ({marks})",
            [(i, f"SO-{i}", *source) for i in ids],
        )
        if tell:
            audit.record_rows(s, "dossiers", range(ids[0], ids[-1] + 1))
    return ids


def test_raw_bulk_insert_with_record_rows_is_sealed(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(office.url)
    _raw_copy(db, 2000, tell=True)
    db.engine.dispose()
    code, out = office.verify(capsys)
    assert code == 0, out


def test_raw_bulk_insert_without_record_rows_is_found(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    db = open_database(office.url)
    ids = _raw_copy(db, 30, tell=False)
    db.engine.dispose()
    code, out = office.verify(capsys)
    assert code == 1
    assert f"Bảng dossiers, dòng {ids[0]} (SO-{ids[0]}): được thêm ngoài chương trình" in out
    assert "Bảng dossiers: còn 10 dòng sai lệch khác" in out  # named up to 20 a table, the rest counted


def test_orm_enabled_bulk_statements_are_sealed(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    db = open_database(office.url)
    with session_scope(db.factory) as s:  # ids chosen by the database
        s.execute(
            insert(CalendarOverride),
            [
                {"day": date(2032, 1, 2), "working": False, "reason": "Nghỉ"},
                {"day": date(2032, 1, 9), "working": True, "reason": "Làm bù"},
            ],
        )
        s.execute(update(Field).where(Field.code.is_not(None)).values(name=Field.name + " (mới)"))
    with session_scope(db.factory) as s:
        s.execute(delete(CalendarOverride).where(CalendarOverride.day == date(2032, 1, 9)))
        s.delete(s.scalars(select(CalendarOverride).where(CalendarOverride.day == date(2032, 1, 2))).one())
    db.engine.dispose()
    code, out = office.verify(capsys)
    assert code == 0, out


def test_a_fresh_database_is_sealed_at_start_up(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "new.sqlite3"
    db = open_database(f"sqlite:///{path}")
    office = Office(path, [])
    office.sql("INSERT INTO fields (code, name) VALUES ('TP', 'Tư pháp')")  # rows from before the key
    with session_scope(db.factory) as s:
        assert audit.seal_if_unsealed(s)
    with session_scope(db.factory) as s:
        assert not audit.seal_if_unsealed(s)  # once per key
    db.engine.dispose()
    code, out = office.verify(capsys)
    assert code == 0, out
    assert "Dòng dữ liệu đối chiếu với nhật ký: 0 " not in out
    office.sql("UPDATE fields SET name = 'Hộ tịch' WHERE code = 'TP'")
    code, out = office.verify(capsys)
    assert code == 1 and "Bảng fields, dòng 1 (TP): đã bị sửa ngoài chương trình" in out
