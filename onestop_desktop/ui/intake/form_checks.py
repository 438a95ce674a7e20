"""What blocks saving the intake form and what only warns, read from what the clerk typed."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from onestop_desktop.services.intake.checks import IntakeForm, check_field
from onestop_desktop.ui.i18n import say


def blockers(f: IntakeForm) -> dict[str, str]:
    """What stops saving right now, in the interface language (the service checks again on save)."""
    out: dict[str, str] = {}
    if not f.procedure_code:
        out["procedure"] = QCoreApplication.translate("IntakeFormWidget", "Choose the procedure.")
    for name in ("applicant_name", "citizen_id", "phone", "email", "street"):
        c = check_field(name, getattr(f, name), f.birth_date)
        if c.error_msg:
            out[name] = say(c.error_msg)
    if "street" not in out and not f.street.strip() and f.address_unit_code is None:
        out["street"] = QCoreApplication.translate(
            "IntakeFormWidget", "Enter the address (commune/ward and street or hamlet)."
        )
    if f.on_behalf:
        c = check_field("submitter_name", f.submitter_name)
        if c.error_msg:
            out["submitter_name"] = say(c.error_msg)
    if f.procedure_code and not any(d.originals + d.certified_copies + d.photocopies for d in f.documents):
        out["documents"] = QCoreApplication.translate("IntakeFormWidget", "No document marked as received.")
    return out


def warnings(f: IntakeForm) -> dict[str, str]:
    """What may be a typing mistake but does not stop saving."""
    out = {}
    for name in ("citizen_id", "phone"):
        c = check_field(name, getattr(f, name), f.birth_date)
        if c.ok and c.warning_msg:
            out[name] = say(c.warning_msg)
    return out
