"""The real cause behind a failed read or write: a damaged file, a full disk, a read-only file or folder.

"Damaged, restore from a backup" is the right advice for a damaged file only: followed on a full disk or
a read-only folder it throws away everything saved since that backup. So every edge (the command line's
failures.py, the window's message boxes, backup, restore, check, import, report) asks `explain` first.
SQLite's primary result codes decide (https://www.sqlite.org/rescode.html: SQLITE_CORRUPT and
SQLITE_NOTADB = damaged, SQLITE_FULL = disk full, SQLITE_READONLY = cannot write), then the errno of an
OSError (ENOSPC/EDQUOT, EROFS/EACCES/EPERM), then the driver's wording for drivers that give no code.
"""

from __future__ import annotations

import errno
import sqlite3
from enum import Enum
from pathlib import Path

from onestop_desktop.domain.messages import Msg, Text, msg
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety import safety_messages  # noqa: F401 - defines the messages used here


class Cause(Enum):
    DAMAGED = "damaged"
    FULL = "full"
    READ_ONLY = "read-only"
    LOCKED = "locked"
    IO = "io"


_SQLITE_CODES = {
    "SQLITE_CORRUPT": Cause.DAMAGED,
    "SQLITE_NOTADB": Cause.DAMAGED,
    "SQLITE_FULL": Cause.FULL,
    "SQLITE_READONLY": Cause.READ_ONLY,
    "SQLITE_BUSY": Cause.LOCKED,
    "SQLITE_LOCKED": Cause.LOCKED,
    "SQLITE_IOERR": Cause.IO,
}
_ERRNOS = {
    errno.ENOSPC: Cause.FULL,
    errno.EDQUOT: Cause.FULL,
    errno.EROFS: Cause.READ_ONLY,
    errno.EACCES: Cause.READ_ONLY,
    errno.EPERM: Cause.READ_ONLY,
    errno.EIO: Cause.IO,
}
_WORDS = (  # lower-case driver wording, for errors that carry no result code
    ("malformed", Cause.DAMAGED),
    ("file is not a database", Cause.DAMAGED),
    ("disk is full", Cause.FULL),
    ("no space left", Cause.FULL),
    ("readonly database", Cause.READ_ONLY),
    ("read-only file system", Cause.READ_ONLY),
    ("disk i/o error", Cause.IO),
    ("database is locked", Cause.LOCKED),
)


class DatabaseDamaged(ServiceError):
    """The database file is damaged; `kept` is the damaged copy set apart by a backup, if one was taken."""

    def __init__(self, message: str | Msg, kept: Path | None = None) -> None:
        super().__init__(message)
        self.kept = kept


class DiskFull(ServiceError):
    pass


class ReadOnly(ServiceError):
    pass


def _chain(exc: BaseException) -> list[BaseException]:
    """`exc`, the DB-API error SQLAlchemy wraps (`orig`), and its causes, each once."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        e = todo.pop(0)
        if e is None or any(e is s for s in seen):
            continue
        seen.append(e)
        orig = getattr(e, "orig", None)
        todo += [orig if isinstance(orig, BaseException) else None, e.__cause__, e.__context__]
    return seen


def cause_of(exc: BaseException) -> tuple[Cause, str] | None:
    """The cause of `exc` and the driver's own words for it; None when it is none of these."""
    chain = _chain(exc)
    for e in chain:
        if isinstance(e, sqlite3.Error):
            name = str(getattr(e, "sqlite_errorname", "") or "")
            primary = "_".join(name.split("_")[:2])  # SQLITE_READONLY_DBMOVED -> SQLITE_READONLY
            if primary in _SQLITE_CODES:
                return _SQLITE_CODES[primary], str(e)
    for e in chain:
        if isinstance(e, OSError) and e.errno in _ERRNOS:
            return _ERRNOS[e.errno], e.strerror or str(e)
    for e in chain:
        text = str(e).lower()
        for words, cause in _WORDS:
            if words in text:
                return cause, str(e).split("\n")[0].replace("(sqlite3.", "(")
    return None


def refine(exc: BaseException, file: object) -> tuple[Cause, str] | None:
    """SQLITE_CANTOPEN or SQLITE_IOERR for a file in a read-only folder or on a full disk: SQLite could
    not create its -wal/-shm companions there, which says nothing about the file itself."""
    from onestop_desktop.services.safety.backup_files import disk_full, folder_read_only

    path = Path(str(file)) if file else None
    if path is None or not path.parent.is_dir():
        return None
    for e in _chain(exc):
        name = str(getattr(e, "sqlite_errorname", "") or "")
        text = str(e).lower()
        if name.startswith(("SQLITE_CANTOPEN", "SQLITE_IOERR")) or "unable to open database file" in text:
            if folder_read_only(path.parent):
                return Cause.READ_ONLY, str(e)
            if disk_full(path.parent):
                return Cause.FULL, str(e)
    return None


THE_DATABASE = Text("cơ sở dữ liệu", "the database")  # when the error names no file


def message_for(cause: Cause, file: object, detail: str = "") -> Msg:
    named = file if isinstance(file, Text) else str(file)
    # the sentences put the driver's words in parentheses and end with their own full stop
    return msg(f"safety.cause.{cause.value}", file=named, detail=" ".join(detail.split()).rstrip(". "))


def explain(exc: BaseException, file: object = "") -> ServiceError | None:
    """`exc` as a refusal that names its real cause (None when the cause is unknown: the caller words it).

    `file` is what the sentence names; an OSError's own file name wins when it has one.
    """
    found = cause_of(exc)
    if found is None or found[0] is Cause.IO:
        found = refine(exc, file) or found
    if found is None:
        return None
    cause, detail = found
    named = next((e.filename for e in _chain(exc) if isinstance(e, OSError) and e.filename), None)
    text = message_for(cause, named or file or THE_DATABASE, detail)
    if cause is Cause.DAMAGED:
        return DatabaseDamaged(text)
    if cause is Cause.FULL:
        return DiskFull(text)
    if cause is Cause.READ_ONLY:
        return ReadOnly(text)
    return ServiceError(text)


def raise_explained(exc: BaseException, file: object = "") -> None:
    """Raise `exc` as its explained refusal when its cause is known (from `exc`); else return."""
    explained = explain(exc, file)
    if explained is not None:
        raise explained from exc
