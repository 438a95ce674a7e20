"""The catalogue as an Excel workbook: the file dialogs, and the export off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from onestop_desktop.services.catalogue import excel as catalogue_workbook
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext


def ask_export_path(parent: QWidget) -> Path | None:
    target, _ = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("CatalogueDialog", "Export catalogue"),
        str(Path.home() / "danh-muc-thu-tuc.xlsx"),
        QCoreApplication.translate("CatalogueDialog", "Excel (*.xlsx)"),
    )
    return Path(target) if target else None


def ask_import_path(parent: QWidget) -> Path | None:
    source, _ = QFileDialog.getOpenFileName(
        parent,
        QCoreApplication.translate("CatalogueDialog", "Import catalogue"),
        str(Path.home()),
        "Excel (*.xlsx)",
    )
    return Path(source) if source else None


def run_export(parent: QWidget, ctx: AppContext, path: Path, done: Callable[[str], None]) -> None:
    """Write the catalogue to `path`; `done` receives the sentence to show."""
    opener = ctx.session

    def work(_progress: Any) -> int:
        with opener() as s:  # the worker's own session
            return catalogue_workbook.export_catalogue(s, path)

    def finished(n: int) -> None:
        done(
            QCoreApplication.translate("CatalogueDialog", "{n} procedures written to {path}.").format(
                n=n, path=path
            )
        )

    ctx.tasks.run(
        work,
        finished,
        lambda e: show_error(parent, e),
        title=QCoreApplication.translate("CatalogueDialog", "Exporting…"),
        parent=parent,
    )
