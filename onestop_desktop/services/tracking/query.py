"""The deadline list: sorting, paging and counting done in SQL, so a million dossiers stay smooth."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Select, case, func, literal_column, select, text
from sqlalchemy.orm import Session, aliased

from onestop_desktop.db.models import Dossier, Field, Procedure, Unit, User
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.messages import msg
from onestop_desktop.domain.text import vi_name_sort_key
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking.filters import (
    FTS_TABLE,
    QUICK_FILTERS,
    RUNNING,
    SORT_KEYS,
    Sort,
    Today,
    TrackingFilter,
    _fts_available,
    _match,
    _quick_condition,
    _words,
    conditions,
    fts_phrases,
)


@dataclass(frozen=True)
class DossierRow:
    """One line of the list, with the raw values the table sorts and colours by."""

    id: int
    code: str
    applicant_name: str
    applicant_sort: str
    procedure_name: str
    field_name: str
    unit_name: str
    received_at: datetime
    due_at: datetime
    status: int
    holder_name: str
    holder_department: str
    time_value: int
    time_unit: str
    paused_at: datetime | None
    resolved_at: datetime | None
    returned_at: datetime | None
    channel: str
    citizen_id: str
    phone: str
    address: str
    apology_count: int


_HOLDER = aliased(User)


# Sort keys with an index that delivers rows in order.
_SORT_INDEXED = ("due", "received", "applicant", "code")


# Above this many matches of a free-text search, walking the sort index and testing each row against
# the search is faster than fetching every match and sorting it.
WALK_SORT_INDEX_ABOVE = 3000


def _sort_columns(key: str) -> list[Any]:
    columns: dict[str, list[Any]] = {
        "code": [Dossier.code],
        "applicant": [Dossier.applicant_sort],
        "procedure": [Procedure.name_key],
        "field": [Field.name],
        "unit": [Unit.name_key],
        "received": [Dossier.received_at],
        "due": [Dossier.due_at],
        "status": [Dossier.status, Dossier.due_at],
        "holder": [_HOLDER.full_name],
    }
    return columns[key]


_JOINS: dict[str, Any] = {
    "procedure": (Procedure, Procedure.id == Dossier.procedure_id),
    "field": (Field, Field.id == Dossier.field_id),
    "unit": (Unit, Unit.id == Dossier.unit_id),
}


def _base(columns: list[Any]) -> Select[Any]:
    return (
        select(*columns)
        .select_from(Dossier)
        .join(Procedure, Procedure.id == Dossier.procedure_id)
        .join(Field, Field.id == Dossier.field_id)
        .join(Unit, Unit.id == Dossier.unit_id)
        .outerjoin(_HOLDER, _HOLDER.id == Dossier.holder_user_id)
    )


_ROW_COLUMNS = [
    Dossier.id,
    Dossier.code,
    Dossier.applicant_name,
    Dossier.applicant_sort,
    Procedure.name,
    Field.name,
    Unit.name,
    Dossier.received_at,
    Dossier.due_at,
    Dossier.status,
    func.coalesce(_HOLDER.full_name, ""),
    Dossier.holder_department,
    Dossier.time_value,
    Dossier.time_unit,
    Dossier.paused_at,
    Dossier.resolved_at,
    Dossier.returned_at,
    Dossier.channel,
    Dossier.citizen_id,
    Dossier.phone,
    Dossier.address,
    Dossier.apology_count,
]


def _status_limited(flt: TrackingFilter) -> bool:
    """A quick filter or the status box limits the list to statuses that hold few dossiers (open ones);
    on SQLite such a list is read by the status index, free text is then only tested row by row."""
    return flt.quick != "all" or bool(flt.statuses)


def page_ids(
    session: Session,
    flt: TrackingFilter,
    sort: Sort,
    offset: int,
    limit: int,
    today: Today,
    calendar: WorkingCalendar,
    total: int | None = None,
) -> list[int]:
    """Ids of one page in the list's order (ties broken by id, so pages never overlap).

    Only the columns needed to filter and sort are read; past the middle of a known `total` the
    order is reversed so the last page costs what the first does.
    """
    if sort.key not in SORT_KEYS:
        raise ServiceError(msg("tracking.bad-sort", column=str(sort.key)))
    descending = sort.descending
    offset = max(0, offset)
    reverse = total is not None and offset > total // 2
    if reverse:
        assert total is not None
        end = min(total, offset + limit)
        offset, limit = max(0, total - end), max(0, end - offset)
        descending = not descending
    if limit <= 0:
        return []
    sqlite = session.get_bind().dialect.name == "sqlite"
    columns = _sort_columns(sort.key)
    walk = False
    if sqlite and _status_limited(flt):
        walk = bool(_words(flt.text))
    if sqlite and _status_limited(flt) and sort.key == "due":
        # a few thousand open dossiers: read them by the status index and sort, rather than walk
        # a million entries of the due-date index (unary + hides the column from the planner)
        columns = [literal_column("+dossiers.due_at")]
    elif sqlite and _words(flt.text) and sort.key in _SORT_INDEXED and (total or 0) > WALK_SORT_INDEX_ABOVE:
        walk = True
    order = [c.desc() if descending else c.asc() for c in columns]
    order.append(Dossier.id.desc() if descending else Dossier.id.asc())
    stmt = select(Dossier.id).select_from(Dossier)
    if sort.key in _JOINS:
        target, on = _JOINS[sort.key]
        stmt = stmt.join(target, on)
    elif sort.key == "holder":
        stmt = stmt.outerjoin(_HOLDER, _HOLDER.id == Dossier.holder_user_id)
    stmt = (
        stmt.where(*conditions(session, flt, today, calendar, walk=walk))
        .order_by(*order)
        .offset(offset)
        .limit(limit)
    )
    ids = list(session.scalars(stmt))
    return ids[::-1] if reverse else ids


def rows_by_ids(session: Session, ids: list[int]) -> list[DossierRow]:
    """The list's rows for these ids, in the same order."""
    if not ids:
        return []
    found = {r[0]: DossierRow(*r) for r in session.execute(_base(_ROW_COLUMNS).where(Dossier.id.in_(ids)))}
    return [found[i] for i in ids if i in found]


