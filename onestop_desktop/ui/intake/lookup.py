"""What the counter looks up: a dossier by code, phone or citizen ID; the person's open duplicates."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from onestop_desktop.services.intake import checks
from onestop_desktop.services.intake import lookup as intake_lookup
from onestop_desktop.services.intake.lookup import DossierSummary
from onestop_desktop.ui.context import AppContext
from onestop_desktop.ui.intake.dialogs import LookupDialog


def find_dossier(parent: QWidget, ctx: AppContext, text: str) -> tuple[DossierSummary, bool] | None:
    """The dossier the clerk picks among those the text finds, and whether to attach scans to it
    rather than reprint its receipt (None when none is found or picked)."""
    with ctx.session() as s:
        result = intake_lookup.lookup(s, text)
    if not result.candidates:
        QMessageBox.information(
            parent,
            QCoreApplication.translate("IntakeTab", "Lookup"),
            QCoreApplication.translate("IntakeTab", "No dossier found for “{q}”.").format(q=text),
        )
        return None
    dialog = LookupDialog(result.candidates, text, parent)
    chosen = dialog.chosen() if dialog.exec() else None
    return (chosen, dialog.wants_attach) if chosen is not None else None


def duplicate_warning(ctx: AppContext, citizen_id: str, procedure_code: str) -> str | None:
    """A warning when this person already has an open dossier for the procedure (never a block)."""
    checked = checks.check_field("citizen_id", citizen_id)
    if not (citizen_id.strip() and checked.ok):
        return None
    with ctx.session() as s:
        dup = intake_lookup.open_duplicates(s, checked.value, procedure_code)
    if not dup:
        return None
    return QCoreApplication.translate(
        "IntakeTab", "Warning: this person already has an open dossier for this procedure: {codes}."
    ).format(codes=", ".join(dup[:3]))
