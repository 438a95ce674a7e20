"""Helpers of the scan tests: images of known sizes, a filled intake form, a drop on a widget."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget

from onestop_desktop.ui.intake.tab import IntakeTab


def jpeg(path: Path, width: int, colour: tuple[int, int, int] = (200, 60, 60)) -> Path:
    """A JPEG `width` pixels wide at 100 dpi: its PDF page is width * 0.72 points wide (tells pages apart)."""
    buf = io.BytesIO()
    Image.new("RGB", (width, 300), colour).save(buf, format="JPEG", quality=85, dpi=(100, 100))
    path.write_bytes(buf.getvalue())
    return path


def page_widths(pdf: bytes) -> list[int]:
    from pypdf import PdfReader

    return [round(float(p.mediabox.width)) for p in PdfReader(io.BytesIO(pdf)).pages]


def fill(tab: IntakeTab, procedure: str = "Đăng ký khai sinh") -> None:
    """A complete form (the keyboard path is tested in test_tab_flow.py)."""
    f = tab.form
    f.procedure.select(next(p for p in f.procedure.procedures if p.name == procedure))
    f.edits["applicant_name"].setText("Nguyễn Văn An")
    f.edits["citizen_id"].setText("075090001234")
    f.edits["phone"].setText("0912345678")
    f.edits["street"].setText("Ấp Bình Hòa")
    f.unit.setCurrentIndex(1)
    f.touched.update(f.boxes)
    f.revalidate()
    assert not f.blockers(), f.blockers()


def drop(widget: QWidget, paths: list[Path], at: QPoint | None = None) -> QDropEvent:
    """Drag files from a file manager and drop them on `widget` at `at` (its centre by default)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(at if at is not None else widget.rect().center())
    actions = Qt.DropAction.CopyAction | Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos.toPoint(), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, enter)
    move = QDragMoveEvent(pos.toPoint(), actions, mime, buttons, mods)
    QApplication.sendEvent(widget, move)
    event = QDropEvent(pos, actions, mime, buttons, mods)
    QApplication.sendEvent(widget, event)
    return event


def text_of(pdf: Path | bytes) -> str:
    from pypdf import PdfReader

    src: Any = io.BytesIO(pdf) if isinstance(pdf, bytes) else pdf
    return "\n".join(p.extract_text() for p in PdfReader(src).pages)
