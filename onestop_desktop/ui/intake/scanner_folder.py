"""The scanner folder: where the office's scanner software drops its files, watched for new scans.

Polled on a timer rather than with QFileSystemWatcher: the folder is often a network share (the scanner
writes to it over SMB), where change notifications are unreliable, and a notification arrives when the
scanner *starts* writing anyway. A file is offered only once it is complete: its size and modification
time have not changed for `stable_ms` (a scanner writing a 20-page PDF pauses between pages), it is not
empty, and it can be opened for reading (Windows refuses while the writer holds it). Listing the folder
runs off the GUI thread (an unreachable share can take seconds to answer).

Files attached to a saved dossier are moved into the sub-folder `da-dinh-kem` (attached), so the tray
shows only what still waits; a file that cannot be moved is simply not offered again in this session.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from onestop_desktop.ui.tasks import TaskRunner

log = logging.getLogger(__name__)

SCAN_SUFFIXES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".tif", ".tiff"})
DONE_FOLDER = "da-dinh-kem"
POLL_MS = 1000
STABLE_MS = 2000

Snapshot = dict[Path, tuple[int, int]]  # path -> (size, mtime in ns)


@dataclass(frozen=True)
class ScannerFile:
    path: Path
    size: int
    modified: float  # seconds since the epoch

    @property
    def name(self) -> str:
        return self.path.name


def snapshot(folder: Path) -> Snapshot:
    """The scan files directly in `folder` (no sub-folders) with their size and modification time."""
    out: Snapshot = {}
    with os.scandir(folder) as entries:
        for e in entries:
            if e.name.startswith((".", "~")) or Path(e.name).suffix.lower() not in SCAN_SUFFIXES:
                continue  # hidden and temporary files of the scanner software
            with contextlib.suppress(OSError):
                if e.is_file():
                    st = e.stat()
                    out[Path(e.path)] = (st.st_size, st.st_mtime_ns)
    return out


def _readable(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            fh.read(1)
    except OSError:
        return False
    return True


class ScannerWatcher(QObject):
    """Offers the complete files of the scanner folder, oldest first; `changed` fires when that list does."""

    changed = Signal()
    problem = Signal(str)  # the folder cannot be read ("" when it can again)

    def __init__(
        self,
        tasks: TaskRunner,
        parent: QObject | None = None,
        poll_ms: int = POLL_MS,
        stable_ms: int = STABLE_MS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.stable_s = stable_ms / 1000
        self.clock = clock
        self.folder: Path | None = None
        self._seen: dict[Path, tuple[int, int, float]] = {}  # size, mtime, since when unchanged
        self._taken: set[Path] = set()  # assigned to a document line, or hidden by the clerk
        self._ready: list[ScannerFile] = []
        self._polling = False
        self._error = ""
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self.poll)

    def set_folder(self, folder: str | Path | None) -> None:
        self.folder = Path(folder) if folder else None
        self._seen.clear()
        self._ready = []
        self._set_error("")
        if self.folder is None:
            self.timer.stop()
        else:
            self.timer.start()
            self.poll()
        self.changed.emit()

    def ready(self) -> list[ScannerFile]:
        return [f for f in self._ready if f.path not in self._taken]

    def take(self, paths: Iterable[Path]) -> None:
        """These files are on a document line now (or hidden): the tray no longer shows them."""
        self._taken.update(paths)
        self.changed.emit()

    def give_back(self, paths: Iterable[Path]) -> None:
        """The clerk removed the scan from its line: its files wait in the tray again."""
        self._taken.difference_update(paths)
        self.changed.emit()

    def archive(self, paths: Iterable[Path]) -> None:
        """Move attached files into the `da-dinh-kem` sub-folder (they stay hidden if that fails)."""
        for p in paths:
            self._taken.add(p)
            if self.folder is None or p.parent != self.folder or not p.exists():
                continue
            target = self.folder / DONE_FOLDER
            try:
                target.mkdir(exist_ok=True)
                dest = target / p.name
                if dest.exists():
                    dest = target / f"{p.stem}-{time.strftime('%Y%m%d%H%M%S')}{p.suffix}"
                shutil.move(str(p), str(dest))
            except OSError as exc:  # a read-only share: the file stays, hidden for this session
                log.warning("could not move %s out of the scanner folder: %s", p, exc)
        self.changed.emit()

    def poll(self) -> None:
        """List the folder (off the GUI thread) and update which files are complete."""
        folder = self.folder
        if folder is None or self._polling:
            return
        self._polling = True

        def done(snap: Snapshot) -> None:
            self._polling = False
            if folder == self.folder:
                self._set_error("")
                self.update(snap)

        def failed(exc: Exception) -> None:
            self._polling = False
            if folder == self.folder:
                self._set_error(str(exc))

        self.tasks.run(lambda _p: snapshot(folder), done, failed)

    def update(self, snap: Snapshot) -> None:
        """Take a listing: a file is ready once unchanged for `stable_ms`, not empty and readable."""
        now = self.clock()
        seen: dict[Path, tuple[int, int, float]] = {}
        for path, (size, mtime) in snap.items():
            old = self._seen.get(path)
            since = old[2] if old is not None and old[:2] == (size, mtime) else now
            seen[path] = (size, mtime, since)
        self._seen = seen
        ready = [
            ScannerFile(p, size, mtime / 1e9)
            for p, (size, mtime, since) in seen.items()
            if size > 0 and now - since >= self.stable_s
        ]
        known = {f.path for f in self._ready}
        ready = [f for f in ready if f.path in known or _readable(f.path)]
        ready.sort(key=lambda f: (f.modified, f.name))
        if [(f.path, f.size) for f in ready] != [(f.path, f.size) for f in self._ready]:
            self._ready = ready
            self.changed.emit()

    def _set_error(self, text: str) -> None:
        if text != self._error:
            self._error = text
            self.problem.emit(text)

    @property
    def error(self) -> str:
        return self._error
