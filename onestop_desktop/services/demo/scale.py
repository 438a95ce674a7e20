"""Generate many dossiers for load tests: N dossiers over Y years in U receiving units.

Distributions follow the demo office: fields weighted as at a district counter (certification and civil
status most common, land the slowest), receipts on working days inside office hours, most dossiers
returned on time, a few late, withdrawn or stopped; recent dossiers still open, some waiting for a
supplement. Deterministic for a seed. Rows go in with executemany (the DB-API's bulk path on SQLite)
or COPY (PostgreSQL) in batches; no events are written for generated dossiers (their history is not
the point).
"""

from __future__ import annotations

import io
import json
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, text, update
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierSequence, Field, Procedure, Unit, User
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.codes import make_dossier_code
from onestop_desktop.domain.states import DossierStatus as S
from onestop_desktop.domain.text import vi_name_sort_key
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import catalogue, versions
from onestop_desktop.services.demo.people import address, person
from onestop_desktop.services.dossiers import search_key

FIELD_WEIGHT = {"CT": 40, "HT": 22, "DD": 12, "KD": 5, "XD": 3, "LD": 5, "BT": 5, "TP": 2}
BATCH = 20000
Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class ScaleResult:
    dossiers: int
    first_id: int
    last_id: int
    units: int
    start: date
    end: date


class FastDue:
    """The calendar's appointment for receipts inside office hours on a working day, from a table of
    working days (`WorkingCalendar.due` walks day by day: too slow for a million rows)."""

    def __init__(self, calendar: WorkingCalendar, start: date, end: date) -> None:
        self.calendar = calendar
        self.days: list[date] = []
        self.index: dict[date, int] = {}
        d = start
        while d <= end:
            if calendar.is_working_day(d):
                self.index[d] = len(self.days)
                self.days.append(d)
            d += timedelta(days=1)

    def due(self, received: datetime, value: int, unit: str) -> datetime:
        day, t = received.date(), received.time()
        i = self.index.get(day)
        same_day = value == 0 or (unit == TimeUnit.HOURS.value and value <= 8)
        if i is None or unit == TimeUnit.HOURS.value or i + value + 1 >= len(self.days):
            return self.calendar.due(received, value, TimeUnit(unit)).due
        if same_day:
            return datetime.combine(self.days[i + 1] if t > time(15, 0) else day, time(17, 0))
        if unit == TimeUnit.WORKING_DAYS.value:
            return datetime.combine(self.days[i + value], t.replace(second=0, microsecond=0))
        end = day + timedelta(days=value)
        while end not in self.index:
            end += timedelta(days=1)
        return datetime.combine(end, t.replace(second=0, microsecond=0))


def _office_time(rng: random.Random, day: date) -> datetime:
    minutes = rng.randint(0, 469)  # 07:00-11:30 and 13:30-17:00
    if minutes >= 270:
        minutes += 120
    return datetime.combine(day, time(7)) + timedelta(minutes=minutes)


def _units(session: Session, wanted: int) -> list[Unit]:
    """`wanted` receiving units with an office code; made-up communes are added when there are too few."""
    units = list(
        session.scalars(
            select(Unit).where(Unit.office_code.is_not(None)).order_by(Unit.valid_from, Unit.code)
        )
    )  # oldest first: the 2018 units, then the 2025 communes (which reuse some codes)
    parent = next((u for u in units if u.level == "district"), units[0] if units else None)
    i = 0
    while len(units) < wanted:
        i += 1
        code = f"99{i:03d}"
        if session.scalar(select(Unit.id).where(Unit.code == code)) is not None:
            continue
        u = Unit(
            code=code,
            name=f"Xã Mẫu {i}",
            name_key=f"xa mau {i}",
            level="commune",
            parent_id=parent.id if parent else None,
            valid_from=date(2015, 1, 1),
            office_code=f"000.{i:02d}.99.H19",
        )
        session.add(u)
        units.append(u)
    session.flush()
    return units[:wanted]


def _people(rng: random.Random, n: int = 5000) -> list[tuple[str, str, str, str]]:
    """A pool of applicants (name, ID, phone, sort key): drawing from a pool keeps generation fast."""
    out = []
    for _ in range(n):
        name, cid, phone = person(rng)
        out.append((name, cid, phone, vi_name_sort_key(name)))
    return out


