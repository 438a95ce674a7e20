"""Pieces of the intake form: the procedure completer, the documents checklist, the ID-card QR reader."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import QColor, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from onestop_desktop.domain.text import nfc
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.intake.checks import MAX_COUNT
from onestop_desktop.services.intake.lookup import search_procedures

ERROR_STYLE = "color: #b00020; font-size: 9pt;"
WARNING_STYLE = "color: #8a5a00; font-size: 9pt;"


class FieldBox(QWidget):
    """A field with its message line underneath (error in red, warning in amber)."""

    def __init__(self, field: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        layout.addWidget(field)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setVisible(False)
        layout.addWidget(self.message)
        self.setFocusProxy(field)

    def show_message(self, error: str | None, warning: str | None = None) -> None:
        if not (isValid(self.message) and isValid(self.field)):
            return  # focus-out signals still arrive while the form is being destroyed
        text = error or warning or ""
        self.message.setStyleSheet(ERROR_STYLE if error else WARNING_STYLE)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        invalid = bool(error)
        if bool(self.field.property("invalid")) != invalid:
            self.field.setProperty("invalid", invalid)
            # a palette, not a style sheet: style sheets break the grey of disabled placeholders
            palette = QPalette()
            if invalid:
                palette = self.field.palette()
                palette.setColor(QPalette.ColorRole.Base, QColor("#fdecee"))
            self.field.setPalette(palette)


def procedure_label(p: ProcedureInfo) -> str:
    return f"{p.name} · {p.field_name} · {p.code}"


class ProcedureField(QLineEdit):
    """Type part of a procedure's name, code or field (accents optional); most used come first."""

    procedure_changed = Signal(object)  # ProcedureInfo | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.procedures: list[ProcedureInfo] = []
        self.usage: dict[str, int] = {}
        self.current: ProcedureInfo | None = None
        self._by_label: dict[str, ProcedureInfo] = {}
        self._closing = False
        self.model = QStringListModel(self)
        self.completer_ = QCompleter(self.model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setMaxVisibleItems(12)
        self.setCompleter(self.completer_)
        self.completer_.activated[str].connect(self._activated)
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._finish)

    def event(self, e: QEvent) -> bool:
        # Esc while the list is open belongs to the list (closing it), not to the tab's "clear the form?"
        if (
            e.type() == QEvent.Type.ShortcutOverride
            and isinstance(e, QKeyEvent)
            and e.key() == Qt.Key.Key_Escape
            and self.completer_.popup().isVisible()
        ):
            e.accept()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        if e.key() == Qt.Key.Key_Escape and self.completer_.popup().isVisible():
            self._closing = True  # leaving the list this way picks nothing
            self.completer_.popup().hide()
            self._closing = False
            e.accept()
            return
        super().keyPressEvent(e)

    def set_catalogue(self, procedures: list[ProcedureInfo], usage: dict[str, int]) -> None:
        self.procedures, self.usage = procedures, usage
        code = self.current.code if self.current else None
        self.current = next((p for p in procedures if p.code == code), None)

    def matches(self, text: str) -> list[ProcedureInfo]:
        return search_procedures(self.procedures, text, self.usage, limit=25)

    def _edited(self, text: str) -> None:
        if self.current is not None and text != procedure_label(self.current):
            self.current = None
            self.procedure_changed.emit(None)
        found = self.matches(text) if text.strip() else []
        self._by_label = {procedure_label(p): p for p in found}
        self.model.setStringList(list(self._by_label))
        if found:
            self.completer_.complete()

    def _activated(self, label: str) -> None:
        p = self._by_label.get(label)
        if p is not None:
            self.select(p)

    def _finish(self) -> None:
        """Leaving the field with text but no choice takes the best match (keyboard flow)."""
        if self.current is None and self.text().strip() and not self._closing:
            found = self.matches(self.text())
            if found:
                self.select(found[0])

    def select(self, p: ProcedureInfo | None) -> None:
        changed = p != self.current
        self.current = p
        self.setText(procedure_label(p) if p else "")
        self.setCursorPosition(0)
        if changed:
            self.procedure_changed.emit(p)

    def select_code(self, code: str | None) -> None:
        self.select(next((p for p in self.procedures if p.code == code), None))


KINDS = ("original", "certified_copy", "photocopy")


