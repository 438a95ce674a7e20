"""Start-up safety: a quick check of the SQLite file before opening it, and the start-up backup.

A damaged file never reaches the user as a traceback: a dialog explains it and offers the latest good
backup. Restoring needs a leader or an administrator; nobody is signed in yet and the damaged file's
own accounts cannot be trusted, so they sign in with the accounts as they were in that backup.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.bootstrap import database_file, database_url
from onestop_desktop.domain.fmt import fmt_int
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety import accounts, backup, integrity
from onestop_desktop.services.safety import restore as backup_restore
from onestop_desktop.services.safety.backup import BackupInfo
from onestop_desktop.services.safety.causes import DatabaseDamaged
from onestop_desktop.services.safety.integrity import CheckResult
from onestop_desktop.services.safety.restore import RestoreOutcome
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import language, say, say_failure
from onestop_desktop.ui.safety.table import BackupTable, all_backups, second_folder

log = logging.getLogger(__name__)
T = TypeVar("T")
# quick_check reads the whole file (about 3 s per GB here): above this size it runs after the window
# shows, so the window still opens in about a second with a million dossiers.
BLOCKING_CHECK_BYTES = 200 * 1024 * 1024


def target_url(database: str | None, demo: bool) -> str:
    """The URL `open_database(database, demo=demo)` will open."""
    return database_url(database, demo=demo)


def in_thread(work: Callable[[], T], label: str) -> T:
    """Run `work` on a helper thread while the screen keeps painting (before the main window exists)."""
    dialog = QProgressDialog(label, "", 0, 0)
    dialog.setCancelButton(None)
    dialog.setMinimumDuration(500)
    out: list[Any] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            out.append(work())
        except BaseException as exc:  # raised again below, on the GUI thread
            errors.append(exc)

    worker = threading.Thread(target=run, name="startup-safety")
    worker.start()
    while worker.is_alive():
        QApplication.processEvents()
        worker.join(0.05)
    dialog.close()
    if errors:
        raise errors[0]
    return out[0]  # type: ignore[no-any-return]


def check_or_restore(url: str, parent: QWidget | None = None) -> bool:
    """True when the database may be opened: sound, not SQLite, new, or just restored."""
    path = database_file(url)
    if path is None or not path.exists():
        return True
    try:
        label = QCoreApplication.translate("DamagedDialog", "Checking the database…")
        if integrity.damage_reported(path):  # a write or a backup met a damaged page: the full check
            result = in_thread(lambda: integrity.check_reported_damage(path), label)
        elif path.stat().st_size > BLOCKING_CHECK_BYTES:  # the full quick_check follows in the background
            result = integrity.check_structure(path)
        else:
            result = in_thread(lambda: integrity.check(url, quick=True), label)
    except Exception:  # e.g. no permission: opening the database reports it in words
        log.exception("start-up check failed")
        return True
    if result.ok:
        return True
    log.error("damaged database %s: %s", path, "; ".join(result.findings))
    return DamagedDialog(url, result, parent).exec() == QDialog.DialogCode.Accepted


class DamagedDialog(QDialog):
    """The file is damaged: restore a backup (leader or administrator), or quit."""

    def __init__(self, url: str, result: CheckResult, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.url = url
        self.db_file = backup.database_file(url)
        self.outcome: RestoreOutcome | None = None
        self.setWindowTitle(self.tr("The database is damaged"))
        fit_resize(self, 900, 520)
        findings = "\n".join(f"• {f}" for f in result.lines(language())[:5])
        intro = QLabel(
            self.tr(
                "The database file {file} is damaged and cannot be opened safely:\n{findings}\n\n"
                "Restore the latest good backup, or quit and call your administrator. The damaged file "
                "is kept as a safety copy before anything is restored."
            ).format(file=self.db_file, findings=findings)
        )
        intro.setWordWrap(True)
        self.table = BackupTable()
        self.table.set_backups(all_backups(self.db_file))
        self.none_label = QLabel(
            self.tr(
                "No backup was found in {folder}. Choose a backup file (for example on a USB stick)."
            ).format(folder=backup.default_folder(self.db_file))
        )
        self.none_label.setWordWrap(True)
        self.none_label.setVisible(not self.table.backups)
        self.username = QLineEdit()
        self.username.setObjectName("username")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Leader or administrator:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        hint = QLabel(self.tr("Sign in with the accounts as they were when the backup was taken."))
        hint.setEnabled(False)
        self.buttons = QDialogButtonBox()
        self.restore_button = self.buttons.addButton(
            self.tr("Restore the selected backup"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        browse = self.buttons.addButton(
            self.tr("Choose a backup file…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.quit_button = self.buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.restore_button.clicked.connect(self.restore)
        browse.clicked.connect(self.browse)
        self.quit_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.table, self.none_label):
            layout.addWidget(w)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)

    def browse(self) -> None:
        start = second_folder() or backup.default_folder(self.db_file)
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Choose a backup file"), str(start), self.tr("Backups (*.sqlite3)")
        )
        if not name:
            return
        found = backup.list_backups(Path(name).parent)
        chosen = [b for b in found if b.path.name == Path(name).name]
        self.table.set_backups(chosen + [b for b in self.table.backups if b.path != Path(name)])
        self.none_label.hide()

    def chosen(self) -> BackupInfo | None:
        return self.table.selected()

    def restore(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            QMessageBox.information(self, self.windowTitle(), self.tr("Select a readable backup first."))
            return
        user, password = self.username.text(), self.password.text()
        try:
            actor = accounts.authenticate_in_backup(chosen.path, user, password)
            label = self.tr("Restoring the backup…")
            self.outcome = in_thread(lambda: backup_restore.restore(self.url, chosen.path, actor), label)
        except ServiceError as exc:
            show_error(self, exc)
            return
        QMessageBox.information(
            self,
            self.tr("Backup restored"),
            self.tr(
                "The database was restored from {file} ({count} dossiers).\n"
                "The damaged file was kept as {copy}."
            ).format(
                file=self.outcome.restored_from.name,
                count=fmt_int(self.outcome.dossiers or 0),
                copy=self.outcome.safety_copy,
            ),
        )
        self.accept()


def backup_at_start(ctx: AppContext, window: QMainWindow) -> None:
    """The start-up backup (with retention) on the task runner, after the background check of a big file.

    Its outcome goes to the status bar; damage found in the background opens the damaged-file dialog.
    """
    path = database_file(ctx.db.url)
    if path is None:
        return
    url, extra = ctx.db.url, second_folder()
    big = path.stat().st_size > BLOCKING_CHECK_BYTES

    def work(_p: Any) -> backup.BackupOutcome | CheckResult:
        if big:
            checked = integrity.check(url, quick=True)
            if not checked.ok:
                return checked
        return backup.backup(url, also_to=extra, reason="startup")

    def done(outcome: backup.BackupOutcome | CheckResult) -> None:
        if isinstance(outcome, CheckResult):
            damaged_while_open(ctx, window, outcome)
            return
        text = QCoreApplication.translate("SafetyStartup", "Start-up backup: {file}").format(
            file=outcome.path.name
        )
        if outcome.second_error:
            text += " — " + (say(outcome.second_problem) or outcome.second_error)
        window.statusBar().showMessage(text, 15000)

    def failed(exc: Exception) -> None:
        log.error("start-up backup failed: %s", exc)
        if isinstance(exc, DatabaseDamaged):  # the copy failed integrity_check where quick_check passed
            said = (exc.msg,) if exc.msg is not None else ()
            damaged_while_open(ctx, window, CheckResult(False, (exc.message,), str(path), said))
            return
        message = say_failure(exc, path)
        window.statusBar().showMessage(
            QCoreApplication.translate("SafetyStartup", "Start-up backup failed: {why}").format(why=message)
        )

    ctx.tasks.run(work, done, failed)


def damaged_while_open(ctx: AppContext, window: QMainWindow, result: CheckResult) -> None:
    """Damage found after the window opened: offer a backup; after a restore, or not, the program closes."""
    log.error("damaged database found in the background: %s", "; ".join(result.findings))
    ctx.tasks.wait_all(30000)
    ctx.db.engine.dispose()
    DamagedDialog(ctx.db.url, result, window).exec()
    ctx.db.engine.dispose()
    QMessageBox.information(
        window,
        QCoreApplication.translate("SafetyStartup", "The database is damaged"),
        QCoreApplication.translate("SafetyStartup", "The program closes now. Start it again."),
    )
    window.close()
