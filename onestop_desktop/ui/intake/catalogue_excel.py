"""The catalogue as an Excel workbook: export it, import it (all or nothing), off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from onestop_desktop.services.catalogue import admin as catalogue_admin
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
            return catalogue_admin.export_catalogue(s, path)

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


def run_import(parent: QWidget, ctx: AppContext, path: Path, done: Callable[[str], None]) -> None:
    """Read the catalogue from `path`; `done` receives the sentence to show once something changed."""
    opener, actor = ctx.session, ctx.actor

    def work(_progress: Any) -> catalogue_admin.ImportReport:
        with opener() as s:
            return catalogue_admin.import_catalogue(s, actor, path)

    def finished(report: catalogue_admin.ImportReport) -> None:
        if report.errors:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("CatalogueDialog", "Nothing imported"),
                QCoreApplication.translate("CatalogueDialog", "The file has errors; nothing was changed:")
                + "\n"
                + "\n".join(report.errors[:20]),
            )
            return
        done(
            QCoreApplication.translate(
                "CatalogueDialog", "Imported: {a} new procedures, {u} updated."
            ).format(a=report.procedures_added, u=report.procedures_updated)
        )

    ctx.tasks.run(
        work,
        finished,
        lambda e: show_error(parent, e),
        title=QCoreApplication.translate("CatalogueDialog", "Importing…"),
        parent=parent,
    )
