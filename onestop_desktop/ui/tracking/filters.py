"""The filter bar: free text as you type, quick filters with counts, more filters, saved filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.domain.states import DossierStatus, status_msg
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI
from onestop_desktop.services.tracking import filters as tracking_filters
from onestop_desktop.services.tracking import query
from onestop_desktop.services.tracking import saved_filters as tracking_saved_filters
from onestop_desktop.services.tracking.filters import Sort, TrackingFilter
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import num, say

NO_DATE = QDate(2000, 1, 1)
TYPING_DELAY_MS = 150
MIN_SEARCH = 3


def _date(edit: QDateEdit) -> date | None:
    d = edit.date()
    return None if d == edit.minimumDate() else date(d.year(), d.month(), d.day())


class FilterBar(QWidget):
    """Emits `changed` with the new filter (typing is debounced by TYPING_DELAY_MS)."""

    changed = Signal(object)
    sort_requested = Signal(object)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._loading = False
        self.sort_provider: Callable[[], Sort] = Sort
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_DELAY_MS)
        self._timer.timeout.connect(self._emit)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(340)
        self.search.setPlaceholderText(
            self.tr("Search by code, name, ID number or phone (at least 3 characters, accents optional)…")
        )
        self.search.textChanged.connect(lambda _t: self._timer.start())

        self.quick_group = QButtonGroup(self)
        self.quick_group.setExclusive(True)
        self.quick_buttons: dict[str, QToolButton] = {}
        quick_row = QHBoxLayout()
        quick_row.setSpacing(4)
        for key in tracking_filters.QUICK_FILTERS:
            b = QToolButton()
            b.setCheckable(True)
            b.setObjectName(f"quick_{key}")
            b.setProperty("quick", key)
            self.quick_group.addButton(b)
            self.quick_buttons[key] = b
            quick_row.addWidget(b)
        self.quick_buttons["open"].setChecked(True)
        self.quick_group.buttonClicked.connect(lambda _b: self._emit())
        self.set_counts({})

        self.more_button = QToolButton()
        self.more_button.setText(self.tr("More filters"))
        self.more_button.setCheckable(True)
        self.saved = QComboBox()
        self.saved.setObjectName("saved_filters")
        self.saved.setMinimumWidth(160)
        self.saved.activated.connect(self._apply_saved)
        self.save_button = QPushButton(self.tr("Save filter…"))
        self.save_button.clicked.connect(lambda: self.save_current())
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.clicked.connect(self.delete_saved)

        # Two rows, so the tab fits a 1366-pixel laptop screen: search and saved filters above,
        # the quick filters (with their counts) below.
        top = QHBoxLayout()
        top.addWidget(self.search, 3)
        top.addWidget(QLabel(self.tr("Saved:")))
        top.addWidget(self.saved, 1)
        top.addWidget(self.save_button)
        top.addWidget(self.delete_button)
        second = QHBoxLayout()
        second.addLayout(quick_row)
        second.addWidget(self.more_button)
        second.addStretch(1)

        self.more = QWidget()
        self.more.setVisible(False)
        self.more_button.toggled.connect(self.more.setVisible)
        self._build_more()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.more)
        self.reload_saved()

    def _combo(self, items: list[tuple[object, str]]) -> QComboBox:
        c = QComboBox()
        c.addItem(self.tr("(any)"), None)
        for value, text in items:
            c.addItem(text, value)
        c.currentIndexChanged.connect(lambda _i: self._emit())
        return c

    def _date_edit(self) -> QDateEdit:
        e = QDateEdit()
        e.setDisplayFormat("dd/MM/yyyy")
        e.setCalendarPopup(True)
        e.setMinimumDate(NO_DATE)
        e.setSpecialValueText("—")
        e.setDate(NO_DATE)
        e.dateChanged.connect(lambda _d: self._emit())
        return e

    def _build_more(self) -> None:
        with self.ctx.session() as s:
            fields = [(f.id, f.name) for f in catalogue.list_fields(s)]
            procs = [(p.id, p.name) for p in catalogue.list_procedures(s, include_inactive=True)]
            # the receiving units: no province, no hamlet (ấp, khu phố: BHYT tallies, never a counter)
            units = [(u.id, u.name) for u in catalogue.list_units(s) if u.level not in ("province", "hamlet")]
            people = query.holders(s)
        channels = {"direct": self.tr("In person"), "online": self.tr("Online"), "postal": self.tr("By post")}
        self.status = self._combo([(int(st), say(status_msg(st))) for st in DossierStatus])
        self.field = self._combo(list(fields))
        self.procedure = self._combo(list(procs))
        self.procedure.setMaximumWidth(420)
        self.unit = self._combo(list(units))
        self.channel = self._combo([(k, channels.get(k, v)) for k, v in CHANNEL_LABELS_VI.items()])
        self.holder = self._combo(list(people))
        for name in ("status", "field", "procedure", "unit", "channel", "holder"):
            getattr(self, name).setObjectName(f"{name}_filter")
        self.received_from, self.received_to = self._date_edit(), self._date_edit()
        self.due_from, self.due_to = self._date_edit(), self._date_edit()
        self.due_within = QSpinBox()
        self.due_within.setRange(-1, 60)
        self.due_within.setSpecialValueText("—")
        self.due_within.setValue(-1)
        self.due_within.valueChanged.connect(lambda _v: self._emit())
        self.clear_button = QPushButton(self.tr("Clear filters"))
        self.clear_button.clicked.connect(self.clear)
        g = QGridLayout(self.more)
        g.setContentsMargins(0, 0, 0, 0)
        cells = [
            (self.tr("Status"), self.status),
            (self.tr("Field"), self.field),
            (self.tr("Procedure"), self.procedure),
            (self.tr("Unit"), self.unit),
            (self.tr("Channel"), self.channel),
            (self.tr("Holder"), self.holder),
            (self.tr("Received from"), self.received_from),
            (self.tr("to"), self.received_to),
            (self.tr("Due from"), self.due_from),
            (self.tr("to"), self.due_to),
            (self.tr("Due within (working days)"), self.due_within),
        ]
        for i, (label, w) in enumerate(cells):
            row, col = divmod(i, 4)
            g.addWidget(QLabel(label), row, col * 2)
            g.addWidget(w, row, col * 2 + 1)
        g.addWidget(self.clear_button, 2, 7)

    # --- state -------------------------------------------------------------------------------------

    def current(self) -> TrackingFilter:
        checked = self.quick_group.checkedButton()
        quick = str(checked.property("quick")) if checked is not None else "open"
        status = self.status.currentData()
        within = self.due_within.value()
        return TrackingFilter(
            quick=quick,
            statuses=(int(status),) if status is not None else (),
            field_id=self.field.currentData(),
            procedure_id=self.procedure.currentData(),
            unit_id=self.unit.currentData(),
            channel=self.channel.currentData(),
            holder_user_id=self.holder.currentData(),
            received_from=_date(self.received_from),
            received_to=_date(self.received_to),
            due_from=_date(self.due_from),
            due_to=_date(self.due_to),
            due_within_days=within if within >= 0 else None,
            text=self.search_text(),
        )

    def search_text(self) -> str:
        """The typed text once it has MIN_SEARCH characters (shorter text would scan every row)."""
        text = self.search.text()
        return text if len("".join(text.split())) >= MIN_SEARCH else ""

    def _emit(self) -> None:
        if not self._loading:
            self._timer.stop()
            self.changed.emit(self.current())

    def flush(self) -> None:
        """Apply pending typing now (Enter key, tests)."""
        if self._timer.isActive():
            self._emit()

    def set_counts(self, counts: dict[str, int]) -> None:
        labels = {
            "open": self.tr("Open"),
            "overdue": self.tr("Overdue"),
            "due_soon": self.tr("Due soon"),
            "supplement": self.tr("Waiting for a supplement"),
            "all": self.tr("All"),
        }
        for key, b in self.quick_buttons.items():
            n = counts.get(key)
            b.setText(labels[key] if n is None else f"{labels[key]} ({num(n)})")

    def _set_combo(self, combo: QComboBox, value: object) -> None:
        i = combo.findData(value)
        combo.setCurrentIndex(i if i >= 0 else 0)

    def _set_date(self, edit: QDateEdit, d: date | None) -> None:
        edit.setDate(QDate(d.year, d.month, d.day) if d else NO_DATE)

    def apply(self, flt: TrackingFilter) -> None:
        """Show a filter (saved filters) and emit it once."""
        self._loading = True
        try:
            self.search.setText(flt.text)
            self.quick_buttons.get(flt.quick, self.quick_buttons["open"]).setChecked(True)
            self._set_combo(self.status, flt.statuses[0] if flt.statuses else None)
            self._set_combo(self.field, flt.field_id)
            self._set_combo(self.procedure, flt.procedure_id)
            self._set_combo(self.unit, flt.unit_id)
            self._set_combo(self.channel, flt.channel)
            self._set_combo(self.holder, flt.holder_user_id)
            self._set_date(self.received_from, flt.received_from)
            self._set_date(self.received_to, flt.received_to)
            self._set_date(self.due_from, flt.due_from)
            self._set_date(self.due_to, flt.due_to)
            self.due_within.setValue(flt.due_within_days if flt.due_within_days is not None else -1)
        finally:
            self._loading = False
        self._timer.stop()
        self.changed.emit(self.current())

    def clear(self) -> None:
        self.apply(replace(TrackingFilter(), quick=self.current().quick))

    # --- saved filters ------------------------------------------------------------------------------

    def reload_saved(self) -> None:
        with self.ctx.session() as s:
            items = tracking_saved_filters.list_filters(s, self.ctx.actor)
        self.saved.clear()
        self.saved.addItem(self.tr("(choose)"), None)
        for f in items:
            self.saved.addItem(f.name, f)
        self.delete_button.setEnabled(bool(items))

    def _apply_saved(self, index: int) -> None:
        info = self.saved.itemData(index)
        if isinstance(info, tracking_saved_filters.SavedFilterInfo):
            self.apply(info.filter)
            self.sort_requested.emit(info.sort)

    def save_current(self, name: str | None = None, sort: Sort | None = None) -> None:
        if not name:
            name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of the filter:"))
            if not ok or not name.strip():
                return
        try:
            with self.ctx.session() as s:
                tracking_saved_filters.save_filter(
                    s, self.ctx.actor, name, self.current(), sort or self.sort_provider()
                )
        except Exception as exc:
            show_error(self, exc)
            return
        self.reload_saved()
        self.saved.setCurrentIndex(self.saved.findText(name.strip()))

    def delete_saved(self) -> None:
        info = self.saved.currentData()
        if not isinstance(info, tracking_saved_filters.SavedFilterInfo):
            return
        with self.ctx.session() as s:
            tracking_saved_filters.delete_filter(s, self.ctx.actor, info.id)
        self.reload_saved()
