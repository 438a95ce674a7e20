"""Dossier statistics of a period in the layout of form II.06a/VPCP/KSTT, counted in SQL.

Counting rules (DOMAIN.md, "Statistics"):
- received = carried over + new online + new in person/post. Carried over: received before the period
  and not finished (resolved, withdrawn or stopped) before it. Dossiers still only registered online
  (status 1) or refused at the counter (status 3) were never accepted and are not counted.
- resolved = early + on time + late, for dossiers finished inside the period, classified like
  `domain.states.classify_result` (by calendar date of the result against the appointment date).
  Withdrawn (7) and stopped (8) dossiers count as resolved on time, on their closing date.
- in progress at the period end = within deadline (appointment on or after the last day, or waiting for
  a supplement at the end, judged by the dossier's events, not by today's status) + overdue.
- on-time rate = (early + on time) / resolved; the briefing's figure is
  (early + on time + within deadline) / received.

One GROUP BY query (field, procedure, unit, receiving officer) with CASE sums gives every breakdown;
the small grouped result is then rolled up. All SQL is portable to PostgreSQL (`date()` exists there too).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, String, and_, case, cast, func, literal, not_, or_, select, union_all
from sqlalchemy.orm import Session

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import Dossier, DossierEvent, Field, Procedure, Unit, User
from onestop_desktop.domain.periods import Period
from onestop_desktop.domain.states import DossierStatus as S
from onestop_desktop.services.catalogue.catalogue import working_calendar
from onestop_desktop.services.reports.counts import (
    _COUNT_FIELDS,
    Counts,
    LateDossier,
    MonthPoint,
    PeriodStats,
    Row,
)

NOT_ACCEPTED = (int(S.REGISTERED_ONLINE), int(S.REFUSED))

OPEN = (int(S.ACCEPTED), int(S.PROCESSING), int(S.WAITING_SUPPLEMENT), int(S.WAITING_FINANCIAL))

LATE_LIST_LIMIT = 2000


def _bounds(period: Period) -> tuple[datetime, datetime, datetime]:
    """Start of the first day, start of the last day, start of the day after the last.

    A period not over yet ends today: a dossier due on the 20th is not "overdue at the end of the
    month" on the 2nd (the current month's report once showed 91 overdue where tracking said 2).
    """
    end = min(period.end, max(period.start, today_local()))
    return (
        datetime.combine(period.start, time()),
        datetime.combine(end, time()),
        datetime.combine(end + timedelta(days=1), time()),
    )


def _n(cond: ColumnElement[bool]) -> ColumnElement[int]:
    return func.sum(case((cond, 1), else_=0))


_NEEDED = (
    "id",
    "field_id",
    "procedure_id",
    "unit_id",
    "receiving_user_id",
    "channel",
    "received_at",
    "due_at",
    "resolved_at",
    "closed_at",
    "status",
    "paused_at",
    "apology_count",
)


def _by_received(session: Session, day: date | datetime) -> bool:
    """Whether fewer dossiers were received before `day` than resolved after it.

    "Received before and resolved after" can walk either index; the shorter range wins (an old period:
    received_at; a recent one: resolved_at). Estimated from the first and last dates, four index look-ups.
    """
    d = Dossier
    at = day if isinstance(day, datetime) else datetime.combine(day, time())
    r0, r1 = session.scalar(select(func.min(d.received_at))), session.scalar(select(func.max(d.received_at)))
    s0, s1 = session.scalar(select(func.min(d.resolved_at))), session.scalar(select(func.max(d.resolved_at)))
    if r0 is None or r1 is None or s0 is None or s1 is None or r1 <= r0 or s1 <= s0:
        return False
    before = (at - r0) / (r1 - r0)
    after = (s1 - at) / (s1 - s0)
    return bool(before < after)


def _hide(col: Any) -> ColumnElement[Any]:
    """The column's value, hidden from the planner's index choice (SQLite and PostgreSQL alike).

    Each part of a scope is meant to walk one index: the range the part is about, not a column
    that merely appears in its filter (e.g. 13,000 NULL resolved_at instead of 5 closed_at in range).
    """
    return func.coalesce(col, col)


def _before_after(at: datetime, by_received: bool) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    """received_at < at AND resolved_at >= at, with only the chosen column usable as an index.

    coalesce(x, x) hides a column from the index (SQLite and PostgreSQL alike).
    """
    d = Dossier
    if by_received:
        return d.received_at < at, _hide(d.resolved_at) >= at
    return d.resolved_at >= at, _hide(d.received_at) < at


def _scope(period: Period, by_received: bool = False) -> Any:
    """The dossiers the period counts, as four disjoint index-friendly parts (UNION ALL).

    new in the period (received_at index) | received before, resolved since the start (resolved_at)
    | received before, withdrawn/stopped since the start (closed_at) | received before, still open (status).
    One OR over these columns made SQLite walk the whole received_at index (0.9 s over 1,000,000 rows).
    `by_received`: see `_by_received`.
    """
    d = Dossier
    s, _last, e = _bounds(period)
    cols = [getattr(d, name) for name in _NEEDED]
    accepted = d.status.not_in(NOT_ACCEPTED)
    return union_all(
        select(*cols).where(d.received_at >= s, d.received_at < e, accepted),
        select(*cols).where(*_before_after(s, by_received), accepted),
        select(*cols).where(
            d.closed_at >= s, _hide(d.resolved_at).is_(None), _hide(d.received_at) < s, accepted
        ),
        select(*cols).where(
            d.status.in_(OPEN),
            _hide(d.resolved_at).is_(None),
            _hide(d.closed_at).is_(None),
            _hide(d.received_at) < s,
        ),
    ).subquery("scope")


def _columns(period: Period, d: Any) -> list[ColumnElement[int]]:
    """The CASE sums of `Counts`, in field order, over the columns of `_scope` (d = its `.c`)."""
    s, last_day, e = _bounds(period)
    finished = func.coalesce(d.resolved_at, d.closed_at)
    new = d.received_at >= s
    fin_in = and_(finished >= s, finished < e)
    res_day, due_day = func.date(d.resolved_at), func.date(d.due_at)
    closed_only = and_(fin_in, d.resolved_at.is_(None))
    open_at_end = or_(finished.is_(None), finished >= e)
    waiting = _waiting_at(d, e, open_at_end)
    within = and_(open_at_end, or_(d.due_at >= last_day, waiting))
    return [
        _n(d.received_at < s),
        _n(and_(new, d.channel == "online")),
        _n(and_(new, d.channel != "online")),
        _n(and_(fin_in, d.resolved_at.is_not(None), res_day < due_day)),
        _n(or_(closed_only, and_(fin_in, d.resolved_at.is_not(None), res_day == due_day))),
        _n(and_(fin_in, d.resolved_at.is_not(None), res_day > due_day)),
        _n(closed_only),
        _n(within),
        _n(and_(open_at_end, not_(within))),
        _n(and_(open_at_end, waiting)),
        _n(d.apology_count > 0),
    ]


def _status_at(d: Any, e: datetime) -> ColumnElement[Any]:
    """The dossier's status at `e` by its history: the state its last event before `e` left it in.

    Counting "waiting for a supplement" by the current status made a past period's figures move when a
    supplement came in later (October 2018 would lose its 40 waiting dossiers once they were finished in
    November). A dossier without any event (e.g. one imported from a log book) falls back on its current
    status, paused before `e`.
    """
    ev = DossierEvent
    last = (
        select(ev.to_status)
        .where(ev.dossier_id == d.id, ev.at < e, ev.undone_at.is_(None))
        .order_by(ev.at.desc(), ev.id.desc())
        .limit(1)
        .correlate_except(ev)
        .scalar_subquery()
    )
    paused_now = and_(d.status == int(S.WAITING_SUPPLEMENT), or_(d.paused_at.is_(None), d.paused_at < e))
    return func.coalesce(last, case((paused_now, int(S.WAITING_SUPPLEMENT)), else_=0))


def _waiting_at(d: Any, e: datetime, open_at_end: ColumnElement[bool]) -> ColumnElement[bool]:
    """Open at `e` and waiting for a supplement then. CASE keeps the history look-up to the few dossiers
    still open at the end (CASE is evaluated lazily in SQLite and PostgreSQL)."""
    return case((open_at_end, _status_at(d, e)), else_=0) == int(S.WAITING_SUPPLEMENT)


def _counts(values: Iterable[Any]) -> Counts:
    return Counts(*(int(v or 0) for v in values))


def period_totals(session: Session, period: Period) -> Counts:
    """The totals of form II.06a for the period (one aggregate query, no breakdown)."""
    sub = _scope(period, _by_received(session, period.start))
    row = session.execute(select(*_columns(period, sub.c))).one()
    return _counts(row)


def _rollup(
    grouped: list[tuple[Any, ...]],
    index: int,
    label: Callable[[int], tuple[str, str]],
    sort: Callable[[Row], Any] | None = None,
) -> tuple[Row, ...]:
    """Sum the grouped SQL rows (4 keys, then the counts) by one key: plain integer lists, no objects."""
    width = len(_COUNT_FIELDS)
    acc: dict[int, list[int]] = {}
    for r in grouped:
        into = acc.setdefault(r[index], [0] * width)
        for j in range(width):
            into[j] += r[4 + j] or 0
    rows = [Row(*label(k), Counts(*c)) for k, c in acc.items()]
    rows.sort(key=sort or (lambda r: (-r.counts.received, r.label)))
    return tuple(rows)


def period_stats(session: Session, period: Period) -> PeriodStats:
    """Totals, breakdowns by field / procedure / unit / receiving officer, late dossiers, apologies."""
    sub = _scope(period, _by_received(session, period.start))
    keys = (sub.c.field_id, sub.c.procedure_id, sub.c.unit_id, sub.c.receiving_user_id)
    result = session.execute(select(*keys, *_columns(period, sub.c)).group_by(*keys)).all()
    grouped = [tuple(r) for r in result]
    totals = _counts(sum(r[4 + j] or 0 for r in grouped) for j in range(len(_COUNT_FIELDS)))

    field_rows = session.execute(select(Field.id, Field.code, Field.name)).all()
    field_info = {i: (c, n) for i, c, n in field_rows}
    used_procs = {r[1] for r in grouped}
    procs = {
        i: (c, n)
        for i, c, n in session.execute(
            select(Procedure.id, Procedure.code, Procedure.name).where(Procedure.id.in_(used_procs))
        )
    }
    units = {i: (c, n) for i, c, n in session.execute(select(Unit.id, Unit.code, Unit.name))}
    used_users = {r[3] for r in grouped}
    users = {
        i: (u, n)
        for i, u, n in session.execute(
            select(User.id, User.username, User.full_name).where(User.id.in_(used_users))
        )
    }
    by_field = _rollup(
        grouped,
        0,
        lambda i: field_info.get(i, (str(i), str(i))),
        sort=lambda r: (-r.counts.received, r.key),
    )
    late, late_count = _late_dossiers(session, period)
    s, _last, e = _bounds(period)
    apologies = session.scalar(
        select(func.count(DossierEvent.id)).where(
            DossierEvent.action == "apology", DossierEvent.at >= s, DossierEvent.at < e
        )
    )
    return PeriodStats(
        period=period,
        totals=totals,
        by_field=by_field,
        by_procedure=_rollup(grouped, 1, lambda i: procs.get(i, (str(i), str(i)))),
        by_unit=_rollup(grouped, 2, lambda i: units.get(i, (str(i), str(i)))),
        by_officer=_rollup(grouped, 3, lambda i: users.get(i, (str(i), str(i)))),
        late=late,
        late_count=late_count,
        apology_letters=int(apologies or 0),
    )


def _late_dossiers(session: Session, period: Period) -> tuple[tuple[LateDossier, ...], int]:
    """Dossiers resolved late inside the period or overdue and still open at its end; days late are
    working days, counted as the deadline list counts "quá hạn N ngày" (the appendix once counted
    calendar days: 14 beside the list's 10 for the same dossier)."""
    d = Dossier
    s, last_day, e = _bounds(period)
    cal = working_calendar(session)
    late_resolved = and_(
        d.resolved_at >= s, d.resolved_at < e, func.date(d.resolved_at) > func.date(d.due_at)
    )
    # Overdue at the end: not finished by then (still open, or finished after the end), appointment
    # before the last day, not waiting for a supplement. Disjoint index-friendly parts, as in _scope.
    late_end = and_(
        _hide(d.due_at) < last_day, _hide(d.received_at) < e, _status_at(d, e) != int(S.WAITING_SUPPLEMENT)
    )
    ids = union_all(
        select(d.id).where(late_resolved),
        select(d.id).where(
            d.status.in_(OPEN), _hide(d.resolved_at).is_(None), _hide(d.closed_at).is_(None), late_end
        ),
        select(d.id).where(*_before_after(e, _by_received(session, period.end)), late_end),
        select(d.id).where(d.closed_at >= e, _hide(d.resolved_at).is_(None), late_end),
    ).subquery("late_ids")
    cond = and_(d.status.not_in(NOT_ACCEPTED), d.id.in_(select(ids.c.id)))
    q = (
        select(
            d.code,
            Field.name,
            Procedure.name,
            Unit.name,
            d.received_at,
            d.due_at,
            case((late_resolved, d.resolved_at), else_=literal(None)),
            d.late_reason,
        )
        .join(Field, Field.id == d.field_id)
        .join(Procedure, Procedure.id == d.procedure_id)
        .join(Unit, Unit.id == d.unit_id)
        .where(cond)
        .order_by(Field.name, d.due_at, d.code)
        .limit(LATE_LIST_LIMIT)
    )
    out = []
    for code, fname, pname, uname, rec, due, res, reason in session.execute(q):
        res_dt = _as_datetime(res)
        end_ref = res_dt.date() if res_dt is not None else period.end
        out.append(
            LateDossier(
                code=code,
                field=fname,
                procedure=pname,
                unit=uname,
                received_at=rec,
                due_at=due,
                resolved_at=res_dt,
                days_late=max(0, cal.working_days_between(due.date(), end_ref)),
                reason=reason or "",
            )
        )
    total = len(out)
    if total == LATE_LIST_LIMIT:  # the list is cut: count them all
        total = session.scalar(select(func.count(d.id)).where(cond)) or 0
    return tuple(out), int(total)


def _as_datetime(v: Any) -> datetime | None:
    """A CASE over a DateTime column comes back as text on SQLite."""
    if v is None or isinstance(v, datetime):
        return v
    return datetime.fromisoformat(str(v))


def _month_key(col: Any) -> ColumnElement[str]:
    """ "YYYY-MM" of a date-time column: the text form starts with it on SQLite and PostgreSQL alike."""
    return func.substr(cast(col, String), 1, 7)


def monthly_series(session: Session, months: list[Period]) -> list[MonthPoint]:
    """New dossiers and dossiers resolved (withdrawn/stopped included) per calendar month.

    GROUP BY the month text of one date column at a time: the received_at (+ status) and resolved_at
    indexes cover these queries, so a year over 1,000,000 dossiers never touches the table.
    """
    if not months:
        return []
    if any(p.kind != "month" for p in months):
        raise ValueError("monthly_series expects calendar months")
    d = Dossier
    first, _l, _e = _bounds(months[0])
    _f, _l2, last = _bounds(months[-1])
    sums: list[dict[str, int]] = []
    for col, extra in (
        (d.received_at, d.status.not_in(NOT_ACCEPTED)),
        (d.resolved_at, None),  # never set on a dossier that was not accepted
        (d.closed_at, and_(d.resolved_at.is_(None), d.status.not_in(NOT_ACCEPTED))),
    ):
        key = _month_key(col)
        q = select(key, func.count()).where(col >= first, col < last)
        if extra is not None:
            q = q.where(extra)
        sums.append({k: int(n) for k, n in session.execute(q.group_by(key))})
    received, resolved, closed = sums
    keys = [f"{p.start.year:04d}-{p.start.month:02d}" for p in months]
    return [
        MonthPoint(p.start, received.get(k, 0), resolved.get(k, 0) + closed.get(k, 0))
        for p, k in zip(months, keys, strict=True)
    ]
