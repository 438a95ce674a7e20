"""`check` for the file store: every stored file against its SHA-256; the missing, stray and leftover ones.

- missing: a `stored_files` row whose file is not in the store (nor in its `content` column);
- damaged: a file whose bytes no longer have its name's hash (read in 1 MB blocks, never whole), or
  whose size differs from the recorded one; in the database store, the `content` column's bytes;
- orphans: files in `objects/` that no `stored_files` row names (a write killed between the file's
  rename and the row's commit leaves one: harmless, and never counted);
- leftovers: files in `tmp/` (a write killed before its rename).

Missing and damaged files are errors (the `check` command exits non-zero); orphans and leftovers are
reported, and `remove_orphans` removes those older than an hour (a younger one may belong to a save in
progress at another counter: its row is about to be committed), after asking the database again.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection

from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.sizes import size_text
from onestop_desktop.services.attachments.store import FolderStore
from onestop_desktop.services.safety import store_messages  # noqa: F401 - defines the messages used here
from onestop_desktop.services.safety.store_location import (
    content_of,
    folder_for,
    has_files_table,
    named_files,
    names_of,
    reading,
    still_named,
    store_setting,
)

GRACE_S = 3600  # an orphan or a tmp file younger than this may be a save in progress
SHOWN = 20  # problems listed by name; the count says how many there are in all

Progress = Callable[[int, int], None]  # (files checked, files in all)


@dataclass(frozen=True)
class FileProblem:
    sha256: str
    size: int
    names: tuple[str, ...]  # "CODE: file name" of the live attachments using it


@dataclass(frozen=True)
class StoreReport:
    """What the check of the store found; `ok` is False when a file is missing or damaged."""

    where: str  # the store's folder, or "" for files kept in the database
    files: int = 0
    bytes: int = 0
    missing: tuple[FileProblem, ...] = ()
    damaged: tuple[FileProblem, ...] = ()
    orphans: tuple[Path, ...] = ()
    orphan_bytes: int = 0
    leftovers: tuple[Path, ...] = ()
    quick: bool = False
    no_folder: bool = False  # a server database whose setting names no folder

    @property
    def ok(self) -> bool:
        return not self.missing and not self.damaged

    def messages(self) -> list[Msg]:
        """The findings as message ids (headings, then one line per file, then what to do)."""
        where: object = self.where or msg("safety.store.in-database")
        said: list[Msg] = []
        if self.no_folder:
            said.append(msg("safety.store.no-folder"))
        if not self.files:
            said.append(msg("safety.store.empty", where=where))
        elif self.ok:
            key = "safety.store.sound-quick" if self.quick else "safety.store.sound"
            said.append(msg(key, where=where, n=self.files, size=size_text(self.bytes)))
        else:
            said.append(msg("safety.store.checked", where=where, n=self.files, size=size_text(self.bytes)))
        for key, problems in (("safety.store.missing", self.missing), ("safety.store.damaged", self.damaged)):
            if problems:
                said.append(msg(key, n=len(problems)))
                said += [_line(p) for p in problems[:SHOWN]]
        if not self.ok:
            said.append(msg("safety.store.what-to-do"))
        if self.orphans:
            said.append(msg("safety.store.orphans", n=len(self.orphans), size=size_text(self.orphan_bytes)))
        if self.leftovers:
            folder = str(Path(self.where) / "tmp") if self.where else "tmp/"
            said.append(msg("safety.store.leftovers", n=len(self.leftovers), folder=folder))
        return said

    def lines(self, language: str = "vi") -> list[str]:
        return [m.text(language) for m in self.messages()]


def _line(problem: FileProblem) -> Msg:
    names: object = "; ".join(problem.names) if problem.names else msg("safety.store.no-dossier")
    return msg("safety.store.file", names=names, sha=problem.sha256[:12], size=size_text(problem.size))


def _intact(data: bytes, sha: str, size: int) -> bool:
    return len(data) == size and hashlib.sha256(data).hexdigest() == sha


def _file_state(store: FolderStore, sha: str, size: int, quick: bool) -> str:
    """ "ok", "missing" or "damaged" for one file of a folder store (hashed in blocks by `verify`)."""
    path = store.path(sha)
    try:
        actual = path.stat().st_size
    except OSError:
        return "missing"
    if actual != size:
        return "damaged"
    if quick:
        return "ok"
    return "ok" if store.verify(sha) else "damaged"


def _strays(store: FolderStore, named: set[str]) -> tuple[list[Path], int, list[Path]]:
    orphans = [store.path(sha) for sha in store.shas() if sha not in named]
    orphan_bytes = 0
    for path in orphans:
        try:
            orphan_bytes += path.stat().st_size
        except OSError:
            continue
    leftovers = sorted(p for p in store.tmp.iterdir() if p.is_file()) if store.tmp.is_dir() else []
    return orphans, orphan_bytes, leftovers


def check_connection(
    conn: Connection, db_url: str, *, quick: bool = False, progress: Progress | None = None
) -> StoreReport:
    """Check the store of the database read through `conn` (see the module's docstring)."""
    setting = store_setting(conn)
    store = folder_for(db_url, setting)
    where = str(store.root) if store is not None else ""
    if not has_files_table(conn):
        return StoreReport(where, quick=quick)
    rows = list(named_files(conn))
    bad: dict[str, list[tuple[str, int]]] = {"missing": [], "damaged": []}
    total = 0
    no_folder = False
    for i, row in enumerate(rows):
        total += row.size
        if row.in_database:
            data = content_of(conn, row.sha256)
            state = "ok" if data is not None and (quick or _intact(data, row.sha256, row.size)) else "damaged"
        elif store is None:
            state, no_folder = "missing", setting == ""
        else:
            state = _file_state(store, row.sha256, row.size, quick)
        if state != "ok":
            bad[state].append((row.sha256, row.size))
        if progress is not None and i % 50 == 0:
            progress(i, len(rows))
    names = names_of(conn, [sha for found in bad.values() for sha, _ in found[:SHOWN]])

    def problems(state: str) -> tuple[FileProblem, ...]:
        return tuple(FileProblem(sha, size, tuple(names.get(sha, ()))) for sha, size in bad[state])

    orphans: list[Path] = []
    orphan_bytes = 0
    leftovers: list[Path] = []
    if store is not None:
        orphans, orphan_bytes, leftovers = _strays(store, {r.sha256 for r in rows})
    return StoreReport(
        where,
        len(rows),
        total,
        problems("missing"),
        problems("damaged"),
        tuple(orphans),
        orphan_bytes,
        tuple(leftovers),
        quick,
        no_folder,
    )


def check_store(db_url: str, *, quick: bool = False, progress: Progress | None = None) -> StoreReport:
    """Check the file store of the database at `db_url` (read-only for a SQLite file)."""
    with reading(db_url) as conn:
        return check_connection(conn, db_url, quick=quick, progress=progress)


@dataclass(frozen=True)
class Removed:
    files: int
    bytes: int
    kept_young: int  # written within the grace period: perhaps a save in progress

    def messages(self) -> list[Msg]:
        said = [msg("safety.store.removed", n=self.files, size=size_text(self.bytes))] if self.files else []
        if self.kept_young:
            said.append(msg("safety.store.kept-young", n=self.kept_young))
        return said


def remove_orphans(db_url: str, report: StoreReport, *, grace_s: float = GRACE_S) -> Removed:
    """Remove the report's orphans and leftovers older than `grace_s`, each orphan only if no row names
    it now (the database is asked again: a counter may have committed its row since the check)."""
    limit = time.time() - grace_s
    with reading(db_url) as conn:
        named = still_named(conn, [p.name for p in report.orphans])
    removed = removed_bytes = young = 0
    for path in [*(p for p in report.orphans if p.name not in named), *report.leftovers]:
        try:
            st = path.stat()
            if st.st_mtime >= limit:
                young += 1
                continue
            path.unlink()
        except OSError:
            continue
        removed += 1
        removed_bytes += st.st_size
    return Removed(removed, removed_bytes, young)
