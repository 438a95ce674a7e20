"""Writing a checked log book: one short transaction of bulk inserts, all or nothing.

Everything was prepared before (`logbook_rows`); here rows only become parameters of the inserts of
the dossiers and their first events, inside the caller's one transaction: on SQLite through a staging
table copied by SQLite itself (`logbook_stage`: the write lock is held for seconds), elsewhere by Core
`executemany` in batches. Bulk-written dossiers have no snapshot entry each: the audit seals every
inserted row at commit (`services.audit_rows`, told which rows by `audit.record_rows`), and the
import's one entry names the file. 200,000 rows took 791 s through the ORM, a flush per row, holding
the write lock the whole time; the counters waited. A failure of the database never carries a row's
values out: the driver's error (its SQL parameters hold names, phones and ID numbers) is replaced by a
sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, bindparam, func, insert, select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, DossierEvent
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services import audit
from onestop_desktop.services.dossiers import search_key
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking.logbook_rows import PlannedDossier
from onestop_desktop.services.tracking.logbook_stage import StageMismatch, write_staged

S = DossierStatus
BATCH = 5000
PENDING = ""  # the search key of an imported dossier not indexed yet (a real key holds its code)
LOOKUP = 900  # codes per IN (...): under SQLite's old limit of 999 parameters
Progress = Callable[[str, int, int], None]


class ImportWriteFailed(ServiceError):
    """The database refused the import; the message names no row's values (no name, phone or ID)."""


def _batches(rows: Sequence[PlannedDossier]) -> Iterator[Sequence[PlannedDossier]]:
    for i in range(0, len(rows), BATCH):
        yield rows[i : i + BATCH]


# A planned row's own columns (the rest is the same for the whole import: `const`).
COLUMNS = ("code", "procedure_id", "procedure_version_id", "field_id", "applicant_name", "applicant_sort",
           "citizen_id", "phone", "address", "received_at", "due_at", "original_due_at", "time_value",
           "time_unit", "status", "fee", "resolved_at", "returned_at", "closed_at", "late_reason",
           "search_key")  # fmt: skip
_DONE, _CLOSED = (int(S.RESOLVED), int(S.RETURNED)), (int(S.WITHDRAWN), int(S.STOPPED), int(S.REFUSED))


def dossier_values(p: PlannedDossier) -> tuple[Any, ...]:
    """The values of `COLUMNS` for one planned row, in that order."""
    status = p.status
    return (
        p.code, p.procedure_id, p.version.id, p.field_id, p.applicant, p.applicant_sort, p.citizen_id,
        p.phone, p.address, p.received, p.due, p.due, p.version.time_value, p.version.time_unit, status,
        p.version.fee, p.resolved or (p.returned if status in _DONE else None),
        p.returned if status == int(S.RETURNED) else None, p.received if status in _CLOSED else None,
        p.note, p.search_key,
    )  # fmt: skip


def _dossier_params(p: PlannedDossier, const: dict[str, Any]) -> dict[str, Any]:
    return {**const, **dict(zip(COLUMNS, dossier_values(p), strict=True))}


def failure(exc: DBAPIError) -> Msg:
    """What a refusal of the database means for an import, in words that hold no row's values."""
    text = str(exc.orig).lower()
    if "unique" in text or "duplicate key" in text:
        return msg("logbook.concurrent")
    if "locked" in text or "busy" in text:
        return msg("logbook.busy")
    return msg("logbook.write-failed", kind=type(exc.orig).__name__)


