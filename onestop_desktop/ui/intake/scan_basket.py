"""The scans waiting to be attached, one PDF per checklist line, until the dossier is saved.

Each line holds one PreparedScan (services/attachments/scans.prepare made it, off the GUI thread) and the
order of its pages the clerk chose in the strip or the viewer: pages are reordered and dropped by index,
and the PDF is rewritten once (`rearranged`) when the dossier is saved, not at every key press.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from onestop_desktop.services.attachments.scans import IncomingFile, PreparedScan, prepare, rearranged
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.tasks import Progress, TaskRunner


@dataclass
class PendingScan:
    """One document's scan before saving: the prepared PDF and the pages kept, in the clerk's order."""

    scan: PreparedScan
    order: list[int]
    sources: list[Path] = field(default_factory=list)  # files taken from the scanner folder
    thumbs: dict[int, QImage] = field(default_factory=dict)  # page index -> thumbnail (rendered once)
    rendering: bool = False  # thumbnails on their way from a worker

    @classmethod
    def of(cls, scan: PreparedScan, sources: Sequence[Path] = ()) -> PendingScan:
        return cls(scan, list(range(scan.pages)), list(sources))

    @property
    def pages(self) -> int:
        return len(self.order)

    @property
    def changed(self) -> bool:
        return self.order != list(range(self.scan.pages))

    def final(self) -> PreparedScan:
        """The PDF to attach: the pages kept, in order (the same bytes when nothing moved)."""
        return rearranged(self.scan, self.order) if self.changed else self.scan

    def approx_bytes(self) -> int:
        """The size to expect (exact when nothing was dropped; pages are of similar size)."""
        if not self.changed:
            return len(self.scan.pdf)
        return len(self.scan.pdf) * len(self.order) // max(1, self.scan.pages)


class FileUnreadable(ServiceError):
    """A dropped or picked file that cannot be read (gone, no permission)."""


def read_files(paths: Sequence[Path], progress: Progress) -> list[IncomingFile]:
    out = []
    for i, p in enumerate(paths):
        progress.report(int(80 * i / max(1, len(paths))), p.name)
        try:
            out.append(IncomingFile(p.name, p.read_bytes()))
        except OSError as exc:
            text = QCoreApplication.translate("ScanBasket", "Cannot read the file {name}: {why}")
            raise FileUnreadable(text.format(name=p.name, why=exc.strerror or exc)) from exc
    return out


class ScanBasket(QObject):
    """The pending scans of the form's checklist lines (1-based), with what happens to them."""

    changed = Signal(int)  # the line whose scan changed (0: every line)
    busy_changed = Signal(bool)

    def __init__(self, tasks: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.lines: dict[int, PendingScan] = {}
        self.busy = False

    def get(self, line: int) -> PendingScan | None:
        return self.lines.get(line)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def sources(self) -> list[Path]:
        return [p for pending in self.lines.values() for p in pending.sources]

    def total_bytes(self) -> int:
        return sum(p.approx_bytes() for p in self.lines.values())

    def set(self, line: int, pending: PendingScan | None) -> None:
        if pending is None:
            self.lines.pop(line, None)
        else:
            self.lines[line] = pending
        self.changed.emit(line)

    def take_over(self, lines: dict[int, PendingScan]) -> None:
        """Hold these scans instead (a dialog carrying the scans that could not be attached)."""
        self.lines = dict(lines)
        self.changed.emit(0)

    def clear(self) -> list[Path]:
        """Forget every pending scan; returns the scanner files they came from (back to the tray)."""
        sources = self.sources()
        self.lines = {}
        self.changed.emit(0)
        return sources

    def add(
        self,
        line: int,
        paths: Sequence[Path],
        parent: QWidget,
        sources: Sequence[Path] = (),
        on_failed: Callable[[list[Path]], None] | None = None,
    ) -> None:
        """Read and prepare `paths` (off the GUI thread) and add them to the line's scan, after its pages."""
        if not paths:
            return
        before = self.lines.get(line)
        kept_sources = list(before.sources) if before else []
        name = before.scan.name if before else None

        def work(progress: Progress) -> PreparedScan:
            # the pages the line already has come first, as the clerk arranged them
            head = [IncomingFile(before.scan.name, before.final().pdf)] if before is not None else []
            files = head + read_files(paths, progress)
            progress.report(85, QCoreApplication.translate("ScanBasket", "Joining the pages…"))
            return prepare(files, name)

        def done(scan: PreparedScan) -> None:
            self._busy(False)
            self.set(line, PendingScan.of(scan, [*kept_sources, *sources]))

        def failed(exc: Exception) -> None:
            self._busy(False)
            if on_failed is not None:
                on_failed(list(sources))
            show_error(parent, exc, QCoreApplication.translate("ScanBasket", "Scan not added"))

        self._busy(True)
        self.tasks.run(
            work,
            done,
            failed,
            title=QCoreApplication.translate("ScanBasket", "Preparing the scan…"),
            parent=parent,
        )

    def _busy(self, on: bool) -> None:
        self.busy = on
        self.busy_changed.emit(on)
