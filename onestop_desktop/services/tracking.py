"""Deadline tracking: the countdown, dossier details with their timeline, forms 04-06 data.

The list query lives in `tracking_query`, the actions in `tracking_actions`; both are re-exported here
so callers write `tracking.query_rows(...)`, `tracking.transfer(...)`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.domain.calendar import HOURS_PER_DAY, TimeUnit, WorkingCalendar
from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.domain.states import (
    Action,
    DossierStatus,
    action_label_vi,
    allowed_actions,
    classify_result,
    label_vi,
    timeliness_label_vi,
)
from onestop_desktop.reports.form_data import (
    ApologyData,
    ControlSlipData,
    HandoverLine,
    LogBookData,
    LogRow,
    SupplementData,
)
from onestop_desktop.services import office
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI
from onestop_desktop.services.errors import NotFound
from onestop_desktop.services.roles import Actor
from onestop_desktop.services.tracking_actions import (  # noqa: F401  (re-exported)
    ActionResult,
    apology,
    receive_supplement,
    request_supplement,
    resolve,
    return_result,
    simple,
    stop,
    transfer,
    undo_last,
    undo_refusal,
    withdraw,
)
from onestop_desktop.services.tracking_query import (  # noqa: F401  (re-exported)
    QUICK_FILTERS,
    SORT_KEYS,
    DossierRow,
    SavedFilterInfo,
    Sort,
    Today,
    TrackingFilter,
    apology_due_count,
    count_rows,
    delete_filter,
    due_today_or_tomorrow,
    holders,
    list_filters,
    query_rows,
    quick_counts,
    save_filter,
)

S = DossierStatus
# Event names written by older code and the demo, shown with the same words as the Action values.
_EVENT_ALIASES = {"request_supplement": Action.REQUEST_SUPPLEMENT, "return": Action.RETURN_RESULT}


@dataclass(frozen=True)
class Countdown:
    """What the "remaining" column shows. level: overdue | soon | paused | ok | closed."""

    text: str
    level: str
    sort_value: float  # remaining working days (hours / 8 for same-day procedures); closed: +inf


def is_same_day(time_value: int, time_unit: str) -> bool:
    return time_value == 0 or (time_unit == TimeUnit.HOURS.value and time_value <= HOURS_PER_DAY)


class DayCounter:
    """Working days between dates in constant time: a running count of working days per year, built
    once per year used (the list asks for thousands of rows overdue since years)."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.calendar = calendar
        self._cumulative: dict[int, list[int]] = {}  # year -> working days up to each day of the year
        self._base: dict[int, int] = {}  # year -> working days before 1 January, from a reference year

    def _year(self, year: int) -> list[int]:
        arr = self._cumulative.get(year)
        if arr is None:
            arr, c, d = [], 0, date(year, 1, 1)
            while d.year == year:
                c += self.calendar.is_working_day(d)
                arr.append(c)
                d += timedelta(days=1)
            self._cumulative[year] = arr
        return arr

    def _year_base(self, year: int) -> int:
        if not self._base:
            self._base[year] = 0
            return 0
        if year in self._base:
            return self._base[year]
        lo, hi = min(self._base), max(self._base)
        while year > hi:
            self._base[hi + 1] = self._base[hi] + self._year(hi)[-1]
            hi += 1
        while year < lo:
            self._base[lo - 1] = self._base[lo] - self._year(lo - 1)[-1]
            lo -= 1
        return self._base[year]

    def ordinal(self, d: date) -> int:
        """Working days from the reference year's start up to and including `d`."""
        return self._year_base(d.year) + self._year(d.year)[d.timetuple().tm_yday - 1]

    def between(self, a: date, b: date) -> int:
        """Same as `WorkingCalendar.working_days_between(a, b)`."""
        return self.ordinal(b) - self.ordinal(a)


