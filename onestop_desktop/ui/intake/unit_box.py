"""The commune/ward box of the intake form: the units of the receipt day, matched without accents.

Since 1/7/2025 there are no districts and many communes merged: typing a former name ("gia ray") offers
the unit that now holds its territory, with a hint ("Gia Ray → nay thuộc xã Xuân Lộc").
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QStringListModel, Signal
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.text import fold
from onestop_desktop.services.catalogue.units import AddressBook, Successor

MAX_MATCHES = 25


class UnitBox(QComboBox):
    hint_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.book = AddressBook((), ())
        self.day = today_local()
        self.hint = ""  # shown under the field after a pick through a former name
        self._targets: dict[str, tuple[str, str]] = {}  # popup text -> (code, hint)
        # The combo's own completer matches accents exactly: ours matches folded text, and former names.
        self._model = QStringListModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setMaxVisibleItems(12)
        line = self.lineEdit()
        assert line is not None
        line.setCompleter(self._completer)
        line.textEdited.connect(self._edited)
        self._completer.activated[str].connect(self._picked)
        self.activated.connect(lambda _i: self._set_hint(""))  # a pick from the drop-down list

    # --- data --------------------------------------------------------------------------------------

    def set_book(self, book: AddressBook) -> None:
        """Every commune-level unit with its dates and the successor links (filtered by `self.day`)."""
        self.book = book
        self._fill()

    def set_day(self, day: date) -> None:
        """The receipt day: only the units valid that day are offered."""
        if day != self.day:
            self.day = day
            self._fill()

    def _fill(self) -> None:
        code = self.code()
        self.blockSignals(True)
        self.clear()
        self.addItem("", None)
        for u in self.book.on(self.day):
            self.addItem(u.label, u.code)
        i = self.findData(code) if code else 0
        self.setCurrentIndex(max(i, 0))
        self.blockSignals(False)

    # --- matching ----------------------------------------------------------------------------------

    def matches(self, text: str) -> list[tuple[str, str, str]]:
        """(popup text, code, hint) for `text`: units of the day containing it, then former units."""
        key = fold(text).strip()
        if not key:
            return []
        found = [(self.itemText(j), str(self.itemData(j)), "") for j in self._label_matches(key)]
        for s in self.book.successors(text, self.day):
            hint = self.hint_text(s)
            found.append((hint, s.unit.code, hint))
        return found[:MAX_MATCHES]

    def _label_matches(self, key: str) -> list[int]:
        return [j for j in range(1, self.count()) if key in fold(self.itemText(j))]

    def hint_text(self, s: Successor) -> str:
        """ "Gia Ray → now part of xã Xuân Lộc, tỉnh Đồng Nai" (a part only, for a split commune)."""
        old = s.former_name
        if fold(old) in fold(s.unit.label.split(",")[0]):  # same name: say it is the former unit
            old = self.tr("{name} (former, until {date})").format(name=old, date=fmt_date(s.former_valid_to))
        if s.part:
            return self.tr("{old} → part of it now in {new}").format(old=old, new=s.unit.label)
        return self.tr("{old} → now part of {new}").format(old=old, new=s.unit.label)

    def _edited(self, text: str) -> None:
        self._set_hint("")
        found = self.matches(text)
        self._targets = {shown: (code, hint) for shown, code, hint in found}
        self._model.setStringList(list(self._targets))
        if found:
            self._completer.complete()
        else:
            popup = self._completer.popup()
            if popup is not None:
                popup.hide()

    def _picked(self, shown: str) -> None:
        target = self._targets.get(shown)
        if target is not None:
            self._choose(max(self.findData(target[0]), 0), target[1])

    def _choose(self, index: int, hint: str) -> None:
        self._set_hint(hint)  # first: the form revalidates (and shows the hint) on the index change
        self.setCurrentIndex(index)

    def _set_hint(self, hint: str) -> None:
        if hint != self.hint:
            self.hint = hint
            self.setToolTip(hint)
            self.hint_changed.emit(hint)

    def _unit_index(self) -> int:
        """The unit the typed text names: the exact label, else the first label containing it (no accents),
        else the one unit that holds the territory of a former unit so named; 0 for none."""
        text = self.currentText()
        i = self.findText(text)
        if i > 0 or not text.strip():
            return max(i, 0)
        if text in self._targets:  # a popup row shown in the line edit (highlighted, not yet taken)
            return max(self.findData(self._targets[text][0]), 0)
        labels = self._label_matches(fold(text).strip())
        if labels:
            return labels[0]
        holders = {s.unit.code for s in self.book.successors(text, self.day)}
        return max(self.findData(holders.pop()), 0) if len(holders) == 1 else 0

    def code(self) -> str | None:
        i = self._unit_index()
        return self.itemData(i) if i > 0 else None

    def select_code(self, code: str | None) -> None:
        self._choose(max(self.findData(code), 0) if code else 0, "")

    def settle(self) -> None:
        """On leaving the box: select the unit the typed text names (nothing when it names none)."""
        text = self.currentText()
        i = self._unit_index()
        if i > 0 and self.currentIndex() != i:
            hint = self._targets.get(text, ("", ""))[1]
            if not hint and not self._label_matches(fold(text).strip()):
                hint = next((self.hint_text(s) for s in self.book.successors(text, self.day)), "")
            self._choose(i, hint)
