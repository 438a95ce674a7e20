"""The intake counter: validate the form, receive the dossier, guidance, refusal, drafts and lookup.

The service is the authority on validation (the form validates as the clerk types, then once more
here); it writes new dossiers only through `services.dossiers.register`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import CounterEvent, Dossier, Draft, Procedure, Unit, User
from onestop_desktop.domain import validators as v
from onestop_desktop.domain.calendar import DueDate, WorkingCalendar, label_vi
from onestop_desktop.domain.codes import looks_like_partial_code
from onestop_desktop.domain.states import OPEN_STATUSES, DossierStatus
from onestop_desktop.domain.states import label_vi as status_label
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.reports.form_data import (
    DocumentLine,
    ReceiptData,
    RefusalData,
    SupplementData,
)
from onestop_desktop.services import audit, catalogue, dossiers, office
from onestop_desktop.services.catalogue import ProcedureInfo
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI, CHANNELS, DocumentCount, NewDossier
from onestop_desktop.services.errors import NotFound, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require

MAX_COUNT = 99
MAX_SETS = 20
MAX_FEE = 1_000_000_000
MAX_TEXT = 500


@dataclass(frozen=True)
class IntakeForm:
    """What the clerk typed, as typed (the service normalises and checks it)."""

    procedure_code: str = ""
    applicant_name: str = ""
    citizen_id: str = ""
    phone: str = ""
    email: str = ""
    street: str = ""
    address_unit_code: str | None = None
    on_behalf: bool = False
    submitter_name: str = ""
    channel: str = "direct"
    documents: tuple[DocumentCount, ...] = ()
    sets: int = 1
    fee: int | None = None
    birth_date: date | None = None  # from the ID card's QR code: checked against the ID's year digits


@dataclass(frozen=True)
class Checked:
    """A valid form, ready for `dossiers.register`, with the warnings the clerk should see."""

    dossier: NewDossier
    warnings: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Received:
    registered: dossiers.RegisteredDossier
    receipt: ReceiptData
    warnings: dict[str, str]


@dataclass(frozen=True)
class ApplicantInfo:
    applicant_name: str
    phone: str
    email: str
    address: str
    address_unit_code: str | None
    last_code: str
    last_received: datetime


@dataclass(frozen=True)
class DossierSummary:
    id: int
    code: str
    applicant_name: str
    citizen_id: str
    phone: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    status: int
    status_label: str


@dataclass(frozen=True)
class DraftInfo:
    id: int
    label: str
    payload: dict[str, Any]
    updated_at: datetime


def _bad_symbol(s: str) -> bool:
    """Emoji, pictographs and other symbols or invisible characters have no place on a receipt."""
    return any(unicodedata.category(ch) in ("So", "Cs", "Co", "Cn", "Cc", "Cf") for ch in s)


def _text(value: str, label: str, required: bool, limit: int = MAX_TEXT) -> v.Check:
    checked = v.check_required(value, label) if (required or value.strip()) else v.Check(True, "")
    if not checked.ok:
        return checked
    if _bad_symbol(checked.value):
        return v.Check(
            False, checked.value, f"{label[:1].upper()}{label[1:]} có ký tự không hợp lệ (biểu tượng)."
        )
    if len(checked.value) > limit:
        return v.Check(
            False, checked.value, f"{label[:1].upper()}{label[1:]} quá dài (tối đa {limit} ký tự)."
        )
    return checked


def unit_path(session: Session, code: str | None) -> str:
    """ "xã Xuân Bắc, huyện Xuân Lộc, tỉnh Đồng Nai" for a unit code ('' when unknown)."""
    unit = session.scalar(select(Unit).where(Unit.code == code)) if code else None
    names: list[str] = []
    while unit is not None:
        # "xã Xuân Bắc, huyện Xuân Lộc": level words are lower-case inside an address
        names.append(unit.name[:1].lower() + unit.name[1:])
        unit = unit.parent
    return ", ".join(names)


def check_field(name: str, value: str, birth_date: date | None = None) -> v.Check:
    """One field as the form checks it while the clerk types (same rules as `check_form`)."""
    if name == "applicant_name" or name == "submitter_name":
        return v.check_name(value)
    if name == "citizen_id":
        return v.check_citizen_id(value, birth_date)
    if name == "phone":
        return v.check_phone(value)
    if name == "email":
        return v.check_email(value)
    if name == "street":
        return _text(value, "số nhà, đường, ấp", required=False, limit=255)
    return v.Check(True, nfc(value))


def check_form(session: Session, form: IntakeForm) -> Checked:
    """Validate and normalise the form; raise `ValidationFailed` {field: message} when it cannot be saved."""
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    values: dict[str, str] = {}
    proc = None
    if not form.procedure_code.strip():
        errors["procedure"] = "Chưa chọn thủ tục hành chính."
    else:
        proc = session.scalar(select(Procedure).where(Procedure.code == form.procedure_code.strip()))
        if proc is None or not proc.active:
            errors["procedure"] = "Thủ tục không có trong danh mục đang áp dụng."
    for name, raw in (
        ("applicant_name", form.applicant_name),
        ("citizen_id", form.citizen_id),
        ("phone", form.phone),
        ("email", form.email),
        ("street", form.street),
    ):
        checked = check_field(name, raw, form.birth_date)
        if checked.error:
            errors[name] = checked.error
        elif checked.warning:
            warnings[name] = checked.warning
        values[name] = checked.value
    address_parts = [values["street"]] if values["street"] else []
    if form.address_unit_code:
        path = unit_path(session, form.address_unit_code)
        if not path:
            errors["address_unit"] = "Đơn vị hành chính không có trong danh mục."
        address_parts.append(path)
    address = ", ".join(address_parts)
    if "street" not in errors:
        addr = v.check_address(address)
        if not addr.ok and addr.error:
            errors["street"] = addr.error
    submitter = ""
    if form.on_behalf:
        sub = v.check_name(form.submitter_name)
        if sub.error:
            errors["submitter_name"] = "Người nộp thay: " + sub.error[:1].lower() + sub.error[1:]
        submitter = sub.value
    if form.channel not in CHANNELS:
        errors["channel"] = "Kênh tiếp nhận không hợp lệ."
    if not 1 <= form.sets <= MAX_SETS:
        errors["sets"] = f"Số bộ hồ sơ phải từ 1 đến {MAX_SETS}."
    if form.fee is not None and not 0 <= form.fee <= MAX_FEE:
        errors["fee"] = "Lệ phí không hợp lệ."
    docs = _check_documents(form.documents, errors)
    if errors:
        raise ValidationFailed(errors)
    assert proc is not None
    if form.citizen_id.strip():
        dup = open_duplicates(session, values["citizen_id"], proc.code)
        if dup:
            warnings["duplicate"] = (
                f"Người này đang có hồ sơ chưa giải quyết xong cho cùng thủ tục: {', '.join(dup[:3])}."
            )
    new = NewDossier(
        procedure_code=proc.code,
        applicant_name=values["applicant_name"],
        citizen_id=values["citizen_id"],
        phone=values["phone"],
        email=values["email"],
        address=nfc(address),
        address_unit_code=form.address_unit_code or None,
        submitter_name=submitter or None,
        channel=form.channel,
        documents=docs,
        sets=form.sets,
        fee=form.fee,
    )
    return Checked(new, warnings)


def _check_documents(docs: Sequence[DocumentCount], errors: dict[str, str]) -> tuple[DocumentCount, ...]:
    out = []
    for d in docs:
        counts = (d.originals, d.certified_copies, d.photocopies)
        if any(not 0 <= c <= MAX_COUNT for c in counts):
            errors["documents"] = f"Số bản của mỗi giấy tờ phải từ 0 đến {MAX_COUNT}."
        name = _text(d.name, "tên giấy tờ", required=True)
        if name.error:
            errors["documents"] = name.error
        if sum(counts) > 0:
            out.append(DocumentCount(name.value, *counts))
    if not out and "documents" not in errors:
        errors["documents"] = "Chưa đánh dấu giấy tờ nào đã nhận trong danh mục giấy tờ."
    return tuple(out)


def receive(
    session: Session, actor: Actor, form: IntakeForm, received_at: datetime | None = None
) -> Received:
    """Check the form, register the dossier (code, appointment, first event) and build its receipt."""
    require(actor, Role.CLERK, Role.LEADER, what="tiếp nhận hồ sơ")
    checked = check_form(session, form)
    unit = office.office_unit(session)
    calendar = catalogue.working_calendar(session)
    book = office.get_office(session).book_number or "01"
    reg = dossiers.register(session, actor, checked.dossier, unit, calendar, received_at, book_number=book)
    return Received(reg, receipt_data(session, reg.id), checked.warnings)


def receipt_data(session: Session, dossier_id: int) -> ReceiptData:
    """Form 01 for a dossier already written."""
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound("Không tìm thấy hồ sơ.")
    officer = session.get(User, d.receiving_user_id)
    from onestop_desktop.domain.calendar import TimeUnit

    event_note = d.events[0].note if d.events else ""
    return ReceiptData(
        office=office.form_office(session),
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
            DocumentLine(x["name"], x["originals"], x["certified_copies"], x["photocopies"])
            for x in d.documents
        ),
        sets=d.sets,
        statutory_time=label_vi(TimeUnit(d.time_unit), d.time_value),
        received_at=d.received_at,
        due_at=d.due_at,
        due_explanation=event_note,
        return_place=office.get_office(session).return_place,
        fee=d.fee,
        channel=CHANNEL_LABELS_VI.get(d.channel, d.channel),
        officer_name=officer.full_name if officer else "",
    )


def preview_due(calendar: WorkingCalendar, proc: ProcedureInfo, received: datetime | None = None) -> DueDate:
    """The appointment the form shows live (the same computation `register` makes)."""
    return calendar.due(received or now_local(), proc.time_value, proc.time_unit)


def open_duplicates(session: Session, citizen_id: str, procedure_code: str) -> list[str]:
    """Codes of this person's open dossiers for the same procedure (a warning, never a block)."""
    if not citizen_id:
        return []
    rows = session.scalars(
        select(Dossier.code)
        .join(Procedure, Dossier.procedure_id == Procedure.id)
        .where(Dossier.citizen_id == citizen_id, Procedure.code == procedure_code)
        .where(Dossier.status.in_([int(s) for s in OPEN_STATUSES]))
        .order_by(Dossier.received_at.desc())
    )
    return list(rows)