class _CountDelegate(QStyledItemDelegate):
    def createEditor(
        self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QWidget:
        box = QSpinBox(parent)
        box.setRange(0, MAX_COUNT)
        return box


class DocumentsTable(QTableWidget):
    """The procedure's required documents with the counts received (0 everywhere: not handed in), and
    a last column marking the lines whose scans are attached or waiting (files may be dropped on a line)."""

    changed = Signal()
    reset = Signal()  # new lines (another procedure, a cleared form): their scans no longer apply
    files_dropped = Signal(int, list)  # line (1-based), [Path]
    SCAN_COLUMN = 4

    def __init__(self, parent: QWidget | None = None, read_only: bool = False) -> None:
        super().__init__(0, 5, parent)
        self.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Originals"),
                self.tr("Certified copies"),
                self.tr("Photocopies"),
                self.tr("Scans"),
            ]
        )
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3, 4):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.verticalHeader().setVisible(False)
        self.setItemDelegate(_CountDelegate(self))
        self.setTabKeyNavigation(False)  # Tab leaves the table: arrows move, digits edit
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.NoEditTriggers
            if read_only
            else QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setWordWrap(True)
        self.setMinimumHeight(120)
        self.setAcceptDrops(True)
        self.viewport().setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.itemChanged.connect(lambda _item: self.changed.emit())

    def set_documents(self, docs: list[DocumentCount]) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        for doc in docs:
            row = self.rowCount()
            self.insertRow(row)
            name = QTableWidgetItem(doc.name)
            name.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            name.setToolTip(doc.name)
            self.setItem(row, 0, name)
            for col, n in enumerate((doc.originals, doc.certified_copies, doc.photocopies), start=1):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, int(n))
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.setItem(row, col, item)
            mark = QTableWidgetItem()
            mark.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            mark.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.setItem(row, self.SCAN_COLUMN, mark)
            self.set_scan_mark(row + 1, "", self.tr("Not scanned"))
        self.resizeRowsToContents()
        self.blockSignals(False)
        if self.rowCount():
            self.setCurrentCell(0, 1)
        self.reset.emit()
        self.changed.emit()

    def documents(self) -> list[DocumentCount]:
        out = []
        for row in range(self.rowCount()):
            counts = [int(self.item(row, c).data(Qt.ItemDataRole.EditRole) or 0) for c in (1, 2, 3)]
            out.append(DocumentCount(self.item(row, 0).text(), *counts))
        return out

    # --- scans ---------------------------------------------------------------------------------------

    def current_line(self) -> int | None:
        row = self.currentRow()
        return row + 1 if 0 <= row < self.rowCount() else None

    def line_name(self, line: int) -> str:
        item = self.item(line - 1, 0) if 1 <= line <= self.rowCount() else None
        return item.text() if item is not None else ""

    def set_scan_mark(self, line: int, text: str, accessible: str) -> None:
        """The mark of a line's scans (e.g. "✔ 3 tr."), read aloud and shown as a tip as `accessible`."""
        item = self.item(line - 1, self.SCAN_COLUMN) if 1 <= line <= self.rowCount() else None
        if item is None:
            return
        was = self.blockSignals(True)  # a mark is not an edit of the counts
        item.setText(text)
        item.setToolTip(accessible)
        item.setData(Qt.ItemDataRole.AccessibleTextRole, accessible)
        self.blockSignals(was)

    def _drop_paths(self, e: QDropEvent | QDragEnterEvent | QDragMoveEvent) -> list[Path]:
        mime = e.mimeData()
        if not mime.hasUrls():
            return []
        return [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile() and u.toLocalFile()]

    def dragEnterEvent(self, e: QDragEnterEvent) -> None:
        if self._drop_paths(e) and self.rowCount():
            e.acceptProposedAction()
        else:
            e.ignore()

    def dragMoveEvent(self, e: QDragMoveEvent) -> None:
        if self._drop_paths(e) and self.rowCount():
            row = self.rowAt(e.position().toPoint().y())
            if row >= 0:
                self.setCurrentCell(row, self.SCAN_COLUMN)  # the line the files will go to
            e.acceptProposedAction()
        else:
            e.ignore()

    def dropEvent(self, e: QDropEvent) -> None:
        paths = self._drop_paths(e)
        if not paths or not self.rowCount():
            e.ignore()
            return
        row = self.rowAt(e.position().toPoint().y())
        if row < 0:
            row = max(self.currentRow(), 0)
        self.setCurrentCell(row, self.SCAN_COLUMN)
        e.acceptProposedAction()
        self.files_dropped.emit(row + 1, paths)


def required_documents(p: ProcedureInfo) -> list[DocumentCount]:
    """The checklist's starting counts: what the catalogue expects of each paper."""
    out = []
    for d in p.documents:
        counts = [d.count if d.kind == k else 0 for k in KINDS]
        out.append(DocumentCount(d.name, *counts))
    return out


# --- the QR code of a chip-based citizen ID card, typed by a 2D scanner --------------------------

_QR = re.compile(r"(\d{12}|\d{9})\|(\d{9})?\|([^|]+)\|(\d{8})\|([^|]*)\|([^|]+)\|(\d{8})$")


@dataclass(frozen=True)
class IdCard:
    number: str
    old_number: str
    full_name: str
    birth_date: date
    sex: str
    address: str
    issued: date


def _ddmmyyyy(s: str) -> date:
    return date(int(s[4:]), int(s[2:4]), int(s[:2]))


def parse_id_qr(text: str) -> tuple[str, IdCard] | None:
    """(text typed before the scan, card) when `text` ends with a complete ID-card QR payload."""
    m = _QR.search(nfc(text).strip())
    if m is None:
        return None
    try:
        card = IdCard(
            m.group(1),
            m.group(2) or "",
            m.group(3).strip(),
            _ddmmyyyy(m.group(4)),
            m.group(5).strip(),
            m.group(6).strip(),
            _ddmmyyyy(m.group(7)),
        )
    except ValueError:
        return None
    return nfc(text).strip()[: m.start()], card


class QrWatcher(QObject):
    """Watches line edits: when one of them receives a whole QR payload, `scanned` fires."""

    scanned = Signal(object)  # IdCard

    def watch(self, edit: QLineEdit) -> None:
        edit.textChanged.connect(lambda text, e=edit: self._check(e, text))

    def _check(self, edit: QLineEdit, text: str) -> None:
        if text.count("|") < 6:
            return
        parsed = parse_id_qr(text)
        if parsed is None:
            return
        before, card = parsed
        edit.blockSignals(True)
        edit.setText(before)  # the scanned text never stays in the field that had the focus
        edit.blockSignals(False)
        self.scanned.emit(card)
