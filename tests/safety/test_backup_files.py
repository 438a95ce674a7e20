"""A backup's files: never a half copy under a real name (killed mid-way), a record beside each good copy
(with the metadata hook), retention that keeps the last good copy, and the power-loss setting."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety import backup, backup_files, integrity, retention

REPO = Path(__file__).resolve().parents[2]
CHILD = {
    "backup": "from onestop_desktop.services.safety import backup; backup.backup('sqlite:///' + sys.argv[1])",
    "safety copy": (
        "from pathlib import Path; from onestop_desktop.db.migrate import safety_copy; "
        "safety_copy(Path(sys.argv[1]), 'before-migration')"
    ),
}


def _file(database: Database) -> Path:
    path = sqlite_file(database.url)
    assert path is not None
    return path


def _kill_while_copying(db_file: Path, kind: str, delay: float) -> None:
    """Start a copy in a child process and SIGKILL it `delay` s after its first file appears."""
    folder = db_file.parent / "backups"
    before = set(folder.iterdir()) if folder.is_dir() else set()
    code = f"import sys; {CHILD[kind]}"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    child = subprocess.Popen([sys.executable, "-c", code, str(db_file)], env=env, cwd=REPO)
    deadline = time.monotonic() + 60
    try:
        while time.monotonic() < deadline and child.poll() is None:
            if folder.is_dir() and set(folder.iterdir()) - before:
                break
            time.sleep(0.0005)
        time.sleep(delay)
    finally:
        child.send_signal(signal.SIGKILL)
        child.wait()
    assert set(folder.iterdir()) - before, "the child was killed before it began to copy"


@pytest.mark.parametrize("kind", ["backup", "safety copy"])
def test_a_killed_copy_leaves_nothing_under_a_real_backup_name(demo_db: Database, kind: str) -> None:
    db_file = _file(demo_db)
    folder = db_file.parent / "backups"
    for delay in (0.0, 0.01, 0.03, 0.06):
        _kill_while_copying(db_file, kind, delay)
        for path in folder.glob("*.sqlite3"):  # a copy that finished before the kill is whole and sound
            assert integrity.check_file(path).ok, (delay, path.name)
        assert not list(folder.glob("*.sqlite3-journal")), delay
    assert backup.list_backups(folder) == [b for b in backup.list_backups(folder) if b.error is None]
    taken = backup.backup(demo_db.url)  # the next backup works beside whatever the kills left
    assert taken.path.exists() and backup_files.checked_good(taken.path)
    left = [p for p in folder.iterdir() if ".partial" in p.name]
    assert left  # kept a while: another process may still be writing them…
    for path in left:
        os.utime(path, (time.time() - 7 * 3600,) * 2)
    backup.backup(demo_db.url)
    assert not [p for p in folder.iterdir() if ".partial" in p.name]  # …then swept by the next backup


def test_each_good_copy_has_a_record_with_the_metadata_hooks(demo_db: Database, tmp_path: Path) -> None:
    def audit_head(db_file: Path, copy: Path) -> str:
        conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
        try:
            return str(conn.execute("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()[0])
        finally:
            conn.close()

    def broken(db_file: Path, copy: Path) -> str:
        raise RuntimeError("no key")

    backup.add_metadata_hook("audit_head", audit_head)
    backup.add_metadata_hook("broken", broken)
    try:
        outcome = backup.backup(demo_db.url, also_to=tmp_path / "usb")
    finally:
        backup_files.remove_metadata_hook("audit_head")
        backup_files.remove_metadata_hook("broken")
    record = json.loads(Path(f"{outcome.path}.json").read_text(encoding="utf-8"))
    assert record["integrity"] == "ok" and record["source"] == str(_file(demo_db))
    assert record["audit_head"] == audit_head(_file(demo_db), _file(demo_db))
    assert "no key" in record["broken"]["error"]  # a failing hook never costs the backup
    assert outcome.second_copy is not None and backup_files.read_record(outcome.second_copy) == record
    assert backup.list_backups(outcome.path.parent)[0].checked


def _copy(folder: Path, at: datetime, reason: str = "auto", good: bool | None = None) -> Path:
    path = folder / f"onestop-{at:%Y%m%d-%H%M%S}-{reason}.sqlite3"
    sqlite3.connect(path).close()
    if good is not None:
        record = backup_files.make_record(path, path, "ok" if good else "damaged", [])
        backup_files.write_record(path, record)
    return path


def test_retention_never_removes_the_last_good_copy(tmp_path: Path) -> None:
    now = datetime(2026, 11, 24, 17, 0)
    last_good = _copy(tmp_path, now - timedelta(days=40), good=True)
    older_good = _copy(tmp_path, now - timedelta(days=41), good=True)
    unchecked = [_copy(tmp_path, now - timedelta(minutes=5 * i)) for i in range(12)]  # no record
    removed = set(retention.prune(tmp_path, "onestop", now=now))
    assert last_good.exists() and Path(f"{last_good}.json").exists()
    assert older_good in removed and not Path(f"{older_good}.json").exists()  # its record goes with it
    assert set(unchecked[:10]) <= {p for p in tmp_path.glob("*.sqlite3")}


def test_damaged_copies_are_not_counted_and_only_the_newest_few_are_kept(tmp_path: Path) -> None:
    now = datetime(2026, 11, 24, 17, 0)
    good = _copy(tmp_path, now - timedelta(days=2), good=True)
    damaged = tmp_path / "damaged"
    damaged.mkdir()
    kept_apart = [
        _copy(damaged, now - timedelta(minutes=i), reason="manual-damaged", good=False) for i in range(12)
    ]
    retention.prune(tmp_path, "onestop", now=now)
    assert good.exists()
    assert sorted(damaged.glob("*.sqlite3")) == sorted(kept_apart[: retention.KEEP_DAMAGED])
    assert [b.path for b in backup.list_backups(tmp_path)] == [good]


def test_the_office_database_waits_for_the_disk_on_every_commit(db: Database) -> None:
    """synchronous=FULL (2): a commit acknowledged before a power cut is still there after it."""
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
