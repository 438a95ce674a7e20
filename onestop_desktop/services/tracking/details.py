"""One dossier in detail: its facts, its timeline of events and the actions open to the user."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, User
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar, time_text
from onestop_desktop.domain.legal import apology_asks_extension
from onestop_desktop.domain.messages import Msg, Text, define, msg
from onestop_desktop.domain.states import Action, DossierStatus, allowed_actions, label_vi
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.roles import Actor, Role, require
from onestop_desktop.services.tracking.actions import undo_refusal
from onestop_desktop.services.tracking.refusals import not_found
from onestop_desktop.services.tracking.wording import channel_msg, deadline_msg

S = DossierStatus

# Event names written by older code and the demo, shown with the same words as the Action values.
EVENT_ALIASES = {"request_supplement": Action.REQUEST_SUPPLEMENT, "return": Action.RETURN_RESULT}


@dataclass(frozen=True)
class EventInfo:
    id: int
    at: datetime
    user_name: str
    action: str
    label: Msg  # "Trả kết quả" / "Return the result"
    from_status: int | None
    to_status: int
    note: str
    undone_at: datetime | None
    note_text: Text | None = None  # the note in both languages: the program's own lines translated


_APOLOGY_LINE = re.compile(r"^Xin lỗi và (hẹn lại|đề nghị gia hạn): từ (.+?) (sang|đến) (.+)\.$")


def note_text(note: str, receipt_explanation: Msg | None = None) -> Text:
    """A stored note in both languages: the lines the program wrote (the deadline explanation at intake,
    the apology's dates) in English too; what a clerk wrote stays as written."""
    if receipt_explanation is not None and note == receipt_explanation.text("vi"):
        return Text(note, receipt_explanation.text("en"))
    lines_en = []
    for line in note.split("\n"):
        m = _APOLOGY_LINE.match(line)
        if m:
            key = "note.apology-extension" if m[1] == "đề nghị gia hạn" else "note.apology"
            line = msg(key, old=m[2], new=m[4]).text("en")
        lines_en.append(line)
    return Text(note, "\n".join(lines_en))


@dataclass(frozen=True)
class DossierDetails:
    id: int
    code: str
    procedure_code: str
    procedure_name: str
    field_name: str
    unit_name: str
    applicant_name: str
    citizen_id: str
    phone: str
    email: str
    address: str
    submitter_name: str | None
    channel: Msg
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    statutory_time: Msg
    status: int
    status_label: str  # Vietnamese; the interface words `status` itself
    holder_name: str
    holder_department: str
    paused_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    closed_at: datetime | None
    late_reason: str
    apology_count: int
    documents: tuple[dict[str, Any], ...]
    fee: int
    events: tuple[EventInfo, ...]
    deadline_explanation: Msg
    actions: tuple[str, ...]
    undo_refusal: Msg | None
    suggest_apology: bool


define(
    "note.apology",
    "Xin lỗi và hẹn lại: từ {old} sang {new}.",
    "Apology, new appointment: from {old} to {new}.",
)
define(
    "note.apology-extension",
    "Xin lỗi và đề nghị gia hạn: từ {old} đến {new}.",
    "Apology and extension requested: from {old} to {new}.",
)


def event_msg(action: str, day: date | None = None) -> Msg:
    """The history label of an event ("Trả kết quả") in the words of its `day` (the apology became a
    request for an extension under Thông tư 03/2025); a name the program does not know, as stored."""
    if action == "import":
        return msg("event.import")
    a = EVENT_ALIASES.get(action)
    if a is None:
        try:
            a = Action(action)
        except ValueError:
            return msg("as-stored", text=action)
    if a is Action.APOLOGY and day is not None and apology_asks_extension(day):
        return msg("event.apology-extension")
    return msg(f"event.{a.value}")


def dossier_details(
    session: Session, actor: Actor, dossier_id: int, calendar: WorkingCalendar, now: datetime
) -> DossierDetails:
    """Everything the details panel shows about one dossier (to a user the database knows)."""
    actor = require(session, actor, Role.CLERK, Role.LEADER, what="xem hồ sơ")
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(not_found(dossier_id))
    names: dict[int, str] = {uid: name for uid, name in session.execute(select(User.id, User.full_name))}
    due = calendar.due(d.received_at, d.time_value, TimeUnit(d.time_unit))
    receipt = deadline_msg(due)  # the explanation the intake wrote into the first event's note
    events = tuple(
        EventInfo(
            e.id,
            e.at,
            names.get(e.user_id, ""),
            e.action,
            event_msg(e.action, e.at.date()),
            e.from_status,
            e.to_status,
            e.note,
            e.undone_at,
            note_text(e.note or "", receipt),
        )
        for e in d.events
    )
    explanation = deadline_msg(due, d.due_at)
    open_running = S(d.status) in (S.ACCEPTED, S.PROCESSING, S.WAITING_FINANCIAL)
    # past its appointment (overdue, as the list's countdown says): a same-day dossier with hours left
    # was told "it is due and not resolved: send an apology letter"
    suggest = open_running and d.due_at < now and d.apology_count == 0
    return DossierDetails(
        id=d.id,
        code=d.code,
        procedure_code=d.procedure.code,
        procedure_name=d.procedure.name,
        field_name=d.field.name,
        unit_name=d.unit.name,
        applicant_name=d.applicant_name,
        citizen_id=d.citizen_id,
        phone=d.phone,
        email=d.email,
        address=d.address,
        submitter_name=d.submitter_name,
        channel=channel_msg(d.channel),
        received_at=d.received_at,
        due_at=d.due_at,
        original_due_at=d.original_due_at,
        statutory_time=time_text(TimeUnit(d.time_unit), d.time_value),
        status=d.status,
        status_label=label_vi(S(d.status)),
        holder_name=names.get(d.holder_user_id or 0, ""),
        holder_department=d.holder_department,
        paused_at=d.paused_at,
        resolved_at=d.resolved_at,
        returned_at=d.returned_at,
        closed_at=d.closed_at,
        late_reason=d.late_reason,
        apology_count=d.apology_count,
        documents=tuple(d.documents or ()),
        fee=d.fee,
        events=events,
        deadline_explanation=explanation,
        actions=tuple(str(a) for a in allowed_actions(S(d.status))),
        undo_refusal=undo_refusal(session, actor, d.id, now),
        suggest_apology=suggest,
    )
