"""Hand-written SQL doing the same work as the program, through a plain DB-API cursor (sqlite3 or
psycopg2), for the benchmarks' "program vs raw SQL" columns.

Each function issues the statements a careful engineer would write for the same result, with the same
index hints the services use (unary `+` on SQLite, `coalesce(x, x)`), so the difference measures
the program's own cost (SQLAlchemy, sessions, Python objects), not a different query plan.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
import sqlite3
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import make_url

from onestop_desktop.clock import now_local
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.codes import make_dossier_code
from onestop_desktop.domain.periods import Period
from onestop_desktop.services.audit import CHAIN_LOCK_KEY, GENESIS
from onestop_desktop.services.audit_chain import canonical
from onestop_desktop.services.audit_key import key_path, read_key
from onestop_desktop.services.audit_rows import columns_of, row_digest
from onestop_desktop.services.dossiers import search_key
from onestop_desktop.services.tracking.filters import fts_phrases

OPEN = "(2, 4, 5, 6)"
NOT_ACCEPTED = "(1, 3)"


class Raw:
    """A plain DB-API connection with `:name` parameters on both backends."""

    def __init__(self, url: str) -> None:
        self.sqlite = url.startswith("sqlite")
        if self.sqlite:
            self.conn: Any = sqlite3.connect(url.split(":///", 1)[1], timeout=15)
            # the program's settings (db/engine.py): FULL makes each commit survive a power cut
            for pragma in ("foreign_keys=ON", "journal_mode=WAL", "synchronous=FULL", "busy_timeout=15000"):
                self.conn.execute(f"PRAGMA {pragma}")
        else:
            import psycopg2

            u = make_url(url)
            self.conn = psycopg2.connect(
                host=u.host, port=u.port, user=u.username, password=u.password, dbname=u.database
            )
        # the audit key that seals the chain, found as the program finds it (services/audit_key.py)
        db_file = url.split(":///", 1)[1] if self.sqlite else None
        key = read_key(key_path(None if db_file is None else __import__("pathlib").Path(db_file)))
        self.key = key

    def _sql(self, sql: str) -> str:
        return sql if self.sqlite else re.sub(r"(?<![:\w]):([a-z_]\w*)", r"%(\1)s", sql)

    def _value(self, v: Any) -> Any:
        if self.sqlite and isinstance(v, datetime):
            return v.strftime("%Y-%m-%d %H:%M:%S.%f")
        if self.sqlite and isinstance(v, date):
            return v.isoformat()
        return v

    def q(self, sql: str, **params: Any) -> list[tuple[Any, ...]]:
        cur = self.conn.cursor()
        cur.execute(self._sql(sql), {k: self._value(v) for k, v in params.items()})
        rows = cur.fetchall() if cur.description else []
        cur.close()
        return rows

    def dt(self, v: Any) -> datetime | None:
        return datetime.fromisoformat(v) if isinstance(v, str) else v

    def end(self) -> None:
        self.conn.commit()

    def close(self) -> None:
        self.conn.close()


# --- save of one dossier ---------------------------------------------------------------------------


def _next_seq(raw: Raw, office_code: str, day: date) -> int:
    row = raw.q(
        "UPDATE dossier_sequences SET last_seq = last_seq + 1 WHERE office_code = :o AND day = :d "
        "RETURNING last_seq",
        o=office_code,
        d=day,
    )
    if row:
        return int(row[0][0])
    raw.q(
        "INSERT INTO dossier_sequences (office_code, day, last_seq) VALUES (:o, :d, 1)", o=office_code, d=day
    )
    return 1


DOSSIER_COLUMNS = (
    "code, procedure_id, procedure_version_id, field_id, unit_id, applicant_name, applicant_sort, "
    "citizen_id, phone, email, "
    "address, address_unit_id, submitter_name, channel, received_at, due_at, original_due_at, time_value, "
    "time_unit, status, documents, sets, fee, receiving_user_id, holder_user_id, holder_department, "
    "late_reason, apology_count, search_key, book_number, book_sequence, source, updated_at"
)


def save_dossier(
    raw: Raw,
    user_id: int,
    office_code: str,
    unit_id: int,
    form: Any,
    calendar: WorkingCalendar,
    sort_key: str,
) -> int:
    """What `dossiers.register` writes: two sequence numbers, the dossier, its first event, an audit
    entry chained to the previous one; one transaction."""
    proc = raw.q(
        "SELECT p.id, p.field_id, v.time_value, v.time_unit, v.fee, v.id FROM procedures p"
        " JOIN procedure_versions v ON v.procedure_id = p.id"
        " WHERE p.code = :c AND v.valid_from <= :d AND (v.valid_to IS NULL OR v.valid_to >= :d)",
        c=form.procedure_code,
        d=now_local().date(),
    )[0]
    addr = raw.q("SELECT id FROM units WHERE code = :c", c=form.address_unit_code)
    received = now_local()
    due = calendar.due(received, proc[2], TimeUnit(proc[3]))
    seq = _next_seq(raw, office_code, received.date())
    code = make_dossier_code(office_code, received.date(), seq)
    book_seq = _next_seq(raw, f"book:{office_code}:01", date(received.year, 1, 1))
    docs = json.dumps([d.as_json() for d in form.documents])
    key = search_key(code, form.applicant_name, form.citizen_id, form.phone)
    values = dict(
        code=code, procedure_id=proc[0], procedure_version_id=proc[5], field_id=proc[1], unit_id=unit_id,
        applicant_name=form.applicant_name, applicant_sort=sort_key, citizen_id=form.citizen_id,
        phone=form.phone, email="", address=form.address,
        address_unit_id=addr[0][0] if addr else None, submitter_name=None, channel="direct",
        received_at=received, due_at=due.due, original_due_at=due.due, time_value=proc[2], time_unit=proc[3],
        status=2, documents=docs, sets=1, fee=proc[4], receiving_user_id=user_id, holder_user_id=user_id,
        holder_department="", late_reason="", apology_count=0, search_key=key, book_number="01",
        book_sequence=book_seq, source="counter", updated_at=received,
    )  # fmt: skip
    names = DOSSIER_COLUMNS.split(", ")
    sql = (
        f"INSERT INTO dossiers ({DOSSIER_COLUMNS}) VALUES ({', '.join(':' + n for n in names)}) RETURNING id"
    )
    dossier_id = raw.q(sql, **values)[0][0]
    event_id = raw.q(
        "INSERT INTO dossier_events (dossier_id, user_id, at, action, from_status, to_status, note, data) "
        "VALUES (:i, :u, :at, 'accept', NULL, 2, :note, :data) RETURNING id",
        i=dossier_id,
        u=user_id,
        at=received,
        note=due.explain(),
        data=json.dumps({"due": due.due.isoformat()}),
    )[0][0]
    if not raw.sqlite:
        raw.q("SELECT pg_advisory_xact_lock(:k)", k=CHAIN_LOCK_KEY)
    after = {"code": code, "status": 2, "received_at": received.isoformat(), "due_at": due.due.isoformat()}
    _log(raw, received, user_id, code, after, {"dossiers": dossier_id, "dossier_events": event_id})
    raw.end()
    return int(dossier_id)


def _log(
    raw: Raw, at: datetime, user_id: int, code: str, after: dict[str, Any], rows: dict[str, int]
) -> None:
    """The audit entry `dossiers.register` writes: keyed (HMAC) when the chain is keyed, with the digests
    of the rows it wrote (services/audit_rows.py), chained to the last entry."""
    last = raw.q("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
    prev = last[0][0] if last else GENESIS
    fields: dict[str, Any] = {"at": at.isoformat(), "user_id": user_id, "entity": "dossier"}
    fields |= {"entity_id": code, "action": "accept", "before": None, "after": after, "note": ""}
    if raw.key is None:  # an unkeyed chain (before migration 0005's key was made)
        scheme, sealed = "sha256", None
        digest = hashlib.sha256((prev + canonical(fields)).encode("utf-8")).hexdigest()
    else:
        tables: dict[str, Any] = {}
        for name, row_id in rows.items():
            cols = columns_of(name)
            values = raw.q(f"SELECT {', '.join(cols)} FROM {name} WHERE id = :i", i=row_id)[0]
            tables[name] = {"c": cols, "r": {str(row_id): row_digest(raw.key.secret, name, values)}}
        scheme, sealed = f"hmac:{raw.key.kid}", {"baseline": False, "tables": tables}
        fields |= {"scheme": scheme, "rows": sealed}
        text = (prev + canonical(fields)).encode("utf-8")
        digest = hmac.new(raw.key.secret, text, hashlib.sha256).hexdigest()
    raw.q(
        "INSERT INTO audit_log (at, user_id, entity, entity_id, action, before, after, prev_hash, hash, "
        "note, scheme, rows) VALUES (:at, :u, 'dossier', :c, 'accept', NULL, :after, :prev, :h, '', :scheme, "
        ":rows)",
        at=at,
        u=user_id,
        c=code,
        after=json.dumps(after, ensure_ascii=False),
        prev=prev,
        h=digest,
        scheme=scheme,
        rows=None if sealed is None else json.dumps(sealed, ensure_ascii=False),
    )


# --- report figures (services.statistics.period_stats) ----------------------------------------------

_NEEDED = (
    "id, field_id, procedure_id, unit_id, receiving_user_id, channel, received_at, due_at, resolved_at, "
    "closed_at, status, paused_at, apology_count"
)

_SUMS = """
  sum(CASE WHEN received_at < :s THEN 1 ELSE 0 END),
  sum(CASE WHEN received_at >= :s AND channel = 'online' THEN 1 ELSE 0 END),
  sum(CASE WHEN received_at >= :s AND channel != 'online' THEN 1 ELSE 0 END),
  sum(CASE WHEN {fin_in} AND resolved_at IS NOT NULL AND date(resolved_at) < date(due_at) THEN 1 ELSE 0 END),
  sum(CASE WHEN ({fin_in} AND resolved_at IS NULL)
        OR ({fin_in} AND resolved_at IS NOT NULL AND date(resolved_at) = date(due_at)) THEN 1 ELSE 0 END),
  sum(CASE WHEN {fin_in} AND resolved_at IS NOT NULL AND date(resolved_at) > date(due_at) THEN 1 ELSE 0 END),
  sum(CASE WHEN {fin_in} AND resolved_at IS NULL THEN 1 ELSE 0 END),
  sum(CASE WHEN {within} THEN 1 ELSE 0 END),
  sum(CASE WHEN {open_end} AND NOT ({within}) THEN 1 ELSE 0 END),
  sum(CASE WHEN {open_end} AND {waiting} THEN 1 ELSE 0 END),
  sum(CASE WHEN apology_count > 0 THEN 1 ELSE 0 END)
