"""`onestop-desktop audit verify` finds audit entries edited or deleted, and dossiers edited."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services import audit_rows
from tests.conftest import login_as

from .audit_office import carry_key
from .helpers import register_some, sqlite3_cli


@dataclass
class Office:
    file: Path
    codes: list[str]

    def verify(self, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
        code = main(["audit", "verify", "--database", str(self.file)])
        return code, capsys.readouterr().out

    def entry_of(self, dossier_code: str) -> int:
        out = sqlite3_cli(self.file, f"SELECT id FROM audit_log WHERE entity_id = '{dossier_code}'")
        return int(out.strip())


@pytest.fixture
def office_db(demo_db: Database, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Office]:
    path = sqlite_file(demo_db.url)
    assert path is not None
    carry_key(demo_db_file, path, monkeypatch)
    codes = register_some(demo_db, login_as(demo_db, "canbo"), 6)
    demo_db.engine.dispose()
    yield Office(path, codes)


def test_untouched_database_passes(office_db: Office, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = office_db.verify(capsys)
    assert code == 0, out
    assert "Chuỗi mã nguyên vẹn" in out and "Không phát hiện sai lệch" in out
    assert "Hồ sơ đối chiếu với nhật ký: 6" in out
    # demo dossiers are no longer skipped: every row of every chained table is checked against its seal
    assert (
        "Dòng dữ liệu đối chiếu với nhật ký: 51.4" in out and f"(trong {len(audit_rows.COVERED)} bảng)" in out
    )


def test_edited_audit_entry_is_found(office_db: Office, capsys: pytest.CaptureFixture[str]) -> None:
    entry = office_db.entry_of(office_db.codes[2])
    sqlite3_cli(office_db.file, f"UPDATE audit_log SET note = 'đã chỉnh' WHERE id = {entry}")
    code, out = office_db.verify(capsys)
    assert code != 0
    assert f"Mục nhật ký số {entry} đã bị sửa sau khi ghi" in out
    assert "Hồ sơ đối chiếu" in out and "Hồ sơ 000" not in out  # the dossiers themselves are untouched


def test_edited_audit_snapshot_is_found_twice(office_db: Office, capsys: pytest.CaptureFixture[str]) -> None:
    """Editing what the log says a dossier holds breaks the chain and no longer matches the table."""
    dossier = office_db.codes[1]
    entry = office_db.entry_of(dossier)
    sqlite3_cli(
        office_db.file,
        f"UPDATE audit_log SET after = json_set(after, '$.phone', '0999999999') WHERE id = {entry}",
    )
    code, out = office_db.verify(capsys)
    assert code != 0
    assert f"Mục nhật ký số {entry} đã bị sửa" in out
    assert f"Hồ sơ {dossier}: phone" in out


def test_deleted_audit_entry_is_found(office_db: Office, capsys: pytest.CaptureFixture[str]) -> None:
    dossier = office_db.codes[3]
    entry = office_db.entry_of(dossier)
    sqlite3_cli(office_db.file, f"DELETE FROM audit_log WHERE id = {entry}")
    code, out = office_db.verify(capsys)
    assert code != 0
    assert f"Mục nhật ký số {entry + 1} không nối với mục số {entry - 1}" in out
    assert f"({dossier}): được thêm ngoài chương trình" in out  # its seal went with the entry


def test_dossier_edited_behind_the_programs_back_is_found(
    office_db: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    dossier = office_db.codes[4]
    sqlite3_cli(
        office_db.file,
        f"UPDATE dossiers SET applicant_name = 'Người Khác', status = 9 WHERE code = '{dossier}'",
    )
    code, out = office_db.verify(capsys)
    assert code != 0
    assert "Chuỗi mã nguyên vẹn" in out
    assert f"({dossier}): đã bị sửa ngoài chương trình" in out
    assert f"Hồ sơ {dossier}: applicant_name trong bảng là 'Người Khác'" in out
    assert f"Hồ sơ {dossier}: status trong bảng là 9 nhưng nhật ký ghi 2" in out


def test_dossier_deleted_or_inserted_behind_the_programs_back_is_found(
    office_db: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    gone = office_db.codes[5]
    sqlite3_cli(
        office_db.file,
        f"DELETE FROM dossier_events WHERE dossier_id = (SELECT id FROM dossiers WHERE code = '{gone}');"
        f"DELETE FROM dossiers WHERE code = '{gone}';"
        "UPDATE dossiers SET code = 'GIA-181025-0001', source = 'counter' WHERE id = 1;",
    )
    code, out = office_db.verify(capsys)
    assert code != 0
    assert f"Hồ sơ {gone} có trong nhật ký nhưng không còn trong bảng" in out
    assert "Bảng dossiers, dòng 1 (GIA-181025-0001): đã bị sửa ngoài chương trình" in out


def test_updates_by_tracking_are_followed(
    demo_db: Database, demo_db_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After-snapshots of later actions are what the table must hold, not the snapshot at accept."""
    from sqlalchemy import select

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import Dossier
    from onestop_desktop.services.tracking import actions as tracking_actions

    carry_key(demo_db_file, sqlite_file(demo_db.url) or Path(), monkeypatch)
    clerk, officer = login_as(demo_db, "canbo"), login_as(demo_db, "cv.tnmt")
    code = register_some(demo_db, clerk, 1)[0]
    with session_scope(demo_db.factory) as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == code))
        assert dossier_id is not None
        tracking_actions.transfer(s, clerk, dossier_id, officer.user_id)
    with session_scope(demo_db.factory) as s:
        tracking_actions.resolve(s, officer, dossier_id, note="Xong")
    demo_db.engine.dispose()
    office = Office(sqlite_file(demo_db.url) or Path(), [code])
    verdict, out = office.verify(capsys)
    assert verdict == 0, out
    sqlite3_cli(office.file, f"UPDATE dossiers SET resolved_at = NULL WHERE code = '{code}'")
    verdict, out = office.verify(capsys)
    assert verdict != 0
    assert f"Hồ sơ {code}: resolved_at trong bảng là None" in out
