"""Attached files for the store's safety tests, attached through the counter's service (attach.py)."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.services.attachments.store import FolderStore, default_root


def store_of(database: Database) -> FolderStore:
    root = default_root(database.url)
    assert root is not None
    return FolderStore(root)


def scan_bytes(i: int, size: int = 2048) -> bytes:
    """A distinct "scan" of `size` bytes (random: nothing compresses or repeats between files)."""
    head = b"%PDF-1.4\n%" + f"scan {i}\n".encode()
    return head + os.urandom(max(0, size - len(head)))


def attach_scan(
    database: Database, data: bytes, *, name: str = "giấy tờ.pdf", dossier: int = 0, in_database: bool = False
) -> str:
    """Attach `data` to the `dossier`-th dossier with a checklist (by id) as its document line 1, through
    the counter's own service (`attach`: the file stored first, then the rows); returns its SHA-256.

    `in_database` switches the office to keeping files in `stored_files.content` first.
    """
    from onestop_desktop.services.attachments.attach import attach
    from onestop_desktop.services.attachments.scans import PreparedScan
    from onestop_desktop.services.catalogue.office import put_setting
    from tests.conftest import login_as

    clerk = login_as(database, "canbo")
    scan = PreparedScan(name, data, 1, hashlib.sha256(data).hexdigest())
    with session_scope(database.factory) as s:
        if in_database:
            put_setting(s, "attachments.store", "database")
        codes = s.scalars(select(Dossier.code).where(Dossier.documents != "[]").order_by(Dossier.id))
        code = list(codes)[dossier]
        attach(s, clerk, code, 1, scan)
    return scan.sha256


def age(path: Path, seconds: float) -> None:
    """Make `path` look `seconds` old (an orphan left by yesterday's killed write)."""
    st = path.stat()
    os.utime(path, (st.st_atime - seconds, st.st_mtime - seconds))