def last_applicant(session: Session, citizen_id: str) -> ApplicantInfo | None:
    """The applicant's details from the last dossier with this citizen ID (to fill the form)."""
    cid = v.check_citizen_id(citizen_id).value
    if not cid:
        return None
    d = session.scalars(
        select(Dossier).where(Dossier.citizen_id == cid).order_by(Dossier.received_at.desc()).limit(1)
    ).first()
    if d is None:
        return None
    unit_code = (
        session.scalar(select(Unit.code).where(Unit.id == d.address_unit_id)) if d.address_unit_id else None
    )
    return ApplicantInfo(d.applicant_name, d.phone, d.email, d.address, unit_code, d.code, d.received_at)


def procedure_usage(
    session: Session, unit_id: int | None = None, since: datetime | None = None
) -> dict[str, int]:
    """How many dossiers of each procedure this office received since `since` (ranks the completer)."""
    stmt = select(Procedure.code, func.count(Dossier.id)).join(Dossier, Dossier.procedure_id == Procedure.id)
    if unit_id is not None:
        stmt = stmt.where(Dossier.unit_id == unit_id)
    if since is not None:
        stmt = stmt.where(Dossier.received_at >= since)
    return {code: int(n) for code, n in session.execute(stmt.group_by(Procedure.code))}


