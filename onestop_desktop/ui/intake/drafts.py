"""The clerk's unfinished forms, newest first: Enter resumes one, Delete discards it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.services.intake.drafts import DraftInfo


class DraftsList(QListWidget):
    resume_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("drafts")
        self.itemActivated.connect(lambda item: self.resume_requested.emit(self._id(item)))

    @staticmethod
    def _id(item: QListWidgetItem) -> int:
        return int(item.data(Qt.ItemDataRole.UserRole))

    def show_drafts(self, drafts: list[DraftInfo], open_id: int | None) -> None:
        self.clear()
        for d in drafts:
            text = f"{fmt_datetime(d.updated_at)} · {d.label}"
            if d.id == open_id:
                text += " " + self.tr("(open)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, d.id)
            item.setToolTip(text)
            self.addItem(item)

    def current_id(self) -> int | None:
        item = self.currentItem()
        return self._id(item) if item is not None else None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete and (draft_id := self.current_id()) is not None:
            self.delete_requested.emit(draft_id)
            return
        super().keyPressEvent(event)
