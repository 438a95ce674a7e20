"""Print preview, printing and "save as PDF" for any PDF the program writes (forms, reports).

`show_pdf(parent, path, title)` opens a dialog showing the pages (rendered by QtPdf), with Print…
(Qt's print dialog; each page is rendered at the printer's resolution and painted on its page) and
Save as PDF… (a byte-for-byte copy, so the text stays selectable).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, QSizeF, Qt
from PySide6.QtGui import (
    QImage,
    QKeyEvent,
    QKeySequence,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractSlider,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.ui.common.screen import fit_resize


def load_pdf(path: str | Path, parent: QWidget | None = None) -> QPdfDocument:
    """Open a PDF with QtPdf; raises OSError when it cannot be read."""
    doc = QPdfDocument(parent)
    status = doc.load(str(path))
    if status != QPdfDocument.Error.None_ or doc.pageCount() < 1:
        raise OSError(
            QCoreApplication.translate("Printing", "Cannot open the PDF file {path}.").format(path=path)
        )
    return doc


def render_page(doc: QPdfDocument, page: int, dpi: float) -> QImage:
    """One page as an image at `dpi` dots per inch (PDF points are 1/72 inch)."""
    size = doc.pagePointSize(page)
    pixels = QSize(max(1, round(size.width() * dpi / 72)), max(1, round(size.height() * dpi / 72)))
    rendered = doc.render(page, pixels)
    # pages render with a transparent background: put them on white paper
    image = QImage(rendered.size(), QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return image


def print_pdf(doc: QPdfDocument, printer: QPrinter) -> int:
    """Paint each page, rendered at the printer's resolution, scaled to fit the printable area."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    first, last = printer.fromPage(), printer.toPage()
    pages = range(doc.pageCount())
    if first > 0:
        pages = range(first - 1, min(last or doc.pageCount(), doc.pageCount()))
    printed = 0
    try:
        for i, page in enumerate(pages):
            if i > 0:
                printer.newPage()
            image = render_page(doc, page, printer.resolution())
            area = painter.viewport()
            scaled = image.size().scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x(), area.y(), scaled.width(), scaled.height())
            painter.drawImage(target, image)
            printed += 1
    finally:
        painter.end()
    return printed


class PdfPreviewDialog(QDialog):
    """The pages one under the other, with Print… and Save as PDF…."""

    PREVIEW_DPI = 96

    def __init__(self, pdf_path: str | Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pdfPreview")
        self.pdf_path = Path(pdf_path)
        self.setWindowTitle(title)
        self.doc = load_pdf(self.pdf_path, self)
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.print_button = QPushButton(QCoreApplication.translate("Printing", "&Print…"))
        self.print_button.setObjectName("printButton")
        self.save_button = QPushButton(QCoreApplication.translate("Printing", "&Save as PDF…"))
        self.save_button.setObjectName("saveButton")
        close_button = QPushButton(QCoreApplication.translate("Printing", "&Close"))
        self.pages_label = QLabel(
            QCoreApplication.translate("Printing", "{n} page(s)").format(n=self.doc.pageCount())
        )
        for w in (self.print_button, self.save_button):
            buttons.addWidget(w)
        buttons.addStretch(1)
        buttons.addWidget(self.pages_label)
        buttons.addWidget(close_button)
        layout.addLayout(buttons)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pages = QWidget()
        pages.setStyleSheet("background: #7a7f87;")
        col = QVBoxLayout(pages)
        col.setSpacing(12)
        self.page_labels: list[QLabel] = []
        for page in range(self.doc.pageCount()):
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(render_page(self.doc, page, self.PREVIEW_DPI)))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            col.addWidget(label)
            self.page_labels.append(label)
        scroll.setWidget(pages)
        layout.addWidget(scroll, 1)
        self.print_button.clicked.connect(self.print_document)
        self.save_button.clicked.connect(self.save_copy)
        close_button.clicked.connect(self.accept)
        QShortcut(QKeySequence.StandardKey.Print, self, self.print_document)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save_copy)
        self.print_button.setDefault(True)
        self.scroll = scroll
        fit_resize(self, 720, 900)

    _SCROLL_KEYS = {
        Qt.Key.Key_PageDown: QAbstractSlider.SliderAction.SliderPageStepAdd,
        Qt.Key.Key_PageUp: QAbstractSlider.SliderAction.SliderPageStepSub,
        Qt.Key.Key_Down: QAbstractSlider.SliderAction.SliderSingleStepAdd,
        Qt.Key.Key_Up: QAbstractSlider.SliderAction.SliderSingleStepSub,
    }

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """The pages scroll from the keyboard whichever button has the focus (Enter stays Print…)."""
        action = self._SCROLL_KEYS.get(Qt.Key(event.key()))
        if action is None:
            super().keyPressEvent(event)
            return
        self.scroll.verticalScrollBar().triggerAction(action)

    def print_document(self) -> int:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.pdf_path.stem)
        size = self.doc.pagePointSize(0)
        # the form's own paper (A5 portrait, the log book A4 landscape) is the default choice
        landscape = size.width() > size.height()
        portrait = QSizeF(min(size.width(), size.height()), max(size.width(), size.height()))
        printer.setPageSize(QPageSize(portrait, QPageSize.Unit.Point))
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(
            QCoreApplication.translate("Printing", "Print {name}").format(name=self.windowTitle())
        )
        dialog.setMinMax(1, self.doc.pageCount())
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return 0
        return print_pdf(self.doc, printer)

    def save_copy(self) -> Path | None:
        target, _ = QFileDialog.getSaveFileName(
            self,
            QCoreApplication.translate("Printing", "Save as PDF"),
            str(Path.home() / self.pdf_path.name),
            QCoreApplication.translate("Printing", "PDF files (*.pdf)"),
        )
        if not target:
            return None
        path = Path(target)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        if path.resolve() != self.pdf_path.resolve():
            shutil.copyfile(self.pdf_path, path)
        return path


def show_pdf(parent: QWidget | None, pdf_path: str | Path, title: str) -> PdfPreviewDialog:
    """Open the preview dialog (modal) for a PDF already written; returns the dialog after it closes."""
    dialog = PdfPreviewDialog(pdf_path, title, parent)
    dialog.exec()
    return dialog
