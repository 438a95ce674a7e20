"""Receiving a dossier at the counter: register it, preview its appointment, fill its receipt (form 01).

New dossiers are written only through `services.dossiers.register`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, User
from onestop_desktop.domain.calendar import DueDate, WorkingCalendar, label_vi
from onestop_desktop.domain.messages import Msg, define, msg
from onestop_desktop.services import dossiers
from onestop_desktop.services.attachments.attach import list_attachments
from onestop_desktop.services.catalogue import catalogue, office, versions
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.form_data import DocumentLine, ReceiptData
from onestop_desktop.services.intake.checks import IntakeForm, check_form
from onestop_desktop.services.roles import Actor, Role, require

define("intake.dossier-gone", "Không tìm thấy hồ sơ.", "Dossier not found.")


@dataclass(frozen=True)
class Received:
    registered: dossiers.RegisteredDossier
    receipt: ReceiptData
    warnings: dict[str, Msg]


def receive(
    session: Session, actor: Actor, form: IntakeForm, received_at: datetime | None = None
) -> Received:
    """Check the form, register the dossier (code, appointment, first event) and build its receipt."""
    require(session, actor, Role.CLERK, Role.LEADER, what="tiếp nhận hồ sơ")
    day = received_at.date() if received_at else None
    checked = check_form(session, form, day)
    unit = office.office_unit(session, day)  # the office's unit on the receipt day (dated since 2025)
    calendar = catalogue.working_calendar(session)
    book = office.get_office(session, day).book_number or "01"
    # the catalogue version of the receipt day: its time, fee and checklist stay with the dossier
    version = versions.version_on(session, checked.procedure_id, day or now_local().date())
    reg = dossiers.register(
        session, actor, checked.dossier, unit, calendar, received_at, book_number=book, version=version
    )
    return Received(reg, receipt_data(session, reg.id), checked.warnings)


def receipt_data(session: Session, dossier_id: int) -> ReceiptData:
    """Form 01 for a dossier already written."""
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(msg("intake.dossier-gone"))
    officer = session.get(User, d.receiving_user_id)
    from onestop_desktop.domain.calendar import TimeUnit

    event_note = d.events[0].note if d.events else ""
    scanned = scanned_at_intake(session, d)
    return ReceiptData(
        office=office.form_office(session, d.received_at.date()),
        dossier_code=d.code,
        book_number=d.book_number,
        sequence=d.book_sequence,
        applicant_name=d.applicant_name,
        applicant_address=d.address,
        phone=d.phone,
        email=d.email,
        citizen_id=d.citizen_id,
        submitter_name=d.submitter_name,
        procedure_name=d.procedure.name,
        field_name=d.field.name,
        documents=tuple(
            DocumentLine(
                x["name"],
                x["originals"],
                x["certified_copies"],
                x["photocopies"],
                (i in scanned) if scanned else None,
            )
            for i, x in enumerate(d.documents, start=1)
        ),
        sets=d.sets,
        statutory_time=label_vi(TimeUnit(d.time_unit), d.time_value),
        received_at=d.received_at,
        due_at=d.due_at,
        due_explanation=event_note,
        return_place=office.get_office(session, d.received_at.date()).return_place,
        fee=d.fee,
        channel=CHANNEL_LABELS_VI.get(d.channel, d.channel),
        officer_name=officer.full_name if officer else "",
    )


def scanned_at_intake(session: Session, d: Dossier) -> frozenset[int]:
    """The checklist lines digitised at the counter: a live scan attached on the day of receipt.

    The receipt records the act of receiving (its template and wording are those of that day), so scans
    added on a later day (an old dossier digitised from the archive, say) never change it: a 2018 receipt
    reprints as it was. Digitisation at intake: Nghị định 107/2021/NĐ-CP (amending Nghị định 61/2018),
    kept by Nghị định 118/2025/NĐ-CP, Điều 17 (docs/LEGAL.md).
    """
    day = d.received_at.date()
    return frozenset(
        a.document
        for a in list_attachments(session, d.code)
        if a.role == "document" and a.document is not None and a.added_at.date() == day
    )


def preview_due(calendar: WorkingCalendar, proc: ProcedureInfo, received: datetime | None = None) -> DueDate:
    """The appointment the form shows live (the same computation `register` makes)."""
    return calendar.due(received or now_local(), proc.time_value, proc.time_unit)