def write_rows(
    session: Session,
    user_id: int,
    department: str,
    unit_id: int,
    rows: Sequence[PlannedDossier],
    source: str,
    progress: Progress | None = None,
    defer_search: bool = False,
) -> None:
    """Insert the dossiers and their events in the caller's transaction (no commit).

    SQLite: staged, then copied by SQLite itself (`logbook_stage`), the search keys with the rows: the
    full-text trigger then costs ~1.5 s of the lock for 200,000 rows, less than the 13 s of a second pass.
    `defer_search` is for the other databases (Core executemany): there the keys are written
    afterwards (`index_pending`, in short transactions of their own). The dossiers are all in, or
    none, either way; a search key is derived data (code, name, ID, phone), rebuilt from them.
    """
    now = now_local()
    const = {
        "unit_id": unit_id,
        "email": "",
        "channel": "direct",
        "documents": [],
        "receiving_user_id": user_id,
        "holder_user_id": user_id,
        "holder_department": department,
        "source": "import",
        "updated_at": now,
    }
    staged = session.get_bind().dialect.name == "sqlite"
    if defer_search and not staged:
        const["search_key"] = PENDING
    refused: Msg | None = None
    try:
        if staged:
            write_staged(session, user_id, const, rows, source, progress, COLUMNS, dossier_values)
        else:
            _insert(session, user_id, const, rows, source, now, progress)
    except DBAPIError as exc:
        refused = failure(exc)  # raised below, outside this block: no __context__ holding the values
    except StageMismatch:
        refused = msg("logbook.write-failed", kind="StageMismatch")
    if refused is not None:
        # the rows before the refused one are in this transaction: undone here, whatever the caller
        # does with the error (a caller that catches it and commits must commit nothing of the file)
        session.rollback()
        raise ImportWriteFailed(refused)


def _insert(
    session: Session,
    user_id: int,
    const: dict[str, Any],
    rows: Sequence[PlannedDossier],
    source: str,
    now: datetime,
    progress: Progress | None,
) -> None:
    # Core executemany on the connection (the ORM's bulk path with RETURNING ran a statement per row on
    # SQLite); the audit is told which rows were written (`audit.record_rows`), as it asks.
    conn = session.connection()
    dossiers, events = cast(Table, Dossier.__table__), cast(Table, DossierEvent.__table__)
    done = 0
    for batch in _batches(rows):
        conn.execute(insert(dossiers), [{**_dossier_params(p, {}), **const} for p in batch])
        codes = [p.code for p in batch]
        found: dict[str, int] = {}
        for i in range(0, len(codes), LOOKUP):
            chunk = codes[i : i + LOOKUP]
            query = select(dossiers.c.code, dossiers.c.id).where(dossiers.c.code.in_(chunk))
            found.update((code, i) for code, i in conn.execute(query))
        ids = [found[c] for c in codes]
        conn.execute(
            insert(events),
            [
                {
                    "dossier_id": i,
                    "user_id": user_id,
                    "at": now,
                    "action": "import",
                    "from_status": None,
                    "to_status": p.status,
                    "note": f"Nhập từ sổ theo dõi cũ: {source}, dòng {p.row}",
                    "data": {},
                }
                for i, p in zip(ids, batch, strict=True)
            ],
        )
        event_ids: list[int] = []
        for i in range(0, len(ids), LOOKUP):
            chunk_ids = ids[i : i + LOOKUP]
            event_ids += conn.execute(select(events.c.id).where(events.c.dossier_id.in_(chunk_ids))).scalars()
        audit.record_rows(session, "dossiers", ids)
        audit.record_rows(session, "dossier_events", event_ids)
        done += len(batch)
        if progress is not None:
            progress("write", done, len(rows))


def index_pending(
    opener: Callable[[], AbstractContextManager[Session]], progress: Progress | None = None, batch: int = 2000
) -> int:
    """Give imported dossiers still without a search key theirs, `batch` rows a transaction (each holds
    the write lock a fraction of a second: the counters save in between). `opener()` gives a Session
    that commits when its block ends (`session_scope(factory)`, the window's `ctx.session`). Also
    repairs an import whose indexing was cut short (the program closed): it goes on where it stopped."""
    dossiers = cast(Table, Dossier.__table__)
    c = dossiers.c
    pending = and_(c.source == "import", c.search_key == PENDING)
    with opener() as s:
        total = s.scalar(select(func.count()).select_from(dossiers).where(pending)) or 0
    done, last = 0, 0
    change = update(dossiers).where(c.id == bindparam("b_id")).values(search_key=bindparam("b_key"))
    while True:
        with opener() as s:
            conn = s.connection()
            query = select(c.id, c.code, c.applicant_name, c.citizen_id, c.phone).where(pending, c.id > last)
            found = conn.execute(query.order_by(c.id).limit(batch)).all()
            if not found:
                break
            keys = [
                {"b_id": i, "b_key": search_key(code, name, cid, phone)}
                for i, code, name, cid, phone in found
            ]
            conn.execute(change, keys)
            audit.record_rows(s, "dossiers", [k["b_id"] for k in keys])
            last = found[-1][0]
        done += len(found)
        if progress is not None:
            progress("index", done, total)
    return done
