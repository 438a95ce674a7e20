"""The intake tab's PDFs: the module that renders them and the preview dialog."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

from PySide6.QtWidgets import QWidget


def intake_forms() -> ModuleType:
    """The renderers of forms 01–03, imported on first use (reportlab is slow to import at start-up)."""
    from onestop_desktop.reports import forms_intake

    return forms_intake


def open_pdf(parent: QWidget, path: Path, title: str) -> None:
    """The preview dialog (module-level so tests can replace it)."""
    from onestop_desktop.ui.common.printing import show_pdf

    show_pdf(parent, path, title)
