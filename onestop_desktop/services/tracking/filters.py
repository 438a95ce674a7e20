"""What the deadline list filters on, as SQL conditions: the filter, the quick filters and free text.

Free text runs over `dossiers.search_key` (folded code, name, citizen ID, phone), through the full-text
index where the database has one.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, literal_column, select, table, text
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.messages import msg
from onestop_desktop.domain.states import OPEN_STATUSES, RUNNING_STATUSES, DossierStatus
from onestop_desktop.domain.text import fold
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking import refusals  # noqa: F401  (the refusals' message ids)

S = DossierStatus
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
    raise ServiceError(msg("tracking.bad-quick-filter", quick=str(quick)))


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


def with_quick(flt: TrackingFilter, quick: str) -> TrackingFilter:
    return replace(flt, quick=quick)
