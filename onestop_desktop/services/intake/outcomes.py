"""Visits that end without a new dossier: supplement guidance (form 02) and refusal (form 03)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import CounterEvent, Procedure
from onestop_desktop.domain import validators as v
from onestop_desktop.domain.messages import Msg, Text, define, msg
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.form_data import RefusalData, SupplementData
from onestop_desktop.services.intake.checks import STREET, IntakeForm, _text, check_field, unit_path
from onestop_desktop.services.roles import Actor, Role, require

define(
    "intake.no-missing",
    "Chưa ghi giấy tờ nào còn thiếu hoặc cần hoàn thiện.",
    "No missing or incomplete document written down.",
)
MISSING_DOCUMENT = Text("giấy tờ còn thiếu", "missing document")
INSTRUCTIONS = Text("hướng dẫn", "instructions")
REASON = Text("lý do từ chối", "reason for refusal")


def _visit(session: Session, actor: Actor, form: IntakeForm) -> tuple[Procedure, dict[str, str], str]:
    require(session, actor, Role.CLERK, Role.LEADER, what="tiếp nhận hồ sơ")
    errors: dict[str, Msg] = {}
    proc = session.scalar(select(Procedure).where(Procedure.code == form.procedure_code.strip()))
    if proc is None:
        errors["procedure"] = msg("intake.no-procedure")
    name = v.check_name(form.applicant_name)
    if name.error_msg:
        errors["applicant_name"] = name.error_msg
    values = {"applicant_name": name.value, "citizen_id": "", "phone": "", "email": ""}
    for key in ("citizen_id", "phone", "email"):
        raw = getattr(form, key)
        if raw.strip():
            checked = check_field(key, raw)
            if checked.error_msg:
                errors[key] = checked.error_msg
            values[key] = checked.value
    street = _text(form.street, STREET, required=False, limit=255)
    if street.error_msg:
        errors["street"] = street.error_msg
    address = ", ".join(p for p in (street.value, unit_path(session, form.address_unit_code)) if p)
    if errors:
        raise ValidationFailed(errors)
    assert proc is not None
    return proc, values, address


def _counter_event(
    session: Session,
    actor: Actor,
    kind: str,
    proc: Procedure,
    values: dict[str, str],
    reason: str,
    missing: list[str],
) -> CounterEvent:
    at = now_local()
    ev = CounterEvent(
        kind=kind,
        at=at,
        user_id=actor.user_id,
        unit_id=office.office_unit(session).id,
        procedure_id=proc.id,
        applicant_name=values["applicant_name"],
        citizen_id=values["citizen_id"],
        phone=values["phone"],
        reason=reason,
        missing=missing,
    )
    session.add(ev)
    session.flush()
    audit.record(
        session, actor.user_id, "counter_event", ev.id, kind, after={"reason": reason, "missing": missing}
    )
    return ev


def record_guidance(
    session: Session, actor: Actor, form: IntakeForm, missing: Sequence[str], instructions: str = ""
) -> SupplementData:
    """An incomplete file: record the guidance visit (nothing is received) and return form 02's data."""
    proc, values, address = _visit(session, actor, form)
    items = [x for x in (_text(m, MISSING_DOCUMENT, True) for m in missing) if x.ok]
    note = _text(instructions, INSTRUCTIONS, required=False, limit=2000)
    if not items:
        raise ValidationFailed({"missing": msg("intake.no-missing")})
    if note.error_msg:
        raise ValidationFailed({"instructions": note.error_msg})
    names = [x.value for x in items]
    ev = _counter_event(session, actor, "guidance", proc, values, note.value, names)
    return SupplementData(
        office=office.form_office(session),
        dossier_code=None,
        applicant_name=values["applicant_name"],
        applicant_address=address,
        phone=values["phone"],
        email=values["email"],
        procedure_name=proc.name,
        missing=tuple(names),
        instructions=note.value,
        issued_at=ev.at,
        officer_name=actor.full_name,
    )


def record_refusal(session: Session, actor: Actor, form: IntakeForm, reason: str) -> RefusalData:
    """Refuse to receive (outside competence / not allowed); recorded for statistics. Form 03 data."""
    proc, values, address = _visit(session, actor, form)
    why = _text(reason, REASON, required=True, limit=2000)
    if why.error_msg:
        raise ValidationFailed({"reason": why.error_msg})
    ev = _counter_event(session, actor, "refusal", proc, values, why.value, [])
    return RefusalData(
        office=office.form_office(session),
        applicant_name=values["applicant_name"],
        applicant_address=address,
        phone=values["phone"],
        email=values["email"],
        procedure_name=proc.name,
        reason=why.value,
        issued_at=ev.at,
        officer_name=actor.full_name,
    )


def count_counter_events(session: Session, kind: str) -> int:
    return int(session.scalar(select(func.count(CounterEvent.id)).where(CounterEvent.kind == kind)) or 0)