def query_rows(
    session: Session,
    flt: TrackingFilter,
    sort: Sort,
    offset: int,
    limit: int,
    today: Today,
    calendar: WorkingCalendar,
    total: int | None = None,
) -> list[DossierRow]:
    """One page of the list, filtered and sorted in SQL. `total` (the count) lets deep pages run fast."""
    return rows_by_ids(session, page_ids(session, flt, sort, offset, limit, today, calendar, total))


def _only_text(flt: TrackingFilter) -> bool:
    plain = replace(flt, text="", quick="all")
    return plain == TrackingFilter(quick="all") and flt.quick == "all"


def count_rows(session: Session, flt: TrackingFilter, today: Today, calendar: WorkingCalendar) -> int:
    """How many dossiers the filter selects (the joins are not needed to count)."""
    phrases, rest = fts_phrases(_words(flt.text))
    if _only_text(flt) and phrases and not rest and _fts_available(session):
        sql = text(f"SELECT count(*) FROM {FTS_TABLE} WHERE {FTS_TABLE} MATCH :q")
        return int(session.execute(sql, {"q": _match(phrases)}).scalar() or 0)
    walk = _status_limited(flt) and session.get_bind().dialect.name == "sqlite"
    stmt = select(func.count()).select_from(Dossier)
    return int(session.scalar(stmt.where(*conditions(session, flt, today, calendar, walk=walk))) or 0)


def quick_counts(
    session: Session, flt: TrackingFilter, today: Today, calendar: WorkingCalendar
) -> dict[str, int]:
    """The count shown on each quick-filter button, with the other filters of `flt` applied.

    Without other filters each count is an index range; with them (free text above all) one pass
    over the matching rows sums every button at once.
    """
    rest = conditions(session, flt, today, calendar, quick=False)
    if not rest:
        out: dict[str, int] = {}
        for q in QUICK_FILTERS:
            qc = _quick_condition(q, today)
            stmt = select(func.count()).select_from(Dossier)
            if qc is not None:
                out[q] = int(session.scalar(stmt.where(qc)) or 0)
            else:
                out[q] = int(session.scalar(stmt) or 0)
        return out
    sums = []
    for q in QUICK_FILTERS:
        qc = _quick_condition(q, today)
        sums.append(func.count() if qc is None else func.coalesce(func.sum(case((qc, 1), else_=0)), 0))
    row = session.execute(select(*sums).select_from(Dossier).where(*rest)).one()
    return {q: int(v or 0) for q, v in zip(QUICK_FILTERS, row, strict=True)}


def due_today_or_tomorrow(session: Session, today: Today) -> int:
    """Open, running dossiers due today or on the next working day (the tab's badge)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(
                Dossier.status.in_(RUNNING),
                Dossier.due_at >= today.day_start,
                Dossier.due_at < today.soon_end,
            )
        )
        or 0
    )


def apology_due_count(session: Session, today: Today) -> int:
    """Running dossiers past their appointment with no apology letter yet (form 04 is proposed)."""
    return int(
        session.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(
                Dossier.status.in_(RUNNING),
                Dossier.due_at < today.day_start,
                Dossier.apology_count == 0,
            )
        )
        or 0
    )


def holders(session: Session) -> list[tuple[int, str]]:
    """(user id, "name – department") of everyone able to hold a dossier, in Vietnamese name order
    (given name first, as on every list of people), so a transfer names where the dossier goes."""
    users = session.scalars(select(User).where(User.active.is_(True)))
    ordered = sorted(users, key=lambda u: vi_name_sort_key(u.full_name))
    return [(u.id, f"{u.full_name} – {u.department}" if u.department else u.full_name) for u in ordered]
