"""Disks that lie: a damaged page, header or tail; a full disk; a read-only file system.

The full and read-only disks are real: a small tmpfs mounted for the test (the tests run as root on the
development machine and in CI), filled with a filler file until the kernel answers ENOSPC, or remounted
read-only (EROFS). Without the right to mount, the test fails with a sentence saying so: it is never
skipped, and never faked with a patched function.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

PAGE = 4096


def settle(db_file: Path) -> None:
    """Move the WAL into the main file, so that damage written to the file is damage SQLite reads."""
    conn = sqlite3.connect(db_file)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    for companion in ("-wal", "-shm"):
        Path(f"{db_file}{companion}").unlink(missing_ok=True)


def overwrite_middle_page(db_file: Path) -> int:
    """Overwrite one 4 KB page in the middle of the file with noise, as a failing sector would."""
    settle(db_file)
    pages = db_file.stat().st_size // PAGE
    page = pages // 2  # 1-based page numbers: this one starts at (page - 1) * PAGE
    with open(db_file, "r+b") as fh:
        fh.seek((page - 1) * PAGE)
        fh.write(b"\x5a" * PAGE)
    return page


def overwrite_header(db_file: Path) -> None:
    settle(db_file)
    with open(db_file, "r+b") as fh:
        fh.write(b"\x5a" * 100)


def truncate(db_file: Path) -> None:
    settle(db_file)
    os.truncate(db_file, db_file.stat().st_size // 8)


DAMAGES = {"page": overwrite_middle_page, "header": overwrite_header, "truncated": truncate}


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy of a (WAL) database file, as the office would have it: WAL mode, no -wal left."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()


def _mount(args: list[str]) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.fail(
            "these tests mount a small tmpfs for a real full or read-only disk; mount refused "
            f"({done.stderr.strip()}): run them as root (as scripts/run-tests.sh does here)"
        )


@contextmanager
def tmpfs(folder: Path, size_mb: int) -> Iterator[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    _mount(["-t", "tmpfs", "-o", f"size={size_mb}m", "tmpfs", str(folder)])
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system under `folder` until the kernel says ENOSPC, then give back `leave` bytes."""
    filler = folder / "filler.bin"
    chunk = b"\0" * (1 << 20)
    with open(filler, "wb") as fh:
        try:
            while True:
                fh.write(chunk)
                fh.flush()
        except OSError as exc:
            assert exc.errno == 28, exc  # ENOSPC: the disk is really full now
    os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def free_bytes(folder: Path) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def make_read_only(folder: Path) -> None:
    """Remount the tmpfs at `folder` read-only: every write under it fails with EROFS."""
    _mount(["-o", "remount,ro", str(folder)])


def files_under(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def sqlite3_tool() -> str:
    tool = shutil.which("sqlite3")
    assert tool, "the sqlite3 command-line tool is needed (apt-get install sqlite3)"
    return tool
