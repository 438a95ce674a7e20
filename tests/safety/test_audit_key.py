"""The audit key outside the database: made on first use (SQLite), required (PostgreSQL), wrong or
missing keys named; an old unkeyed chain kept verifiable and keyed once; the head read from a file."""

from __future__ import annotations

import json
import sqlite3
import stat
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import make_engine, session_scope
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services import audit, audit_key
from onestop_desktop.services.catalogue import office as office_settings

from .audit_office import Office, make_office


@pytest.fixture
def office(demo_db: Database, demo_db_file: Path, monkeypatch: pytest.MonkeyPatch) -> Office:
    return make_office(demo_db, demo_db_file, monkeypatch)


@pytest.fixture
def own_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys where the program puts them, not where a test run may point them."""
    monkeypatch.delenv(audit_key.ENV_KEY_FILE, raising=False)


def test_sqlite_key_is_made_beside_the_database_on_first_write(own_key: None, tmp_path: Path) -> None:
    path = tmp_path / "office.sqlite3"
    db = open_database(f"sqlite:///{path}")
    key_file = path.with_name("office.sqlite3.audit-key")
    assert not key_file.exists()
    with session_scope(db.factory) as s:
        office_settings.put_setting(s, "office.name", "UBND xã Thử")  # no record(): sealed all the same
    assert key_file.exists()
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    secret = bytes.fromhex(key_file.read_text().strip())
    assert len(secret) == 32
    with session_scope(db.factory) as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [e.action for e in entries] == ["audit-keyed"]  # the marker carries the first seals
        assert {e.scheme for e in entries} == {f"hmac:{audit_key.key_id(secret)}"}
        assert entries[-1].rows is not None and "settings" in entries[-1].rows["tables"]
    db.engine.dispose()
    assert not list(tmp_path.glob(".*.tmp"))  # written under a temporary name, nothing left over


def test_server_database_without_a_key_refuses_with_a_clear_message(
    own_key: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = create_engine("postgresql+psycopg2://quay@127.0.0.1:1/onestop")  # never connected
    with Session(engine) as s:
        with pytest.raises(audit_key.AuditKeyMissing) as info:
            audit_key.key_for(s)
        where = str(audit_key.key_path(None))
        assert where in info.value.message and "quản trị viên" in info.value.message
        assert audit_key.ENV_KEY_FILE in info.value.message
        assert info.value.msg is not None and "administrator installs" in info.value.msg.text("en")
        assert not Path(where).exists()  # never made on a counter: counters would fork the chain
        installed = tmp_path / "installed.key"
        installed.write_text("cd" * 32 + "\n", encoding="ascii")
        monkeypatch.setenv(audit_key.ENV_KEY_FILE, str(installed))
        assert audit_key.key_for(s).secret == bytes.fromhex("cd" * 32)
    engine.dispose()


def test_a_wrong_key_is_named(office: Office, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    kept = tmp_path / "kept.key"
    kept.write_bytes(office.key_file.read_bytes())
    real = audit_key.key_id(bytes.fromhex(kept.read_text().strip()))
    office.key_file.write_text("ef" * 32 + "\n", encoding="ascii")
    code, out = office.verify(capsys)
    assert code == 1, out
    assert f"được niêm phong bằng khóa {real} mà máy này không có" in out
    code, out = office.verify(capsys, "--key", str(kept))  # the old key given by hand
    assert code == 0, out


def test_a_missing_key_is_named_and_not_made_by_the_check(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    office.key_file.unlink()
    code, out = office.verify(capsys)
    assert code == 1, out
    assert "Không tìm thấy tệp khóa nhật ký" in out and "--key" in out
    assert not office.key_file.exists()


def test_a_damaged_key_file_is_a_sentence(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    office.key_file.write_text("not a key\n", encoding="ascii")
    code, out = office.verify(capsys)
    assert code == 2
    assert "64 chữ số thập lục phân" in out and "Traceback" not in out


def test_english_wording(
    office: Office, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONESTOP_LANG", "en")
    office.sql("UPDATE users SET role = 'admin' WHERE username = 'canbo'")
    office.key_file.write_text("ef" * 32 + "\n", encoding="ascii")
    code, out = office.verify(capsys)
    assert code == 1
    assert "which this computer does not have" in out and "Findings:" in out
    assert "Nhật ký" not in out


def _legacy_entry(con: sqlite3.Connection, prev: str, n: int) -> str:
    at = datetime(2024, 3, n, 8, 30, 0, 123456)
    fields = {
        "at": at.isoformat(),
        "user_id": None,
        "entity": "office",
        "entity_id": "settings",
        "action": "update",
        "before": None,
        "after": {"name": f"UBND xã {n}"},
        "note": f"lần {n}",
    }
    code = audit.entry_hash(prev, fields)
    con.execute(
        "INSERT INTO audit_log (at, user_id, entity, entity_id, action, before, after, prev_hash, hash, "
        "note) "
        "VALUES (?, NULL, 'office', 'settings', 'update', NULL, ?, ?, ?, ?)",
        (at.strftime("%Y-%m-%d %H:%M:%S.%f"), f'{{"name": "UBND xã {n}"}}', prev, code, f"lần {n}"),
    )
    return code


def test_an_old_unkeyed_chain_stays_verifiable_and_is_keyed_once(
    own_key: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from alembic import command

    from onestop_desktop.cli import main
    from onestop_desktop.db.migrate import alembic_config, upgrade_to_head

    path = tmp_path / "old.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    cfg = alembic_config()
    with engine.begin() as conn:  # a file of the program before 0005, with its SHA-256 chain
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0004")
    engine.dispose()
    con = sqlite3.connect(path)
    codes = [audit.GENESIS]
    for n in (1, 2, 3):
        codes.append(_legacy_entry(con, codes[-1], n))
    con.commit()
    con.close()
    db = open_database(f"sqlite:///{path}")  # migration 0005, then the rows are sealed at once
    upgrade_to_head(db.engine)
    capsys.readouterr()
    assert main(["audit", "verify", "--database", str(path)]) == 0
    assert "chưa được niêm phong bằng khóa" not in capsys.readouterr().out  # keyed by the upgrade
    with session_scope(db.factory) as s:
        office_settings.put_setting(s, "office.name", "UBND xã Mới")
    with session_scope(db.factory) as s:
        entries = s.scalars(select(AuditEntry).order_by(AuditEntry.id)).all()
        assert [e.hash for e in entries[:3]] == codes[1:]  # nothing rewritten
        assert [e.scheme for e in entries] == ["sha256"] * 3 + [entries[3].scheme] * (len(entries) - 3)
        marker = entries[3]
        assert marker.action == "audit-keyed" and marker.prev_hash == codes[-1]
        assert "3 mục cũ giữ mã SHA-256 không khóa" in marker.note
        assert marker.after == {"scheme": marker.scheme, "earlier_entries": 3}
        assert marker.rows is not None and marker.rows["baseline"]  # every covered row sealed once
        assert set(marker.rows["tables"]) >= {"settings", "procedures", "units"}
    db.engine.dispose()
    assert main(["audit", "verify", "--database", str(path)]) == 0, capsys.readouterr().out
    # a forger rewrites an old entry and its unkeyed chain: the first keyed entry no longer links
    con = sqlite3.connect(path)
    con.execute("UPDATE audit_log SET note = 'đã chỉnh' WHERE id = 2")
    rows = con.execute("SELECT id, at, after, note FROM audit_log WHERE id <= 3 ORDER BY id").fetchall()
    prev = audit.GENESIS
    for entry_id, at, after, note in rows:
        fields = {
            "at": datetime.fromisoformat(at).isoformat(),
            "user_id": None,
            "entity": "office",
            "entity_id": "settings",
            "action": "update",
            "before": None,
            "after": json.loads(after),
            "note": note,
        }
        prev_new = audit.entry_hash(prev, fields)
        con.execute("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", (prev, prev_new, entry_id))
        prev = prev_new
    con.commit()
    con.close()
    capsys.readouterr()
    assert main(["audit", "verify", "--database", str(path)]) == 1
    assert "Mục nhật ký số 4 không nối với mục số 3" in capsys.readouterr().out


def test_head_for_file_reads_the_copy_without_writing(
    office: Office, capsys: pytest.CaptureFixture[str]
) -> None:
    before = office.file.stat().st_mtime_ns
    head = audit.head_for_file(office.file)
    assert head == office.head(capsys)
    entry_id, code = audit.parse_head(head)
    assert office.one(f"SELECT hash FROM audit_log WHERE id = {entry_id}") == code
    assert office.one("SELECT max(id) FROM audit_log") == str(entry_id)
    assert office.file.stat().st_mtime_ns == before
    db = open_database(office.url, migrate=False)
    with session_scope(db.factory) as s:
        assert audit.chain_head(s) == (entry_id, code)
    db.engine.dispose()


def test_a_malformed_head_is_a_sentence(office: Office, capsys: pytest.CaptureFixture[str]) -> None:
    code, out = office.verify(capsys, "--head", "12:xyz")
    assert code == 2 and "SỐ:MÃ" in out
