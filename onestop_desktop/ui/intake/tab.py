"""The intake tab (Tiếp nhận hồ sơ): the form, the live appointment, the visit's outcome, drafts, lookup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from onestop_desktop.clock import today_local
from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.paths import forms_dir
from onestop_desktop.services.catalogue import catalogue, office, units
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.form_data import ReceiptData
from onestop_desktop.services.intake import lookup as intake_lookup
from onestop_desktop.services.intake import receiving
from onestop_desktop.services.roles import Role
from onestop_desktop.services.tracking.wording import deadline_msg
from onestop_desktop.ui.common.messages import confirm, show_error
from onestop_desktop.ui.context import AppContext, SessionOpener
from onestop_desktop.ui.i18n import say, say_error
from onestop_desktop.ui.intake import outcomes, pdfs
from onestop_desktop.ui.intake.drafts import DraftKeeper, load_payload
from onestop_desktop.ui.intake.form import IntakeFormWidget
from onestop_desktop.ui.intake.lookup import duplicate_warning, find_dossier
from onestop_desktop.ui.intake.pdfs import intake_forms
from onestop_desktop.ui.intake.scans import IntakeScans
from onestop_desktop.ui.intake.side import SidePanel

log = logging.getLogger(__name__)


class IntakeTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeTab")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ctx = ctx
        self.saved: receiving.Received | None = None
        self.last_pdf: Path | None = None
        self._loading = False
        self.form = IntakeFormWidget()
        self.form.setObjectName("intakeForm")
        self._build()
        self._shortcuts()
        self.scans = IntakeScans(ctx, self.form, self, self.attach_scans)
        self.draft = DraftKeeper(ctx, self.form, self.drafts, self)
        self.draft.timer.timeout.connect(self.save_draft)
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)  # the appointment follows the clock (15:00 cut-off, lunch break)
        self.clock.timeout.connect(self.refresh_side)
        self.clock.start()
        self.form.changed.connect(self._form_changed)
        self.form.procedure_changed.connect(lambda _p: self.refresh_side())
        self.form.citizen_id_entered.connect(self.offer_last_applicant)
        ctx.bus.data_changed.connect(self._data_changed)
        self.reload_catalogue()
        self.draft.refresh()
        self.refresh_side()

    def tab_title(self) -> str:
        return self.tr("Intake")

    # --- layout -------------------------------------------------------------------------------------

    def _build(self) -> None:
        root = QVBoxLayout(self)
        top = QHBoxLayout()
        self.lookup = QLineEdit()
        self.lookup.setObjectName("lookup")
        self.lookup.setPlaceholderText(
            self.tr("Find a dossier: code, part of a code, phone or citizen ID (F3)")
        )
        self.lookup.returnPressed.connect(self.run_lookup)
        top.addWidget(QLabel(self.tr("Lookup:")))
        top.addWidget(self.lookup, 1)
        self.settings_button = QPushButton(self.tr("Catalogue and calendar…"))
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setVisible(self.ctx.is_role(Role.ADMIN))
        self.settings_button.clicked.connect(self.open_settings)
        top.addWidget(self.settings_button)
        root.addLayout(top)
        body = QHBoxLayout()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.form)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        body.addWidget(scroll, 3)
        body.addWidget(self._side(), 2)
        root.addLayout(body, 1)

    def _side(self) -> QWidget:
        side = SidePanel()
        self.side = side
        self.banner, self.due_label, self.due_explain = side.banner, side.due_label, side.due_explain
        self.warning_label, self.fill_button, self.drafts = side.warning_label, side.fill_button, side.drafts
        self.blockers_label, self.save_button = side.blockers_label, side.save_button
        self.guidance_button, self.refuse_button = side.guidance_button, side.refuse_button
        self.print_button = side.print_button
        side.fill_button.clicked.connect(self.fill_last_applicant)
        side.save_button.clicked.connect(self.save)
        side.guidance_button.clicked.connect(self.guidance)
        side.refuse_button.clicked.connect(self.refuse)
        side.print_button.clicked.connect(self.print_receipt)
        side.drafts.resume_requested.connect(self.resume_draft)
        return side

    def _shortcuts(self) -> None:
        ctx = Qt.ShortcutContext.WidgetWithChildrenShortcut
        pairs: list[tuple[QKeySequence | str, Callable[[], Any]]] = [
            (QKeySequence("Ctrl+S"), self.save),
            (QKeySequence("Ctrl+P"), self.print_receipt),
            (QKeySequence("Ctrl+N"), self.new_dossier),
            (QKeySequence("Ctrl+Shift+N"), lambda: self.new_dossier(keep_applicant=True)),
            (QKeySequence("Ctrl+D"), self.fill_last_applicant),
            (QKeySequence("Esc"), self.clear_with_confirmation),
            (QKeySequence("F3"), self.lookup.setFocus),
        ]
        self.shortcuts: list[QShortcut] = []
        for key, slot in pairs:
            sc = QShortcut(key, self, context=ctx)
            sc.activated.connect(slot)
            self.shortcuts.append(sc)

    # --- data ---------------------------------------------------------------------------------------

    def focus_default(self) -> None:
        """Opening the tab puts the cursor in the procedure box, or where the clerk left off."""
        if self.form.procedure.current is None and self.form.isEnabled():
            self.form.procedure.setFocus()

    def reload_catalogue(self) -> None:
        with self.ctx.session() as s:
            procs = catalogue.list_procedures(s, on=today_local())  # the version of the receipt day
            try:
                unit_id: int | None = office.office_unit(s).id
            except ServiceError:
                unit_id = None
            book = units.address_book(s)
        self.calendar = self.ctx.calendar()
        self.form.set_catalogue(procs, {})
        self.form.set_units(book)
        opener = self.ctx.session
        # Ranking by use counts a year of dossiers: seconds at a million rows, so off the GUI thread.
        self.ctx.tasks.run(
            lambda _progress: self._usage(opener, unit_id),
            lambda usage: self.form.set_catalogue(procs, usage),
            lambda _exc: None,  # the completer simply keeps alphabetical order
        )

    @staticmethod
    def _usage(opener: SessionOpener, unit_id: int | None) -> dict[str, int]:
        with opener() as s:  # the worker's own session
            return intake_lookup.recent_procedure_usage(s, unit_id, today_local())

    def _data_changed(self, kind: str) -> None:
        if kind in ("catalogue", "calendar"):
            self.reload_catalogue()
            self.refresh_side()

    def _form_changed(self) -> None:
        if self._loading:
            return
        blockers = self.form.blockers()
        if self.saved is None:
            if blockers:
                text = self.tr("Cannot save yet: {what}").format(what=" ".join(blockers.values()))
            else:
                text = self.tr("Ready to save.")
            self.blockers_label.setText(text)
            # red only for what still blocks, once the clerk has started; ready is green, never "error red"
            colour = "#1b7f3b" if not blockers else "#b00020" if self.form.touched else "#555"
            self.blockers_label.setStyleSheet(f"color: {colour};")
            self.save_button.setToolTip(text)
            self.draft.timer.start()
        self.refresh_side()

    def refresh_side(self) -> None:
        p: ProcedureInfo | None = self.form.procedure.current
        if self.saved is not None:
            return
        if p is None:
            self.due_label.setText("—")
            self.due_explain.setText(self.tr("Choose a procedure to see the appointment date."))
        else:
            due = receiving.preview_due(self.calendar, p)
            self.due_label.setText(fmt_datetime(due.due))
            self.due_explain.setText(say(deadline_msg(due)))  # in the interface language
            self.due_label.setToolTip(say(deadline_msg(due)))
        cid = self.form.edits["citizen_id"].text()
        warning = duplicate_warning(self.ctx, cid, p.code) if p is not None else None
        self.warning_label.setText(warning or "")
        self.warning_label.setVisible(warning is not None)

    # --- last dossier of a known citizen ID ---------------------------------------------------------

    def offer_last_applicant(self, citizen_id: str) -> None:
        with self.ctx.session() as s:
            info = intake_lookup.last_applicant(s, citizen_id)
        self._last_applicant = info
        if info is None:
            self.fill_button.setVisible(False)
            return
        self.fill_button.setText(
            self.tr("Fill in from the last dossier {code}: {name} (Ctrl+D)").format(
                code=info.last_code, name=info.applicant_name
            )
        )
        self.fill_button.setVisible(True)

    def fill_last_applicant(self) -> None:
        info = getattr(self, "_last_applicant", None)
        if info is None or self.saved is not None:
            return
        self.form.fill_applicant(
            info.applicant_name, info.phone, info.email, info.address, info.address_unit_code
        )
        self.fill_button.setVisible(False)

    # --- outcomes -----------------------------------------------------------------------------------

    def save(self) -> None:
        """Complete file: register, show the code, render the receipt off the GUI thread and open it."""
        if self.saved is not None:
            self.banner.setText(self.banner.text())
            return
        blockers = self.form.blockers()
        if blockers:
            self.form.show_errors(blockers)
            self.form.focus_first_error(blockers)
            return
        if self.scans.pending():  # the dossier and its scans in one transaction, off the GUI thread
            self.scans.receive(self.form.to_form(), self)
            return
        self.receive_plain()

    def receive_plain(self) -> None:
        try:
            with self.ctx.session() as s:
                received = receiving.receive(s, self.ctx.actor, self.form.to_form())
        except ValidationFailed as exc:
            self.refused(exc)
            return
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.received(received)

    def refused(self, exc: ValidationFailed) -> None:
        self.form.show_refusal(exc)
        self.form.focus_first_error(exc.errors)
        self.blockers_label.setText(self.tr("Cannot save yet: {what}").format(what=say_error(exc)))

    def received(self, received: receiving.Received) -> None:
        self.saved = received
        self.draft.timer.stop()
        self.draft.drop()
        self.ctx.bus.data_changed.emit("dossiers")
        reg = received.registered
        self.form.setEnabled(False)
        self.setFocus()  # the shortcuts (Ctrl+P, Ctrl+N …) keep working on the read-only form
        self.banner.setText(
            self.tr(
                "Dossier {code} received. Appointment: {due}.\nCtrl+P prints the receipt again; "
                "Ctrl+N starts a new dossier, Ctrl+Shift+N a new one for the same applicant."
            ).format(code=reg.code, due=fmt_datetime(reg.due.due))
        )
        self.banner.setVisible(True)
        self.blockers_label.setText("")
        self.save_button.setEnabled(False)
        self.due_label.setText(fmt_datetime(reg.due.due))
        self.due_explain.setText(say(deadline_msg(reg.due)))
        self._render_receipt(received.receipt, reg.code)

    def _render_receipt(self, data: ReceiptData, code: str) -> None:
        path = forms_dir() / f"giay-hen-{code}.pdf"
        title = self.tr("Receipt {code}").format(code=code)
        self.render_pdf(lambda: intake_forms().render_receipt(data, path), path, title)

    def render_pdf(self, work: Callable[[], Any], path: Path, title: str) -> None:
        def done(_result: Any) -> None:
            self.last_pdf = path
            self.last_title = title
            self.print_button.setEnabled(True)
            pdfs.open_pdf(self, path, title)

        self.ctx.tasks.run(
            lambda _progress: work(),
            done,
            lambda exc: show_error(self, exc),
            title=self.tr("Writing the PDF…"),
            parent=self,
        )

    def print_receipt(self) -> None:
        if self.last_pdf is not None and self.last_pdf.exists():
            pdfs.open_pdf(self, self.last_pdf, getattr(self, "last_title", self.last_pdf.stem))

    def guidance(self) -> None:
        if self.saved is None:
            outcomes.guidance(self, parent=self)

    def refuse(self) -> None:
        if self.saved is None:
            outcomes.refuse(self, parent=self)

    def new_dossier(self, keep_applicant: bool = False) -> None:
        if self.saved is None and self.draft.draft_id is None and self._has_content():
            self.save_draft()  # an unfinished form is never lost: it stays in the drafts list
        self.saved = None
        self.draft.draft_id = None
        self.scans.clear()
        self.form.setEnabled(True)
        self.save_button.setEnabled(True)
        self.banner.setVisible(False)
        self._loading = True
        self.form.clear(keep_applicant=keep_applicant)
        self._loading = False
        self.draft.timer.stop()
        self._form_changed()
        self.draft.timer.stop()
        self.form.procedure.setFocus()

    def clear_with_confirmation(self) -> None:
        if self.saved is not None or not self._has_content():
            self.new_dossier()
            return
        if confirm(self, self.tr("Clear the form"), self.tr("Clear everything typed in this form?")):
            self.draft.drop()
            self.new_dossier()

    def _has_content(self) -> bool:
        f = self.form.to_form()
        return bool(f.procedure_code or f.applicant_name.strip() or f.citizen_id.strip() or f.phone.strip())

    # --- drafts -------------------------------------------------------------------------------------

    def save_draft(self) -> None:
        if self.saved is None and self._has_content():
            self.draft.save()

    def resume_draft(self, draft_id: int) -> None:
        try:
            draft = self.draft.load(draft_id)
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.new_dossier()
        self._loading = True
        load_payload(self.form, draft.payload)
        self._loading = False
        self.draft.draft_id = draft.id
        self._form_changed()
        self.draft.refresh()
        self.form.procedure.setFocus()

    # --- lookup and settings ------------------------------------------------------------------------

    def run_lookup(self) -> None:
        if (found := find_dossier(self, self.ctx, self.lookup.text())) is not None:
            chosen, attach = found
            if attach:
                self.scans.attach_later(chosen.id, chosen.code)
            else:
                self.reprint(chosen.id, chosen.code)

    def attach_scans(self) -> None:  # Ctrl+Shift+A: onto the dossier just saved, or one the lookup finds
        if self.saved is not None:
            reg = self.saved.registered
            self.scans.attach_later(reg.id, reg.code, carry=True)
        elif self.lookup.text().strip():
            self.run_lookup()
        else:
            self.lookup.setFocus()

    def reprint(self, dossier_id: int, code: str) -> None:
        with self.ctx.session() as s:
            data = receiving.receipt_data(s, dossier_id)
        self._render_receipt(data, code)

    def open_settings(self) -> None:
        from onestop_desktop.ui.intake.settings import CatalogueDialog

        CatalogueDialog(self.ctx, self).exec()
