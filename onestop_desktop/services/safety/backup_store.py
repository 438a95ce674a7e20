"""The file store in backups and restores: each backup adds the new files to its folder's pool; a restore
brings back into the live store the files its database names (services/safety/store_pool.py).

A backup's record (`<copy>.sqlite3.json`) gains a `files` entry: how many files the copy needs, how many
this backup copied (and their bytes), how many were already in the pool, and whether all of them are
there (`complete`). What a copy needs is always read again from the copy itself (its `stored_files`),
so the record is a report, never the authority.
"""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.sizes import size_text
from onestop_desktop.services.attachments.store import FolderStore
from onestop_desktop.services.safety import causes, store_messages  # noqa: F401 - the messages used here
from onestop_desktop.services.safety.backup_files import read_record, write_record
from onestop_desktop.services.safety.store_check import StoreReport
from onestop_desktop.services.safety.store_location import files_of_copy, folder_for
from onestop_desktop.services.safety.store_messages import short_shas
from onestop_desktop.services.safety.store_pool import (
    HashMismatch,
    add,
    copy_verified,
    locked,
    pool_of,
    present_in,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FilesOutcome:
    """The attached files of one backup copy (in the main folder or the second one)."""

    pool: Path
    needed: int = 0  # files the copy's database names outside its own `content` column
    copied: int = 0  # new files this backup copied into the pool
    bytes_copied: int = 0
    present: int = 0  # already in the pool (copied by an earlier backup)
    missing: tuple[str, ...] = ()  # named, found in no source: not in this backup
    damaged: tuple[str, ...] = ()  # the source's bytes no longer match their hash: not copied
    removed: int = 0  # pool files that no kept copy needs any more, removed after retention
    removed_bytes: int = 0
    problem: Msg | None = None  # the pool could not be written (full disk, unplugged stick)

    @property
    def complete(self) -> bool:
        return not self.missing and not self.damaged and self.problem is None

    def messages(self) -> list[Msg]:
        """What the backup says about its files (nothing when the database names none)."""
        said: list[Msg] = []
        if self.needed and self.problem is None:
            said.append(
                msg(
                    "safety.backup.files",
                    n=self.copied,
                    size=size_text(self.bytes_copied),
                    pool=str(self.pool),
                    present=self.present,
                )
            )
        if self.problem is not None:
            said.append(self.problem)
        if self.missing:
            said.append(msg("safety.backup.files-missing", n=len(self.missing)))
        if self.damaged:
            said.append(msg("safety.backup.files-damaged", n=len(self.damaged)))
        if self.removed:
            said.append(
                msg("safety.backup.files-removed", n=self.removed, size=size_text(self.removed_bytes))
            )
        return said


def _problem(exc: OSError, folder: Path) -> Msg:
    why = causes.explain(exc, folder)
    words = why.msg if why is not None and why.msg is not None else f"{exc.strerror or exc}."
    return msg("safety.backup.files-failed", folder=str(folder), why=words)


def _note(copy: Path, outcome: FilesOutcome) -> None:
    """Add the files' figures to the copy's record (best effort: the record is a report)."""
    record = read_record(copy)
    if record is None:
        return
    record["files"] = {
        "needed": outcome.needed,
        "copied": outcome.copied,
        "bytes_copied": outcome.bytes_copied,
        "present": outcome.present,
        "missing": list(outcome.missing[:20]),
        "damaged": list(outcome.damaged[:20]),
        "complete": outcome.complete,
    }
    try:
        write_record(copy, record)
    except OSError as exc:
        log.warning("record of %s not updated: %s", copy, exc)


def _add_for(
    copy: Path, folder: Path, sources: Callable[[str], list[Path]], needs: dict[str, int]
) -> FilesOutcome:
    pool = pool_of(folder)
    if not needs:
        return FilesOutcome(pool.root)
    try:
        with locked(pool):
            added = add(pool, needs, sources)
    except OSError as exc:
        outcome = FilesOutcome(pool.root, needed=len(needs), problem=_problem(exc, pool.root))
    else:
        outcome = FilesOutcome(
            pool.root,
            added.needed,
            added.copied,
            added.bytes_copied,
            added.present,
            added.missing,
            added.damaged,
        )
    _note(copy, outcome)
    return outcome


def _needs(copy: Path) -> tuple[dict[str, int], str]:
    try:
        found = files_of_copy(copy)
    except (sqlite3.Error, SQLAlchemyError) as exc:  # the copy passed its check: this is unexpected
        log.error("files of %s unreadable: %s", copy, exc)
        return {}, ""
    return found.needs, found.setting


def back_up_files(db_url: str, copy: Path, folder: Path) -> FilesOutcome:
    """Add to `folder`'s pool the files that `copy` (just taken, checked) needs and the pool lacks.

    Never raises for the pool's disk: the database copy is good on its own, so a full or unplugged
    disk becomes the outcome's `problem`, said beside the backup's success.
    """
    needs, setting = _needs(copy)
    live = folder_for(db_url, setting)

    def sources(sha: str) -> list[Path]:
        return [live.path(sha)] if live is not None else []

    return _add_for(copy, folder, sources, needs)


def back_up_second(db_url: str, first: Path, second: Path, main_folder: Path) -> FilesOutcome:
    """The second folder's pool (a USB stick) gets its copy's files from the main pool, else the store."""
    needs, setting = _needs(second)
    live = folder_for(db_url, setting)
    main = pool_of(main_folder)

    def sources(sha: str) -> list[Path]:
        return [main.path(sha)] + ([live.path(sha)] if live is not None else [])

    del first  # the same database as `second`: its needs are read from the copy on the stick itself
    return _add_for(second, second.parent, sources, needs)


def with_removed(outcome: FilesOutcome, removed: tuple[int, int]) -> FilesOutcome:
    return replace(outcome, removed=removed[0], removed_bytes=removed[1])


@dataclass(frozen=True)
class BroughtBack:
    """Files put back into the live store from backups: for a restore, or `check --repair`."""

    restored: int = 0
    bytes: int = 0
    missing: tuple[str, ...] = ()  # in no pool (or damaged in every one)

    def messages(self, restoring: bool = True) -> list[Msg]:
        said: list[Msg] = []
        if self.restored:
            key = "safety.restore.files" if restoring else "safety.store.repaired"
            said.append(msg(key, n=self.restored))
        if self.missing:
            if restoring:
                said.append(
                    msg("safety.restore.files-missing", n=len(self.missing), shas=short_shas(self.missing))
                )
            else:
                said.append(
                    msg("safety.store.not-repaired", n=len(self.missing), shas=short_shas(self.missing))
                )
        return said


def bring_back(
    live: FolderStore,
    wanted: dict[str, int],
    pools: list[Path],
    *,
    replace_damaged: frozenset[str] = frozenset(),
) -> BroughtBack:
    """Copy into `live` each wanted file it lacks (or, for `replace_damaged`, holds damaged), from the
    first pool whose copy has the right hash. Raises OSError when the live store cannot be written."""
    stores = [pool_of(p) for p in dict.fromkeys(pools)]
    restored = restored_bytes = 0
    missing: list[str] = []
    for sha, size in wanted.items():
        if sha not in replace_damaged and present_in(live, sha, size):
            continue
        for pool in stores:
            source = pool.path(sha)
            if not source.is_file():
                continue
            try:
                restored_bytes += copy_verified(source, live, sha, replace=True)
            except HashMismatch:
                continue
            restored += 1
            break
        else:
            missing.append(sha)
    return BroughtBack(restored, restored_bytes, tuple(missing))


def bring_back_for(db_url: str, backup_file: Path, pools: list[Path]) -> BroughtBack:
    """Before a restore swaps the database: the files `backup_file` names that the live store lacks.

    The files go in before the database that names them (as at the counter: file first, then the row),
    so a restore killed half-way leaves at worst stray files, never rows without their files.
    """
    found = files_of_copy(backup_file)
    if not found.needs:
        return BroughtBack()
    live = folder_for(db_url, found.setting)
    if live is None:  # a server database naming no folder: not restorable here anyway (SQLite only)
        return BroughtBack(missing=tuple(found.needs))
    return bring_back(live, found.needs, [backup_file.parent, *pools])


def repair(report: StoreReport, folders: list[Path]) -> BroughtBack:
    """`check --repair`: put back the missing and damaged files of `report` from the backups' pools.

    A damaged file is replaced in one rename by a copy whose hash is right; the dossiers' data is not
    touched. Files kept in the database's `content` column are not in any pool (the database copy holds
    them): those are restored with the database.
    """
    problems = report.missing + report.damaged
    if not problems:
        return BroughtBack()
    if not report.where:
        return BroughtBack(missing=tuple(p.sha256 for p in problems))
    live = FolderStore(Path(report.where))
    wanted = {p.sha256: p.size for p in problems}
    damaged = frozenset(p.sha256 for p in report.damaged)
    return bring_back(live, wanted, folders, replace_damaged=damaged)