def _fate(rng: random.Random, received: datetime, due: datetime, end: datetime) -> dict[str, Any]:
    """Status and result dates: old dossiers are closed, recent ones partly open."""
    if due > end or (due.date() >= end.date() - timedelta(days=3) and rng.random() < 0.5):
        r = rng.random()
        if r < 0.1:
            return {"status": int(S.WAITING_SUPPLEMENT), "paused_at": min(end, received + timedelta(days=1))}
        if r < 0.55:
            return {"status": int(S.PROCESSING)}
        resolved = received + (end - received) * rng.random()
        return {"status": int(S.RESOLVED), "resolved_at": resolved}
    r = rng.random()
    if r < 0.004:
        return {"status": int(S.PROCESSING), "late_reason": "Chờ xác minh"}  # forgotten: overdue
    if r < 0.009:
        return {"status": int(S.WITHDRAWN), "closed_at": received + timedelta(hours=2)}
    if r < 0.011:
        return {"status": int(S.STOPPED), "closed_at": received + timedelta(days=1)}
    span = max(due - received, timedelta(hours=1))
    resolved = received + span * (0.2 + 0.8 * rng.random())
    late = r > 0.98
    if late:
        resolved = due + timedelta(days=rng.randint(1, 10))
    returned = resolved + timedelta(hours=rng.choice([0, 1, 2, 24]))
    return {
        "status": int(S.RETURNED),
        "resolved_at": resolved,
        "returned_at": returned,
        "late_reason": "Hồ sơ phải xác minh thêm" if late else "",
    }


def generate_rows(
    session: Session, n: int, years: int, units: int, seed: int = 1, end: date | None = None
) -> Iterator[dict[str, Any]]:
    """Yield `n` dossier rows (dicts for `insert(Dossier)`), ids following the current maximum."""
    rng = random.Random(seed)
    end = end or date(2026, 11, 1)
    start = end - timedelta(days=365 * years)
    cal = catalogue.working_calendar(session)
    fast = FastDue(cal, start - timedelta(days=10), end + timedelta(days=400))
    work_days = [d for d in fast.days if start <= d <= end]
    procs = list(session.scalars(select(Procedure).options(versions.loaded()).order_by(Procedure.code)))
    fields = {f.id: f.code for f in session.scalars(select(Field))}
    per_field: dict[int, int] = {}
    for p in procs:
        per_field[p.field_id] = per_field.get(p.field_id, 0) + 1
    weights = [FIELD_WEIGHT.get(fields[p.field_id], 1) / per_field[p.field_id] for p in procs]
    offices = _units(session, units)
    clerks = list(session.scalars(select(User).where(User.active.is_(True)).order_by(User.id)))
    if not clerks:
        raise ValueError("Cần ít nhất một tài khoản người dùng để tạo hồ sơ.")
    people = _people(rng)
    seqs = {(s.office_code, s.day): s.last_seq for s in session.scalars(select(DossierSequence))}
    known = dict(seqs)
    next_id = (session.scalar(select(Dossier.id).order_by(Dossier.id.desc()).limit(1)) or 0) + 1
    end_dt = datetime.combine(end, time(17))
    addresses = {u.id: [address(rng, u.name) for _ in range(40)] for u in offices}
    proc_choices = rng.choices(procs, weights, k=min(n, 100000))
    for k in range(n):
        p = proc_choices[k % len(proc_choices)]
        unit = offices[rng.randrange(len(offices))]
        assert unit.office_code
        day = work_days[rng.randrange(len(work_days))]
        received = _office_time(rng, day)
        v = versions.on_day(p, day)  # the catalogue of the receipt day
        due = fast.due(received, v.time_value, v.time_unit)
        key = (unit.office_code, day)
        seq = seqs.get(key, 0) + 1
        seqs[key] = seq
        code = make_dossier_code(unit.office_code, day, seq)
        name, cid, phone, sort_key = people[rng.randrange(len(people))]
        clerk = clerks[rng.randrange(len(clerks))]
        fate = _fate(rng, received, due, end_dt)
        row: dict[str, Any] = {
            "id": next_id,
            "code": code,
            "procedure_id": p.id,
            "procedure_version_id": v.id,
            "field_id": p.field_id,
            "unit_id": unit.id,
            "applicant_name": name,
            "applicant_sort": sort_key,
            "citizen_id": cid,
            "phone": phone,
            "email": "",
            "address": rng.choice(addresses[unit.id]),
            "address_unit_id": unit.id,
            "submitter_name": None,
            "channel": "online" if rng.random() < 0.1 else ("postal" if rng.random() < 0.02 else "direct"),
            "received_at": received,
            "due_at": due,
            "original_due_at": due,
            "time_value": v.time_value,
            "time_unit": v.time_unit,
            "status": fate["status"],
            "documents": [],
            "sets": 1,
            "fee": v.fee,
            "receiving_user_id": clerk.id,
            "holder_user_id": clerk.id,
            "holder_department": clerk.department,
            "paused_at": fate.get("paused_at"),
            "resolved_at": fate.get("resolved_at"),
            "returned_at": fate.get("returned_at"),
            "closed_at": fate.get("closed_at"),
            "late_reason": fate.get("late_reason", ""),
            "apology_count": 0,
            "search_key": search_key(code, name, cid, phone),
            "book_number": "01",
            "book_sequence": seq,
            "source": "scale",
            "digitized_at": None,
            "result_form": "",
            "updated_at": received,
        }
        next_id += 1
        yield row
    # one bulk INSERT for new (office, day) pairs and one bulk UPDATE for the others: a merge per pair
    # costs a round trip each (tens of thousands of pairs; minutes on PostgreSQL)
    changed = [
        {"office_code": o, "day": d, "last_seq": last}
        for (o, d), last in seqs.items()
        if known.get((o, d)) != last
    ]
    fresh = [r for r in changed if (r["office_code"], r["day"]) not in known]
    if fresh:
        session.execute(insert(DossierSequence), fresh)
    if len(fresh) < len(changed):
        session.execute(
            update(DossierSequence), [r for r in changed if (r["office_code"], r["day"]) in known]
        )