def countdown(
    status: int,
    due_at: datetime,
    time_value: int,
    time_unit: str,
    now: datetime,
    days: DayCounter,
) -> Countdown:
    """ "còn 2 ngày", "quá hạn 3 ngày", "còn 3 giờ" (same-day procedures), "tạm dừng", "" when closed."""
    st = S(status)
    if st in (S.RESOLVED, S.RETURNED, S.WITHDRAWN, S.STOPPED, S.REFUSED):
        return Countdown("", "closed", float("inf"))
    if st is S.WAITING_SUPPLEMENT:
        return Countdown("tạm dừng", "paused", 1e6)
    today = now.date()
    if due_at.date() == today:
        if is_same_day(time_value, time_unit) or due_at > now:
            hours = (due_at - now).total_seconds() / 3600
            if hours >= 0:
                return Countdown(f"còn {max(1, round(hours))} giờ", "soon", hours / HOURS_PER_DAY)
            return Countdown(f"quá hạn {max(1, round(-hours))} giờ", "soon", hours / HOURS_PER_DAY)
        return Countdown("hết hạn hôm nay", "soon", 0.0)
    if due_at.date() < today:
        n = max(1, days.between(due_at.date(), today))
        return Countdown(f"quá hạn {n} ngày", "overdue", -float(n))
    n = days.between(today, due_at.date())
    return Countdown(f"còn {n} ngày", "soon" if n <= 1 else "ok", float(n))


# --- details ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class EventInfo:
    id: int
    at: datetime
    user_name: str
    action: str
    label: str
    from_status: int | None
    to_status: int
    note: str
    undone_at: datetime | None


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
    channel: str
    received_at: datetime
    due_at: datetime
    original_due_at: datetime
    statutory_time: str
    status: int
    status_label: str
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
    deadline_explanation: str
    actions: tuple[str, ...]
    undo_refusal: str | None
    suggest_apology: bool


def event_label(action: str) -> str:
    if action == "import":
        return "Nhập từ sổ theo dõi cũ"
    a = _EVENT_ALIASES.get(action)
    if a is None:
        try:
            a = Action(action)
        except ValueError:
            return action
    label = action_label_vi(a)
    return label[:1].upper() + label[1:]


def dossier_details(
    session: Session, actor: Actor, dossier_id: int, calendar: WorkingCalendar, now: datetime
) -> DossierDetails:
    """Everything the details panel shows about one dossier."""
    from onestop_desktop.domain.calendar import label_vi as time_label

    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
    names: dict[int, str] = {uid: name for uid, name in session.execute(select(User.id, User.full_name))}
    events = tuple(
        EventInfo(
            e.id,
            e.at,
            names.get(e.user_id, ""),
            e.action,
            event_label(e.action),
            e.from_status,
            e.to_status,
            e.note,
            e.undone_at,
        )
        for e in d.events
    )
    due = calendar.due(d.received_at, d.time_value, TimeUnit(d.time_unit))
    explanation = due.explain()
    if d.due_at != due.due:
        explanation += f". Hẹn trả hiện tại: {fmt_datetime(d.due_at)} (đã điều chỉnh, xem lịch sử)"
    open_running = S(d.status) in (S.ACCEPTED, S.PROCESSING, S.WAITING_FINANCIAL)
    suggest = open_running and d.due_at.date() <= now.date() and d.apology_count == 0
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
        channel=CHANNEL_LABELS_VI.get(d.channel, d.channel),
        received_at=d.received_at,
        due_at=d.due_at,
        original_due_at=d.original_due_at,
        statutory_time=time_label(TimeUnit(d.time_unit), d.time_value),
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


# --- printed forms ---------------------------------------------------------------------------------


def supplement_data(
    session: Session, dossier_id: int, missing: str, officer: str, at: datetime
) -> SupplementData:
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
    items = tuple(x.strip(" -•") for x in missing.splitlines() if x.strip(" -•"))
    return SupplementData(
        office=office.form_office(session),
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
        raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
    return ApologyData(
        office=office.form_office(session),
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
        raise NotFound(f"Không tìm thấy hồ sơ số {dossier_id}.")
    users = {u.id: u for u in session.scalars(select(User))}
    lines: list[HandoverLine] = []
    counter_department = office.get_office(session).department or "Bộ phận tiếp nhận và trả kết quả"
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
        office=office.form_office(session),
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
            )
        )
    return out


def log_book_data(session: Session, start: date, end: date) -> LogBookData:
    label = f"Từ ngày {start:%d/%m/%Y} đến ngày {end:%d/%m/%Y}"
    return LogBookData(
        office=office.form_office(session), period_label=label, rows=tuple(log_rows(session, start, end))
    )
