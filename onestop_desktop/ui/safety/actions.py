"""The File menu's safety entries and the automatic backup; the main window owns one `SafetyMenu`."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu, QMessageBox

from onestop_desktop.bootstrap import database_file
from onestop_desktop.services.roles import Role
from onestop_desktop.services.safety import backup, integrity
from onestop_desktop.services.safety import restore as backup_restore
from onestop_desktop.services.safety.causes import DatabaseDamaged
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say
from onestop_desktop.ui.safety.auto import AutoBackup
from onestop_desktop.ui.safety.table import second_folder

log = logging.getLogger(__name__)


class SafetyMenu(QObject):
    """Back up now, restore, check, second folder, audit view; hides what the role cannot do."""

    def __init__(self, ctx: AppContext, window: QMainWindow, menu: QMenu) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        sqlite = database_file(ctx.db.url) is not None
        leader = ctx.is_role(Role.LEADER)
        self.backup_action = self._add(menu, self.tr("&Back up now…"), self.backup_now, sqlite)
        self.restore_action = self._add(
            menu, self.tr("&Restore from a backup…"), self.restore, sqlite and leader
        )
        self.check_action = self._add(menu, self.tr("Check the &database"), self.check, True)
        self.folder_action = self._add(menu, self.tr("&Second backup folder…"), self.choose_folder, sqlite)
        self.audit_action = self._add(menu, self.tr("&Audit log"), self.show_audit, leader)
        self.checking: QObject | None = None  # the check under way (ui/safety/check.py)
        self.auto = AutoBackup(
            ctx, lambda text: window.statusBar().showMessage(text, 15000), self, self.damaged
        )

    def _add(self, menu: QMenu, text: str, slot: Callable[[], None], visible: bool) -> QAction:
        act = QAction(text, self.window)
        act.triggered.connect(slot)
        act.setVisible(visible)
        menu.addAction(act)
        return act

    def backup_now(self) -> None:
        url, extra = self.ctx.db.url, second_folder()

        def done(outcome: backup.BackupOutcome) -> None:
            text = self.tr("The database was backed up to:\n{path}").format(path=outcome.path)
            if outcome.second_copy:
                text += "\n" + self.tr("Second copy:\n{path}").format(path=outcome.second_copy)
            files = [m for f in (outcome.files, outcome.second_files) if f is not None for m in f.messages()]
            if files:
                text += "\n\n" + "\n".join(say(m) for m in files)
            if outcome.second_error:
                text += "\n\n" + (say(outcome.second_problem) or outcome.second_error)
            QMessageBox.information(self.window, self.tr("Back up now"), text)

        self.ctx.tasks.run(
            lambda _p: backup.backup(url, also_to=extra, reason="manual"),
            done,
            lambda exc: show_error(self.window, exc),
            title=self.tr("Backing up…"),
            parent=self.window,
            cancellable=False,
        )

    def check(self) -> None:
        """The database's integrity, then its file store's (ui/safety/check.py)."""
        from onestop_desktop.ui.safety.check import CheckFlow

        self.checking = CheckFlow(self.ctx, self.window)  # kept: its offers run after the first task
        self.checking.start()

    def choose_folder(self) -> None:
        from onestop_desktop.ui.safety.folder import SecondFolderDialog

        SecondFolderDialog(self.window).exec()

    def show_audit(self) -> None:
        from onestop_desktop.ui.safety.audit_view import AuditDialog

        AuditDialog(self.ctx, self.window).exec()

    def restore(self) -> None:
        from onestop_desktop.ui.safety.restore import RestoreDialog

        dialog = RestoreDialog(self.ctx, self.window)
        if not dialog.exec() or dialog.chosen is None:
            return
        chosen, url, actor = dialog.chosen.path, self.ctx.db.url, self.ctx.actor
        self.ctx.tasks.wait_all(30000)
        self.auto.close()  # no automatic backup of a file being replaced

        def done(outcome: backup_restore.RestoreOutcome) -> None:
            self.ctx.db.engine.dispose()  # every pooled connection saw the old file
            files = "".join(say(m) + "\n\n" for m in outcome.files.messages())
            QMessageBox.information(
                self.window,
                self.tr("Backup restored"),
                self.tr(
                    "The data was restored from {file}.\nThe previous data was kept as {copy}.\n\n"
                    "{files}The program now closes, because every tab still shows the old data. "
                    "Start it again."
                ).format(file=outcome.restored_from.name, copy=outcome.safety_copy, files=files),
            )
            self.window.close()

        def failed(exc: Exception) -> None:
            show_error(self.window, exc)
            self.auto = AutoBackup(self.ctx, self.auto.notify, self, self.damaged)  # nothing replaced

        self.ctx.tasks.run(
            lambda _p: backup_restore.restore(url, chosen, actor),
            done,
            failed,
            title=self.tr("Restoring…"),
            parent=self.window,
            cancellable=False,
        )

    def damaged(self, exc: DatabaseDamaged) -> None:
        """A backup found the open file damaged: the damaged-file dialog, then the program closes."""
        from onestop_desktop.ui.safety.startup import damaged_while_open

        said = (exc.msg,) if exc.msg is not None else ()
        path = database_file(self.ctx.db.url)
        damaged_while_open(
            self.ctx, self.window, integrity.CheckResult(False, (exc.message,), str(path), said)
        )

    def close(self) -> None:
        """At exit: stop the timer and close the watch (after the task runner finished)."""
        self.auto.close()