def search_procedures(
    procedures: Sequence[ProcedureInfo], query: str, usage: dict[str, int] | None = None, limit: int = 30
) -> list[ProcedureInfo]:
    """Accent-insensitive search over name, code and field; most used first, then name matches first."""
    usage = usage or {}
    words = fold(query).split()
    found = []
    for p in procedures:
        hay = f"{fold(p.name)} {p.code.lower()} {fold(p.field_name)} {p.field_code.lower()}"
        if all(w in hay for w in words):
            phrase = " ".join(words)
            name = fold(p.name)
            rank = -1 if name == phrase else 0 if name.startswith(phrase) else 1 if phrase in name else 2
            found.append((rank if words else 0, -usage.get(p.code, 0), fold(p.name), p))
    found.sort(key=lambda t: t[:3])
    return [t[3] for t in found[:limit]]


def _summary(d: Dossier) -> DossierSummary:
    return DossierSummary(
        d.id,
        d.code,
        d.applicant_name,
        d.citizen_id,
        d.phone,
        d.procedure.name,
        d.received_at,
        d.due_at,
        d.status,
        status_label(DossierStatus(d.status)),
    )


@dataclass(frozen=True)
class LookupResult:
    exact: DossierSummary | None
    candidates: tuple[DossierSummary, ...]


