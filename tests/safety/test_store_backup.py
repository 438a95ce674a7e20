"""Backups carry the file store incrementally: a shared pool in the backup folder (`backups/files/`) gets
the new files only; retention never removes a pool file a kept copy needs; the second folder gets a pool of
its own; a killed backup's leftover in the pool is harmless."""

from __future__ import annotations

import json
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.backup_files import read_record, record_path
from onestop_desktop.services.safety.store_location import files_of_copy
from onestop_desktop.services.safety.store_pool import collect, pool_of

from .helpers import sqlite3_cli
from .scans import age, attach_scan, scan_bytes, store_of


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _pool_files(folder: Path) -> set[str]:
    return set(pool_of(folder).shas())


def test_a_second_backup_copies_the_new_files_only(demo_db: Database, tmp_path: Path) -> None:
    first = [attach_scan(demo_db, scan_bytes(i, 50_000), dossier=i) for i in range(5)]
    one = backup.backup(demo_db.url)
    assert one.files is not None
    assert (one.files.needed, one.files.copied, one.files.present) == (5, 5, 0)
    assert one.files.bytes_copied == 5 * 50_000 and one.files.complete
    folder = one.path.parent
    assert _pool_files(folder) == set(first)
    second = [attach_scan(demo_db, scan_bytes(10 + i, 50_000), dossier=i) for i in range(2)]
    stamps = {sha: pool_of(folder).path(sha).stat().st_mtime_ns for sha in first}
    two = backup.backup(demo_db.url)
    assert two.files is not None
    assert (two.files.needed, two.files.copied, two.files.present) == (7, 2, 5)
    assert two.files.bytes_copied == 2 * 50_000
    assert _pool_files(folder) == set(first) | set(second)
    assert all(pool_of(folder).path(sha).stat().st_mtime_ns == stamps[sha] for sha in first)  # untouched
    record = read_record(two.path)
    assert record is not None and record["files"]["copied"] == 2 and record["files"]["complete"] is True
    assert all(pool_of(folder).verify(sha) for sha in first + second)
    # a database copy names exactly what it needs: the pool is the union of the kept copies' needs
    assert set(files_of_copy(two.path).needs) == set(first) | set(second)


