"""Backups: a round trip through backup, restore and check; retention; the periodic backup; damage found."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.db.models import Dossier
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety import audit_check, backup, integrity
from onestop_desktop.services.safety import restore as backup_restore
from tests.conftest import login_as

from .helpers import register_some

DEMO_COUNT = 10343


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _count(database: Database) -> int:
    with session_scope(database.factory) as s:
        return s.scalar(select(func.count()).select_from(Dossier)) or 0


def test_backup_restore_check_round_trip(demo_db: Database, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    taken = backup.backup(demo_db.url, also_to=usb)
    assert taken.path.parent == _file(demo_db).parent / "backups"
    assert taken.second_copy is not None and taken.second_copy.parent == usb and taken.second_error is None
    listed = backup.list_backups(taken.path.parent)
    assert [b.path for b in listed] == [taken.path]
    assert listed[0].dossiers == DEMO_COUNT and listed[0].last_code and listed[0].error is None
    assert backup.list_backups(usb)[0].dossiers == DEMO_COUNT

    new_codes = register_some(demo_db, login_as(demo_db, "canbo"), 3)
    assert _count(demo_db) == DEMO_COUNT + 3

    outcome = backup_restore.restore(demo_db.url, taken.path, login_as(demo_db, "lanhdao"))
    demo_db.engine.dispose()  # as the program does after a restore
    assert _count(demo_db) == DEMO_COUNT
    assert (outcome.dossiers, outcome.last_code) == (DEMO_COUNT, listed[0].last_code)
    # The safety copy holds what was there before the restore.
    count, last = backup.contents(outcome.safety_copy)
    assert count == DEMO_COUNT + 3 and last == new_codes[-1]
    assert integrity.check(demo_db.url).ok
    with session_scope(demo_db.factory) as s:
        assert audit_check.verify_chain(s) == []
        assert audit_check.verify_dossiers(s).findings == []
    # The database still takes new dossiers (WAL again, sequences as in the backup).
    register_some(demo_db, login_as(demo_db, "canbo"), 1)
    assert _count(demo_db) == DEMO_COUNT + 1


def test_damaged_file_is_reported_and_never_restored(demo_db: Database, tmp_path: Path) -> None:
    taken = backup.backup(demo_db.url, prune_old=False).path
    damaged = tmp_path / "damaged.sqlite3"
    data = bytearray(taken.read_bytes())
    page = 4096
    for offset in range(page * 3, min(len(data), page * 60), page):  # B-tree pages overwritten
        data[offset : offset + 200] = b"\xa5" * 200
    damaged.write_bytes(bytes(data))
    result = integrity.check(f"sqlite:///{damaged}")
    assert not result.ok and result.findings
    with pytest.raises(ServiceError, match="bị hỏng"):
        backup_restore.restore(demo_db.url, damaged, login_as(demo_db, "quantri"))
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"not a database at all" * 300)
    assert "không đọc được" in integrity.check(f"sqlite:///{garbage}").findings[0]
    assert backup.list_backups(tmp_path)[0].error is not None  # listed, with its problem
    assert integrity.check(demo_db.url).ok


def test_check_and_backup_commands(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_file(demo_db))
    assert main(["check", "--database", path]) == 0
    assert main(["backup", "--to", str(tmp_path / "usb"), "--database", path]) == 0
    assert "Đã sao lưu vào" in capsys.readouterr().out
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"\0" * 100 + b"x" * 5000)
    assert main(["check", "--database", str(broken)]) == 1
    assert "Cơ sở dữ liệu có lỗi" in capsys.readouterr().out
    assert main(["restore", "--database", path]) == 0  # without FILE: the list
    assert "hồ sơ: 10.343" in capsys.readouterr().out


def test_restore_command_needs_a_leader(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = str(_file(demo_db))
    taken = backup.backup(demo_db.url).path
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    assert main(["restore", str(taken), "--user", "canbo", "--database", path]) == 2
    assert "không có quyền khôi phục" in capsys.readouterr().err
    assert main(["restore", str(taken), "--user", "lanhdao", "--database", path]) == 0
    assert "Đã khôi phục từ" in capsys.readouterr().out


def test_backup_if_changed_copies_only_after_a_change(demo_db: Database) -> None:
    watch = backup.ChangeWatch(demo_db.url)
    try:
        assert backup.backup_if_changed(demo_db.url, watch) is None
        register_some(demo_db, login_as(demo_db, "canbo"), 1)
        made = backup.backup_if_changed(demo_db.url, watch)
        assert made is not None and made.path.exists() and "-auto" in made.path.name
        assert backup.backup_if_changed(demo_db.url, watch) is None
    finally:
        watch.close()


def test_second_folder_unavailable_keeps_the_main_copy(demo_db: Database, tmp_path: Path) -> None:
    not_a_folder = tmp_path / "usb-unplugged"
    not_a_folder.write_text("a file where the folder should be")
    outcome = backup.backup(demo_db.url, also_to=not_a_folder)
    assert outcome.path.exists() and outcome.second_copy is None
    assert outcome.second_error and "Không ghi được bản sao thứ hai" in outcome.second_error


def test_postgres_url_is_refused_with_a_sentence() -> None:
    with pytest.raises(ServiceError, match="pg_dump"):
        backup.backup("postgresql+psycopg2://u:p@127.0.0.1/x")


def _touch(folder: Path, stem: str, at: datetime, reason: str = "auto") -> Path:
    path = folder / f"{stem}-{at:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    sqlite3.connect(path).close()
    return path


def test_retention_latest_ten_daily_for_a_week_weekly_for_a_month(tmp_path: Path) -> None:
    now = datetime(2026, 11, 24, 17, 0)
    made = [_touch(tmp_path, "onestop", now - timedelta(hours=6 * i)) for i in range(45 * 4)]  # 45 days
    safety = _touch(tmp_path, "onestop", now - timedelta(days=20, minutes=7), "before-migration")
    old_safety = _touch(tmp_path, "onestop", now - timedelta(days=40, minutes=7), "before-restore")
    other = _touch(tmp_path, "demo", now - timedelta(days=44))
    removed = set(backup.prune(tmp_path, "onestop", now=now))
    kept = sorted(set(made) - removed, reverse=True)

    assert set(made[:10]) <= set(kept)  # the latest 10
    days = {p.name.split("-")[1] for p in kept}
    for d in range(7):  # one a day for a week
        assert f"{now - timedelta(days=d):%Y%m%d}" in days
    weeks = {datetime.strptime(p.name.split("-")[1], "%Y%m%d").isocalendar()[:2] for p in kept}
    for d in range(0, 31, 7):  # one a week for a month
        assert (now - timedelta(days=d)).isocalendar()[:2] in weeks
    assert all(now - datetime.strptime(p.name[8:23], "%Y%m%d-%H%M%S") <= timedelta(days=31) for p in kept)
    assert len(kept) <= 10 + 7 + 6
    assert safety.exists() and not old_safety.exists() and other.exists()
    assert all(not p.exists() for p in removed)


def _damage(path: Path, where: str) -> None:
    data = bytearray(path.read_bytes())
    if where == "header":  # SQLite no longer recognises the file at all
        data[0:100] = b"\x5a" * 100
    else:
        for offset in range(4096 * 2, len(data), 4096 * 3):
            data[offset : offset + 512] = b"\x5a" * 512
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["pages", "header"])
def test_a_damaged_database_is_restored_from_the_latest_good_backup(
    demo_db: Database, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    leader = login_as(demo_db, "lanhdao")
    good = backup.backup(demo_db.url).path
    demo_db.engine.dispose()
    db_file = _file(demo_db)
    sqlite3.connect(db_file).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    _damage(db_file, where)
    assert main(["check", "--database", str(db_file)]) == 1
    assert main(["audit", "verify", "--database", str(db_file)]) == 2  # a sentence, not a traceback
    with pytest.raises(ServiceError, match="bị hỏng"):
        backup.backup(demo_db.url)
    assert [b.reason for b in backup.list_backups(good.parent)] == ["manual"]  # no half copy left behind
    outcome = backup_restore.restore(demo_db.url, good, leader)
    assert outcome.safety_copy.exists() and outcome.dossiers == DEMO_COUNT
    assert integrity.check(demo_db.url).ok
    assert main(["audit", "verify", "--database", str(db_file)]) == 0
    capsys.readouterr()


def test_audit_verify_on_a_missing_file_is_a_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nowhere.sqlite3"
    assert main(["audit", "verify", "--database", str(missing)]) == 2
    assert "Không tìm thấy cơ sở dữ liệu" in capsys.readouterr().err  # the same sentence for every command
    assert not missing.exists()