def lookup(session: Session, text: str, limit: int = 50) -> LookupResult:
    """Full code → that dossier; partial code → candidates; phone or citizen ID → the person's dossiers."""
    q = nfc(text).strip()
    if not q:
        return LookupResult(None, ())
    exact = session.scalar(select(Dossier).where(Dossier.code == q.upper()))
    if exact is not None:
        return LookupResult(_summary(exact), (_summary(exact),))
    stmt = select(Dossier).order_by(Dossier.received_at.desc()).limit(limit)
    compact = "".join(q.split())
    if looks_like_partial_code(q):
        stmt = stmt.where(Dossier.code.contains(q.upper()))
    elif compact.isascii() and compact.isdigit() and len(compact) in (9, 12):
        stmt = stmt.where(Dossier.citizen_id == compact)
    elif v.check_phone(q).ok:
        stmt = stmt.where(Dossier.phone == v.check_phone(q).value)
    elif compact.isascii() and compact.isdigit() and len(compact) >= 4:
        stmt = stmt.where(
            (Dossier.code.contains(compact))
            | Dossier.phone.contains(compact)
            | Dossier.citizen_id.contains(compact)
        )
    else:
        stmt = stmt.where(Dossier.search_key.contains(fold(q)))
    rows = [_summary(d) for d in session.scalars(stmt)]
    return LookupResult(rows[0] if len(rows) == 1 else None, tuple(rows))


# --- drafts ---------------------------------------------------------------------------------------


def save_draft(session: Session, actor: Actor, payload: dict[str, Any], draft_id: int | None = None) -> int:
    """Create or update the clerk's draft; returns its id."""
    now = now_local()
    label = nfc(str(payload.get("applicant_name") or "")).strip() or "(chưa có tên)"
    proc = nfc(str(payload.get("procedure_label") or "")).strip()
    label = f"{label} – {proc}" if proc else label
    draft = session.get(Draft, draft_id) if draft_id else None
    if draft is None or draft.user_id != actor.user_id:
        draft = Draft(user_id=actor.user_id, created_at=now)
        session.add(draft)
    draft.label = label[:300]
    draft.payload = dict(payload)
    draft.updated_at = now
    session.flush()
    return draft.id


def list_drafts(session: Session, actor: Actor) -> list[DraftInfo]:
    rows = session.scalars(
        select(Draft).where(Draft.user_id == actor.user_id).order_by(Draft.updated_at.desc(), Draft.id.desc())
    )
    return [DraftInfo(d.id, d.label, dict(d.payload), d.updated_at) for d in rows]


def load_draft(session: Session, actor: Actor, draft_id: int) -> DraftInfo:
    d = session.get(Draft, draft_id)
    if d is None or d.user_id != actor.user_id:
        raise NotFound("Không tìm thấy bản nháp.")
    return DraftInfo(d.id, d.label, dict(d.payload), d.updated_at)


def delete_draft(session: Session, actor: Actor, draft_id: int) -> None:
    d = session.get(Draft, draft_id)
    if d is not None and d.user_id == actor.user_id:
        session.delete(d)
        session.flush()


# --- visits that register nothing: guidance (form 02) and refusal (form 03) ------------------------


def _visit(session: Session, actor: Actor, form: IntakeForm) -> tuple[Procedure, dict[str, str], str]:
    require(actor, Role.CLERK, Role.LEADER, what="tiếp nhận hồ sơ")
    errors: dict[str, str] = {}
    proc = session.scalar(select(Procedure).where(Procedure.code == form.procedure_code.strip()))
    if proc is None:
        errors["procedure"] = "Chưa chọn thủ tục hành chính."
    name = v.check_name(form.applicant_name)
    if name.error:
        errors["applicant_name"] = name.error
    values = {"applicant_name": name.value, "citizen_id": "", "phone": "", "email": ""}
    for key in ("citizen_id", "phone", "email"):
        raw = getattr(form, key)
        if raw.strip():
            checked = check_field(key, raw)
            if checked.error:
                errors[key] = checked.error
            values[key] = checked.value
    street = _text(form.street, "số nhà, đường, ấp", required=False, limit=255)
    if street.error:
        errors["street"] = street.error
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
    items = [x for x in (_text(m, "giấy tờ còn thiếu", True) for m in missing) if x.ok]
    note = _text(instructions, "hướng dẫn", required=False, limit=2000)
    if not items:
        raise ValidationFailed({"missing": "Chưa ghi giấy tờ nào còn thiếu hoặc cần hoàn thiện."})
    if note.error:
        raise ValidationFailed({"instructions": note.error})
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
    why = _text(reason, "lý do từ chối", required=True, limit=2000)
    if why.error:
        raise ValidationFailed({"reason": why.error})
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
