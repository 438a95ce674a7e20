"""The list of backups shared by the Restore dialog and the damaged-file dialog at start-up."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from onestop_desktop import prefs
from onestop_desktop.domain.fmt import fmt_datetime, fmt_int
from onestop_desktop.domain.sizes import size_text
from onestop_desktop.services.safety import backup
from onestop_desktop.services.safety.backup import BackupInfo
from onestop_desktop.ui.i18n import say

CONTEXT = "BackupTable"
REASONS = {  # file-name reason -> label (translated when shown)
    "startup": QT_TRANSLATE_NOOP("BackupTable", "At start-up"),
    "auto": QT_TRANSLATE_NOOP("BackupTable", "Automatic (30 minutes)"),
    "manual": QT_TRANSLATE_NOOP("BackupTable", "Backed up by hand"),
    "before-import": QT_TRANSLATE_NOOP("BackupTable", "Before an import"),
    "before-restore": QT_TRANSLATE_NOOP("BackupTable", "Before a restore"),
    "before-migration": QT_TRANSLATE_NOOP("BackupTable", "Before a program update"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def reason_label(reason: str) -> str:
    return _tr(str(REASONS[reason])) if reason in REASONS else reason


def fmt_size(size: int) -> str:
    return say(size_text(size))


def second_folder() -> Path | None:
    """The second backup folder chosen by the user (a USB stick), if any."""
    folder = prefs.load().backup_folder
    return Path(folder) if folder else None


def all_backups(db_file: Path) -> list[BackupInfo]:
    """The backups of `db_file` in its own folder and in the second folder, newest first."""
    found = backup.list_backups(backup.default_folder(db_file))
    extra = second_folder()
    if extra is not None and extra.resolve() != backup.default_folder(db_file).resolve():
        found += backup.list_backups(extra)
    found.sort(key=lambda b: (b.taken_at, b.path.stat().st_mtime), reverse=True)
    return found


class BackupTable(QTableWidget):
    """Date, kind, size, dossiers and the last dossier code of each backup; unreadable ones greyed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(0, 6, parent)
        self.setObjectName("backups")
        self.setHorizontalHeaderLabels(
            [
                QCoreApplication.translate("BackupTable", "Taken at"),
                QCoreApplication.translate("BackupTable", "Kind"),
                QCoreApplication.translate("BackupTable", "Size"),
                QCoreApplication.translate("BackupTable", "Dossiers"),
                QCoreApplication.translate("BackupTable", "Latest dossier"),
                QCoreApplication.translate("BackupTable", "File"),
            ]
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.horizontalHeader().setStretchLastSection(True)
        self.backups: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.backups = list(backups)
        self.setRowCount(len(self.backups))
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for row, b in enumerate(self.backups):
            cells = [
                (fmt_datetime(b.taken_at), None),
                (reason_label(b.reason), None),
                (fmt_size(b.size), right),
                (
                    fmt_int(b.dossiers)
                    if b.dossiers is not None
                    else QCoreApplication.translate("BackupTable", "unreadable"),
                    right,
                ),
                (b.last_code or "", None),
                (str(b.path), None),
            ]
            for col, (text, align) in enumerate(cells):
                item = QTableWidgetItem(text)
                if align is not None:
                    item.setTextAlignment(align)
                if b.error:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                    item.setToolTip(b.error)
                self.setItem(row, col, item)
        good = [i for i, b in enumerate(self.backups) if b.error is None]
        if good:
            self.selectRow(good[0])

    def selected(self) -> BackupInfo | None:
        rows = self.selectionModel().selectedRows()
        if not rows:
            return None
        chosen = self.backups[rows[0].row()]
        return None if chosen.error else chosen
