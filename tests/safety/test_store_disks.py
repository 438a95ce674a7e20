"""A second folder (USB stick) with room for the database copy but not for the new scans: the backup
still counts, the files' failure is said with its real cause, and no half file is left in the pool."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.store_pool import pool_of

from .disks import files_under, tmpfs
from .scans import attach_scan, scan_bytes


def test_a_full_stick_keeps_the_database_copy_and_says_the_files_did_not_fit(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(4):
        attach_scan(demo_db, scan_bytes(i, 3_000_000), dossier=i)
    db_file = sqlite_file(demo_db.url)
    assert db_file is not None
    with tmpfs(tmp_path / "usb", 30) as usb:  # the 24 MB copy fits, 12 MB of scans do not
        outcome = backup.backup(demo_db.url, also_to=usb)
        assert outcome.second_copy is not None and outcome.second_copy.exists()
        files = outcome.second_files
        assert files is not None and files.problem is not None and not files.complete
        assert "đã đầy" in files.problem.text("vi") and "is full" in files.problem.text("en")
        assert not [f for f in files_under(usb) if ".partial" in f]  # the failed file was thrown away
        assert outcome.files is not None and outcome.files.complete  # the main pool is whole
        assert len(list(pool_of(backup.default_folder(db_file)).shas())) == 4
        outcome.second_copy.unlink()  # room for the next database copy again, not for every scan
        assert main(["backup", "--to", str(usb), "--database", str(db_file)]) == 1
        captured = capsys.readouterr()
        assert "Đã sao lưu vào" in captured.out and "Không chép được tệp đính kèm vào" in captured.err
        assert "Traceback" not in captured.err
