"""The small "from the scanner" tray: the complete files of the scanner folder, waiting for a line."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop import prefs
from onestop_desktop.services.attachments.attach import size_text
from onestop_desktop.ui.i18n import say
from onestop_desktop.ui.intake.scanner_folder import ScannerWatcher

PATH_ROLE = Qt.ItemDataRole.UserRole


def choose_folder(parent: QWidget, current: str) -> str:
    """The folder dialog (a module function, so tests can replace it)."""
    title = QCoreApplication.translate("ScannerTray", "The folder where the scanner saves its files")
    return QFileDialog.getExistingDirectory(parent, title, current)


class _TrayList(QListWidget):
    take_requested = Signal()
    hide_requested = Signal()

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.take_requested.emit()
        elif e.key() == Qt.Key.Key_Delete:
            self.hide_requested.emit()
        else:
            super().keyPressEvent(e)
            return
        e.accept()


class ScannerTray(QWidget):
    """Enter (or F4 anywhere in the tab) puts the selected files on the current line; Delete hides one."""

    take_requested = Signal()

    def __init__(self, watcher: ScannerWatcher, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scannerTray")
        self.watcher = watcher
        caption = QLabel(self.tr("From the scanner (F4 puts the selected file on the current line):"))
        caption.setWordWrap(True)
        self.list = _TrayList()
        self.list.setObjectName("scannerFiles")
        self.list.setAccessibleName(self.tr("Files from the scanner"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setMaximumHeight(84)
        self.list.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.list.take_requested.connect(self.take_requested.emit)
        self.list.hide_requested.connect(self.hide_selected)
        self.list.itemActivated.connect(lambda _i: self.take_requested.emit())
        self.status = QLabel()
        self.status.setObjectName("scannerStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #555;")
        self.folder_button = QPushButton(self.tr("Scanner folder…"))
        self.folder_button.setObjectName("scannerFolderButton")
        self.folder_button.clicked.connect(self.choose)
        top = QHBoxLayout()
        top.addWidget(caption, 1)
        top.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.list)
        layout.addWidget(self.status)
        watcher.changed.connect(self.refresh)
        watcher.problem.connect(lambda _t: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        keep = {str(p) for p in self.selected()}
        self.list.clear()
        files = self.watcher.ready()
        for f in files:
            item = QListWidgetItem(f"{f.name} · {say(size_text(f.size))}")
            item.setData(PATH_ROLE, str(f.path))
            item.setToolTip(str(f.path))
            self.list.addItem(item)
            item.setSelected(str(f.path) in keep)
        if files and not self.list.selectedItems():
            self.list.item(0).setSelected(True)  # the oldest file: the first the scanner finished
            self.list.setCurrentRow(0)
        folder = self.watcher.folder
        if folder is None:
            text = self.tr("No scanner folder chosen: choose the folder where the scanner saves its files.")
        elif self.watcher.error:
            text = self.tr("The scanner folder {folder} cannot be read.").format(folder=folder)
        elif not files:
            text = self.tr("Waiting for the scanner in {folder}").format(folder=folder)
        else:
            text = self.tr("{n} file(s) waiting in {folder}").format(n=len(files), folder=folder)
        self.status.setText(text)

    def selected(self) -> list[Path]:
        return [Path(str(i.data(PATH_ROLE))) for i in self.list.selectedItems()]

    def hide_selected(self) -> None:
        self.watcher.take(self.selected())

    def choose(self) -> None:
        p = prefs.load()
        chosen = choose_folder(self, p.scanner_folder)
        if not chosen:
            return
        p.scanner_folder = str(Path(chosen))
        prefs.save(p)
        self.watcher.set_folder(p.scanner_folder)
