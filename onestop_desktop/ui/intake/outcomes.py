"""The visits that register nothing: supplement guidance (form 02) and refusal (form 03)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from onestop_desktop.paths import forms_dir
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.intake import outcomes
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.i18n import say_error
from onestop_desktop.ui.intake.dialogs import GuidanceDialog, RefusalDialog
from onestop_desktop.ui.intake.form import IntakeFormWidget
from onestop_desktop.ui.intake.pdfs import intake_forms


class OutcomeHost(Protocol):
    """What an outcome needs of the intake tab: the context, the form, and the tab's way to render a PDF."""

    ctx: AppContext
    form: IntakeFormWidget

    def render_pdf(self, work: Callable[[], Any], path: Path, title: str) -> None: ...


def _record(tab: OutcomeHost, parent: QWidget, dialog: Any, write: Any) -> Any:
    """Show the dialog until the service accepts what it says (or the clerk cancels)."""
    while dialog.exec():
        try:
            with tab.ctx.session() as s:
                return write(s)
        except ValidationFailed as exc:
            tab.form.show_refusal(exc)
            dialog.error.setText(say_error(exc))
        except ServiceError as exc:
            show_error(parent, exc)
            return None
    return None


def guidance(tab: OutcomeHost, parent: QWidget) -> None:
    """Incomplete file: the missing papers (pre-filled with those not handed in) go on form 02."""
    docs = tab.form.documents.documents()
    missing = [d.name for d in docs if not (d.originals + d.certified_copies + d.photocopies)]
    dialog = GuidanceDialog(missing, parent)
    data = _record(
        tab,
        parent,
        dialog,
        lambda s: outcomes.record_guidance(
            s, tab.ctx.actor, tab.form.to_form(), dialog.missing_items(), dialog.instructions.toPlainText()
        ),
    )
    if data is None:
        return
    path = forms_dir() / f"huong-dan-bo-sung-{data.issued_at:%Y%m%d-%H%M%S}.pdf"
    title = QCoreApplication.translate("IntakeTab", "Supplement guidance")
    tab.render_pdf(lambda: intake_forms().render_supplement(data, path), path, title)
    tab.ctx.bus.data_changed.emit("counter")


def refuse(tab: OutcomeHost, parent: QWidget) -> None:
    """Outside the office's competence or not allowed: the reason goes on form 03 and into statistics."""
    dialog = RefusalDialog(parent)
    data = _record(
        tab,
        parent,
        dialog,
        lambda s: outcomes.record_refusal(s, tab.ctx.actor, tab.form.to_form(), dialog.reason.toPlainText()),
    )
    if data is None:
        return
    path = forms_dir() / f"tu-choi-{data.issued_at:%Y%m%d-%H%M%S}.pdf"
    title = QCoreApplication.translate("IntakeTab", "Refusal")
    tab.render_pdf(lambda: intake_forms().render_refusal(data, path), path, title)
    tab.ctx.bus.data_changed.emit("counter")
