"""What the file store costs a backup (issue 14, "Speed").

1. A backup after 1,000 new scans: 1,000 generated files of 200 KB (random bytes: scans are already
   compressed, nothing shrinks) attached to the demo office, then `backup.backup()` — the database copy
   with its integrity check, and the 1,000 new files into the pool, each hashed while copied, flushed
   (fsync) and renamed. Beside it, in the same round: a raw copy of the same 1,000 files into an empty
   folder (`shutil.copyfile`, no hash, no fsync: what a clerk's copy by hand costs), the same raw copy
   with one fsync per file (the durability the pool pays for), and the backup of the database alone (no
   new files), so the files' share of the backup shows.

2. The growth of a backup against a store of 10 GB, simulated. Writing 10 GB would take the disk's time
   and space for nothing the measurement needs: what a backup does with a file the pool already holds
   is one stat (present at its recorded size), and that does not depend on the file's bytes. So the
   10 GB are 51,200 `stored_files` rows of 200 KB each (10,485,760,000 bytes as the database records
   them), with a *sparse* file of that apparent size both in the live store and in the backups' pool
   (as earlier backups would have left them; sparse files occupy no disk blocks). Then 100 real new
   scans (200 KB) are attached and one backup is taken. Measured: its time, the bytes it copied into the
   pool (must be the new files only: 100 x 200 KB), the disk blocks the backup folder grew by (the pool's
   new files plus one database copy), and what a full copy of the store would have been (10 GB). The
   pool's sparse files do not have their names' hashes: the backup never re-reads a file it already has
   (that is `check`'s job), so this does not change what is measured.

    .venv/bin/pytest tests/benchmarks/test_bench_backup_store.py --benchmark-only \\
        -o addopts="" -p no:cacheprovider -s
    .venv/bin/python -m tests.benchmarks.test_bench_backup_store   # the table of the last run

Results: /tmp/onestop-bench/backup-store.json.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import statistics
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.db.models import Dossier, User
from onestop_desktop.db.models_files import Attachment, StoredFile
from onestop_desktop.services.attachments.store import FolderStore, default_root
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.store_pool import pool_of

RESULTS = Path("/tmp/onestop-bench/backup-store.json")
SCAN = 200 * 1024
NEW_SCANS = int(os.environ.get("ONESTOP_BENCH_SCANS", "1000"))
ROUNDS = int(os.environ.get("ONESTOP_BENCH_BACKUP_ROUNDS", "3"))
SIMULATED = 51_200  # x 200 KB = 10 GiB-ish (10,485,760,000 bytes)
GROWTH_NEW = 100


def _store(database: Database) -> FolderStore:
    root = default_root(database.url)
    assert root is not None
    return FolderStore(root)


def _scans(n: int) -> Iterator[bytes]:
    for _ in range(n):
        yield os.urandom(SCAN)


def _attach_many(database: Database, files: list[tuple[str, int]]) -> None:
    """Rows for files already in the store: one transaction, attachments spread over the dossiers."""
    now = now_local().replace(tzinfo=None)
    with session_scope(database.factory) as s:
        ids = list(s.scalars(select(Dossier.id).order_by(Dossier.id)))
        user = s.scalar(select(User.id).order_by(User.id).limit(1))
        assert user is not None
        s.add_all(
            StoredFile(sha256=sha, size=size, media_type="application/pdf", pages=1, stored_at=now)
            for sha, size in files
        )
        s.flush()
        s.add_all(
            Attachment(
                dossier_id=ids[i % len(ids)],
                role="document",
                document=1,
                name=f"scan {i}.pdf",
                sha256=sha,
                added_at=now,
                added_by=user,
            )
            for i, (sha, _) in enumerate(files)
        )


def _new_scans(database: Database, n: int) -> list[str]:
    store = _store(database)
    files = [(store.put(data), len(data)) for data in _scans(n)]
    _attach_many(database, files)
    return [sha for sha, _ in files]


def _raw_copy(store: FolderStore, shas: list[str], target: Path, fsync: bool) -> None:
    target.mkdir(parents=True)
    for sha in shas:
        out = target / sha
        shutil.copyfile(store.path(sha), out)
        if fsync:
            fd = os.open(out, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)


def _blocks(folder: Path) -> int:
    """Bytes the folder really occupies on the disk (allocated blocks, as `du` counts them)."""
    return sum(p.stat().st_blocks * 512 for p in folder.rglob("*") if p.is_file())


def _drop_copies(folder: Path) -> None:
    """Keep retention out of the timings: the previous round's database copies go (the pool stays)."""
    for p in folder.glob("*.sqlite3*"):
        p.unlink()


def _write(section: str, entry: dict[str, Any]) -> None:
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data[section] = {**entry, "at": time.strftime("%Y-%m-%d %H:%M:%S")}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(data, indent=1))