"""
_FIN = "coalesce(resolved_at, closed_at)"
_OPEN_END = f"({_FIN} IS NULL OR {_FIN} >= :e)"


def _status_at(d: str) -> str:
    """The status `d` (a table alias) was left in by its last event before :e (none: today's, if paused)."""
    return (
        "coalesce((SELECT ev.to_status FROM dossier_events AS ev WHERE ev.dossier_id = "
        f"{d}.id AND ev.at < :e AND ev.undone_at IS NULL ORDER BY ev.at DESC, ev.id DESC LIMIT 1), "
        f"CASE WHEN {d}.status = 5 AND ({d}.paused_at IS NULL OR {d}.paused_at < :e) THEN 5 ELSE 0 END)"
    )


_WAITING = f"(CASE WHEN {_OPEN_END} THEN {_status_at('scope')} ELSE 0 END = 5)"
SUMS = _SUMS.format(
    fin_in=f"({_FIN} >= :s AND {_FIN} < :e)",
    within=f"({_OPEN_END} AND (due_at >= :last OR {_WAITING}))",
    open_end=_OPEN_END,
    waiting=_WAITING,
)


def _h(col: str) -> str:
    """The column hidden from the planner's index choice: each part walks the index of its own range."""
    return f"coalesce({col}, {col})"


def _before_after(at: str, by_received: bool) -> str:
    if by_received:
        return f"received_at < {at} AND {_h('resolved_at')} >= {at}"
    return f"resolved_at >= {at} AND {_h('received_at')} < {at}"


def _by_received(bounds: tuple[Any, ...], at: datetime) -> bool:
    r0, r1, s0, s1 = bounds
    return bool((at - r0) / (r1 - r0) < (s1 - at) / (s1 - s0))


def period_figures(raw: Raw, period: Period) -> tuple[list[int], list[int], int, int, int]:
    """Totals of form II.06a and its four breakdowns (from the grouped rows), the late list and its count,
    the apology letters."""
    s = datetime.combine(period.start, time())
    last = datetime.combine(period.end, time())
    e = last + timedelta(days=1)
    b = raw.q(
        "SELECT (SELECT min(received_at) FROM dossiers), (SELECT max(received_at) FROM dossiers), "
        "(SELECT min(resolved_at) FROM dossiers), (SELECT max(resolved_at) FROM dossiers)"
    )[0]
    bounds = tuple(raw.dt(v) for v in b)
    scope = " UNION ALL ".join(
        f"SELECT {_NEEDED} FROM dossiers WHERE {w}"
        for w in (
            f"received_at >= :s AND received_at < :e AND status NOT IN {NOT_ACCEPTED}",
            f"{_before_after(':s', _by_received(bounds, s))} AND status NOT IN {NOT_ACCEPTED}",
            f"closed_at >= :s AND {_h('resolved_at')} IS NULL AND {_h('received_at')} < :s "
            f"AND status NOT IN {NOT_ACCEPTED}",
            f"status IN {OPEN} AND {_h('resolved_at')} IS NULL AND {_h('closed_at')} IS NULL "
            f"AND {_h('received_at')} < :s",
        )
    )
    keys = "field_id, procedure_id, unit_id, receiving_user_id"
    grouped = raw.q(f"SELECT {keys}, {SUMS} FROM ({scope}) AS scope GROUP BY {keys}", s=s, e=e, last=last)
    totals = [sum(int(r[4 + i] or 0) for r in grouped) for i in range(11)]
    breakdowns = []  # by field, procedure, unit, receiving officer: the grouped rows summed per key
    for key in range(4):
        acc: dict[Any, list[int]] = {}
        for r in grouped:
            into = acc.setdefault(r[key], [0] * 11)
            for j in range(11):
                into[j] += r[4 + j] or 0
        breakdowns.append(len(acc))
    raw.q("SELECT id, code, name FROM fields")
    procs = sorted({r[1] for r in grouped}) or [0]
    raw.q(f"SELECT id, code, name FROM procedures WHERE id IN ({', '.join(map(str, procs))})")
    raw.q("SELECT id, code, name FROM units")
    users = sorted({r[3] for r in grouped}) or [0]
    raw.q(f"SELECT id, username, full_name FROM users WHERE id IN ({', '.join(map(str, users))})")
    late_resolved = "resolved_at >= :s AND resolved_at < :e AND date(resolved_at) > date(due_at)"
    late_end = f"{_h('due_at')} < :last AND {_h('received_at')} < :e AND {_status_at('dossiers')} != 5"
    ids = " UNION ALL ".join(
        f"SELECT id FROM dossiers WHERE {w}"
        for w in (
            late_resolved,
            f"status IN {OPEN} AND {_h('resolved_at')} IS NULL AND {_h('closed_at')} IS NULL AND {late_end}",
            f"{_before_after(':e', _by_received(bounds, e))} AND {late_end}",
            f"closed_at >= :e AND {_h('resolved_at')} IS NULL AND {late_end}",
        )
    )
    cond = f"d.status NOT IN {NOT_ACCEPTED} AND d.id IN (SELECT late_ids.id FROM ({ids}) AS late_ids)"
    late = raw.q(
        "SELECT d.code, f.name, p.name, u.name, d.received_at, d.due_at, "
        f"CASE WHEN {late_resolved.replace('resolved_at', 'd.resolved_at').replace('due_at', 'd.due_at')} "
        "THEN d.resolved_at END, d.late_reason FROM dossiers AS d JOIN fields AS f ON f.id = d.field_id "
        "JOIN procedures AS p ON p.id = d.procedure_id JOIN units AS u ON u.id = d.unit_id "
        f"WHERE {cond} ORDER BY f.name, d.due_at, d.code LIMIT 2000",
        s=s,
        e=e,
        last=last,
    )
    late_count = len(late)
    if late_count == 2000:  # the list is cut: count them all
        late_count = raw.q(f"SELECT count(d.id) FROM dossiers AS d WHERE {cond}", s=s, e=e, last=last)[0][0]
    apologies = raw.q(
        "SELECT count(id) FROM dossier_events WHERE action = 'apology' AND at >= :s AND at < :e", s=s, e=e
    )[0][0]
    raw.end()
    return totals, breakdowns, len(late), int(late_count), int(apologies)


# --- tracking list --------------------------------------------------------------------------------

ROW_SQL = (
    "SELECT d.id, d.code, d.applicant_name, d.applicant_sort, p.name, f.name, u.name, d.received_at, "
    "d.due_at, d.status, coalesce(h.full_name, ''), d.holder_department, d.time_value, d.time_unit, "
    "d.paused_at, d.resolved_at, d.returned_at, d.channel, d.citizen_id, d.phone, d.address, d.apology_count "
    "FROM dossiers AS d JOIN procedures AS p ON p.id = d.procedure_id JOIN fields AS f ON f.id = d.field_id "
    "JOIN units AS u ON u.id = d.unit_id LEFT JOIN users AS h ON h.id = d.holder_user_id"
)


def first_page(raw: Raw, quick: str, text: str = "", limit: int = 100) -> tuple[int, list[tuple[Any, ...]]]:
    """The count and the first `limit` rows sorted by appointment, for the open list or all dossiers,
    optionally narrowed by free text (FTS5 trigram index on SQLite, pg_trgm LIKE on PostgreSQL)."""
    status = f"d.status IN {OPEN}" if quick == "open" else ""
    params: dict[str, Any] = {}
    fts = "IN (SELECT rowid FROM dossiers_fts WHERE dossiers_fts MATCH :q)"
    if text and raw.sqlite:
        params["q"] = " AND ".join(f'"{p}"' for p in fts_phrases(text.split())[0])
        if status:
            total = raw.q(f"SELECT count(*) FROM dossiers AS d WHERE {status} AND +d.id {fts}", **params)[0][
                0
            ]
        else:
            total = raw.q("SELECT count(*) FROM dossiers_fts WHERE dossiers_fts MATCH :q", **params)[0][0]
        # many matches (or the few open dossiers): walk the sort order, test each row against the index
        walk = bool(status) or total > 3000
        where = " AND ".join(w for w in (status, f"{'+d.id' if walk else 'd.id'} {fts}") if w)
    else:
        words = text.split()  # each word a substring of the search key (pg_trgm serves LIKE)
        params = {f"w{i}": f"%{w}%" for i, w in enumerate(words)}
        likes = [f"d.search_key LIKE :w{i}" for i in range(len(words))]
        where = " AND ".join([status] * bool(status) + likes)
        count = f"SELECT count(*) FROM dossiers AS d{' WHERE ' + where if where else ''}"
        total = raw.q(count, **params)[0][0]
    due = "+d.due_at" if raw.sqlite and status else "d.due_at"
    cond = f" WHERE {where}" if where else ""
    # ids first on the dossiers table alone (its indexes give the order), then the joined columns of
    # those 100 rows: one joined ORDER BY ... LIMIT lets SQLite pick a worse plan (30 ms against 3 ms)
    ids = [
        r[0]
        for r in raw.q(f"SELECT d.id FROM dossiers AS d{cond} ORDER BY {due}, d.id LIMIT {limit}", **params)
    ]
    rows = raw.q(f"{ROW_SQL} WHERE d.id IN ({', '.join(map(str, ids))})") if ids else []
    order = {i: n for n, i in enumerate(ids)}
    rows.sort(key=lambda r: order[r[0]])
    raw.end()
    return int(total), rows
