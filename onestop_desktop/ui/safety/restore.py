"""Choosing a backup to restore (leader or administrator): date, size, dossiers, latest dossier."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from onestop_desktop.domain.fmt import fmt_datetime, fmt_int
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.backup import BackupInfo
from onestop_desktop.ui.common.messages import confirm
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.safety.table import BackupTable, all_backups


class RestoreDialog(QDialog):
    """Lists the backups; accepted with `chosen` set once the user confirmed."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.chosen: BackupInfo | None = None
        self.setWindowTitle(self.tr("Restore from a backup"))
        fit_resize(self, 900, 480)
        db_file = backup.database_file(ctx.db.url)
        intro = QLabel(
            self.tr(
                "Choose the backup to bring back. The current data is first kept as a safety copy; "
                "everything entered after the chosen backup will no longer be in the program. "
                "The program closes after the restore: start it again."
            )
        )
        intro.setWordWrap(True)
        self.table = BackupTable()
        self.table.set_backups(all_backups(db_file))
        self.table.doubleClicked.connect(self.restore)
        self.empty = QLabel(
            self.tr("No backup yet in {folder}.").format(folder=backup.default_folder(db_file))
        )
        self.empty.setVisible(not self.table.backups)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = self.buttons.addButton(
            self.tr("Restore…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.restore_button.setEnabled(self.table.selected() is not None)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(self.table.selected() is not None)
        )
        self.restore_button.clicked.connect(self.restore)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (intro, self.table, self.empty, self.buttons):
            layout.addWidget(w)

    def restore(self) -> None:
        chosen = self.table.selected()
        if chosen is None:
            return
        question = self.tr(
            "Restore the backup taken at {when} ({count} dossiers, latest {code})?\n"
            "The program will close afterwards."
        ).format(
            when=fmt_datetime(chosen.taken_at),
            count=fmt_int(chosen.dossiers or 0),
            code=chosen.last_code or "—",
        )
        if confirm(self, self.tr("Restore from a backup"), question):
            self.chosen = chosen
            self.accept()
