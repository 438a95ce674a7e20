"""A full disk and a read-only disk (a real tmpfs, see disks.py) for backup, restore, check, import and
report: each names the real cause and what to do, never "damaged, restore from a backup", and leaves no
half file under a real name."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from onestop_desktop.cli import main
from onestop_desktop.services.safety import backup, integrity
from onestop_desktop.services.safety import restore as backup_restore
from onestop_desktop.services.safety.causes import DiskFull, ReadOnly
from tests.conftest import login_as
from tests.tracking.test_import import GOOD, _xlsx

from .disks import copy_database, files_under, fill, free_bytes, make_read_only, tmpfs

DEMO_COUNT = 10343
FULL = "đã đầy"  # "the disk … is full"
READ_ONLY = "chỉ cho đọc"
NOT_RESTORE = "Đừng khôi phục bản sao lưu vì lỗi này"
DAMAGED = ("Đừng tiếp tục làm việc", "có lỗi", "bị hỏng (", "bị hỏng:")  # what a damaged file is told


def _not_damaged(text: str) -> bool:
    return not any(words in text for words in DAMAGED)


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Path]:
    """A 48 MB tmpfs holding a copy of the demo office (24 MB) as `onestop.sqlite3`."""
    with tmpfs(tmp_path / "disk", 48) as folder:
        yield folder


@pytest.fixture
def office(disk: Path, demo_db_file: Path) -> Path:
    db_file = disk / "onestop.sqlite3"
    copy_database(demo_db_file, db_file)
    return db_file


def _count(db_file: Path, *, read_only_media: bool = False) -> int:
    # on read-only media a WAL file opens only as immutable (no -shm can be created there)
    conn = sqlite3.connect(f"file:{db_file}?mode=ro{'&immutable=1' if read_only_media else ''}", uri=True)
    try:
        return int(conn.execute("SELECT count(*) FROM dossiers").fetchone()[0])
    finally:
        conn.close()


def _no_half_files(folder: Path) -> None:
    left = [f for f in files_under(folder) if f.endswith((".partial", "-journal")) or ".partial" in f]
    assert left == []


# --- a full disk --------------------------------------------------------------------------------------------


def test_backup_on_a_full_disk_says_full_and_leaves_no_half_copy(
    office: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{office}"
    fill(office.parent, leave=2 << 20)  # 2 MB left: the 24 MB copy cannot fit
    with pytest.raises(DiskFull) as raised:
        backup.backup(url)
    assert FULL in raised.value.message and _not_damaged(raised.value.message)
    assert backup.list_backups(office.parent / "backups") == []
    _no_half_files(office.parent)
    assert main(["backup", "--database", str(office)]) == 2
    err = capsys.readouterr().err
    assert FULL in err and NOT_RESTORE in err
    assert integrity.check(url).ok and _count(office) == DEMO_COUNT


def test_second_copy_on_a_full_stick_keeps_the_main_copy_and_says_full(
    demo_db_file: Path, tmp_path: Path, disk: Path
) -> None:
    db_file = tmp_path / "onestop.sqlite3"
    copy_database(demo_db_file, db_file)
    fill(disk, leave=1 << 20)
    outcome = backup.backup(f"sqlite:///{db_file}", also_to=disk / "usb")
    assert outcome.path.exists() and outcome.second_copy is None
    assert outcome.second_error is not None and FULL in outcome.second_error
    assert not (disk / "usb").exists() or files_under(disk / "usb") == []


def test_restore_onto_a_full_disk_says_full_and_changes_nothing(
    office: Path,
    tmp_path: Path,
    demo_db_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    url = f"sqlite:///{office}"
    source = tmp_path / "elsewhere.sqlite3"  # a good backup on another disk
    copy_database(demo_db_file, source)
    sqlite3.connect(source).execute("PRAGMA journal_mode=DELETE").close()
    from onestop_desktop.bootstrap import open_database

    database = open_database(url)
    leader = login_as(database, "lanhdao")
    database.engine.dispose()
    fill(office.parent, leave=2 << 20)
    with pytest.raises(DiskFull):
        backup_restore.restore(url, source, leader)
    _no_half_files(office.parent)
    assert backup.list_backups(office.parent / "backups") == []  # no torn safety copy under a real name
    assert integrity.check(url).ok and _count(office) == DEMO_COUNT
    assert main(["restore", str(source), "--user", "lanhdao", "--database", str(office)]) == 2
    assert FULL in capsys.readouterr().err


def test_check_on_a_full_disk_says_sound(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fill(office.parent, leave=0)
    assert free_bytes(office.parent) < 64 << 10
    assert main(["check", "--database", str(office)]) == 0
    assert "Cơ sở dữ liệu nguyên vẹn" in capsys.readouterr().out


def test_import_on_a_full_disk_says_full_and_imports_nothing(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    sheet = _xlsx(tmp_path / "so.xlsx", GOOD)
    fill(office.parent, leave=2 << 20)
    code = main(["--database", str(office), "import", "dossiers", "--user", "canbo", str(sheet)])
    captured = capsys.readouterr()
    assert code != 0 and FULL in captured.out + captured.err and _not_damaged(captured.out + captured.err)
    assert _count(office) == DEMO_COUNT
    _no_half_files(office.parent)


def test_report_to_a_full_disk_says_full_and_leaves_no_half_file(
    demo_db_file: Path, tmp_path: Path, disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "onestop.sqlite3"
    copy_database(demo_db_file, db_file)
    fill(disk, leave=16 << 10)
    pdf = disk / "bao-cao.pdf"
    assert main(["report", "--period", "2018-10", "--pdf", str(pdf), "--database", str(db_file)]) == 2
    err = capsys.readouterr().err
    assert FULL in err and str(pdf) in err and "Traceback" not in err
    assert not pdf.exists()


# --- a read-only disk ---------------------------------------------------------------------------------------


def test_backup_restore_check_report_import_on_a_read_only_disk(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "good.sqlite3"
    source.write_bytes(b"")
    copy_database(office, source)
    sqlite3.connect(source).execute("PRAGMA journal_mode=DELETE").close()
    make_read_only(office.parent)
    path = str(office)
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")

    with pytest.raises(ReadOnly):
        backup.backup(f"sqlite:///{office}")
    assert main(["backup", "--database", path]) == 2
    err = capsys.readouterr().err
    assert READ_ONLY in err and NOT_RESTORE in err

    assert main(["check", "--database", path]) == 0  # a read-only file is not a damaged one
    assert "Cơ sở dữ liệu nguyên vẹn" in capsys.readouterr().out

    assert main(["restore", str(source), "--user", "lanhdao", "--database", path]) == 2
    err = capsys.readouterr().err
    assert READ_ONLY in err and _not_damaged(err)

    code = main(["report", "--period", "2018-10", "--database", path])
    captured = capsys.readouterr()
    assert code == 2 and READ_ONLY in captured.err and _not_damaged(captured.err)

    sheet = _xlsx(tmp_path / "so.xlsx", GOOD)
    code = main(["--database", path, "import", "dossiers", "--user", "canbo", str(sheet)])
    captured = capsys.readouterr()
    said = captured.out + captured.err
    assert code != 0 and READ_ONLY in said and _not_damaged(said)
    assert _count(office, read_only_media=True) == DEMO_COUNT


def test_report_into_a_read_only_folder_says_read_only(
    demo_db_file: Path, tmp_path: Path, disk: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db_file = tmp_path / "onestop.sqlite3"
    copy_database(demo_db_file, db_file)
    make_read_only(disk)
    target = disk / "bao-cao.json"
    assert main(["report", "--period", "2018-10", "--json", str(target), "--database", str(db_file)]) == 2
    err = capsys.readouterr().err
    assert READ_ONLY in err and str(target) in err and _not_damaged(err)