_COLUMNS = [c.name for c in Dossier.__table__.columns]


def _sqlite_value(v: Any) -> Any:
    if isinstance(v, datetime):
        return v.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(v, list):
        return json.dumps(v)
    return v


_COPY_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def _copy_line(row: dict[str, Any]) -> str:
    """One row in PostgreSQL's COPY text format (tab-separated, \\N for NULL)."""
    out = []
    for c in _COLUMNS:
        v = _sqlite_value(row[c])
        out.append("\\N" if v is None else str(v).translate(_COPY_ESCAPES))
    return "\t".join(out) + "\n"


def generate(
    session: Session,
    n: int,
    years: int = 5,
    units: int = 15,
    seed: int = 1,
    end: date | None = None,
    progress: Progress | None = None,
) -> ScaleResult:
    """Add `n` generated dossiers to the database in the caller's transaction."""
    if n <= 0:
        raise ValueError("Số hồ sơ phải lớn hơn 0.")
    if session.scalar(select(Procedure.id).limit(1)) is None:
        catalogue.load_bundled_units(session)
        catalogue.load_bundled_catalogue(session)
    sqlite = session.get_bind().dialect.name == "sqlite"
    dialect = session.get_bind().dialect
    postgres = dialect.name == "postgresql" and dialect.driver == "psycopg2"
    copy_sql = f"COPY dossiers ({', '.join(_COLUMNS)}) FROM STDIN"
    placeholders = ", ".join("?" for _ in _COLUMNS)
    sql = f"INSERT INTO dossiers ({', '.join(_COLUMNS)}) VALUES ({placeholders})"
    first = last = 0
    batch: list[dict[str, Any]] = []
    done = 0

    def flush() -> None:
        nonlocal done
        if not batch:
            return
        if sqlite:
            raw = session.connection().connection.driver_connection
            assert raw is not None
            raw.executemany(sql, [tuple(_sqlite_value(r[c]) for c in _COLUMNS) for r in batch])
        elif postgres:  # COPY: PostgreSQL's bulk path
            raw = session.connection().connection.driver_connection
            with raw.cursor() as cur:  # type: ignore[union-attr]
                cur.copy_expert(copy_sql, io.StringIO("".join(_copy_line(r) for r in batch)))
        else:
            session.execute(insert(Dossier), batch)
        done += len(batch)
        batch.clear()
        if progress:
            progress(done * 100 // n, f"{done}/{n}")

    rows = generate_rows(session, n, years, units, seed, end)
    for row in rows:
        if not first:
            first = row["id"]
        last = row["id"]
        batch.append(row)
        if len(batch) >= BATCH:
            flush()
    flush()
    session.flush()
    if first:  # written around the Session (executemany, COPY): sealed in the audit at this commit
        audit.record_rows(session, "dossiers", range(first, last + 1))
    if not sqlite and session.get_bind().dialect.name == "postgresql":
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT max(id) FROM dossiers))")
        )
    end_day = end or date(2026, 11, 1)
    return ScaleResult(n, first, last, units, end_day - timedelta(days=365 * years), end_day)
