"""`check` of the file store: a flipped byte, a missing file, a stray file and a tmp leftover are found;
missing or damaged files are errors, stray ones are reported and removed on request; files kept in the
database are verified in their `content` column; `--repair` brings files back from the backups."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.store_check import check_store, remove_orphans

from .scans import age, attach_scan, scan_bytes, store_of


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _flip(path: Path, offset: int = 100) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


def test_a_sound_store_is_reported_with_vietnamese_numbers(demo_db: Database) -> None:
    for i in range(3):
        attach_scan(demo_db, scan_bytes(i, 1_234_567), dossier=i)
    report = check_store(demo_db.url)
    assert report.ok and report.files == 3 and not report.orphans and not report.leftovers
    root = store_of(demo_db).root
    assert report.lines("vi") == [f"Kho tệp {root}: 3 tệp (3,7 MB) đều khớp mã SHA-256 của mình."]
    assert report.lines("en") == [
        f"File store {store_of(demo_db).root}: all 3 files (3.7 MB) match their SHA-256."
    ]


def test_check_finds_a_flipped_byte_a_missing_file_an_orphan_and_a_leftover(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    shas = [attach_scan(demo_db, scan_bytes(i), name=f"trang {i}.pdf", dossier=i) for i in range(4)]
    store = store_of(demo_db)
    _flip(store.path(shas[0]))  # same size, one bit changed: only the hash can tell
    store.path(shas[1]).unlink()
    orphan = store.put(scan_bytes(99))  # a file whose row was never committed (a killed save)
    store.tmp.mkdir(exist_ok=True)
    leftover = store.tmp / f"{'ab' * 32}.4242.partial"  # killed before its rename
    leftover.write_bytes(b"half a scan")

    report = check_store(demo_db.url)
    assert not report.ok
    assert [p.sha256 for p in report.damaged] == [shas[0]]
    assert [p.sha256 for p in report.missing] == [shas[1]]
    assert report.missing[0].names[0].endswith(": trang 1.pdf")  # the dossier's code and the file's name
    assert [p.name for p in report.orphans] == [orphan] and report.leftovers == (leftover,)

    assert main(["check", "--database", str(_file(demo_db))]) == 1
    out = capsys.readouterr().out
    assert "Cơ sở dữ liệu nguyên vẹn" in out  # the database itself is fine
    assert "Thiếu 1 tệp" in out and "Hỏng 1 tệp" in out and "trang 1.pdf" in out
    assert "1 tệp thừa" in out and "1 tệp tạm còn sót" in out and "--remove-orphans" in out
    assert main(["--lang", "en", "check", "--database", str(_file(demo_db))]) == 1
    out = capsys.readouterr().out
    assert "1 file is missing" in out and "1 file is damaged" in out and "1 stray file" in out
    assert "Tệp" not in out and "Traceback" not in out
    # the quick check sees the missing file, not the flipped bit (sizes only)
    quick = check_store(demo_db.url, quick=True)
    assert [p.sha256 for p in quick.missing] == [shas[1]] and not quick.damaged


def test_orphans_alone_are_not_an_error_and_are_removed_on_request(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    kept = attach_scan(demo_db, scan_bytes(1))
    store = store_of(demo_db)
    old, young = store.put(scan_bytes(2)), store.put(scan_bytes(3))
    age(store.path(old), 7200)
    store.tmp.mkdir(exist_ok=True)
    leftover = store.tmp / "x.partial"
    leftover.write_bytes(b"x")
    age(leftover, 7200)
    path = str(_file(demo_db))
    assert main(["check", "--database", path]) == 0  # reported, harmless
    assert "2 tệp thừa" in capsys.readouterr().out
    assert main(["check", "--remove-orphans", "--database", path]) == 0
    out = capsys.readouterr().out
    assert "Đã xóa 2 tệp thừa và tệp tạm" in out and "Chưa xóa 1 tệp mới ghi" in out
    assert not store.has(old) and store.has(young) and not leftover.exists() and store.has(kept)
    # an orphan that a counter names in the meantime is never removed
    report = check_store(demo_db.url)
    age(store.path(young), 7200)
    attach_scan(demo_db, store.read(young))  # the same bytes: the row now names the "orphan"
    assert remove_orphans(demo_db.url, report).files == 0 and store.has(young)
    assert check_store(demo_db.url).ok and not check_store(demo_db.url).orphans


def test_files_kept_in_the_database_are_verified_in_their_content_column(demo_db: Database) -> None:
    sha = attach_scan(demo_db, scan_bytes(5), in_database=True)
    attach_scan(demo_db, scan_bytes(6), in_database=True)
    assert check_store(demo_db.url).ok and check_store(demo_db.url).files == 2
    demo_db.engine.dispose()
    conn = sqlite3.connect(_file(demo_db))
    blob = bytearray(conn.execute("SELECT content FROM stored_files WHERE sha256 = ?", (sha,)).fetchone()[0])
    blob[50] ^= 0x01
    conn.execute("UPDATE stored_files SET content = ? WHERE sha256 = ?", (bytes(blob), sha))
    conn.commit()
    conn.close()
    report = check_store(demo_db.url)
    assert [p.sha256 for p in report.damaged] == [sha] and not report.missing


def test_repair_brings_missing_and_damaged_files_back_from_the_backups(
    demo_db: Database, capsys: pytest.CaptureFixture[str]
) -> None:
    shas = [attach_scan(demo_db, scan_bytes(i), dossier=i) for i in range(3)]
    backup.backup(demo_db.url)
    lost = attach_scan(demo_db, scan_bytes(9))  # after the backup: no backup holds it
    store = store_of(demo_db)
    _flip(store.path(shas[0]))
    store.path(shas[1]).unlink()
    store.path(lost).unlink()
    path = str(_file(demo_db))
    assert main(["check", "--repair", "--database", path]) == 1  # one file is in no backup
    out = capsys.readouterr().out
    assert "Đã đưa lại 2 tệp từ kho sao lưu" in out and "1 tệp không có trong kho sao lưu nào" in out
    assert lost[:12] in out
    report = check_store(demo_db.url)
    assert [p.sha256 for p in report.missing] == [lost] and not report.damaged
    assert store.verify(shas[0]) and store.verify(shas[1])
