"""The content-addressed store: a file appears under its hash whole or not at all; a killed write
leaves only tmp/; identical content is kept once; where the store is, by database and setting."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from onestop_desktop.services.attachments.store import FolderStore, default_root, folder_for, sha256_of

REPO = Path(__file__).resolve().parents[2]
# A child process that starts a put and is killed (SIGKILL: no handler, no clean-up runs) right after
# the bytes are on the disk and before the rename that would make them a stored file.
KILLED_WRITER = """
import os, signal, sys
from pathlib import Path
from onestop_desktop.services.attachments import store
def die(src, dst):
    os.kill(os.getpid(), signal.SIGKILL)
store.os.replace = die
store.FolderStore(Path(sys.argv[1])).put(b"scan bytes " * 100_000)
"""


def test_put_names_the_file_by_its_hash_and_keeps_it_once(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "x.files")
    data = b"%PDF-1.4 one scan"
    sha = store.put(data)
    assert sha == hashlib.sha256(data).hexdigest()
    assert store.path(sha) == tmp_path / "x.files" / "objects" / sha[:2] / sha
    assert store.read(sha) == data and store.verify(sha)
    mtime = store.path(sha).stat().st_mtime_ns
    assert store.put(data) == sha  # stored already: not written again
    assert store.path(sha).stat().st_mtime_ns == mtime
    assert list(store.shas()) == [sha]
    assert list(store.tmp.iterdir()) == []  # nothing left half-way


def test_a_killed_write_leaves_only_tmp(tmp_path: Path) -> None:
    root = tmp_path / "office.files"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(
        [sys.executable, "-c", KILLED_WRITER, str(root)], env=env, cwd=REPO, capture_output=True, timeout=60
    )
    assert done.returncode == -signal.SIGKILL, done.stderr
    store = FolderStore(root)
    assert list(store.shas()) == []  # no file under a hash: nothing a row could count
    leftovers = list(store.tmp.iterdir())
    assert len(leftovers) == 1 and leftovers[0].name.endswith(".partial")
    assert leftovers[0].stat().st_size == len(b"scan bytes " * 100_000)  # flushed, never renamed


def test_a_failed_write_cleans_its_tmp_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from onestop_desktop.services.attachments import store as store_module

    def full_disk(fd: int) -> None:
        raise OSError(28, "No space left on device")

    store = FolderStore(tmp_path / "s")
    monkeypatch.setattr(store_module.os, "fsync", full_disk)
    with pytest.raises(OSError):
        store.put(b"x" * 1000)
    assert list(store.shas()) == [] and list(store.tmp.iterdir()) == []


def test_two_threads_storing_the_same_scan(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "s")
    data = os.urandom(2_000_000)
    errors: list[BaseException] = []

    def put() -> None:
        try:
            store.put(data)
        except BaseException as exc:  # pragma: no cover - the failure the test looks for
            errors.append(exc)

    threads = [threading.Thread(target=put) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert list(store.shas()) == [sha256_of(data)] and store.verify(sha256_of(data))
    assert list(store.tmp.iterdir()) == []


def test_verify_finds_a_changed_file(tmp_path: Path) -> None:
    store = FolderStore(tmp_path / "s")
    sha = store.put(b"original")
    store.path(sha).write_bytes(b"altered!")
    assert not store.verify(sha)
    with pytest.raises(ValueError):
        store.path("../../etc/passwd")


def test_where_the_store_is(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    assert default_root(url) == tmp_path / "office.files"
    beside = folder_for(url, "")
    assert beside is not None and beside.root == tmp_path / "office.files"
    shared = folder_for(url, "kho-chung")
    assert (
        shared is not None and shared.root == tmp_path / "kho-chung"
    )  # relative: from the database's folder
    assert folder_for(url, "database") is None
    assert folder_for("sqlite://", "") is None  # in memory: the bytes go into the database
    assert folder_for("postgresql://u@h/x", "") is None  # a server names no folder: in the database
    mounted = folder_for("postgresql://u@h/x", str(tmp_path / "share"))
    assert mounted is not None and mounted.root == tmp_path / "share"
