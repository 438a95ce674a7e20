"""Administrators' settings dialog: procedures, fields, the calendar's announced days; Excel in/out."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import now_local
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.legal import online_level_term
from onestop_desktop.domain.text import fold
from onestop_desktop.services.catalogue import admin as catalogue_admin
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.catalogue.admin import ProcedureEdit
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo
from onestop_desktop.services.catalogue.excel import KIND_WORDS
from onestop_desktop.services.catalogue.versions import DocumentInfo
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.common.screen import fit_resize
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say_error
from onestop_desktop.ui.intake import catalogue_excel
from onestop_desktop.ui.intake.catalogue_import import CatalogueImportDialog

KIND_LABELS = {"original": "bản chính", "certified_copy": "bản sao chứng thực", "photocopy": "bản photo"}


class CatalogueDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("catalogueDialog")
        self.ctx = ctx
        self.setWindowTitle(self.tr("Catalogue and calendar"))
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr("Changes apply to dossiers received afterwards; received dossiers keep their dates.")
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._procedures_page(), self.tr("Procedures"))
        self.tabs.addTab(self._fields_page(), self.tr("Fields"))
        self.tabs.addTab(self._calendar_page(), self.tr("Calendar"))
        layout.addWidget(self.tabs)
        self.status = QLabel()
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        fit_resize(self, 1000, 680)
        self.reload()

    # --- procedures --------------------------------------------------------------------------------

    def _procedures_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        left = QVBoxLayout()
        self.filter = QLineEdit()
        self.filter.setPlaceholderText(self.tr("Filter (accents optional)"))
        self.filter.textChanged.connect(self._fill_list)
        self.proc_list = QListWidget()
        self.proc_list.currentItemChanged.connect(lambda cur, _prev: self._show(cur))
        left.addWidget(self.filter)
        left.addWidget(self.proc_list, 1)
        buttons = QHBoxLayout()
        new = QPushButton(self.tr("&New"))
        new.clicked.connect(lambda: self._edit(None))
        imp = QPushButton(self.tr("&Import Excel…"))
        imp.clicked.connect(lambda: self.import_excel())
        exp = QPushButton(self.tr("&Export Excel…"))
        exp.clicked.connect(self.export_excel)
        for b in (new, imp, exp):
            buttons.addWidget(b)
        left.addLayout(buttons)
        row.addLayout(left, 2)
        form = QFormLayout()
        self.p_code = QLineEdit()
        self.p_name = QLineEdit()
        self.p_field = QComboBox()
        self.p_time = QSpinBox()
        self.p_time.setRange(0, 365)
        self.p_unit = QComboBox()
        units = (
            (TimeUnit.WORKING_DAYS, self.tr("working days")),
            (TimeUnit.CALENDAR_DAYS, self.tr("days")),
            (TimeUnit.HOURS, self.tr("working hours")),
        )
        for unit, label in units:
            self.p_unit.addItem(label, str(unit))
        self.p_fee = QSpinBox()
        self.p_fee.setRange(0, 1_000_000_000)
        self.p_fee.setGroupSeparatorShown(True)
        self.p_fee.setSuffix(" đ")
        self.p_level = QComboBox()
        for code, label in (
            ("xa", self.tr("commune")),
            ("huyen", self.tr("district")),
            ("tinh", self.tr("province")),
        ):
            self.p_level.addItem(label, code)
        self.p_online = QSpinBox()
        self.p_online.setRange(1, 4)
        self.p_online_term = QLabel()  # what the level is called today (Nghị định 42/2022)
        self.p_online.valueChanged.connect(self._show_online_term)
        online = QHBoxLayout()
        online.addWidget(self.p_online)
        online.addWidget(self.p_online_term, 1)
        self.p_result = QLineEdit()
        self.p_active = QCheckBox(self.tr("In use"))
        self.p_docs = QPlainTextEdit()
        self.p_docs.setTabChangesFocus(True)
        self.p_docs.setPlaceholderText(
            self.tr("One document per line: name; bản chính | bản sao chứng thực | bản photo; count")
        )
        form.addRow(self.tr("Code:"), self.p_code)
        form.addRow(self.tr("Name:"), self.p_name)
        form.addRow(self.tr("Field:"), self.p_field)
        form.addRow(self.tr("Statutory time:"), self.p_time)
        form.addRow(self.tr("Unit:"), self.p_unit)
        form.addRow(self.tr("Fee:"), self.p_fee)
        form.addRow(self.tr("Level:"), self.p_level)
        form.addRow(self.tr("Online level:"), online)
        self._show_online_term(self.p_online.value())
        form.addRow(self.tr("Result:"), self.p_result)
        form.addRow("", self.p_active)
        form.addRow(self.tr("Required documents:"), self.p_docs)
        save = QPushButton(self.tr("&Save procedure"))
        save.clicked.connect(self.save_procedure)
        form.addRow("", save)
        holder = QWidget()
        holder.setLayout(form)
        row.addWidget(holder, 3)
        return page

    def reload(self) -> None:
        with self.ctx.session() as s:
            self.procs = catalogue.list_procedures(s, include_inactive=True)
            self.fields = catalogue.list_fields(s)
            self.overrides = catalogue_admin.list_overrides(s, self.year.value())
        self.p_field.clear()
        for f in self.fields:
            self.p_field.addItem(f"{f.name} ({f.code})", f.code)
        self._fill_list()
        self.field_list.clear()
        for f in self.fields:
            item = QListWidgetItem(f"{f.code} – {f.name}")
            item.setData(Qt.ItemDataRole.UserRole, (f.code, f.name))
            self.field_list.addItem(item)
        self._fill_overrides()

    def _fill_list(self) -> None:
        key = fold(self.filter.text())
        self.proc_list.clear()
        for p in self.procs:
            if key and key not in fold(f"{p.code} {p.name} {p.field_name}"):
                continue
            mark = "" if p.active else " " + self.tr("(not in use)")
            item = QListWidgetItem(f"{p.code} – {p.name}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, p.code)
            self.proc_list.addItem(item)

    def _show(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        code = item.data(Qt.ItemDataRole.UserRole)
        self._edit(next((p for p in self.procs if p.code == code), None))

    def _edit(self, p: ProcedureInfo | None) -> None:
        self.p_code.setText(p.code if p else "")
        self.p_code.setReadOnly(p is not None)
        self.p_name.setText(p.name if p else "")
        self.p_field.setCurrentIndex(max(self.p_field.findData(p.field_code), 0) if p else 0)
        self.p_time.setValue(p.time_value if p else 0)
        self.p_unit.setCurrentIndex(max(self.p_unit.findData(str(p.time_unit)), 0) if p else 0)
        self.p_fee.setValue(p.fee if p else 0)
        self.p_level.setCurrentIndex(max(self.p_level.findData(p.level), 0) if p else 0)
        self.p_online.setValue(p.online_level if p else 2)
        self.p_result.setText(p.result if p else "")
        self.p_active.setChecked(p.active if p else True)
        lines = [f"{d.name}; {KIND_LABELS.get(d.kind, d.kind)}; {d.count}" for d in p.documents] if p else []
        self.p_docs.setPlainText("\n".join(lines))
        if p is None:
            self.p_code.setFocus()

    def _documents(self) -> tuple[DocumentInfo, ...]:
        out = []
        for line in self.p_docs.toPlainText().splitlines():
            parts = [x.strip() for x in line.split(";")]
            if not parts[0]:
                continue
            kind = KIND_WORDS.get(parts[1].lower(), "?") if len(parts) > 1 else "original"
            count = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
            out.append(DocumentInfo(parts[0], kind, count))
        return tuple(out)

    def _show_online_term(self, level: int) -> None:
        term = online_level_term(level, now_local().date())
        words = {
            "full": self.tr("today: full online service (toàn trình)"),
            "partial": self.tr("today: partly online service (một phần)"),
            "information": self.tr("today: information only, not an online service"),
        }
        self.p_online_term.setText(words.get(term, ""))

    def save_procedure(self) -> None:
        edit = ProcedureEdit(
            code=self.p_code.text(),
            name=self.p_name.text(),
            field_code=str(self.p_field.currentData() or ""),
            time_value=self.p_time.value(),
            time_unit=str(self.p_unit.currentData()),
            fee=self.p_fee.value(),
            level=str(self.p_level.currentData()),
            online_level=self.p_online.value(),
            result=self.p_result.text(),
            active=self.p_active.isChecked(),
            documents=self._documents(),
        )
        if self._apply(lambda s: catalogue_admin.save_procedure(s, self.ctx.actor, edit), "catalogue"):
            self.status.setText(self.tr("Procedure {code} saved.").format(code=edit.code.strip()))

    def _apply(self, work: Any, kind: str) -> bool:
        try:
            with self.ctx.session() as s:
                work(s)
        except ValidationFailed as exc:
            self.status.setText(say_error(exc))
            self.status.setStyleSheet("color: #b00020;")
            return False
        except ServiceError as exc:
            show_error(self, exc)
            return False
        self.status.setStyleSheet("")
        self.ctx.bus.data_changed.emit(kind)
        self.reload()
        return True

    # --- fields ------------------------------------------------------------------------------------

    def _fields_page(self) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        self.field_list = QListWidget()
        self.field_list.currentItemChanged.connect(self._show_field)
        row.addWidget(self.field_list, 2)
        form = QFormLayout()
        self.f_code = QLineEdit()
        self.f_name = QLineEdit()
        form.addRow(self.tr("Code:"), self.f_code)
        form.addRow(self.tr("Name:"), self.f_name)
        save = QPushButton(self.tr("Save &field"))
        save.clicked.connect(self.save_field)
        form.addRow("", save)
        holder = QWidget()
        holder.setLayout(form)
        row.addWidget(holder, 3)
        return page

    def _show_field(self, item: QListWidgetItem | None, _prev: Any = None) -> None:
        if item is not None:
            code, name = item.data(Qt.ItemDataRole.UserRole)
            self.f_code.setText(code)
            self.f_name.setText(name)

    def save_field(self) -> None:
        code, name = self.f_code.text(), self.f_name.text()
        if self._apply(lambda s: catalogue_admin.save_field(s, self.ctx.actor, code, name), "catalogue"):
            self.status.setText(self.tr("Field saved."))

    # --- calendar ----------------------------------------------------------------------------------

    def _calendar_page(self) -> QWidget:
        page = QWidget()
        col = QVBoxLayout(page)
        top = QHBoxLayout()
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(QDate.currentDate().year())
        self.year.valueChanged.connect(lambda _v: self.reload())
        top.addWidget(QLabel(self.tr("Year:")))
        top.addWidget(self.year)
        top.addStretch(1)
        col.addLayout(top)
        self.o_table = QTableWidget(0, 3)
        self.o_table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Kind"), self.tr("Reason")])
        self.o_table.horizontalHeader().setStretchLastSection(True)
        self.o_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.o_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        col.addWidget(self.o_table, 1)
        form = QFormLayout()
        self.o_day = QDateEdit(QDate.currentDate())
        self.o_day.setDisplayFormat("dd/MM/yyyy")
        self.o_day.setCalendarPopup(True)
        self.o_working = QComboBox()
        self.o_working.addItem(self.tr("Extra day off"), False)
        self.o_working.addItem(self.tr("Make-up working day"), True)
        self.o_reason = QLineEdit()
        self.o_reason.setPlaceholderText(self.tr("e.g. Nghỉ bù Quốc khánh (Thông báo số …)"))
        form.addRow(self.tr("Date:"), self.o_day)
        form.addRow(self.tr("Kind:"), self.o_working)
        form.addRow(self.tr("Reason:"), self.o_reason)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("&Add or update day"))
        add.clicked.connect(self.save_override)
        delete = QPushButton(self.tr("&Delete selected day"))
        delete.clicked.connect(self.delete_override)
        buttons.addWidget(add)
        buttons.addWidget(delete)
        col.addLayout(form)
        col.addLayout(buttons)
        return page

    def _fill_overrides(self) -> None:
        self.o_table.setRowCount(len(self.overrides))
        for r, o in enumerate(self.overrides):
            kind = self.tr("Make-up working day") if o.working else self.tr("Extra day off")
            for c, text in enumerate((fmt_date(o.day), kind, o.reason)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, o.day)
                self.o_table.setItem(r, c, item)
        self.o_table.resizeColumnsToContents()

    def save_override(self) -> None:
        day = self.o_day.date().toPython()
        working, reason = bool(self.o_working.currentData()), self.o_reason.text()
        if self._apply(
            lambda s: catalogue_admin.save_override(s, self.ctx.actor, day, working, reason), "calendar"
        ):
            self.status.setText(self.tr("Calendar saved: {d}.").format(d=fmt_date(day)))

    def delete_override(self) -> None:
        item = self.o_table.item(self.o_table.currentRow(), 0)
        if item is None:
            return
        day = item.data(Qt.ItemDataRole.UserRole)
        if self._apply(lambda s: catalogue_admin.delete_override(s, self.ctx.actor, day), "calendar"):
            self.status.setText(self.tr("Day removed: {d}.").format(d=fmt_date(day)))

    # --- Excel -------------------------------------------------------------------------------------

    def export_excel(self) -> None:
        if (path := catalogue_excel.ask_export_path(self)) is not None:
            self.run_export(path)

    def run_export(self, path: Path) -> None:
        catalogue_excel.run_export(self, self.ctx, path, self.status.setText)

    def import_excel(self, path: Path | None = None) -> CatalogueImportDialog:
        """The published list as a new version from a day: preview first, then confirm (or cancel)."""
        dialog = CatalogueImportDialog(self.ctx, path, self)
        dialog.accepted.connect(lambda: self._imported(dialog.result_text()))
        dialog.open()
        return dialog

    def _imported(self, message: str) -> None:
        self.status.setText(message)
        self.reload()
