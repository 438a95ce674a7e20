"""The intake form itself, laid out in the order of the paper form; validates as the clerk types."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.legal import has_districts
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo
from onestop_desktop.services.catalogue.units import AddressBook
from onestop_desktop.services.catalogue.versions import FIRST_DAY
from onestop_desktop.services.dossiers import CHANNELS
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.intake.checks import MAX_SETS, IntakeForm, check_field
from onestop_desktop.ui.i18n import say_field
from onestop_desktop.ui.intake import form_checks
from onestop_desktop.ui.intake.unit_box import UnitBox
from onestop_desktop.ui.intake.widgets import (
    DocumentsTable,
    FieldBox,
    IdCard,
    ProcedureField,
    QrWatcher,
    procedure_label,
    required_documents,
)

TEXT_FIELDS = ("applicant_name", "citizen_id", "phone", "email", "street", "submitter_name")


class IntakeFormWidget(QWidget):
    changed = Signal()
    procedure_changed = Signal(object)
    citizen_id_entered = Signal(str)
    card_scanned = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.birth_date: date | None = None
        self.touched: set[str] = set()
        self.procedure = ProcedureField()
        self.procedure.setObjectName("procedure")
        self.procedure.setPlaceholderText(self.tr("Type part of the name, code or field, e.g. khai sinh"))
        self.edits: dict[str, QLineEdit] = {}
        placeholders = {
            "applicant_name": self.tr("e.g. Nguyễn Văn An"),
            "citizen_id": self.tr("12 digits (or scan the QR code of the ID card)"),
            "phone": self.tr("e.g. 0912 345 678"),
            "email": self.tr("optional"),
            "street": self.tr("house number, street, hamlet"),
            "submitter_name": self.tr("full name of the person submitting"),
        }
        for name in TEXT_FIELDS:
            edit = QLineEdit()
            edit.setObjectName(name)
            edit.setPlaceholderText(placeholders[name])
            edit.setMaxLength(300)
            self.edits[name] = edit
        self.unit = UnitBox()
        self.unit.setObjectName("address_unit")
        self.on_behalf = QCheckBox(self.tr("Submitted by someone else on the owner's behalf"))
        self.on_behalf.setObjectName("on_behalf")
        self.channel = QComboBox()
        self.channel.setObjectName("channel")
        labels = {"direct": self.tr("In person"), "online": self.tr("Online"), "postal": self.tr("Postal")}
        for c in CHANNELS:
            self.channel.addItem(labels[c], c)
        self.sets = QSpinBox()
        self.sets.setObjectName("sets")
        self.sets.setRange(1, MAX_SETS)
        self.fee = QSpinBox()
        self.fee.setObjectName("fee")
        self.fee.setRange(0, 1_000_000_000)
        self.fee.setSingleStep(5000)
        self.fee.setGroupSeparatorShown(True)
        self.fee.setSuffix(" đ")
        self.documents = DocumentsTable()
        self.documents.setObjectName("documents")
        self.birth_label = QLabel()
        self.birth_label.setObjectName("birthLabel")
        self.birth_label.setVisible(False)
        self.version_label = QLabel()  # which dated catalogue version the checklist and time come from
        self.version_label.setObjectName("versionLabel")
        self.version_label.setWordWrap(True)
        self.version_label.setStyleSheet("color: #555;")
        self.boxes: dict[str, FieldBox] = {}
        palette = self.palette()  # a saved (read-only) form must not show placeholders like entered text
        grey = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        palette.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.PlaceholderText, grey)
        self.setPalette(palette)
        self._layout()
        self.qr = QrWatcher(self)
        for edit in (self.procedure, *self.edits.values()):
            self.qr.watch(edit)
        self.qr.scanned.connect(self.fill_from_card)
        self._connect()
        self._tab_order()

    def _box(self, name: str, widget: QWidget) -> FieldBox:
        box = FieldBox(widget)
        self.boxes[name] = box
        return box

    def _layout(self) -> None:
        outer = QVBoxLayout(self)
        proc_group = QGroupBox(self.tr("Procedure"))
        pf = QFormLayout(proc_group)
        pf.addRow(self.tr("&Procedure:"), self._box("procedure", self.procedure))
        self._buddy(pf, self.procedure)
        who = QGroupBox(self.tr("Applicant"))
        form = QFormLayout(who)
        rows = [
            ("applicant_name", self.tr("Full &name:")),
            ("citizen_id", self.tr("Citizen &ID:")),
            ("phone", self.tr("P&hone:")),
            ("email", self.tr("E-&mail:")),
        ]
        for name, label in rows:
            form.addRow(label, self._box(name, self.edits[name]))
            self._buddy(form, self.edits[name])
        form.addRow("", self.birth_label)
        self.unit_label = QLabel()
        self.unit_label.setBuddy(self.unit)
        form.addRow(self.unit_label, self._box("address_unit", self.unit))
        self._label_units(today_local())
        form.addRow(self.tr("&Street, hamlet:"), self._box("street", self.edits["street"]))
        self._buddy(form, self.edits["street"])
        form.addRow("", self.on_behalf)
        self.submitter_label = QLabel(self.tr("Su&bmitted by:"))
        self.submitter_label.setBuddy(self.edits["submitter_name"])
        form.addRow(self.submitter_label, self._box("submitter_name", self.edits["submitter_name"]))
        docs = QGroupBox(self.tr("Documents received"))
        dl = QFormLayout(docs)
        self.docs_layout = dl  # the scans panel goes under the checklist (ui/intake/scans.py)
        dl.addRow(self._box("documents", self.documents))
        dl.addRow(self.version_label)
        dl.addRow(self.tr("Number of se&ts:"), self._box("sets", self.sets))
        self._buddy(dl, self.sets)
        dl.addRow(self.tr("&Channel:"), self.channel)
        self._buddy(dl, self.channel)
        dl.addRow(self.tr("&Fee:"), self._box("fee", self.fee))
        self._buddy(dl, self.fee)
        for g in (proc_group, who, docs):
            outer.addWidget(g)
        outer.addStretch(1)
        self._set_behalf(False)

    @staticmethod
    def _buddy(form: QFormLayout, field: QWidget) -> None:
        label = form.labelForField(form.itemAt(form.rowCount() - 1, QFormLayout.ItemRole.FieldRole).widget())
        if isinstance(label, QLabel):
            label.setBuddy(field)

    def _connect(self) -> None:
        self.procedure.procedure_changed.connect(self._procedure_changed)
        for name, edit in self.edits.items():
            edit.textEdited.connect(lambda _t, n=name: self._edited(n))
            edit.editingFinished.connect(lambda n=name: self._left(n))
            if name != "submitter_name":
                edit.returnPressed.connect(self.focusNextChild)
        self.procedure.returnPressed.connect(self.focusNextChild)
        self.unit.currentIndexChanged.connect(lambda _i: self._edited("address_unit"))
        self.unit.hint_changed.connect(lambda _h: self._edited("address_unit"))
        line = self.unit.lineEdit()
        if line is not None:
            line.editingFinished.connect(self._unit_left)
            line.returnPressed.connect(self.focusNextChild)
        self.on_behalf.toggled.connect(self._set_behalf)
        self.channel.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.sets.valueChanged.connect(lambda _v: self.changed.emit())
        self.fee.valueChanged.connect(lambda _v: self.changed.emit())
        self.documents.changed.connect(self.changed.emit)

    def _tab_order(self) -> None:
        chain: list[QWidget] = [
            self.procedure,
            self.edits["applicant_name"],
            self.edits["citizen_id"],
            self.edits["phone"],
            self.edits["email"],
            self.unit,
            self.edits["street"],
            self.on_behalf,
            self.edits["submitter_name"],
            self.documents,
            self.sets,
            self.channel,
            self.fee,
        ]
        for a, b in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(a, b)

    # --- data in and out ------------------------------------------------------------------------

    def set_catalogue(self, procedures: list[ProcedureInfo], usage: dict[str, int]) -> None:
        self.procedure.set_catalogue(procedures, usage)

    def set_units(self, book: AddressBook) -> None:
        """The communes/wards with their dates and successors (the box offers those of the receipt day)."""
        self.unit.set_book(book)

    def set_receipt_day(self, day: date) -> None:
        """The day the dossier is received (today for a new one): it decides which units exist."""
        self.unit.set_day(day)
        self._label_units(day)

    def _label_units(self, day: date) -> None:
        """ "Xã, phường, thị trấn" while districts existed, "Xã, phường, đặc khu" since 1/7/2025."""
        self.unit_label.setText(
            self.tr("Commune/&ward/town:") if has_districts(day) else self.tr("Commune/&ward/special zone:")
        )

    def unit_code(self) -> str | None:
        return self.unit.code()

    def set_unit(self, code: str | None) -> None:
        self.unit.select_code(code)

    def _unit_left(self) -> None:
        if not (isValid(self) and isValid(self.unit)):
            return
        self.unit.settle()
        self.revalidate()

    def to_form(self) -> IntakeForm:
        p = self.procedure.current
        return IntakeForm(
            procedure_code=p.code if p else "",
            applicant_name=self.edits["applicant_name"].text(),
            citizen_id=self.edits["citizen_id"].text(),
            phone=self.edits["phone"].text(),
            email=self.edits["email"].text(),
            street=self.edits["street"].text(),
            address_unit_code=self.unit_code(),
            on_behalf=self.on_behalf.isChecked(),
            submitter_name=self.edits["submitter_name"].text(),
            channel=str(self.channel.currentData()),
            documents=tuple(self.documents.documents()),
            sets=self.sets.value(),
            fee=self.fee.value() if p else None,
            birth_date=self.birth_date,
        )

    def clear(self, keep_applicant: bool = False) -> None:
        keep = {"applicant_name", "citizen_id", "phone", "email", "street"} if keep_applicant else set()
        self.procedure.select(None)
        for n, e in self.edits.items():
            if n not in keep:
                e.clear()
        self.set_receipt_day(today_local())  # a new dossier is received today
        if not keep_applicant:
            self.unit.select_code(None)
            self.set_birth(None)
        self.on_behalf.setChecked(False)
        self.channel.setCurrentIndex(0)
        self.sets.setValue(1)
        self.fee.setValue(0)
        self.documents.set_documents([])
        self.touched = set(keep) & {n for n in keep if self.edits[n].text()}
        for box in self.boxes.values():
            box.show_message(None)
        self.revalidate()

    def fill_from_card(self, card: IdCard) -> None:
        self.edits["applicant_name"].setText(card.full_name)
        self.edits["citizen_id"].setText(card.number)
        self.edits["street"].setText(card.address)
        self.set_birth(card.birth_date)
        self.touched.update({"applicant_name", "citizen_id", "street"})
        self.revalidate()
        self.card_scanned.emit(card)
        self.edits["phone"].setFocus()

    def fill_applicant(self, name: str, phone: str, email: str, address: str, unit_code: str | None) -> None:
        self.edits["applicant_name"].setText(name)
        self.edits["phone"].setText(phone)
        self.edits["email"].setText(email)
        self.set_unit(unit_code)
        street = address
        label = self.unit.currentText()
        if unit_code and label and address.endswith(label):
            street = address[: -len(label)].rstrip(", ")
        self.edits["street"].setText(street)
        self.touched.update({"applicant_name", "phone", "email", "street"})
        self.revalidate()

    def set_birth(self, d: date | None) -> None:
        """The date of birth read from the ID card (the checks of the citizen ID use it)."""
        self.birth_date = d
        self.birth_label.setText(
            self.tr("Date of birth (from the ID card): {d}").format(d=fmt_date(d)) if d else ""
        )
        self.birth_label.setVisible(d is not None)

    # --- validation while typing ------------------------------------------------------------------

    def _procedure_changed(self, p: ProcedureInfo | None) -> None:
        self.documents.set_documents(required_documents(p) if p else [])
        self.fee.setValue(p.fee if p else 0)
        text = ""
        if p is not None and p.valid_from is not None:
            text = self.tr("Catalogue in force from {since}: {source}").format(
                since=fmt_date(p.valid_from), source=p.source or "—"
            )
            if p.valid_from <= FIRST_DAY:  # the version of the undated catalogue: no day to name
                text = self.tr("Catalogue: {source}").format(source=p.source or "—")
        self.version_label.setText(text)
        self.touched.add("procedure")
        self.revalidate()
        self.procedure_changed.emit(p)

    def _set_behalf(self, on: bool) -> None:
        self.edits["submitter_name"].setEnabled(on)
        self.submitter_label.setEnabled(on)
        if not on:
            self.edits["submitter_name"].clear()
        self.revalidate()

    def _edited(self, name: str) -> None:
        self.revalidate()

    def _left(self, name: str) -> None:
        edit = self.edits[name]
        if not (isValid(self) and isValid(edit)):
            return  # focus-out while the form is being destroyed
        if edit.text():
            self.touched.add(name)
            checked = check_field(name, edit.text(), self.birth_date)
            if checked.ok and checked.value != edit.text():
                edit.setText(checked.value)  # "nguyễn văn an" → "Nguyễn Văn An", phone without spaces
        if name == "citizen_id" and check_field("citizen_id", self.edits[name].text()).ok:
            self.citizen_id_entered.emit(check_field("citizen_id", self.edits[name].text()).value)
        self.revalidate()

    def blockers(self) -> dict[str, str]:
        """What stops saving right now (the service checks again on save)."""
        return form_checks.blockers(self.to_form())

    def warnings(self) -> dict[str, str]:
        return form_checks.warnings(self.to_form())

    def revalidate(self) -> dict[str, str]:
        blockers = self.blockers()
        warnings = self.warnings()
        for name, box in self.boxes.items():
            shown = name in self.touched
            hint = self.unit.hint if name == "address_unit" else None  # a former name was typed
            box.show_message(blockers.get(name) if shown else None, warnings.get(name) or hint)
        self.changed.emit()
        return blockers

    def show_errors(self, errors: dict[str, str]) -> None:
        """Errors from the service (or a refused save): shown under every field they concern."""
        self.touched.update(errors)
        self.touched.update(self.boxes)
        self.revalidate()
        for name, message in errors.items():
            key = "street" if name == "address_unit" and "address_unit" not in self.boxes else name
            if key in self.boxes:
                self.boxes[key].show_message(message)

    def show_refusal(self, exc: ValidationFailed) -> None:
        """The service's refusal, each field's message in the interface language."""
        self.show_errors({name: say_field(exc, name) for name in exc.errors})

    def focus_first_error(self, errors: dict[str, str]) -> None:
        order = ["procedure", *TEXT_FIELDS, "address_unit", "documents", "sets", "fee"]
        for name in order:
            if name in errors and name in self.boxes:
                self.boxes[name].field.setFocus()
                return

    def summary_label(self) -> str:
        p = self.procedure.current
        return procedure_label(p) if p else ""
