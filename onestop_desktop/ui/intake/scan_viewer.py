"""A scan's pages: the thumbnail strip (reorder by drag or Ctrl+Left/Right, Delete drops a page) and
the viewer that shows one page large with the same strip underneath.

Pages are rendered by QtPdf (as the print preview does) off the GUI thread: a 300 dpi page takes
~60 ms to decode, so a 20-page scan would freeze the counter for over a second. Each worker opens its
own QPdfDocument on the bytes (QObjects never cross threads) and hands back QImages.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QImage, QKeyEvent, QPainter, QPixmap
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.intake.scan_basket import PendingScan
from onestop_desktop.ui.tasks import Progress, TaskRunner

THUMB = QSize(64, 90)
PAGE_ROLE = Qt.ItemDataRole.UserRole


def render_pages(pdf: bytes, pages: Sequence[int], height: int, progress: Progress) -> dict[int, QImage]:
    """Pages of `pdf` as images `height` pixels tall, on white (worker thread: its own document)."""
    doc = QPdfDocument()
    buf = QBuffer()
    buf.setData(QByteArray(pdf))
    buf.open(QIODevice.OpenModeFlag.ReadOnly)
    doc.load(buf)
    out: dict[int, QImage] = {}
    try:
        if doc.status() != QPdfDocument.Status.Ready:
            raise OSError(QCoreApplication.translate("PageStrip", "The scan's pages cannot be shown."))
        for i, page in enumerate(pages):
            progress.report(int(100 * i / max(1, len(pages))))
            size = doc.pagePointSize(page)
            width = max(1, round(size.width() * height / max(1.0, size.height())))
            rendered = doc.render(page, QSize(width, height))
            image = QImage(rendered.size(), QImage.Format.Format_RGB32)
            image.fill(Qt.GlobalColor.white)  # pages render on a transparent background
            painter = QPainter(image)
            painter.drawImage(0, 0, rendered)
            painter.end()
            out[page] = image
    finally:
        doc.close()
        buf.close()
    return out


def _placeholder() -> QPixmap:
    pix = QPixmap(THUMB)
    pix.fill(QColor("#e4e6ea"))
    return pix


class PageStrip(QListWidget):
    """The pages in the order they will be saved; each item remembers its page in the scanned PDF."""

    order_changed = Signal(list)
    open_requested = Signal(int)  # position in the strip

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pageStrip")
        self.setAccessibleName(self.tr("Pages of the scan"))
        self.setViewMode(QListView.ViewMode.ListMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(False)
        self.setIconSize(THUMB)
        self.setSpacing(3)
        self.setUniformItemSizes(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFixedHeight(THUMB.height() + 44)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            self.tr("Drag a page, or Ctrl+Left/Right, to move it; Delete drops it; Enter shows it")
        )
        self.model().rowsMoved.connect(lambda *_a: self._moved())
        self.itemActivated.connect(lambda item: self.open_requested.emit(self.row(item)))

    def show_pages(self, order: Sequence[int], thumbs: dict[int, QImage]) -> None:
        keep = self.currentRow()
        self.blockSignals(True)
        self.clear()
        for page in order:
            item = QListWidgetItem()
            item.setData(PAGE_ROLE, page)
            image = thumbs.get(page)
            item.setIcon(QIcon(QPixmap.fromImage(image) if image is not None else _placeholder()))
            self.addItem(item)
        self._renumber()
        self.blockSignals(False)
        if self.count():
            self.setCurrentRow(min(max(keep, 0), self.count() - 1))

    def set_thumbs(self, thumbs: dict[int, QImage]) -> None:
        for row in range(self.count()):
            item = self.item(row)
            image = thumbs.get(int(item.data(PAGE_ROLE)))
            if image is not None:
                item.setIcon(QIcon(QPixmap.fromImage(image)))

    def order(self) -> list[int]:
        return [int(self.item(r).data(PAGE_ROLE)) for r in range(self.count())]

    def _renumber(self) -> None:
        n = self.count()
        for row in range(n):
            item = self.item(row)
            item.setText(str(row + 1))
            scanned = int(item.data(PAGE_ROLE)) + 1
            text = self.tr("Page {i} of {n} (scanned as page {s})").format(i=row + 1, n=n, s=scanned)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            item.setToolTip(text)

    def _moved(self) -> None:
        self._renumber()
        self.order_changed.emit(self.order())

    def move_current(self, step: int) -> None:
        row = self.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.count():
            return
        item = self.takeItem(row)
        self.insertItem(target, item)
        self.setCurrentRow(target)
        self._moved()

    def drop_current(self) -> None:
        row = self.currentRow()
        if row < 0 or self.count() <= 1:
            return  # a document keeps a page at least: the scan itself is removed with its own button
        self.takeItem(row)
        self.setCurrentRow(min(row, self.count() - 1))
        self._moved()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        ctrl = e.modifiers() & Qt.KeyboardModifier.ControlModifier
        if ctrl and e.key() in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self.move_current(-1 if e.key() == Qt.Key.Key_Left else 1)
            e.accept()
            return
        if e.key() == Qt.Key.Key_Delete:
            self.drop_current()
            e.accept()
            return
        super().keyPressEvent(e)


class ScanViewerDialog(QDialog):
    """One page large, the strip underneath: check, reorder, drop; "Keep these pages" returns the order."""

    PAGE_HEIGHT = 560

    def __init__(self, pending: PendingScan, title: str, tasks: TaskRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("scanViewer")
        self.setWindowTitle(title)
        self.pending = pending
        self.tasks = tasks
        self.large: dict[int, QImage] = {}
        self.page = QLabel()
        self.page.setObjectName("scanPage")
        self.page.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.page.setAccessibleName(self.tr("The page shown large"))
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.page)
        scroll.setStyleSheet("background: #7a7f87;")
        self.strip = PageStrip()
        self.strip.show_pages(pending.order, pending.thumbs)
        self.strip.currentRowChanged.connect(self._show)
        self.strip.order_changed.connect(lambda _o: self._count())
        self.count_label = QLabel()
        self.count_label.setObjectName("pageCount")
        keys = QLabel(
            self.tr(
                "Left/Right: previous/next page · Ctrl+Left/Right: move the page · Delete: drop the page · "
                "Enter: keep these pages · Esc: cancel"
            )
        )
        keys.setWordWrap(True)
        keys.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Keep these pages"))
        ok.setObjectName("keepPages")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.strip)
        layout.addWidget(keys)
        layout.addWidget(buttons)
        fit_resize(self, 760, 760)
        self._count()
        self.strip.setFocus()
        self._show(self.strip.currentRow())

    def order(self) -> list[int]:
        return self.strip.order()

    def _count(self) -> None:
        n, total = self.strip.count(), self.pending.scan.pages
        text = self.tr("{n} of {total} scanned pages kept").format(n=n, total=total)
        self.count_label.setText(text)

    def _show(self, row: int) -> None:
        if row < 0:
            return
        page = int(self.strip.item(row).data(PAGE_ROLE))
        if page in self.large:
            self.page.setPixmap(QPixmap.fromImage(self.large[page]))
            return
        self.page.setText(self.tr("Page {i}…").format(i=row + 1))
        pdf = self.pending.scan.pdf

        def done(images: dict[int, QImage]) -> None:
            if not isValid(self.strip):
                return  # the viewer was closed before the page came back
            self.large.update(images)
            current = self.strip.currentRow()
            if current >= 0 and int(self.strip.item(current).data(PAGE_ROLE)) == page:
                self.page.setPixmap(QPixmap.fromImage(images[page]))

        self.tasks.run(
            lambda p: render_pages(pdf, [page], self.PAGE_HEIGHT, p),
            done,
            lambda e: self.page.setText(str(e)),
        )
