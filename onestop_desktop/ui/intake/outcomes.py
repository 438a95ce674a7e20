"""The visits that register nothing: supplement guidance (form 02) and refusal (form 03)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication

from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.intake import outcomes
from onestop_desktop.ui.common.messages import show_error
from onestop_desktop.ui.intake.dialogs import GuidanceDialog, RefusalDialog

if TYPE_CHECKING:
    from onestop_desktop.ui.intake.tab import IntakeTab


def _record(tab: IntakeTab, dialog: Any, write: Any) -> Any:
    """Show the dialog until the service accepts what it says (or the clerk cancels)."""
    while dialog.exec():
        try:
            with tab.ctx.session() as s:
                return write(s)
        except ValidationFailed as exc:
            tab.form.show_errors(exc.errors)
            dialog.error.setText(exc.message)
        except ServiceError as exc:
            show_error(tab, exc)
            return None
    return None


def guidance(tab: IntakeTab) -> None:
    """Incomplete file: the missing papers (pre-filled with those not handed in) go on form 02."""
    from onestop_desktop.ui.intake.tab import _forms, forms_dir

    docs = tab.form.documents.documents()
    missing = [d.name for d in docs if not (d.originals + d.certified_copies + d.photocopies)]
    dialog = GuidanceDialog(missing, tab)
    data = _record(
        tab,
        dialog,
        lambda s: outcomes.record_guidance(
            s, tab.ctx.actor, tab.form.to_form(), dialog.missing_items(), dialog.instructions.toPlainText()
        ),
    )
    if data is None:
        return
    path = forms_dir() / f"huong-dan-bo-sung-{data.issued_at:%Y%m%d-%H%M%S}.pdf"
    title = QCoreApplication.translate("IntakeTab", "Supplement guidance")
    tab.render_pdf(lambda: _forms().render_supplement(data, path), path, title)
    tab.ctx.bus.data_changed.emit("counter")


def refuse(tab: IntakeTab) -> None:
    """Outside the office's competence or not allowed: the reason goes on form 03 and into statistics."""
    from onestop_desktop.ui.intake.tab import _forms, forms_dir

    dialog = RefusalDialog(tab)
    data = _record(
        tab,
        dialog,
        lambda s: outcomes.record_refusal(s, tab.ctx.actor, tab.form.to_form(), dialog.reason.toPlainText()),
    )
    if data is None:
        return
    path = forms_dir() / f"tu-choi-{data.issued_at:%Y%m%d-%H%M%S}.pdf"
    title = QCoreApplication.translate("IntakeTab", "Refusal")
    tab.render_pdf(lambda: _forms().render_refusal(data, path), path, title)
    tab.ctx.bus.data_changed.emit("counter")
