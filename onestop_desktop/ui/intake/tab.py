"""The intake tab (Tiếp nhận hồ sơ): the form, the live appointment, the visit's outcome, drafts, lookup."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import func, select

from onestop_desktop.clock import today_local
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.paths import data_dir
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.intake import checks, receiving
from onestop_desktop.services.intake import drafts as intake_drafts
from onestop_desktop.services.intake import lookup as intake_lookup
from onestop_desktop.services.roles import Role
from onestop_desktop.ui.common.messages import confirm, show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.intake import outcomes
from onestop_desktop.ui.intake.dialogs import LookupDialog
from onestop_desktop.ui.intake.form import IntakeFormWidget
from onestop_desktop.ui.intake.side import SidePanel

log = logging.getLogger(__name__)
DRAFT_DELAY_MS = 800


def _forms() -> Any:
    try:
        from onestop_desktop.reports import forms
    except ImportError:  # the module that gathers every form; the intake forms live here
        from onestop_desktop.reports import forms_intake as forms
    return forms


def forms_dir() -> Path:
    path = data_dir() / "forms"
    path.mkdir(parents=True, exist_ok=True)
    return path


def open_pdf(parent: QWidget, path: Path, title: str) -> None:
    """The preview dialog (module-level so tests can replace it)."""
    from onestop_desktop.ui.common.printing import show_pdf

    show_pdf(parent, path, title)


class IntakeTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeTab")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.ctx = ctx
        self.draft_id: int | None = None
        self.saved: receiving.Received | None = None
        self.last_pdf: Path | None = None
        self._loading = False
        self.form = IntakeFormWidget()
        self.form.setObjectName("intakeForm")
        self._build()
        self._shortcuts()
        self.draft_timer = QTimer(self)
        self.draft_timer.setSingleShot(True)
        self.draft_timer.setInterval(DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self.clock = QTimer(self)
        self.clock.setInterval(30_000)  # the appointment follows the clock (15:00 cut-off, lunch break)
        self.clock.timeout.connect(self.refresh_side)
        self.clock.start()
        self.form.changed.connect(self._form_changed)
        self.form.procedure_changed.connect(lambda _p: self.refresh_side())
        self.form.citizen_id_entered.connect(self.offer_last_applicant)
        ctx.bus.data_changed.connect(self._data_changed)
        self.reload_catalogue()
        self.refresh_drafts()
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
        side.drafts.delete_requested.connect(self.delete_draft)
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
            procs = catalogue.list_procedures(s)
            try:
                unit_id: int | None = office.office_unit(s).id
            except ServiceError:
                unit_id = None
            units = catalogue.list_units(s)
            labels = [
                (u.code, checks.unit_path(s, u.code))
                for u in units
                if u.level in ("commune", "township", "ward")
            ]
        self.calendar = self.ctx.calendar()
        self.form.set_catalogue(procs, {})
        self.form.set_units(labels)
        # Ranking by use counts a year of dossiers: seconds at a million rows, so off the GUI thread.
        self.ctx.tasks.run(
            lambda _progress: self._usage(unit_id),
            lambda usage: self.form.set_catalogue(procs, usage),
            lambda _exc: None,  # the completer simply keeps alphabetical order
        )

    def _usage(self, unit_id: int | None) -> dict[str, int]:
        with session_scope(self.ctx.db.factory) as s:
            since = datetime.combine(today_local() - timedelta(days=365), time.min)
            latest = s.scalar(select(func.max(Dossier.received_at)))
            if latest is not None and latest < since:  # an archive (the demo): its last year of work
                since = latest - timedelta(days=365)
            return intake_lookup.procedure_usage(s, unit_id, since=since)

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
            colour = "#b00020" if self.form.touched else "#555"  # red only once the clerk has started
            self.blockers_label.setStyleSheet(f"color: {colour};")
            self.save_button.setToolTip(text)
            self.draft_timer.start()
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
            self.due_explain.setText(due.explain())
            self.due_label.setToolTip(due.explain())
        warnings = []
        cid = self.form.edits["citizen_id"].text()
        if p is not None and cid.strip():
            checked = checks.check_field("citizen_id", cid)
            if checked.ok:
                with self.ctx.session() as s:
                    dup = intake_lookup.open_duplicates(s, checked.value, p.code)
                if dup:
                    warnings.append(
                        self.tr(
                            "Warning: this person already has an open dossier for this procedure: {codes}."
                        ).format(codes=", ".join(dup[:3]))
                    )
        self.warning_label.setText("\n".join(warnings))
        self.warning_label.setVisible(bool(warnings))

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
        try:
            with self.ctx.session() as s:
                received = receiving.receive(s, self.ctx.actor, self.form.to_form())
        except ValidationFailed as exc:
            self.form.show_errors(exc.errors)
            self.form.focus_first_error(exc.errors)
            self.blockers_label.setText(self.tr("Cannot save yet: {what}").format(what=exc.message))
            return
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.saved = received
        self.draft_timer.stop()
        self._drop_draft()
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
        self.due_explain.setText(reg.due.explain())
        path = forms_dir() / f"giay-hen-{reg.code}.pdf"
        data = received.receipt
        self.render_pdf(
            lambda: _forms().render_receipt(data, path), path, self.tr("Receipt {code}").format(code=reg.code)
        )

    def render_pdf(self, work: Callable[[], Any], path: Path, title: str) -> None:
        def done(_result: Any) -> None:
            self.last_pdf = path
            self.last_title = title
            self.print_button.setEnabled(True)
            open_pdf(self, path, title)

        self.ctx.tasks.run(
            lambda _progress: work(),
            done,
            lambda exc: show_error(self, exc),
            title=self.tr("Writing the PDF…"),
            parent=self,
        )

    def print_receipt(self) -> None:
        if self.last_pdf is not None and self.last_pdf.exists():
            open_pdf(self, self.last_pdf, getattr(self, "last_title", self.last_pdf.stem))

    def guidance(self) -> None:
        if self.saved is None:
            outcomes.guidance(self)

    def refuse(self) -> None:
        if self.saved is None:
            outcomes.refuse(self)

    def new_dossier(self, keep_applicant: bool = False) -> None:
        if self.saved is None and self.draft_id is None and self._has_content():
            self.save_draft()  # an unfinished form is never lost: it stays in the drafts list
        self.saved = None
        self.draft_id = None
        self.form.setEnabled(True)
        self.save_button.setEnabled(True)
        self.banner.setVisible(False)
        self._loading = True
        self.form.clear(keep_applicant=keep_applicant)
        self._loading = False
        self.draft_timer.stop()
        self._form_changed()
        self.draft_timer.stop()
        self.form.procedure.setFocus()

    def clear_with_confirmation(self) -> None:
        if self.saved is not None or not self._has_content():
            self.new_dossier()
            return
        if confirm(self, self.tr("Clear the form"), self.tr("Clear everything typed in this form?")):
            self._drop_draft()
            self.new_dossier()

    def _has_content(self) -> bool:
        f = self.form.to_form()
        return bool(f.procedure_code or f.applicant_name.strip() or f.citizen_id.strip() or f.phone.strip())

    # --- drafts -------------------------------------------------------------------------------------

    def save_draft(self) -> None:
        if self.saved is not None or not self._has_content():
            return
        with self.ctx.session() as s:
            self.draft_id = intake_drafts.save_draft(s, self.ctx.actor, self.form.payload(), self.draft_id)
        self.refresh_drafts()

    def _drop_draft(self) -> None:
        if self.draft_id is not None:
            with self.ctx.session() as s:
                intake_drafts.delete_draft(s, self.ctx.actor, self.draft_id)
            self.draft_id = None
        self.refresh_drafts()

    def refresh_drafts(self) -> None:
        with self.ctx.session() as s:
            drafts = intake_drafts.list_drafts(s, self.ctx.actor)
        self.drafts.show_drafts(drafts, self.draft_id)

    def resume_draft(self, draft_id: int) -> None:
        try:
            with self.ctx.session() as s:
                draft = intake_drafts.load_draft(s, self.ctx.actor, draft_id)
        except ServiceError as exc:
            show_error(self, exc)
            return
        self.new_dossier()
        self._loading = True
        self.form.load_payload(draft.payload)
        self._loading = False
        self.draft_id = draft.id
        self._form_changed()
        self.refresh_drafts()
        self.form.procedure.setFocus()

    def delete_draft(self, draft_id: int) -> None:
        with self.ctx.session() as s:
            intake_drafts.delete_draft(s, self.ctx.actor, draft_id)
        if draft_id == self.draft_id:
            self.draft_id = None
        self.refresh_drafts()

    # --- lookup and settings ------------------------------------------------------------------------

    def run_lookup(self) -> None:
        text = self.lookup.text()
        with self.ctx.session() as s:
            result = intake_lookup.lookup(s, text)
        if not result.candidates:
            QMessageBox.information(
                self, self.tr("Lookup"), self.tr("No dossier found for “{q}”.").format(q=text)
            )
            return
        dialog = LookupDialog(result.candidates, text, self)
        if dialog.exec() and (chosen := dialog.chosen()) is not None:
            self.reprint(chosen.id, chosen.code)

    def reprint(self, dossier_id: int, code: str) -> None:
        with self.ctx.session() as s:
            data = receiving.receipt_data(s, dossier_id)
        path = forms_dir() / f"giay-hen-{code}.pdf"
        self.render_pdf(
            lambda: _forms().render_receipt(data, path), path, self.tr("Receipt {code}").format(code=code)
        )

    def open_settings(self) -> None:
        from onestop_desktop.ui.intake.settings import CatalogueDialog

        CatalogueDialog(self.ctx, self).exec()