def test_the_backup_command_says_what_it_copied_in_both_languages(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(3):
        attach_scan(demo_db, scan_bytes(i, 1_500_000), dossier=i)
    path = str(_file(demo_db))
    assert main(["backup", "--database", path]) == 0
    assert "Tệp đính kèm: chép 3 tệp mới (4,5 MB)" in capsys.readouterr().out
    attach_scan(demo_db, scan_bytes(7, 1_500_000))
    assert main(["--lang", "en", "backup", "--database", path]) == 0
    out = capsys.readouterr().out
    assert "Attached files: 1 new file copied (1.5 MB)" in out and "3 already there" in out


def test_a_file_missing_from_the_store_is_said_and_the_copy_still_counts(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = attach_scan(demo_db, scan_bytes(1))
    gone = attach_scan(demo_db, scan_bytes(2))
    store_of(demo_db).path(gone).unlink()
    assert main(["backup", "--database", str(_file(demo_db))]) == 1
    captured = capsys.readouterr()
    assert "Đã sao lưu vào" in captured.out and "1 tệp mà cơ sở dữ liệu nhắc tới không có" in captured.err
    newest = backup.list_backups(backup.default_folder(_file(demo_db)))[0]
    record = read_record(newest.path)
    assert record is not None and record["files"]["missing"] == [gone]
    assert record["files"]["complete"] is False
    assert _pool_files(newest.path.parent) == {kept}


def _stamped(copy: Path, at: datetime) -> Path:
    """A copy of `copy` named as if taken at `at` (retention reads the stamp in the name)."""
    target = copy.with_name(f"{copy.name.split('-')[0]}-{at:%Y%m%d-%H%M%S}-manual.sqlite3")
    shutil.copyfile(copy, target)
    shutil.copyfile(record_path(copy), record_path(target))
    return target


def test_retention_keeps_the_pool_files_of_kept_copies_and_removes_the_rest(demo_db: Database) -> None:
    only_old = attach_scan(demo_db, scan_bytes(1))
    both = attach_scan(demo_db, scan_bytes(2))
    old = backup.backup(demo_db.url).path
    folder = old.parent
    # the old copy looks 60 days old; its first file was then removed from the database for good
    old_named = _stamped(old, now_local() - timedelta(days=60))
    old.unlink()
    record_path(old).unlink()
    demo_db.engine.dispose()
    sqlite3_cli(_file(demo_db), f"DELETE FROM attachments WHERE sha256 = '{only_old}';")
    sqlite3_cli(_file(demo_db), f"DELETE FROM stored_files WHERE sha256 = '{only_old}';")
    new = attach_scan(demo_db, scan_bytes(3))
    recent = backup.backup(demo_db.url).path
    assert _pool_files(folder) == {only_old, both, new}  # the old copy is still kept: all three stay
    for k in range(1, 11):  # ten more recent copies push the 60-day-old one out of the latest ten
        _stamped(recent, now_local() - timedelta(minutes=k))
    outcome = backup.backup(demo_db.url)
    assert old_named in outcome.removed
    assert outcome.files is not None and outcome.files.removed == 1
    assert _pool_files(folder) == {both, new}
    assert outcome.files.messages()[-1].text("vi").startswith("Đã xóa 1 tệp trong kho sao lưu")


def test_collect_removes_nothing_while_a_kept_copy_cannot_be_read(demo_db: Database) -> None:
    attach_scan(demo_db, scan_bytes(1))
    copy = backup.backup(demo_db.url).path
    folder = copy.parent
    stray = pool_of(folder).put(scan_bytes(2))  # needed by no copy
    unreadable = folder / "office-20180101-000000-manual.sqlite3"
    unreadable.write_bytes(b"SQLite format 3\x00" + b"\x5a" * 5000)
    assert collect(folder) == (0, 0) and stray in _pool_files(folder)
    unreadable.unlink()
    removed, size = collect(folder)
    assert removed == 1 and size > 0 and stray not in _pool_files(folder)


def test_the_second_folder_gets_its_own_pool(demo_db: Database, tmp_path: Path) -> None:
    shas = [attach_scan(demo_db, scan_bytes(i), dossier=i) for i in range(3)]
    usb = tmp_path / "usb"
    one = backup.backup(demo_db.url, also_to=usb)
    assert one.second_files is not None and one.second_files.copied == 3
    assert _pool_files(usb) == set(shas) and all(pool_of(usb).verify(s) for s in shas)
    more = attach_scan(demo_db, scan_bytes(9))
    two = backup.backup(demo_db.url, also_to=usb)
    assert two.second_files is not None and (two.second_files.copied, two.second_files.present) == (1, 3)
    assert _pool_files(usb) == {*shas, more}


def test_a_killed_backup_leaves_a_harmless_partial_in_the_pool(demo_db: Database) -> None:
    sha = attach_scan(demo_db, scan_bytes(1))
    folder = backup.default_folder(_file(demo_db))
    pool = pool_of(folder)
    pool.tmp.mkdir(parents=True)
    half = pool.tmp / f"{sha}.999.deadbeef.partial"  # the copy was killed before its rename
    half.write_bytes(scan_bytes(1)[:100])
    outcome = backup.backup(demo_db.url)
    assert outcome.files is not None and outcome.files.copied == 1 and pool.verify(sha)
    assert half.exists()  # young: another backup may be writing it; swept once stale
    age(half, 7 * 3600)
    taken = [backup.backup(demo_db.url).path]
    for k in range(1, 11):
        _stamped(taken[0], now_local() - timedelta(minutes=k))
    backup.backup(demo_db.url)  # prunes, so the pool is collected (and its tmp/ swept)
    assert not half.exists() and pool.verify(sha)


def test_backup_record_of_a_database_without_files_has_no_pool(demo_db: Database) -> None:
    outcome = backup.backup(demo_db.url)
    assert outcome.files is not None and outcome.files.needed == 0 and outcome.files.messages() == []
    assert not (outcome.path.parent / "files").exists()
    record = json.loads(record_path(outcome.path).read_text(encoding="utf-8"))
    assert "files" not in record
