"""The shared PDF preview: pages rendered with QtPdf, printing at the printer's resolution, save a copy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog

from onestop_desktop.reports.forms import render_refusal
from onestop_desktop.services.form_data import OfficeInfo, RefusalData
from onestop_desktop.ui.common import printing


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    from datetime import datetime

    office = OfficeInfo(
        "UBND huyện Xuân Lộc", "UBND tỉnh Đồng Nai", "Bộ phận một cửa", "Xuân Lộc", "Gia Ray", ""
    )
    at = datetime(2026, 11, 24, 9, 0)
    reason = "Không thuộc thẩm quyền"
    data = RefusalData(
        office, "Đỗ Văn Đức", "Ấp 1", "", "", "Cấp giấy phép xây dựng", reason, at, "Nguyễn Thị Hồng Nhung"
    )
    path = tmp_path / "tu-choi.pdf"
    render_refusal(data, path)
    return path


def test_preview_renders_every_page_on_white(qtbot: Any, pdf: Path) -> None:
    dialog = printing.PdfPreviewDialog(pdf, "Phiếu từ chối")
    qtbot.addWidget(dialog)
    assert len(dialog.page_labels) == dialog.doc.pageCount() >= 1
    image = dialog.page_labels[0].pixmap().toImage()
    assert image.width() > 300 and image.pixelColor(2, 2).name() == "#ffffff"


def test_print_pdf_paints_pages_at_printer_resolution(qtbot: Any, pdf: Path, tmp_path: Path) -> None:
    dialog = printing.PdfPreviewDialog(pdf, "Phiếu từ chối")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    assert printing.print_pdf(dialog.doc, printer) == dialog.doc.pageCount()
    assert len(PdfReader(out).pages) == dialog.doc.pageCount()


def test_save_copy_keeps_selectable_text(
    qtbot: Any, pdf: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = printing.PdfPreviewDialog(pdf, "Phiếu từ chối")
    qtbot.addWidget(dialog)
    target = tmp_path / "ban-sao"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    saved = dialog.save_copy()
    assert saved == target.with_suffix(".pdf")
    assert "Đỗ Văn Đức" in PdfReader(saved).pages[0].extract_text()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert dialog.save_copy() is None


def test_unreadable_pdf_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_text("not a pdf")
    with pytest.raises(OSError):
        printing.load_pdf(bad)


def test_pages_scroll_from_the_keyboard_with_print_focused(qtbot: Any, pdf: Path) -> None:
    """Walkthrough: the receipt preview opened with the focus on Print…, and PageDown did nothing."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    dialog = printing.PdfPreviewDialog(pdf, "Phiếu từ chối")
    qtbot.addWidget(dialog)
    dialog.resize(500, 300)  # smaller than a page: there is something to scroll
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.print_button.setFocus()
    bar = dialog.scroll.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    QTest.keyClick(dialog.print_button, Qt.Key.Key_PageDown)
    qtbot.waitUntil(lambda: bar.value() > 0, timeout=2000)
    QTest.keyClick(dialog.print_button, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: bar.value() == 0, timeout=2000)
