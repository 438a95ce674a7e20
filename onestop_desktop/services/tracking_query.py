"""The deadline list: filters, sorting and paging done in SQL, so a million dossiers stay smooth.

Free text runs over `dossiers.search_key` (folded code, name, citizen ID, phone). On SQLite the
FTS5 trigram index `dossiers_fts` (migration 0002) answers words of three or more characters; shorter
words fall back to LIKE. On PostgreSQL a pg_trgm GIN index serves `ILIKE '%…%'`.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, case, func, literal_column, select, table, text
from sqlalchemy.orm import Session, aliased

from onestop_desktop.db.models import Dossier, Field, Procedure, SavedFilter, Unit, User
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.states import OPEN_STATUSES, DossierStatus
from onestop_desktop.domain.text import fold
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Actor

S = DossierStatus
# Open and running: the clock ticks (waiting for a supplement pauses it).
RUNNING_STATUSES = (S.REGISTERED_ONLINE, S.ACCEPTED, S.PROCESSING, S.WAITING_FINANCIAL)
OPEN = tuple(sorted(int(s) for s in OPEN_STATUSES))
RUNNING = tuple(sorted(int(s) for s in RUNNING_STATUSES))

SORT_KEYS = ("code", "applicant", "procedure", "field", "unit", "received", "due", "status", "holder")
QUICK_FILTERS = ("open", "overdue", "due_soon", "supplement", "all")
FTS_TABLE = "dossiers_fts"


@dataclass(frozen=True)
class TrackingFilter:
    """What the clerk asked to see. Empty values mean "any"."""

    quick: str = "open"  # open | overdue | due_soon | supplement | all
    statuses: tuple[int, ...] = ()
    field_id: int | None = None
    procedure_id: int | None = None
    unit_id: int | None = None
    channel: str | None = None
    holder_user_id: int | None = None
    received_from: date | None = None
    received_to: date | None = None
    due_from: date | None = None
    due_to: date | None = None
    due_within_days: int | None = None  # working days from today (open, running dossiers)
    text: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in fields(self):
            v = getattr(self, f.name)
            out[f.name] = v.isoformat() if isinstance(v, date) else (list(v) if isinstance(v, tuple) else v)
        return out

    @staticmethod
    def from_json(data: dict[str, Any]) -> TrackingFilter:
        kw: dict[str, Any] = {}
        for f in fields(TrackingFilter):
            if f.name not in data or data[f.name] is None:
                continue
            v = data[f.name]
            if f.name.startswith(("received_", "due_")) and f.name != "due_within_days":
                v = date.fromisoformat(v)
            elif f.name == "statuses":
                v = tuple(int(x) for x in v)
            kw[f.name] = v
        return TrackingFilter(**kw)


@dataclass(frozen=True)
class Sort:
    key: str = "due"
    descending: bool = False


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


@dataclass(frozen=True)
class Today:
    """The reference instant and the day boundaries the quick filters use."""

    now: datetime
    soon_end: datetime = datetime(1, 1, 1)  # start of the day after the next working day

    @staticmethod
    def at(now: datetime, calendar: WorkingCalendar, days: int = 1) -> Today:
        end = calendar.add_working_days(now.date(), days) if days > 0 else now.date()
        return Today(now, datetime.combine(end + timedelta(days=1), time.min))

    @property
    def day_start(self) -> datetime:
        return datetime.combine(self.now.date(), time.min)


def _words(query: str) -> list[str]:
    return [w for w in fold(query).replace('"', " ").split() if w]


def fts_phrases(words: list[str]) -> tuple[list[str], list[str]]:
    """Group the words for the trigram index: a word under three letters joins its neighbour as one
    phrase ("nguyen va" is searched as that substring). Returns (phrases, words left for LIKE)."""
    phrases: list[str] = []
    pending = ""
    for w in words:
        if len(w) >= 3:
            phrases.append(f"{pending} {w}".strip())
            pending = ""
        elif phrases and not pending:
            phrases[-1] += " " + w
        else:
            pending = f"{pending} {w}".strip()
    if len(pending) >= 3:
        phrases.append(pending)
        pending = ""
    return phrases, pending.split()


def _match(phrases: list[str]) -> str:
    return " AND ".join('"' + p + '"' for p in phrases)


def _fts_available(session: Session) -> bool:
    bind = session.get_bind()
    if bind.dialect.name != "sqlite":
        return False
    cached = getattr(bind, "_onestop_fts", None)
    if cached is None:
        cached = bool(
            session.execute(
                text("SELECT 1 FROM sqlite_master WHERE type='table' AND name=:n"), {"n": FTS_TABLE}
            ).first()
        )
        bind._onestop_fts = cached  # type: ignore[union-attr]
    return bool(cached)


def _text_condition(session: Session, query: str, walk: bool = False) -> ColumnElement[bool] | None:
    """`walk`: keep SQLite from driving the query by the search (unary + on the id), so it walks the
    sort index and tests each row against the search instead."""
    words = _words(query)
    if not words:
        return None
    conds: list[ColumnElement[bool]] = []
    if _fts_available(session):
        phrases, words = fts_phrases(words)
        if phrases:
            sub: Select[Any] = (
                select(literal_column("rowid"))
                .select_from(table(FTS_TABLE))
                .where(text(f"{FTS_TABLE} MATCH :fts_q").bindparams(fts_q=_match(phrases)))
            )
            target: Any = literal_column("+dossiers.id") if walk else Dossier.id
            conds.append(target.in_(sub))
    for w in words:
        escaped = w.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        conds.append(Dossier.search_key.like(f"%{escaped}%", escape="\\"))
    return and_(*conds)


def _quick_condition(quick: str, today: Today) -> ColumnElement[bool] | None:
    if quick == "open":
        return Dossier.status.in_(OPEN)
    if quick == "overdue":
        return and_(Dossier.status.in_(RUNNING), Dossier.due_at < today.day_start)
    if quick == "due_soon":
        return and_(
            Dossier.status.in_(RUNNING), Dossier.due_at >= today.day_start, Dossier.due_at < today.soon_end
        )
    if quick == "supplement":
        return Dossier.status == int(S.WAITING_SUPPLEMENT)
    if quick == "all":
        return None
    raise ServiceError(f"Bộ lọc nhanh không hợp lệ: {quick}.")


def conditions(
    session: Session,
    flt: TrackingFilter,
    today: Today,
    calendar: WorkingCalendar,
    quick: bool = True,
    walk: bool = False,
) -> list[ColumnElement[bool]]:
    """The WHERE terms of a filter (the quick filter included unless `quick` is False)."""
    c: list[ColumnElement[bool]] = []
    if quick:
        q = _quick_condition(flt.quick, today)
        if q is not None:
            c.append(q)
    if flt.statuses:
        c.append(Dossier.status.in_([int(s) for s in flt.statuses]))
    for col, value in (
        (Dossier.field_id, flt.field_id),
        (Dossier.procedure_id, flt.procedure_id),
        (Dossier.unit_id, flt.unit_id),
        (Dossier.channel, flt.channel),
        (Dossier.holder_user_id, flt.holder_user_id),
    ):
        if value is not None:
            c.append(col == value)
    if flt.received_from:
        c.append(Dossier.received_at >= datetime.combine(flt.received_from, time.min))
    if flt.received_to:
        c.append(Dossier.received_at < datetime.combine(flt.received_to + timedelta(days=1), time.min))
    if flt.due_from:
        c.append(Dossier.due_at >= datetime.combine(flt.due_from, time.min))
    if flt.due_to:
        c.append(Dossier.due_at < datetime.combine(flt.due_to + timedelta(days=1), time.min))
    if flt.due_within_days is not None:
        end = calendar.add_working_days(today.now.date(), max(0, flt.due_within_days))
        c.append(Dossier.status.in_(RUNNING))
        c.append(Dossier.due_at < datetime.combine(end + timedelta(days=1), time.min))
    t = _text_condition(session, flt.text, walk)
    if t is not None:
        c.append(t)
    return c


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
        raise ServiceError(f"Không sắp xếp được theo cột {sort.key}.")
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


# --- saved filters ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedFilterInfo:
    id: int
    name: str
    filter: TrackingFilter
    sort: Sort


def save_filter(session: Session, actor: Actor, name: str, flt: TrackingFilter, sort: Sort) -> int:
    """Save (or overwrite) a named filter of the signed-in user."""
    name = name.strip()
    if not name:
        raise ServiceError("Chưa đặt tên cho bộ lọc.")
    payload = {"filter": flt.to_json(), "sort": {"key": sort.key, "descending": sort.descending}}
    row = session.scalar(
        select(SavedFilter).where(SavedFilter.user_id == actor.user_id, SavedFilter.name == name)
    )
    if row is None:
        row = SavedFilter(user_id=actor.user_id, name=name, payload=payload)
        session.add(row)
    else:
        row.payload = payload
    session.flush()
    return row.id


def list_filters(session: Session, actor: Actor) -> list[SavedFilterInfo]:
    out = []
    for r in session.scalars(
        select(SavedFilter).where(SavedFilter.user_id == actor.user_id).order_by(SavedFilter.name)
    ):
        s = r.payload.get("sort", {})
        out.append(
            SavedFilterInfo(
                r.id,
                r.name,
                TrackingFilter.from_json(r.payload.get("filter", {})),
                Sort(s.get("key", "due"), bool(s.get("descending", False))),
            )
        )
    return out


def delete_filter(session: Session, actor: Actor, filter_id: int) -> None:
    row = session.get(SavedFilter, filter_id)
    if row is None or row.user_id != actor.user_id:
        raise ServiceError("Không tìm thấy bộ lọc đã lưu.")
    session.delete(row)


def with_quick(flt: TrackingFilter, quick: str) -> TrackingFilter:
    return replace(flt, quick=quick)


def holders(session: Session) -> list[tuple[int, str]]:
    """(user id, name) of everyone holding an open dossier or able to receive one."""
    return [
        (u.id, u.full_name)
        for u in session.scalars(select(User).where(User.active.is_(True)).order_by(User.full_name))
    ]
