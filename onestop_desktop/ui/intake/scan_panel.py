"""The scans of the checklist's current line: its pages, the ways in (drop, file picker, scanner tray),
the size guard, and the marks on every line of the checklist."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QImage
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from onestop_desktop.services.attachments.attach import Limits, size_text
from onestop_desktop.ui.i18n import plural, say
from onestop_desktop.ui.intake.scan_basket import PendingScan, ScanBasket
from onestop_desktop.ui.intake.scan_viewer import THUMB, PageStrip, ScanViewerDialog, render_pages
from onestop_desktop.ui.intake.scanner_folder import ScannerWatcher
from onestop_desktop.ui.intake.scanner_tray import ScannerTray
from onestop_desktop.ui.intake.widgets import DocumentsTable
from onestop_desktop.ui.tasks import TaskRunner

SCAN_FILTER = "*.pdf *.jpg *.jpeg *.png *.tif *.tiff"


def pick_files(parent: QWidget, title: str, pattern: str) -> list[Path]:
    names, _ = QFileDialog.getOpenFileNames(parent, title, "", pattern)
    return [Path(n) for n in names]


class ScansPanel(QWidget):
    """Works on the checklist `table`'s current line; `attached` holds the pages already saved per line."""

    def __init__(
        self,
        tasks: TaskRunner,
        table: DocumentsTable,
        basket: ScanBasket,
        watcher: ScannerWatcher,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("scansPanel")
        self.setAcceptDrops(True)
        self.tasks, self.table, self.basket, self.watcher = tasks, table, basket, watcher
        self.attached: dict[int, int] = {}  # line -> pages already attached (a saved dossier)
        self.limits: Limits | None = None
        self.used = 0  # bytes the dossier already holds
        self._strip_moved = False
        self.title = QLabel()
        self.title.setObjectName("scanTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-weight: bold;")
        self.status = QLabel()
        self.status.setObjectName("scanStatus")
        self.status.setWordWrap(True)
        self.strip = PageStrip()
        self.strip.order_changed.connect(self._reordered)
        self.strip.open_requested.connect(lambda _row: self.view_pages())
        self.add_button = QPushButton(self.tr("Add files… (Ctrl+O)"))
        self.add_button.setObjectName("addScanButton")
        self.add_button.clicked.connect(self.pick)
        self.take_button = QPushButton(self.tr("From the scanner (F4)"))
        self.take_button.setObjectName("takeScanButton")
        self.take_button.clicked.connect(self.take_from_scanner)
        self.view_button = QPushButton(self.tr("Check pages (F8)"))
        self.view_button.setObjectName("viewScanButton")
        self.view_button.clicked.connect(self.view_pages)
        self.remove_button = QPushButton(self.tr("Remove this scan"))
        self.remove_button.setObjectName("removeScanButton")
        self.remove_button.clicked.connect(self.remove_current)
        self.limits_label = QLabel()
        self.limits_label.setObjectName("scanLimits")
        self.limits_label.setWordWrap(True)
        self.limits_label.setStyleSheet("color: #555;")
        self.tray = ScannerTray(watcher)
        self.tray.take_requested.connect(self.take_from_scanner)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.take_button, self.view_button, self.remove_button):
            b.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Fixed)
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        for w in (self.title, self.status, self.strip):
            layout.addWidget(w)
        layout.addLayout(buttons)
        layout.addWidget(self.limits_label)
        layout.addWidget(self.tray)
        table.currentCellChanged.connect(lambda *_a: self.refresh())
        table.files_dropped.connect(self.add_to_line)
        table.reset.connect(self._lines_reset)
        basket.changed.connect(self._basket_changed)
        basket.busy_changed.connect(lambda _b: self.refresh())
        self.refresh()

    def focus_chain(self) -> list[QWidget]:
        return [
            self.strip,
            self.add_button,
            self.take_button,
            self.view_button,
            self.remove_button,
            self.tray.folder_button,  # choosing the scanner's folder by keyboard too
            self.tray.list,
        ]

    # --- what is shown -----------------------------------------------------------------------------

    def set_limits(self, limits: Limits, used: int = 0) -> None:
        self.limits, self.used = limits, used
        self._show_limits()

    def _show_limits(self) -> None:
        if self.limits is None:
            return
        text = self.tr("Size limit: {file} per file, {dossier} per dossier. These scans: {now}.").format(
            file=say(size_text(self.limits.per_file_bytes)),
            dossier=say(size_text(self.limits.per_dossier_bytes)),
            now=say(size_text(self.used + self.basket.total_bytes())),
        )
        over = self.used + self.basket.total_bytes() > self.limits.per_dossier_bytes or any(
            p.approx_bytes() > self.limits.per_file_bytes for p in self.basket.lines.values()
        )
        self.limits_label.setText(text)
        self.limits_label.setStyleSheet("color: #b00020; font-weight: bold;" if over else "color: #555;")

    def pages_text(self, n: int) -> str:
        return plural(n, self.tr("{n} page"), self.tr("{n} pages")).format(n=n)

    def refresh(self) -> None:
        if not isValid(self.table):
            return
        line = self.table.current_line()
        pending = self.basket.get(line) if line else None
        if line is None:
            self.title.setText(self.tr("Scans: choose a document line of the checklist first."))
        else:
            self.title.setText(
                self.tr("Scans of document {n}: {name}").format(n=line, name=self.table.line_name(line))
            )
        if self.basket.busy:
            status = self.tr("Preparing the scan…")
        elif pending is not None:
            status = self.tr("{pages}, {size}: attached when the dossier is saved.").format(
                pages=self.pages_text(pending.pages), size=say(size_text(pending.approx_bytes()))
            )
        elif line is not None and self.attached.get(line):
            status = self.tr("Digitised: {pages} attached.").format(
                pages=self.pages_text(self.attached[line])
            )
        else:
            status = self.tr(
                "No scan yet: drop files on the line, Ctrl+O to choose them, F4 from the scanner."
            )
        self.status.setText(status)
        if not self._strip_moved:
            self.strip.show_pages(pending.order if pending else [], pending.thumbs if pending else {})
        self.strip.setVisible(pending is not None)
        has_line = line is not None and not self.basket.busy
        for b in (self.add_button, self.take_button):
            b.setEnabled(has_line)
        self.view_button.setEnabled(has_line and pending is not None)
        self.remove_button.setEnabled(has_line and pending is not None)
        self._show_limits()
        if pending is not None:
            self._ensure_thumbs(pending)

    def refresh_marks(self) -> None:
        for line in range(1, self.table.rowCount() + 1):
            done = self.attached.get(line, 0)
            pending = self.basket.get(line)
            waiting = pending.pages if pending else 0
            if done and waiting:
                text = f"✔ {done} + {waiting}"
                acc = self.tr("Digitised: {a} attached, {p} more to attach").format(
                    a=self.pages_text(done), p=self.pages_text(waiting)
                )
            elif done:
                text, acc = f"✔ {done}", self.tr("Digitised: {a} attached").format(a=self.pages_text(done))
            elif waiting:
                text = f"+ {waiting}"
                acc = self.tr("Scanned: {p}, to attach").format(p=self.pages_text(waiting))
            else:
                text, acc = "", self.tr("Not scanned")
            self.table.set_scan_mark(line, text, acc)

    def _basket_changed(self, _line: int) -> None:
        self.refresh_marks()
        self.refresh()

    def _lines_reset(self) -> None:
        self.watcher.give_back(self.basket.clear())
        self.attached = {}

    def _ensure_thumbs(self, pending: PendingScan) -> None:
        missing = [p for p in range(pending.scan.pages) if p not in pending.thumbs]
        if not missing or pending.rendering:
            return
        pending.rendering = True
        pdf = pending.scan.pdf

        def done(images: dict[int, QImage]) -> None:
            pending.thumbs.update(images)
            pending.rendering = False
            if isValid(self.strip):
                self.strip.set_thumbs(pending.thumbs)

        def failed(_exc: Exception) -> None:
            pending.rendering = False

        self.tasks.run(lambda p: render_pages(pdf, missing, THUMB.height(), p), done, failed)

    # --- the ways in -------------------------------------------------------------------------------

    def add_to_line(self, line: int, paths: Sequence[Path], sources: Sequence[Path] = ()) -> None:
        if not paths or self.basket.busy or not 1 <= line <= self.table.rowCount():
            return
        self.basket.add(line, list(paths), self, sources, on_failed=self.watcher.give_back)

    def pick(self) -> None:
        line = self.table.current_line()
        if line is None:
            return
        title = self.tr("Scans of document {n}: {name}").format(n=line, name=self.table.line_name(line))
        paths = pick_files(
            self, title, self.tr("Scans and PDF files ({pattern})").format(pattern=SCAN_FILTER)
        )
        self.add_to_line(line, paths)

    def take_from_scanner(self) -> None:
        """The tray's selected files (the oldest by default) go on the current line; the next line follows."""
        line = self.table.current_line()
        if self.watcher.folder is None:  # F4 before any folder was chosen: choose it now
            self.tray.choose()
            return
        files = self.tray.selected()
        if line is None or not files or self.basket.busy:
            QApplication.beep()  # nothing from the scanner yet (the tray says so)
            return
        self.watcher.take(files)
        self.add_to_line(line, files, files)
        if line < self.table.rowCount():
            self.table.setCurrentCell(line, DocumentsTable.SCAN_COLUMN)  # the next paper to scan

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if e.mimeData().hasUrls() and self.table.current_line() is not None:
            e.acceptProposedAction()

    def dropEvent(self, e: QDropEvent) -> None:
        line = self.table.current_line()
        paths = [Path(u.toLocalFile()) for u in e.mimeData().urls() if u.isLocalFile()]
        if line is not None and paths:
            e.acceptProposedAction()
            self.add_to_line(line, paths)

    # --- pages -------------------------------------------------------------------------------------

    def _reordered(self, order: list[int]) -> None:
        line = self.table.current_line()
        pending = self.basket.get(line) if line else None
        if pending is not None and order:
            pending.order = list(order)
            self._strip_moved = True  # the strip shows the new order already: it is not rebuilt under a drag
            try:
                self.basket.changed.emit(line)
            finally:
                self._strip_moved = False

    def view_pages(self) -> None:
        line = self.table.current_line()
        pending = self.basket.get(line) if line else None
        if line is None or pending is None:
            return
        title = self.tr("Pages of document {n}: {name}").format(n=line, name=self.table.line_name(line))
        dialog = ScanViewerDialog(pending, title, self.tasks, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.order():
            pending.order = dialog.order()
            self.basket.changed.emit(line)

    def remove_current(self) -> None:
        line = self.table.current_line()
        pending = self.basket.get(line) if line else None
        if line is None or pending is None:
            return
        self.basket.set(line, None)
        self.watcher.give_back(pending.sources)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
