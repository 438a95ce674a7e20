"""The 30-minute backup: a timer and a ChangeWatch; it copies only when something was committed."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer

from onestop_desktop.bootstrap import database_file
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.causes import DatabaseDamaged
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say, say_failure
from onestop_desktop.ui.safety.table import second_folder

log = logging.getLogger(__name__)
INTERVAL_MS = 30 * 60 * 1000


class AutoBackup(QObject):
    """Owns the timer and the watch; `close()` before the database goes away (window close, restore)."""

    def __init__(
        self,
        ctx: AppContext,
        notify: Callable[[str], None],
        parent: QObject | None = None,
        on_damage: Callable[[DatabaseDamaged], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.notify = notify
        self.on_damage = on_damage  # the copy failed its integrity check: the window offers a backup
        self.running = False
        self.last: backup.BackupOutcome | None = None
        self.watch: backup.ChangeWatch | None = None
        if database_file(ctx.db.url) is not None:
            try:
                self.watch = backup.ChangeWatch(ctx.db.url)
            except ServiceError as exc:
                log.warning("no automatic backups: %s", exc)
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.tick)
        if self.watch is not None:
            self.timer.start()

    def tick(self) -> None:
        """Back up through the task runner if something changed (never two at once)."""
        watch = self.watch
        if watch is None or self.running:
            return
        self.running = True
        url, extra = self.ctx.db.url, second_folder()
        self.ctx.tasks.run(
            lambda _p: backup.backup_if_changed(url, watch, also_to=extra), self._done, self._failed
        )

    def _done(self, outcome: backup.BackupOutcome | None) -> None:
        self.running = False
        if outcome is None:
            return
        self.last = outcome
        text = QCoreApplication.translate("AutoBackup", "Automatic backup: {file}").format(
            file=outcome.path.name
        )
        if outcome.second_error:
            text += " — " + (say(outcome.second_problem) or outcome.second_error)
        self.notify(text)

    def _failed(self, exc: Exception) -> None:
        self.running = False
        log.error("automatic backup failed: %s", exc)
        if isinstance(exc, DatabaseDamaged) and self.on_damage is not None:
            self.close()  # no more copies of a damaged file
            self.on_damage(exc)
            return
        why = say_failure(exc, self.ctx.db.url)  # damaged, disk full, read-only: the real cause
        self.notify(
            QCoreApplication.translate("AutoBackup", "Automatic backup failed: {why}").format(why=why)
        )

    def close(self) -> None:
        self.timer.stop()
        if self.watch is not None:
            self.watch.close()
            self.watch = None
