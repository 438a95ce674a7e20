"""SQLite: a checked log book written through a staging table, so the write lock is held for seconds.

The rows go first into a TEMP table of this connection: SQLite keeps it in the connection's own
temporary database, which takes no lock on the office's file, so the counters keep saving while
200,000 rows are bound and copied there (the part that costs Python time). Then two `INSERT … SELECT`
statements copy them into `dossiers` and `dossier_events` inside SQLite, in the caller's transaction:
the first takes the write lock, held until the caller commits (after the audit's seal). One
transaction of the office's file still: a refusal anywhere rolls back every row.

Measured on the benchmark's 200,000 rows (2 CPUs, tests/benchmarks/test_bench_import.py), the same
rows by plain sqlite3: `executemany` straight into `dossiers` took 14.3 s (9.9 s with a 400 MB page
cache: per statement, SQLite opens the table's 17 indexes, the foreign keys' parents and the
full-text trigger again); `INSERT … SELECT` from the stage 4.3 s, 5.8 s with the search keys indexed
in the same statement, less than the 13 s of a second pass in 100 short transactions. In the
program: 6.1 s with a 64 MB page cache, 9.3 s with 16 MB, 5.8 s with 256 MB (SQLite's default, 2 MB,
is too small for the indexes of a large import); then the audit's seal, 5 s.

Ids are chosen by the statement that holds the lock (the largest id + the row's place in the file),
so no read of the office's file comes before the write: a transaction that has read must not wait
for the lock (SQLite refuses it at once, SQLITE_BUSY, when a counter holds it).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from typing import Any, cast

from sqlalchemy import Connection, Table, event
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierEvent
from onestop_desktop.services import audit
from onestop_desktop.services.tracking.logbook_rows import PlannedDossier

STAGE = "logbook_stage"
CHUNK = 5000  # staged rows per executemany (and per progress report)
CACHE_MAX_KIB = 64 * 1024  # the page cache during an import, at most (SQLite allocates it as used)
CACHE_KIB_PER_ROW = 1  # ~1 KB of pages per imported dossier (table, 17 indexes, full-text index)
NOTE = "Nhập từ sổ theo dõi cũ: {source}, dòng "  # + the row's number (the event's note)
Progress = Callable[[str, int, int], None]


class StageMismatch(RuntimeError):
    """The ids written are not the ones expected (never seen; the transaction is rolled back)."""


def _constants(table: Table, given: dict[str, Any], skip: set[str], conn: Connection) -> dict[str, Any]:
    """The value of every column not taken from the stage, as stored: the caller's, else the column's
    Python default (the ORM's and Core's insert apply them; SQL does not), through the column type's
    own conversion (DateTime to its text, JSON to its text), so the rows read back as the ORM's."""
    out: dict[str, Any] = {}
    for c in table.columns:
        if c.name in skip:
            continue
        if c.name in given:
            value = given[c.name]
        elif c.default is not None and getattr(c.default, "is_scalar", False):
            value = getattr(c.default, "arg", None)
        elif c.default is not None and getattr(c.default, "is_callable", False):
            value = cast(Any, c.default).arg(None)  # SQLAlchemy wraps `default=list` to take a context
        elif c.server_default is not None:
            continue  # the database's own default
        else:
            value = None
        process = _processor(table, c.name, conn)
        out[c.name] = process(value) if process is not None and value is not None else value
    return out


def _processor(table: Table, column: str, conn: Connection) -> Callable[[Any], Any] | None:
    """The column type's conversion to what the driver stores (DateTime -> text, JSON -> text), as
    SQLAlchemy applies it: the audit digests the rows as stored, and the ORM reads them back."""
    dialect = conn.dialect
    process = table.c[column].type.dialect_impl(dialect).bind_processor(dialect)
    return cast("Callable[[Any], Any] | None", process)


def _stage_rows(
    rows: Sequence[PlannedDossier],
    values: Callable[[PlannedDossier], tuple[Any, ...]],
    convert: list[tuple[int, Callable[[Any], Any]]],
) -> Iterator[list[tuple[Any, ...]]]:
    """The staged tuples (seq, row number, the dossier's own values as stored), `CHUNK` at a time."""
    for start in range(0, len(rows), CHUNK):
        chunk = []
        for seq, p in enumerate(rows[start : start + CHUNK], start=start + 1):
            vals = list(values(p))
            for i, process in convert:
                if vals[i] is not None:
                    vals[i] = process(vals[i])
            chunk.append((seq, p.row, *vals))
        yield chunk


