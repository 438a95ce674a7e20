"""Restore brings back into the live store the files the restored database names and the store lacks,
from the backups' pool, each hash checked; a file found nowhere is said, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety import restore as backup_restore
from onestop_desktop.services.safety.store_check import check_store
from onestop_desktop.services.safety.store_pool import pool_of
from tests.conftest import login_as

from .scans import attach_scan, scan_bytes, store_of


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def test_restore_brings_back_the_files_of_the_restored_database(demo_db: Database) -> None:
    shas = [attach_scan(demo_db, scan_bytes(i, 30_000), dossier=i) for i in range(4)]
    taken = backup.backup(demo_db.url).path
    later = attach_scan(demo_db, scan_bytes(50))  # after the backup: stays in the store as a stray file
    store = store_of(demo_db)
    for sha in shas[:3]:  # the store lost them (a disk replaced, a folder deleted by mistake)
        store.path(sha).unlink()
    outcome = backup_restore.restore(demo_db.url, taken, login_as(demo_db, "lanhdao"))
    assert outcome.files.restored == 3 and outcome.files.missing == ()
    assert all(store.verify(sha) for sha in shas)
    report = check_store(demo_db.url)
    assert report.ok and report.files == 4 and [p.name for p in report.orphans] == [later]
    said = [m.text("vi") for m in outcome.files.messages()]
    assert said == ["Đã đưa lại 3 tệp đính kèm của dữ liệu khôi phục vào kho tệp (đã kiểm mã SHA-256)."]


def test_restore_from_the_second_folder_uses_its_own_pool(demo_db: Database, tmp_path: Path) -> None:
    sha = attach_scan(demo_db, scan_bytes(1))
    usb = tmp_path / "usb"
    outcome = backup.backup(demo_db.url, also_to=usb)
    assert outcome.second_copy is not None
    backup_folder = backup.default_folder(_file(demo_db))
    pool_of(backup_folder).remove(sha)  # the main pool lost it too: only the stick has it
    store_of(demo_db).remove(sha)
    restored = backup_restore.restore(demo_db.url, outcome.second_copy, login_as(demo_db, "lanhdao"))
    assert restored.files.restored == 1 and store_of(demo_db).verify(sha)


def test_a_file_found_nowhere_or_damaged_in_the_pool_is_said(
    demo_db: Database, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    good, bad = attach_scan(demo_db, scan_bytes(1)), attach_scan(demo_db, scan_bytes(2))
    taken = backup.backup(demo_db.url).path
    pool = pool_of(taken.parent)
    data = bytearray(pool.read(bad))
    data[10] ^= 0x01
    pool.path(bad).write_bytes(bytes(data))  # the backup disk's copy rotted
    store_of(demo_db).remove(good)
    store_of(demo_db).remove(bad)
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    code = main(["restore", str(taken), "--user", "lanhdao", "--database", str(_file(demo_db))])
    captured = capsys.readouterr()
    assert code == 1 and "Traceback" not in captured.err
    assert "Đã khôi phục từ" in captured.out and "Đã đưa lại 1 tệp đính kèm" in captured.out
    assert "1 tệp mà dữ liệu khôi phục cần không có" in captured.out and bad[:12] in captured.out
    assert store_of(demo_db).verify(good) and not store_of(demo_db).has(bad)  # never a damaged copy put back
