"""The content-addressed file store: a file is named by its SHA-256, as git names its objects.

Layout under the store's root (for a SQLite database `office.sqlite3`: the folder `office.files` beside it):

    objects/ab/ab12…(64 hex)   the file's bytes, never changed once written
    tmp/                       files being written (a killed process leaves them here, never in objects/)

A file is written to tmp/, flushed to the disk (fsync), renamed into objects/ (atomic on one file system),
and its folder is flushed; only then does the caller commit the row that counts it. A killed process can
therefore leave a file that no row names (an orphan, which `check` lists and may remove) but never a row
whose file is missing. Identical content is stored once.

When the database is PostgreSQL, the counters share one store: the folder named by the setting
`attachments.store` (a shared folder every counter mounts), or, when that setting is "database", the
`stored_files.content` column itself (small offices: no shared folder to keep). See docs/SAFETY.md.
"""

from __future__ import annotations

import hashlib
import os
import re
import secrets
from collections.abc import Iterator
from pathlib import Path

from onestop_desktop.db.engine import sqlite_file

SHA_RE = re.compile(r"^[0-9a-f]{64}$")
IN_DATABASE = "database"  # the value of the `attachments.store` setting that keeps files in the database


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def default_root(db_url: str) -> Path | None:
    """The store beside a SQLite file (`x.sqlite3` -> `x.files`); None for other databases."""
    path = sqlite_file(db_url)
    if path is None:
        return None
    return path.with_name(path.stem + ".files")


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # some file systems (Windows) cannot open a folder: the rename is what counts there
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class FolderStore:
    """Files under `root`, named by their SHA-256 (see the module's docstring)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.objects = root / "objects"
        self.tmp = root / "tmp"

    def path(self, sha: str) -> Path:
        if not SHA_RE.match(sha):
            raise ValueError(f"not a SHA-256: {sha!r}")
        return self.objects / sha[:2] / sha

    def has(self, sha: str) -> bool:
        return self.path(sha).is_file()

    def put(self, data: bytes, sha: str | None = None) -> str:
        """Store `data` durably (tmp, fsync, rename, fsync the folder); returns its SHA-256."""
        sha = sha or sha256_of(data)
        target = self.path(sha)
        if target.is_file() and target.stat().st_size == len(data):
            return sha  # stored already: identical files are kept once
        self.tmp.mkdir(parents=True, exist_ok=True)
        target.parent.mkdir(parents=True, exist_ok=True)
        # a name of its own per write: two counters (or two tasks) saving the same scan never share one
        partial = self.tmp / f"{sha}.{os.getpid()}.{secrets.token_hex(4)}.partial"
        try:
            with open(partial, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(partial, target)  # atomic: the file appears under its name whole, or not at all
        except BaseException:
            partial.unlink(missing_ok=True)  # a failed write (disk full) cleans up; a killed one cannot
            raise
        _fsync_dir(target.parent)
        return sha

    def read(self, sha: str) -> bytes:
        return self.path(sha).read_bytes()

    def shas(self) -> Iterator[str]:
        """Every file present in objects/ (whether or not a row names it)."""
        if not self.objects.is_dir():
            return
        for sub in sorted(self.objects.iterdir()):
            if sub.is_dir():
                for f in sorted(sub.iterdir()):
                    if SHA_RE.match(f.name) and f.name[:2] == sub.name:
                        yield f.name

    def verify(self, sha: str) -> bool:
        """True when the file exists and its content still has its name's hash."""
        p = self.path(sha)
        if not p.is_file():
            return False
        h = hashlib.sha256()
        with open(p, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                h.update(block)
        return h.hexdigest() == sha

    def remove(self, sha: str) -> None:
        self.path(sha).unlink(missing_ok=True)


def folder_for(db_url: str, setting: str) -> FolderStore | None:
    """The folder store of the database at `db_url` under the setting `attachments.store`: empty = beside
    the SQLite file, a path = that folder (relative: from the database file's folder), "database" = None
    (the bytes go into `stored_files.content`). A server database that names no folder keeps them inside."""
    value = setting.strip()
    if value == IN_DATABASE:
        return None
    if value:
        root = Path(value).expanduser()
        base = sqlite_file(db_url)
        if not root.is_absolute() and base is not None:
            root = base.parent / root
        return FolderStore(root)
    beside = default_root(db_url)
    return FolderStore(beside) if beside is not None else None