def write_staged(
    session: Session,
    user_id: int,
    const: dict[str, Any],
    rows: Sequence[PlannedDossier],
    source: str,
    progress: Progress | None,
    columns: tuple[str, ...],
    values: Callable[[PlannedDossier], tuple[Any, ...]],
) -> None:
    """Stage, then copy in two statements; `columns`/`values(p)`: the dossier's own columns and a
    planned row's values for them (`logbook_write`, which owns the mapping)."""
    conn = session.connection()
    dossiers, events = cast(Table, Dossier.__table__), cast(Table, DossierEvent.__table__)
    n = len(rows)
    convert = [(i, process) for i, c in enumerate(columns) if (process := _processor(dossiers, c, conn))]
    dbapi = conn.connection.dbapi_connection
    _when_done(session, dbapi, _raise_cache(conn, n))
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{STAGE}")
    names = ", ".join(columns)
    conn.exec_driver_sql(f"CREATE TEMP TABLE {STAGE} (seq INTEGER PRIMARY KEY, row INTEGER, {names})")
    outer = bool(getattr(dbapi, "in_transaction", True))  # the caller wrote already: its lock is held
    try:
        marks = ", ".join("?" * (len(columns) + 2))
        staged = 0
        for chunk in _stage_rows(rows, values, convert):
            conn.exec_driver_sql(f"INSERT INTO temp.{STAGE} (seq, row, {names}) VALUES ({marks})", chunk)
            staged += len(chunk)
            if progress is not None and staged < n:
                progress("write", staged, n)
        if not outer and dbapi is not None:
            # The staged rows are committed on their own (the temporary database only: nothing of the
            # office's file). Measured: in a transaction that has written to a TEMP table, the full-
            # text trigger's insert made SQLite refuse the write at once ("database is locked")
            # while a counter held the lock, instead of waiting for it; begun afresh, it waits.
            dbapi.commit()
        fixed = _constants(dossiers, const, {"id", *columns}, conn)
        conn.exec_driver_sql(
            f"INSERT INTO main.dossiers (id, {names}, {', '.join(fixed)}) "
            f"SELECT (SELECT coalesce(max(id), 0) FROM main.dossiers) + seq, {names}, "
            f"{', '.join('?' * len(fixed))} FROM temp.{STAGE} ORDER BY seq",
            tuple(fixed.values()),
        )
        first = _first_id(conn, "dossiers", n)
        event_const = {"user_id": user_id, "at": const["updated_at"], "action": "import", "from_status": None}
        fixed = _constants(events, event_const, {"id", "dossier_id", "to_status", "note"}, conn)
        conn.exec_driver_sql(
            f"INSERT INTO main.dossier_events (id, dossier_id, to_status, note, {', '.join(fixed)}) "
            f"SELECT (SELECT coalesce(max(id), 0) FROM main.dossier_events) + seq, ? + seq, status, "
            f"? || row, {', '.join('?' * len(fixed))} FROM temp.{STAGE} ORDER BY seq",
            (first - 1, NOTE.format(source=source), *fixed.values()),
        )
        first_event = _first_id(conn, "dossier_events", n)
        conn.exec_driver_sql(f"DROP TABLE temp.{STAGE}")
    except BaseException:
        with contextlib.suppress(DBAPIError):  # the error that stopped the write is the one to tell
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS temp.{STAGE}")
        raise
    # written where the Session cannot see: named to the audit, which seals them at commit
    audit.record_rows(session, "dossiers", range(first, first + n))
    audit.record_rows(session, "dossier_events", range(first_event, first_event + n))
    if progress is not None:
        progress("write", n, n)


def _first_id(conn: Connection, table: str, n: int) -> int:
    """The first of the `n` ids just written: they are the largest, one after the other (this
    transaction holds the write lock); checked, and refused otherwise."""
    last = int(conn.exec_driver_sql(f"SELECT max(id) FROM main.{table}").scalar_one())
    first = last - n + 1
    count = conn.exec_driver_sql(f"SELECT count(*) FROM main.{table} WHERE id >= ?", (first,)).scalar_one()
    if count != n:
        raise StageMismatch(table)
    return first


def _raise_cache(conn: Connection, rows: int) -> int | None:
    """A page cache the import's indexes fit in (SQLite's default, 2 MB, made the write 40 % slower);
    returns the connection's own setting, to be set back, or None when it is large enough already."""
    before = int(conn.exec_driver_sql("PRAGMA main.cache_size").scalar_one())
    page = int(conn.exec_driver_sql("PRAGMA main.page_size").scalar_one())
    size_kib = int(conn.exec_driver_sql("PRAGMA main.page_count").scalar_one()) * page // 1024
    want = min(CACHE_MAX_KIB, size_kib + rows * CACHE_KIB_PER_ROW)
    if want <= (-before if before < 0 else before * page // 1024):  # negative: KiB; positive: pages
        return None
    conn.exec_driver_sql(f"PRAGMA main.cache_size = -{want}")
    return before


def _when_done(session: Session, dbapi: Any, cache: int | None) -> None:
    """When this transaction ends (commit or rollback), with the connection still the import's: the
    page cache set back (the connection goes back to the pool, and must not keep tens of MB), and no
    staged rows left in it (a rollback undoes the DROP that came after a failed write: names, phones
    and ID numbers would stay in the temporary file while the program runs)."""
    done = False

    def end(_session: Session) -> None:
        nonlocal done
        if done or dbapi is None:
            return
        done = True
        cursor = dbapi.cursor()
        try:
            cursor.execute(f"DROP TABLE IF EXISTS temp.{STAGE}")
            if cache is not None:
                cursor.execute(f"PRAGMA main.cache_size = {cache}")
        except Exception:  # noqa: BLE001 - a broken connection is dropped by the pool anyway
            pass
        finally:
            cursor.close()

    event.listen(session, "after_commit", end, once=True)
    event.listen(session, "after_rollback", end, once=True)