def test_backup_after_1000_new_scans_vs_raw_copy(benchmark: Any, demo_db: Database, tmp_path: Path) -> None:
    store = _store(demo_db)
    folder = backup.default_folder(sqlite_file(demo_db.url) or Path())
    backup.backup(demo_db.url, prune_old=False)  # warm: the database's first copy, the pool folder
    times: dict[str, list[float]] = {"raw copy": [], "raw copy + fsync": [], "database only": []}
    copied: list[int] = []
    pending: list[list[str]] = []

    def setup() -> None:
        _drop_copies(folder)
        t = time.perf_counter()
        backup.backup(demo_db.url, prune_old=False)  # nothing new: the database copy alone
        times["database only"].append(time.perf_counter() - t)
        _drop_copies(folder)
        shas = _new_scans(demo_db, NEW_SCANS)
        n = len(times["raw copy"])
        for name, sync in (("raw copy", False), ("raw copy + fsync", True)):
            t = time.perf_counter()
            _raw_copy(store, shas, tmp_path / f"{name.replace(' ', '-')}-{n}", sync)
            times[name].append(time.perf_counter() - t)
        pending.append(shas)

    def run() -> None:
        outcome = backup.backup(demo_db.url, prune_old=False)
        assert outcome.files is not None
        copied.append(outcome.files.copied)

    benchmark.pedantic(run, setup=setup, rounds=ROUNDS, iterations=1)
    assert copied == [NEW_SCANS] * ROUNDS  # each backup copied exactly the new scans, never the old ones
    pool = pool_of(folder)
    for sha in pending[-1][:20]:
        assert pool.verify(sha)
    backup_s = benchmark.stats.stats.median
    entry = {
        "scans": NEW_SCANS,
        "scan_kb": SCAN // 1024,
        "backup_s": round(backup_s, 3),
        **{f"{name}_s": round(statistics.median(v), 3) for name, v in times.items()},
        "files_share_s": round(backup_s - statistics.median(times["database only"]), 3),
        "mb_per_s": round(NEW_SCANS * SCAN / 1e6 / backup_s, 1),
        "rounds": ROUNDS,
    }
    benchmark.extra_info.update(entry)
    _write("after_new_scans", entry)
    print("\n" + json.dumps(entry, indent=1))


def _sparse(store: FolderStore, sha: str, size: int) -> None:
    path = store.path(sha)
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as fh:
        fh.truncate(size)


def test_growth_of_a_backup_against_a_simulated_10_gb_store(
    benchmark: Any, demo_db: Database, tmp_path: Path
) -> None:
    store = _store(demo_db)
    db_file = sqlite_file(demo_db.url)
    assert db_file is not None
    folder = backup.default_folder(db_file)
    pool = pool_of(folder)
    fake = [(hashlib.sha256(f"simulated {i}".encode()).hexdigest(), SCAN) for i in range(SIMULATED)]
    t = time.perf_counter()
    for sha, size in fake:
        _sparse(store, sha, size)
        _sparse(pool, sha, size)  # as the earlier backups left them in the pool
    _attach_many(demo_db, fake)
    prepare_s = time.perf_counter() - t
    simulated_bytes = SIMULATED * SCAN
    backup.backup(demo_db.url, prune_old=False)  # the "earlier backup": copies nothing (all present)
    _drop_copies(folder)
    before = _blocks(folder)
    outcomes: list[backup.BackupOutcome] = []

    def setup() -> None:
        _drop_copies(folder)
        _new_scans(demo_db, GROWTH_NEW)

    def run() -> None:
        outcomes.append(backup.backup(demo_db.url, prune_old=False))

    benchmark.pedantic(run, setup=setup, rounds=1, iterations=1)
    outcome = outcomes[-1]
    assert outcome.files is not None
    grown = _blocks(folder) - before
    db_copy = outcome.path.stat().st_blocks * 512
    assert outcome.files.copied == GROWTH_NEW and outcome.files.bytes_copied == GROWTH_NEW * SCAN
    assert outcome.files.present == SIMULATED
    assert grown < db_copy + 2 * GROWTH_NEW * SCAN  # the new files and one database copy, nothing more
    entry = {
        "simulated_files": SIMULATED,
        "simulated_gb": round(simulated_bytes / 1e9, 2),
        "new_files": GROWTH_NEW,
        "backup_s": round(benchmark.stats.stats.median, 3),
        "bytes_copied_into_pool": outcome.files.bytes_copied,
        "backup_folder_grew_bytes": grown,
        "of_which_database_copy_bytes": db_copy,
        "full_copy_would_be_bytes": simulated_bytes + GROWTH_NEW * SCAN,
        "prepare_s": round(prepare_s, 1),
    }
    benchmark.extra_info.update(entry)
    _write("growth_10gb", entry)
    print("\n" + json.dumps(entry, indent=1))


def table(data: dict[str, Any]) -> str:
    a, g = data.get("after_new_scans", {}), data.get("growth_10gb", {})
    lines = ["| Measure | Value |", "|---|---|"]
    if a:
        lines += [
            f"| Backup after {a['scans']} new scans of {a['scan_kb']} KB | {a['backup_s']} s |",
            f"| … of which the database copy alone | {a['database only_s']} s |",
            f"| Raw copy of the same files (no fsync) | {a['raw copy_s']} s |",
            f"| Raw copy with one fsync per file | {a['raw copy + fsync_s']} s |",
        ]
    if g:
        lines += [
            f"| Backup with {g['new_files']} new files against {g['simulated_gb']} GB | {g['backup_s']} s |",
            f"| Bytes copied into the pool | {g['bytes_copied_into_pool']:,} |",
            f"| Backup folder grew by (disk blocks) | {g['backup_folder_grew_bytes']:,} |",
            f"| … of which the database copy | {g['of_which_database_copy_bytes']:,} |",
            f"| A full copy each time would be | {g['full_copy_would_be_bytes']:,} |",
        ]
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(json.loads(RESULTS.read_text())))
