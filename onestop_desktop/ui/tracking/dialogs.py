"""Small dialogs that collect what an action needs: the receiving officer, a note, a new date."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from onestop_desktop.domain.fmt import fmt_datetime


def _qdt(dt: datetime) -> QDateTime:
    return QDateTime(dt.year, dt.month, dt.day, dt.hour, dt.minute, 0)


def _py(q: QDateTime) -> datetime:
    d, t = q.date(), q.time()
    return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())


class _Base(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.error = QLabel()
        self.error.setStyleSheet("color: #a61b1b")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        self.setMinimumWidth(460)

    def _finish_layout(self) -> None:
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)

    def _accept(self) -> None:
        message = self.problem()
        if message:
            self.error.setText(message)
            return
        self.accept()

    def problem(self) -> str:
        return ""


class TransferDialog(_Base):
    """Choose the officer or department that receives the dossier."""

    def __init__(
        self, people: list[tuple[int, str]], current_holder: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Transfer the dossier"), parent)
        self.person = QComboBox()
        self.person.setObjectName("person")
        for uid, name in people:
            if uid != current_holder:
                self.person.addItem(name, uid)
        self.note = QPlainTextEdit()
        self.note.setMaximumHeight(70)
        self.form.addRow(self.tr("Hand over to"), self.person)
        self.form.addRow(self.tr("Note"), self.note)
        self._finish_layout()

    def problem(self) -> str:
        return "" if self.person.currentData() is not None else self.tr("Choose who receives the dossier.")

    def values(self) -> dict[str, object]:
        return {"to_user_id": self.person.currentData(), "note": self.note.toPlainText().strip()}


class NoteDialog(_Base):
    """A note or reason; `required` refuses an empty one."""

    def __init__(
        self, title: str, label: str, required: bool, parent: QWidget | None = None, text: str = ""
    ) -> None:
        super().__init__(title, parent)
        self.required = required
        self.text = QPlainTextEdit()
        self.text.setObjectName("note")
        self.text.setPlainText(text)
        self.text.setMinimumHeight(90)
        self.form.addRow(label, self.text)
        self._finish_layout()

    def problem(self) -> str:
        if self.required and not self.text.toPlainText().strip():
            return self.tr("This field is required.")
        return ""

    def values(self) -> dict[str, object]:
        return {"note": self.text.toPlainText().strip()}


class SupplementDialog(_Base):
    """What the citizen must bring: tick papers of the dossier's own checklist (the list of the version it
    was received under), add anything else as free text. Space ticks the current paper."""

    def __init__(self, title: str, documents: list[str], parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.papers = QListWidget()
        self.papers.setObjectName("papers")
        for name in documents:
            item = QListWidgetItem(name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setToolTip(name)
            self.papers.addItem(item)
        self.papers.setWordWrap(True)
        self.papers.setMinimumHeight(min(220, 26 * max(2, len(documents)) + 6))
        if documents:
            self.papers.setCurrentRow(0)
        self.text = QPlainTextEdit()
        self.text.setObjectName("note")
        self.text.setMaximumHeight(80)
        self.text.setTabChangesFocus(True)
        self.form.addRow(self.tr("Papers of the checklist to add or complete"), self.papers)
        self.form.addRow(self.tr("Other items or how to complete them (one per line)"), self.text)
        self._finish_layout()
        self.setMinimumWidth(560)

    def ticked(self) -> list[str]:
        items = (self.papers.item(i) for i in range(self.papers.count()))
        return [it.text() for it in items if it.checkState() == Qt.CheckState.Checked]

    def problem(self) -> str:
        if not self.ticked() and not self.text.toPlainText().strip():
            return self.tr("Tick the missing papers or write what is missing.")
        return ""

    def values(self) -> dict[str, object]:
        extra = [line.strip() for line in self.text.toPlainText().splitlines() if line.strip()]
        return {"note": "\n".join([*self.ticked(), *extra])}


class ApologyDialog(_Base):
    """Form 04: the reason for the delay and the new appointment."""

    def __init__(
        self, old_due: datetime, proposed: datetime, extension: bool, parent: QWidget | None = None
    ) -> None:
        # Thông tư 03/2025 (extension=True): a letter asking for an extension of the time to settle;
        # Thông tư 01/2018: an apology slip with a new appointment. Both are form 04.
        title = (
            self.tr("Apology and extension request (form 04)")
            if extension
            else self.tr("Apology and new appointment (form 04)")
        )
        super().__init__(title, parent)
        self.old_due = old_due
        self.form.addRow(self.tr("Current appointment"), QLabel(fmt_datetime(old_due)))
        self.new_due = QDateTimeEdit(_qdt(proposed))
        self.new_due.setObjectName("new_due")
        self.new_due.setDisplayFormat("dd/MM/yyyy HH:mm")
        self.new_due.setCalendarPopup(True)
        self.reason = QPlainTextEdit()
        self.reason.setObjectName("reason")
        self.reason.setMinimumHeight(80)
        self.form.addRow(
            self.tr("Extension requested until") if extension else self.tr("New appointment"), self.new_due
        )
        self.form.addRow(self.tr("Reason for the delay"), self.reason)
        self._finish_layout()

    def problem(self) -> str:
        if not self.reason.toPlainText().strip():
            return self.tr("Give the reason for the delay.")
        if _py(self.new_due.dateTime()) <= self.old_due:
            return self.tr("The new appointment must be after the current one.")
        return ""

    def values(self) -> dict[str, object]:
        return {"new_due": _py(self.new_due.dateTime()), "reason": self.reason.toPlainText().strip()}
