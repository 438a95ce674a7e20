"""The commune/ward box of the intake form: editable, and matched without accents."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from onestop_desktop.domain.text import fold


class UnitBox(QComboBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_units(self, units: list[tuple[str, str]]) -> None:
        """(code, label) of the communes/wards the clerk may pick."""
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for code, label in units:
            self.addItem(label, code)
        self.setCurrentIndex(0)
        self.blockSignals(False)

    def _unit_index(self) -> int:
        """The unit the typed text names: the exact label, else the first label containing it (no accents)."""
        text = self.currentText()
        i = self.findText(text)
        if i > 0 or not text.strip():
            return max(i, 0)
        key = fold(text)
        for j in range(1, self.count()):
            if key in fold(self.itemText(j)):
                return j
        return 0

    def code(self) -> str | None:
        i = self._unit_index()
        return self.itemData(i) if i > 0 else None

    def select_code(self, code: str | None) -> None:
        i = self.findData(code) if code else 0
        self.setCurrentIndex(max(i, 0))

    def settle(self) -> None:
        """On leaving the box: select the unit the typed text names."""
        i = self._unit_index()
        if i > 0 and self.currentIndex() != i:
            self.setCurrentIndex(i)
