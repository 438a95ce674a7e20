"""The backups' own file pool: `backups/files/objects/ab/<sha256>`, shared by every copy in that folder.

A backup's database copy names the files it needs (its `stored_files` rows); the pool holds each file
once, whichever copies need it, so a backup copies only the files that are new since the last one,
never the whole store again. The same layout as the live store (services/attachments/store.py), so a
pool can be read as a store.

Every file enters the pool the way the live store writes: into `tmp/` under a temporary name, hashed
while it is copied (a source that no longer matches its name is refused, never copied in), flushed
(fsync), renamed into `objects/` and its folder flushed. A killed backup leaves at most a
`….partial` file in `tmp/`: never a file under a hash it does not have. Re-reading the file after the
copy would read the operating system's cache, not the disk, so it would prove nothing more than the
hash taken while copying; what the disk really holds is what `check`'s pass over a store compares.

Retention removes database copies; `collect` then removes the pool files that no kept copy needs (read
from the kept copies themselves). Adding and collecting hold the pool's lock (`.lock`), so a counter
backing up into the same folder while another collects never loses a file its copy needs.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from onestop_desktop.db.migrate import PARTIAL, STALE_PARTIAL_S
from onestop_desktop.services.attachments.store import FolderStore
from onestop_desktop.services.safety.backup_files import is_damaged_name
from onestop_desktop.services.safety.store_location import files_of_copy

log = logging.getLogger(__name__)

POOL = "files"  # beside the database copies: backups/files/
LOCK = ".lock"
BLOCK = 1 << 20


def pool_of(folder: Path) -> FolderStore:
    return FolderStore(folder / POOL)


class HashMismatch(Exception):
    """The source's bytes do not have the hash they are stored under: it is damaged."""


@contextmanager
def locked(pool: FolderStore) -> Iterator[None]:
    """Hold the pool's lock (one process adds or collects at a time); a lock the file system cannot
    give (some network shares) is not waited for: the order of the steps keeps the pool whole anyway."""
    pool.root.mkdir(parents=True, exist_ok=True)
    fh = open(pool.root / LOCK, "a+b")  # noqa: SIM115 - closed below, after the unlock
    try:
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_LOCK, 1)  # type: ignore[attr-defined,unused-ignore]
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        except OSError as exc:
            log.warning("pool lock unavailable on %s: %s", pool.root, exc)
        yield
    finally:
        fh.close()  # closing releases flock and msvcrt locks


def fsync_folder(folder: Path) -> None:
    """Flush a folder's entries (the renames into it) to the disk; not possible on Windows (no-op)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def copy_verified(
    source: Path, store: FolderStore, sha: str, *, replace: bool = False, flush_folder: bool = True
) -> int:
    """Copy `source` into `store` under `sha` (tmp, hash while copying, fsync, rename, fsync the folder).

    Returns the bytes copied. Raises HashMismatch (nothing is written) when the bytes read do not have
    that hash, OSError when the target cannot be written. An existing file is kept unless `replace`.
    `flush_folder=False` leaves the folder's fsync to the caller (once per folder for many files).
    """
    target = store.path(sha)
    if target.is_file() and not replace:
        return 0
    store.tmp.mkdir(parents=True, exist_ok=True)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = store.tmp / f"{sha}.{os.getpid()}.{secrets.token_hex(4)}{PARTIAL}"
    digest = hashlib.sha256()
    copied = 0
    try:
        with open(source, "rb") as src, open(partial, "wb") as out:
            for block in iter(lambda: src.read(BLOCK), b""):
                digest.update(block)
                out.write(block)
                copied += len(block)
            out.flush()
            os.fsync(out.fileno())
        if digest.hexdigest() != sha:
            raise HashMismatch(sha)
        os.replace(partial, target)  # atomic: the file appears under its name whole, or not at all
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if flush_folder:
        fsync_folder(target.parent)
    return copied


@dataclass(frozen=True)
class Added:
    """What `add` did: files the copy needs, already in the pool, copied now, and those it could not."""

    needed: int
    present: int
    copied: int
    bytes_copied: int
    missing: tuple[str, ...] = ()  # in no source
    damaged: tuple[str, ...] = ()  # every source's bytes differ from the hash


def present_in(store: FolderStore, sha: str, size: int) -> bool:
    """The file is there at its recorded size (its hash is what `check` recomputes)."""
    try:
        return store.path(sha).stat().st_size == size
    except OSError:
        return False


def add(pool: FolderStore, needs: dict[str, int], sources: Callable[[str], list[Path]]) -> Added:
    """Copy into `pool` each needed file it lacks, from the first source whose bytes have the right hash.

    The caller holds the pool's lock. An OSError on the pool (full, unplugged) is raised to the caller.
    """
    present = copied = copied_bytes = 0
    missing: list[str] = []
    damaged: list[str] = []
    touched: set[Path] = set()
    for sha, size in needs.items():
        if present_in(pool, sha, size):
            present += 1
            continue
        candidates = [p for p in sources(sha) if p.is_file()]
        if not candidates:
            missing.append(sha)
            continue
        for candidate in candidates:
            try:
                copied_bytes += copy_verified(candidate, pool, sha, replace=True, flush_folder=False)
                copied += 1
                touched.add(pool.path(sha).parent)
                break
            except HashMismatch:
                continue
        else:
            damaged.append(sha)
    for folder in sorted(touched):  # the renames reach the disk before the record says "complete"
        fsync_folder(folder)
    return Added(len(needs), present, copied, copied_bytes, tuple(missing), tuple(damaged))


def kept_copies(folder: Path) -> list[Path]:
    """The database copies in `folder` that count (damaged ones, in `damaged/`, do not)."""
    return [p for p in folder.glob("*.sqlite3") if p.is_file() and not is_damaged_name(p)]


def sweep_tmp(pool: FolderStore, older_than_s: float = STALE_PARTIAL_S) -> int:
    """Remove what killed copies left in the pool's `tmp/` (old enough that nobody is writing it)."""
    if not pool.tmp.is_dir():
        return 0
    limit = time.time() - older_than_s
    removed = 0
    for leftover in pool.tmp.iterdir():
        try:
            if leftover.is_file() and leftover.stat().st_mtime < limit:
                leftover.unlink()
                removed += 1
        except OSError:
            continue
    return removed


def collect(folder: Path) -> tuple[int, int]:
    """Remove the pool files no kept copy in `folder` needs; returns (files, bytes) removed.

    When any kept copy cannot be read, nothing is removed: what it needs is unknown, and the pool only
    grows until that copy is removed or readable again.
    """
    pool = pool_of(folder)
    if not pool.objects.is_dir():
        return 0, 0
    with locked(pool):
        needed: set[str] = set()
        for copy in kept_copies(folder):
            try:
                needed |= set(files_of_copy(copy).needs)
            except (sqlite3.Error, SQLAlchemyError, OSError) as exc:
                log.warning("pool of %s not collected: %s unreadable (%s)", folder, copy.name, exc)
                return 0, 0
        removed = removed_bytes = 0
        for sha in list(pool.shas()):
            if sha in needed:
                continue
            path = pool.path(sha)
            try:
                size = path.stat().st_size
                path.unlink()
            except OSError:
                continue
            removed += 1
            removed_bytes += size
        sweep_tmp(pool)
    return removed, removed_bytes
