"""The actions that move a dossier through its life, each a state-machine transition.

Every action writes a `DossierEvent` (who, when, status before and after, a note, and the values it
changed so that it can be undone) and an audit entry. The last action can be undone by its author
on the same day.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.fmt import fmt_date, fmt_datetime
from onestop_desktop.domain.legal import apology_asks_extension
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.states import (
    Action,
    DossierStatus,
    TransitionError,
    classify_result,
    next_status,
    timeliness_label_vi,
)
from onestop_desktop.services import audit
from onestop_desktop.services.dossiers import dossier_snapshot
from onestop_desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require
from onestop_desktop.services.tracking.refusals import not_found

S = DossierStatus
# The dossier columns an action may change; their old values are kept in the event for undo.
RESTORABLE = (
    "status",
    "holder_user_id",
    "holder_department",
    "due_at",
    "paused_at",
    "resolved_at",
    "returned_at",
    "closed_at",
    "late_reason",
    "apology_count",
)
_DATETIMES = {"due_at", "paused_at", "resolved_at", "returned_at", "closed_at"}


@dataclass(frozen=True)
class ActionResult:
    dossier_id: int
    code: str
    event_id: int
    action: str
    from_status: int
    to_status: int
    note: str
    due_at: datetime


def _load(session: Session, dossier_id: int) -> Dossier:
    d = session.get(Dossier, dossier_id)
    if d is None:
        raise NotFound(not_found(dossier_id))
    return d


def _saved(d: Dossier) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for k in RESTORABLE:
        v = getattr(d, k)
        out[k] = v.isoformat() if isinstance(v, datetime) else v
    return out


def _transition(
    session: Session,
    actor: Actor,
    dossier_id: int,
    action: Action,
    at: datetime | None,
    note: str,
    data: dict[str, Any] | None = None,
    apply: Any = None,
) -> ActionResult:
    """Check the transition, let `apply(d, at)` change the dossier, then write the event and audit."""
    require(session, actor, Role.CLERK, Role.LEADER, what="xử lý hồ sơ")
    d = _load(session, dossier_id)
    try:
        to = next_status(S(d.status), action)
    except TransitionError as exc:
        raise ServiceError(msg("tracking.refused", code=d.code, reason=exc.msg)) from None
    when = at or now_local()
    if when < d.received_at:
        raise ServiceError(msg("tracking.before-receipt"))
    before_snapshot = dossier_snapshot(d)
    saved = _saved(d)
    from_status = d.status
    d.status = int(to)
    extra = apply(d, when) if apply is not None else None
    if extra:
        note = (note + "\n" + extra).strip() if note else extra
    d.updated_at = now_local()
    event = DossierEvent(
        dossier_id=d.id,
        user_id=actor.user_id,
        at=when,
        action=str(action),
        from_status=from_status,
        to_status=int(to),
        note=note,
        data={**(data or {}), "before": saved},
    )
    session.add(event)
    session.flush()
    audit.record(
        session, actor.user_id, "dossier", d.code, str(action), before_snapshot, dossier_snapshot(d), note
    )
    return ActionResult(d.id, d.code, event.id, str(action), from_status, int(to), note, d.due_at)


def transfer(
    session: Session,
    actor: Actor,
    dossier_id: int,
    to_user_id: int,
    note: str = "",
    at: datetime | None = None,
) -> ActionResult:
    """Hand the dossier over to an officer (a hand-over row of form 05)."""
    target = session.get(User, to_user_id)
    if target is None or not target.active:
        raise ValidationFailed({"to_user": msg("tracking.choose-receiver")})
    d = _load(session, dossier_id)
    if d.holder_user_id == to_user_id:
        raise ValidationFailed({"to_user": msg("tracking.same-holder")})
    prev = session.get(User, d.holder_user_id) if d.holder_user_id else None
    data = {
        "from_user_id": d.holder_user_id,
        "from_name": prev.full_name if prev else "",
        "from_department": d.holder_department,
        "to_user_id": target.id,
        "to_name": target.full_name,
        "to_department": target.department,
    }

    def apply(dd: Dossier, when: datetime) -> str:
        dd.holder_user_id = target.id
        dd.holder_department = target.department
        return f"Chuyển cho {target.full_name} ({target.department})."

    return _transition(session, actor, dossier_id, Action.TRANSFER, at, note, data, apply)


def request_supplement(
    session: Session, actor: Actor, dossier_id: int, missing: str, at: datetime | None = None
) -> ActionResult:
    """Ask the citizen for missing papers (form 02): the clock stops until they come."""
    if not missing.strip():
        raise ValidationFailed({"missing": msg("tracking.missing-papers")})

    def apply(d: Dossier, when: datetime) -> str:
        d.paused_at = when
        return "Tạm dừng tính thời hạn giải quyết từ " + fmt_datetime(when) + "."

    return _transition(
        session,
        actor,
        dossier_id,
        Action.REQUEST_SUPPLEMENT,
        at,
        missing.strip(),
        {"missing": missing.strip()},
        apply,
    )


def receive_supplement(
    session: Session,
    actor: Actor,
    dossier_id: int,
    calendar: WorkingCalendar,
    note: str = "",
    at: datetime | None = None,
) -> ActionResult:
    """The missing papers arrived: the clock resumes and the appointment moves back by the days waited."""

    def apply(d: Dossier, when: datetime) -> str:
        paused = d.paused_at or when
        old_due = d.due_at
        new_due, waited = calendar.resume_after_pause(old_due, paused, when)
        d.due_at = new_due
        d.paused_at = None
        if waited == 0:
            return (
                f"Chờ bổ sung từ {fmt_date(paused)} đến {fmt_date(when)}: không mất ngày làm việc nào, "
                f"giữ hẹn trả {fmt_datetime(old_due)}."
            )
        return (
            f"Chờ bổ sung từ {fmt_date(paused)} đến {fmt_date(when)}: {waited} ngày làm việc; "
            f"hẹn trả lùi từ {fmt_datetime(old_due)} sang {fmt_datetime(new_due)}."
        )

    return _transition(session, actor, dossier_id, Action.RECEIVE_SUPPLEMENT, at, note, None, apply)


def resolve(
    session: Session, actor: Actor, dossier_id: int, note: str = "", at: datetime | None = None
) -> ActionResult:
    """The processing department finished: the result is ready to be returned."""

    def apply(d: Dossier, when: datetime) -> str:
        d.resolved_at = when
        t = classify_result(when, d.due_at)
        return f"Giải quyết xong: {timeliness_label_vi(t).lower()} (hẹn trả {fmt_datetime(d.due_at)})."

    return _transition(session, actor, dossier_id, Action.RESOLVE, at, note, None, apply)


def return_result(
    session: Session, actor: Actor, dossier_id: int, note: str = "", at: datetime | None = None
) -> ActionResult:
    """The citizen received the result; the result date decides early / on time / late."""

    def apply(d: Dossier, when: datetime) -> str:
        d.returned_at = when
        t = classify_result(d.resolved_at or when, d.due_at)
        return f"Đã trả kết quả: {timeliness_label_vi(t).lower()}."

    return _transition(session, actor, dossier_id, Action.RETURN_RESULT, at, note, None, apply)


def apology(
    session: Session,
    actor: Actor,
    dossier_id: int,
    new_due: datetime,
    reason: str,
    at: datetime | None = None,
) -> ActionResult:
    """Apology letter with a new appointment (form 04); the status does not change."""
    errors: dict[str, str | Msg] = {}
    if not reason.strip():
        errors["reason"] = msg("tracking.late-reason")
    d = _load(session, dossier_id)
    if new_due <= d.due_at:
        errors["new_due"] = msg("tracking.new-due-too-early", due=fmt_datetime(d.due_at))
    if errors:
        raise ValidationFailed(errors)
    old = d.due_at

    def apply(dd: Dossier, when: datetime) -> str:
        dd.due_at = new_due
        dd.late_reason = reason.strip()
        dd.apology_count += 1
        if apology_asks_extension(when.date()):  # Thông tư 03/2025, Mẫu 04
            return f"Xin lỗi và đề nghị gia hạn: từ {fmt_datetime(old)} đến {fmt_datetime(new_due)}."
        return f"Xin lỗi và hẹn lại: từ {fmt_datetime(old)} sang {fmt_datetime(new_due)}."

    data = {"old_due": old.isoformat(), "new_due": new_due.isoformat()}
    return _transition(session, actor, dossier_id, Action.APOLOGY, at, reason.strip(), data, apply)


def _close(action: Action, required: bool) -> Any:
    def run(
        session: Session, actor: Actor, dossier_id: int, reason: str = "", at: datetime | None = None
    ) -> ActionResult:
        if required and not reason.strip():
            raise ValidationFailed({"reason": msg("tracking.reason")})

        def apply(d: Dossier, when: datetime) -> None:
            d.closed_at = when
            d.paused_at = None

        return _transition(session, actor, dossier_id, action, at, reason.strip(), None, apply)

    return run


withdraw = _close(Action.WITHDRAW, required=False)
withdraw.__doc__ = "The citizen withdraws the dossier."
stop = _close(Action.STOP, required=True)
stop.__doc__ = "Stop processing (with a reason)."


def simple(
    session: Session,
    actor: Actor,
    dossier_id: int,
    action: Action,
    note: str = "",
    at: datetime | None = None,
) -> ActionResult:
    """Actions that change only the status: accept, refuse, request/receive financial obligation."""
    if action not in (Action.ACCEPT, Action.REFUSE, Action.REQUEST_FINANCIAL, Action.RECEIVE_FINANCIAL):
        raise ServiceError(msg("tracking.needs-more", action=str(action)))

    def apply(d: Dossier, when: datetime) -> None:
        if action is Action.REFUSE:
            d.closed_at = when

    return _transition(session, actor, dossier_id, action, at, note, None, apply)


# --- undo ------------------------------------------------------------------------------------------


def last_event(session: Session, dossier_id: int) -> DossierEvent | None:
    return session.scalars(
        select(DossierEvent)
        .where(DossierEvent.dossier_id == dossier_id, DossierEvent.undone_at.is_(None))
        .order_by(DossierEvent.id.desc())
        .limit(1)
    ).first()


def undo_refusal(session: Session, actor: Actor, dossier_id: int, now: datetime | None = None) -> Msg | None:
    """Why the last action cannot be undone by `actor`, or None when it can."""
    ev = last_event(session, dossier_id)
    now = now or now_local()
    if ev is None or "before" not in (ev.data or {}):
        return msg("tracking.nothing-to-undo")
    if ev.user_id != actor.user_id:
        return msg("tracking.undo-not-author")
    if ev.at.date() != now.date():
        return msg("tracking.undo-not-today")
    return None


def undo_last(session: Session, actor: Actor, dossier_id: int, now: datetime | None = None) -> ActionResult:
    """Undo the dossier's last action (its author, the same day): restore the values it changed."""
    require(session, actor, Role.CLERK, Role.LEADER, what="hoàn tác thao tác")
    now = now or now_local()
    why = undo_refusal(session, actor, dossier_id, now)
    if why:
        raise PermissionDenied(why)
    ev = last_event(session, dossier_id)
    assert ev is not None
    d = _load(session, dossier_id)
    before_snapshot = dossier_snapshot(d)
    for k, v in ev.data["before"].items():
        if k in RESTORABLE:
            setattr(d, k, datetime.fromisoformat(v) if (k in _DATETIMES and v) else v)
    ev.undone_at = now
    d.updated_at = now_local()
    session.flush()
    audit.record(
        session, actor.user_id, "dossier", d.code, "undo:" + ev.action, before_snapshot, dossier_snapshot(d)
    )
    return ActionResult(d.id, d.code, ev.id, "undo", ev.to_status, d.status, ev.note, d.due_at)
