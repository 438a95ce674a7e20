"""The data of tracking's printed forms: supplement request, apology (04), control slip, log book."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.domain.states import (
    classify_result,
    label_vi,
    timeliness_label_vi,
)
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.form_data import (
    ApologyData,
    ControlSlipData,
    HandoverLine,
    LogBookData,
    LogRow,
    SupplementData,
)
from onestop_desktop.services.tracking.details import S
from onestop_desktop.services.tracking.refusals import not_found


def supplement_data(
    session: Session, dossier_id: int, missing: str, officer: str, at: datetime
) -> SupplementData:
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(not_found(dossier_id))
    items = tuple(x.strip(" -•") for x in missing.splitlines() if x.strip(" -•"))
    return SupplementData(
        office=office.form_office(session, at.date()),
        dossier_code=d.code,
        applicant_name=d.applicant_name,
        applicant_address=d.address,
        phone=d.phone,
        email=d.email,
        procedure_name=d.procedure.name,
        missing=items or (missing.strip(),),
        instructions="Đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ theo nội dung trên.",
        issued_at=at,
        officer_name=officer,
    )


def apology_data(
    session: Session, dossier_id: int, old_due: datetime, new_due: datetime, reason: str, at: datetime
) -> ApologyData:
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(not_found(dossier_id))
    return ApologyData(
        office=office.form_office(session, at.date()),
        dossier_code=d.code,
        applicant_name=d.applicant_name,
        applicant_address=d.address,
        procedure_name=d.procedure.name,
        received_at=d.received_at,
        old_due_at=old_due,
        new_due_at=new_due,
        reason=reason,
        issued_at=at,
        signer_name="",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )


def control_slip_data(session: Session, dossier_id: int) -> ControlSlipData:
    """Form 05: every hand-over of the dossier, from the counter to the return of the result."""
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(not_found(dossier_id))
    users = {u.id: u for u in session.scalars(select(User))}
    lines: list[HandoverLine] = []
    day = d.received_at.date()
    counter_department = office.get_office(session, day).department or "Bộ phận tiếp nhận và trả kết quả"
    evs = [e for e in d.events if e.undone_at is None]
    for e in evs:
        who = users.get(e.user_id)
        who_name, who_unit = (who.full_name, who.department) if who else ("", "")
        data = e.data or {}
        if e.action == "transfer":
            to = users.get(data.get("to_user_id") or 0)
            lines.append(
                HandoverLine(
                    who_name,
                    who_unit,
                    data.get("to_name") or (to.full_name if to else ""),
                    data.get("to_department") or (to.department if to else ""),
                    e.at,
                    "",
                    e.note.splitlines()[0] if e.note else "",
                )
            )
        elif e.action == "resolve":
            t = timeliness_label_vi(classify_result(e.at, d.due_at))
            lines.append(HandoverLine(who_name, who_unit, "", counter_department, e.at, t, ""))
        elif e.action in ("return", "return-result"):
            lines.append(HandoverLine(who_name, who_unit, d.applicant_name, "Tổ chức, cá nhân", e.at, "", ""))
    return ControlSlipData(
        office=office.form_office(session, day),
        dossier_code=d.code,
        applicant_name=d.applicant_name,
        procedure_name=d.procedure.name,
        received_at=d.received_at,
        due_at=d.due_at,
        lines=tuple(lines),
    )


def log_rows(session: Session, start: date, end: date, limit: int | None = None) -> list[LogRow]:
    """Form 06 rows: dossiers received from `start` to `end` (inclusive), in order of receipt."""
    stmt = (
        select(Dossier)
        .where(
            Dossier.received_at >= datetime.combine(start, time.min),
            Dossier.received_at < datetime.combine(end + timedelta(days=1), time.min),
        )
        .order_by(Dossier.received_at, Dossier.id)
    )
    if limit:
        stmt = stmt.limit(limit)
    out: list[LogRow] = []
    rows = list(session.scalars(stmt))
    ids = [d.id for d in rows]
    transferred: dict[int, datetime] = {}
    for i in range(0, len(ids), 900):
        for did, at in session.execute(
            select(DossierEvent.dossier_id, DossierEvent.at)
            .where(DossierEvent.dossier_id.in_(ids[i : i + 900]), DossierEvent.action == "transfer")
            .order_by(DossierEvent.id)
        ):
            transferred.setdefault(did, at)
    for n, d in enumerate(rows, 1):
        note = d.late_reason
        if d.resolved_at is not None:
            note = timeliness_label_vi(classify_result(d.resolved_at, d.due_at)) + (
                f"; {note}" if note else ""
            )
        out.append(
            LogRow(
                seq=n,
                code=d.code,
                procedure_name=d.procedure.name,
                applicant=d.applicant_name,
                address=d.address,
                phone=d.phone,
                received_at=d.received_at,
                due_at=d.due_at,
                transferred_at=transferred.get(d.id),
                resolved_at=d.resolved_at,
                returned_at=d.returned_at,
                status=label_vi(S(d.status)),
                note=note,
                channel=CHANNEL_LABELS_VI.get(d.channel, d.channel),
            )
        )
    return out


def log_book_data(session: Session, start: date, end: date) -> LogBookData:
    label = f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    return LogBookData(
        office=office.form_office(session, end),
        period_label=label,
        rows=tuple(log_rows(session, start, end)),
        as_of=end,
    )
