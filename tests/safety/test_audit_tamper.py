"""Someone who can write the database file tampers with every chained table; `audit verify` finds it.

Each case edits one row, slips in a copied row (a dossier marked source='demo'), and deletes another;
then the same with the audit entries edited to match and the chain recomputed with the program's own
unkeyed functions; and the tail cut off, which the head taken earlier exposes.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services import audit_rows

from .audit_office import (
    EDIT,
    Office,
    first_last,
    forge_chain,
    forge_with_own_key,
    insert_copy,
    make_office,
    quoted,
)
from .helpers import register_some


@pytest.fixture
def office(demo_db: Database, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Office:
    return make_office(demo_db, demo_db_file, monkeypatch)


def test_every_table_that_matters_is_chained() -> None:
    assert set(EDIT) == set(audit_rows.COVERED)


def test_untouched_office_passes(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = office.verify(capsys)
    assert code == 0, out
    assert "Chuỗi mã nguyên vẹn" in out and "Không phát hiện sai lệch" in out


@pytest.mark.parametrize("table", audit_rows.COVERED)
def test_row_edited_inserted_deleted(office: Office, capsys: pytest.CaptureFixture[str], table: str) -> None:
    pk = audit_rows.pk_of(table)
    first, last = first_last(office, table)
    office.sql(f"UPDATE {table} SET {EDIT[table]} WHERE {pk} = {quoted(table, first)}")
    fake = insert_copy(office, table, first)
    office.sql(f"DELETE FROM {table} WHERE {pk} = {quoted(table, last)}")
    code, out = office.verify(capsys)
    assert code == 1, out
    assert "Chuỗi mã nguyên vẹn" in out  # the log itself was not touched
    assert f"Bảng {table}, dòng {first}" in out and "đã bị sửa ngoài chương trình" in out
    assert f"Bảng {table}, dòng {fake}" in out and "được thêm ngoài chương trình" in out
    assert f"Bảng {table}, dòng {last}: có trong nhật ký nhưng không còn trong bảng" in out


@pytest.mark.parametrize("table", audit_rows.COVERED)
def test_entries_edited_and_chain_recomputed_without_the_key(
    office: Office, capsys: pytest.CaptureFixture[str], table: str
) -> None:
    """The forger edits the row and its seal, then recomputes every code with `entry_hash`."""
    from onestop_desktop.services.audit_rows import row_digest

    pk = audit_rows.pk_of(table)
    first, _last = first_last(office, table)
    office.sql(f"UPDATE {table} SET {EDIT[table]} WHERE {pk} = {quoted(table, first)}")
    forged = office.one(f"SELECT * FROM {table} WHERE {pk} = {quoted(table, first)}")

    def change(e: AuditEntry) -> None:
        part = (e.rows or {}).get("tables", {}).get(table)
        if part is not None and first in part["r"]:
            guess = row_digest(b"", table, forged.split("|"))  # the best a forger without the key has
            e.rows = {
                **e.rows,
                "tables": {**e.rows["tables"], table: {**part, "r": {**part["r"], first: guess}}},
            }  # type: ignore[dict-item]

    forge_chain(office, unkeyed=False, change=change)
    code, out = office.verify(capsys)
    assert code == 1, out
    assert "Chuỗi mã bị phá vỡ" in out and "đã bị sửa sau khi ghi" in out
    assert f"Bảng {table}, dòng {first}" in out


def test_chain_turned_back_to_unkeyed_sha256_is_found(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    """All entries re-made as old unkeyed ones (and the row seals dropped): the key file betrays it."""
    office.sql(f"UPDATE dossiers SET applicant_name = 'Người Khác' WHERE code = '{office.codes[0]}'")
    forge_chain(office, unkeyed=True)
    code, out = office.verify(capsys)
    assert code == 1, out
    assert "Có tệp khóa nhưng không mục nhật ký nào được niêm phong bằng khóa" in out
    assert "được thêm ngoài chương trình" in out  # no seal left: every row is unaccounted for


def test_demo_dossier_slipped_in_is_found(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    first, _ = first_last(office, "dossiers")
    fake = insert_copy(office, "dossiers", first)
    assert office.one(f"SELECT source FROM dossiers WHERE id = {fake}") == "demo"
    code, out = office.verify(capsys)
    assert code == 1 and f"Bảng dossiers, dòng {fake}" in out and "được thêm" in out


def test_tail_cut_off_is_found_with_the_head(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    """The last save and its entry removed together pass the chain; yesterday's head does not."""
    from onestop_desktop.bootstrap import open_database
    from tests.conftest import login_as

    before = office.head(capsys)
    db = open_database(office.url)
    new = register_some(db, login_as(db, "canbo"), 1)[0]
    db.engine.dispose()
    head = office.head(capsys)
    assert head != before
    cut = int(before.split(":")[0])
    office.sql(
        f"DELETE FROM dossier_events WHERE dossier_id = (SELECT id FROM dossiers WHERE code = '{new}');"
        f"DELETE FROM dossiers WHERE code = '{new}'; DELETE FROM audit_log WHERE id > {cut};"
        "UPDATE dossier_sequences SET last_seq = last_seq - 1 "
        "WHERE day = (SELECT max(day) FROM dossier_sequences);"
    )
    code, out = office.verify(capsys)
    assert code == 0, out  # what the file alone cannot show: a clean cut looks like an older file
    code, out = office.verify(capsys, "--head", before)
    assert code == 0 and "vẫn ở trong nhật ký, không đổi" in out
    code, out = office.verify(capsys, "--head", head)
    assert code == 1, out
    assert f"Mục nhật ký số {head.split(':')[0]} của đầu chuỗi đã cho không còn: nhật ký đã bị cắt" in out


def test_everything_sealed_again_with_a_new_key_is_found_with_the_head(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    """Someone who can also write the key file re-seals all with a key of their own: the chain passes,
    the head printed on yesterday's briefing does not."""
    head = office.head(capsys)
    office.sql("UPDATE bhyt_targets SET rate = rate + 5")
    forge_with_own_key(office)
    code, out = office.verify(capsys)
    assert code == 0, out  # the limit the README names: the key is beside the file
    code, out = office.verify(capsys, "--head", head)
    assert code == 1, out
    assert "không còn mang mã của đầu chuỗi đã cho" in out


def test_a_row_changed_outside_then_saved_by_the_program_stays_found(
    office: Office, capsys: pytest.CaptureFixture[str], demo_db: Database
) -> None:
    """The program's next write of a tampered row does not launder it: the row's digest before the
    write is sealed too, and it does not match the seal before."""
    from sqlalchemy import select

    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import Dossier
    from onestop_desktop.services.tracking import actions
    from tests.conftest import login_as

    code_ = office.codes[1]
    office.sql(f"UPDATE dossiers SET phone = '0999999999' WHERE code = '{code_}'")
    db = open_database(office.url)
    clerk, officer = login_as(db, "canbo"), login_as(db, "cv.tnmt")
    with session_scope(db.factory) as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == code_))
        assert dossier_id is not None
        actions.transfer(s, clerk, dossier_id, officer.user_id)
    db.engine.dispose()
    code, out = office.verify(capsys)
    assert code == 1, out
    assert f"Bảng dossiers, dòng {dossier_id}: đã bị sửa ngoài chương trình trước lần ghi" in out
