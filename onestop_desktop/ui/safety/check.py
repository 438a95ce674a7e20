"""File → Check the database: the database's integrity, then its file store's (scans and results).

Both checks run on the task runner (hashing a large store takes minutes). When files are missing or
damaged the window offers to bring them back from the backups' pools; when only stray or leftover
files are found, it offers to remove them (those older than an hour: services/safety/store_check.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMainWindow, QMessageBox

from onestop_desktop.bootstrap import database_file
from onestop_desktop.domain.messages import Msg
from onestop_desktop.services.safety import backup, integrity
from onestop_desktop.services.safety.backup_store import BroughtBack, repair
from onestop_desktop.services.safety.store_check import Removed, StoreReport, check_store, remove_orphans
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import language, say
from onestop_desktop.ui.safety.table import second_folder

SHOWN = 10  # findings in one message box


@dataclass(frozen=True)
class Checked:
    database: integrity.CheckResult
    store: StoreReport | None  # None when the database itself failed its check


def check_all(url: str) -> Checked:
    result = integrity.check(url)
    return Checked(result, check_store(url) if result.ok else None)


def store_text(said: list[Msg]) -> str:
    """The store's findings, one per line; the files themselves as bullets."""
    lines = [("    • " if m.key == "safety.store.file" else "") + say(m) for m in said]
    return "\n".join(lines)


def backup_folders(url: str) -> list[Path]:
    """Where `repair` looks: the backups beside the database, then the second folder (a USB stick)."""
    path = database_file(url)
    folders = [backup.default_folder(path)] if path is not None else []
    extra = second_folder()
    return folders + ([extra] if extra is not None else [])


class CheckFlow(QObject):
    """One check from the menu: run, show, and offer the repair or the removal it calls for."""

    def __init__(self, ctx: AppContext, window: QMainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window

    def title(self) -> str:
        return self.tr("Check the database")

    def start(self) -> None:
        url = self.ctx.db.url
        self.ctx.tasks.run(
            lambda _p: check_all(url),
            self.done,
            lambda exc: show_error(self.window, exc),
            title=self.tr("Checking the database…"),
            parent=self.window,
            cancellable=False,
        )

    def done(self, checked: Checked) -> None:
        result, store = checked.database, checked.store
        if not result.ok or store is None:
            findings = "\n".join(f"• {f}" for f in result.lines(language())[:SHOWN])
            QMessageBox.warning(
                self.window,
                self.title(),
                self.tr("The database is damaged:\n{findings}\n\nRestore the latest good backup.").format(
                    findings=findings
                ),
            )
            return
        text = self.tr("The database is sound.\n{what}").format(what=result.checked)
        text += "\n\n" + store_text(store.messages()[: SHOWN + 4])
        if store.ok:
            QMessageBox.information(self.window, self.title(), text)
        else:
            QMessageBox.warning(self.window, self.title(), text)
        if not store.ok:
            self.offer_repair(store)
        elif store.orphans or store.leftovers:
            self.offer_removal(store)

    def offer_repair(self, store: StoreReport) -> None:
        asked = QMessageBox.question(
            self.window,
            self.title(),
            self.tr(
                "Bring the missing or damaged files back from the backups now? The dossiers' data is not "
                "touched."
            ),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        folders = backup_folders(self.ctx.db.url)

        def shown(brought: BroughtBack) -> None:
            said = brought.messages(restoring=False)
            QMessageBox.information(self.window, self.title(), store_text(said) or self.tr("Nothing to do."))

        self.ctx.tasks.run(
            lambda _p: repair(store, folders),
            shown,
            lambda exc: show_error(self.window, exc),
            title=self.tr("Bringing files back…"),
            parent=self.window,
            cancellable=False,
        )

    def offer_removal(self, store: StoreReport) -> None:
        asked = QMessageBox.question(
            self.window,
            self.title(),
            self.tr("Remove the stray and leftover files now? Files written within the last hour are kept."),
        )
        if asked != QMessageBox.StandardButton.Yes:
            return
        url = self.ctx.db.url

        def shown(removed: Removed) -> None:
            QMessageBox.information(
                self.window, self.title(), store_text(removed.messages()) or self.tr("Nothing to do.")
            )

        self.ctx.tasks.run(
            lambda _p: remove_orphans(url, store),
            shown,
            lambda exc: show_error(self.window, exc),
            title=self.tr("Removing stray files…"),
            parent=self.window,
            cancellable=False,
        )
