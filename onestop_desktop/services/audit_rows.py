"""Every row of the tables that matter is sealed in the audit chain: a keyed digest per row, per commit.

How rows get sealed:
- ORM writes (Session.add, attribute changes, Session.delete) are seen by Session events
  (`before_flush` notes the row's digest before this transaction's first change; `after_flush` notes
  the row as touched), and so are ORM-enabled statements run through `Session.execute`
  (`insert(Model)` with a list of rows, `update(Model)`, `delete(Model)`: `do_orm_execute`).
- Writes the Session cannot see (the DB-API's executemany on the raw connection, COPY, `text()`,
  `Connection.execute`) call `record_rows(session, table, ids)` in the same transaction.
- At commit (`before_commit`) every touched row is read back as stored, its digest computed, and the
  digests go into the transaction's last audit entry (`audit_log.rows`, covered by its code), or an
  entry of their own (entity "rows") when the transaction recorded none:
  rows = {"baseline": bool, "tables": {table: {"c": [columns], "r": {row id: digest, or null if
  deleted}, "w": {row id: its digest before this transaction}}}}.
Digest: HMAC-SHA256 under the audit key of the table name and the row's stored values (as the driver
returns them), truncated to 64 bits (NIST SP 800-107 Rev. 1, section 5.3.4: a truncated MAC keeps its
strength against forgery up to its length; a forger without the key can only guess).
"""

from __future__ import annotations

import hashlib
import hmac
import weakref
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from sqlalchemy import Engine, column, event, inspect, select, table
from sqlalchemy.exc import NoSuchTableError
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from onestop_desktop.db import models_files, models_stats  # noqa: F401  (their tables are in the metadata)
from onestop_desktop.db.models import Base
from onestop_desktop.services import audit_chain

COVERED = (
    "dossiers",
    "dossier_events",
    "users",
    "bhyt_groups",
    "bhyt_tallies",
    "bhyt_history",
    "bhyt_targets",
    "indicator_defs",
    "indicator_values",
    "fields",
    "procedures",
    "procedure_versions",
    "procedure_version_documents",
    "calendar_overrides",
    "settings",
    "units",
    # issue 14: which file belongs to which dossier line, and the citizens' ratings. `stored_files` is
    # not sealed here: its rows are named by their content's SHA-256, which `check` verifies file by file.
    "attachments",
    "ratings",
)
READ_CHUNK = 500
DIGEST_HEX = 16


def columns_of(name: str) -> list[str]:
    return [c.name for c in Base.metadata.tables[name].columns]


def pk_of(name: str) -> str:
    (pk,) = Base.metadata.tables[name].primary_key.columns
    return pk.name


def row_digest(secret: bytes, name: str, values: Sequence[Any]) -> str:
    data = f"{name}\x00{tuple(values)!r}".encode()
    return hmac.new(secret, data, hashlib.sha256).hexdigest()[:DIGEST_HEX]


def _select(name: str, cols: list[str]) -> Any:
    # untyped columns: the values come back as the driver gives them (no conversion, same every time)
    return select(*[column(c) for c in cols]).select_from(table(name))


def read_rows(session: Session, name: str, ids: Iterable[Any] | None, cols: list[str]) -> Iterator[Any]:
    """The stored rows of `name` (all, or those with these primary keys), raw, in primary-key order."""
    pk = pk_of(name)
    position = cols.index(pk)
    conn = session.connection()
    if ids is None:
        yield from conn.execute(_select(name, cols).order_by(column(pk))).yield_per(5000)
        return
    wanted = sorted(set(ids))
    for start in range(0, len(wanted), 5000):
        chunk = wanted[start : start + 5000]
        lo, hi = chunk[0], chunk[-1]
        if isinstance(lo, int) and isinstance(hi, int) and hi - lo < 4 * len(chunk):
            keep = set(chunk)  # dense (a bulk insert): one range query
            stmt = _select(name, cols).where(column(pk).between(lo, hi))
            yield from (r for r in conn.execute(stmt) if r[position] in keep)
            continue
        for i in range(0, len(chunk), READ_CHUNK):
            yield from conn.execute(_select(name, cols).where(column(pk).in_(chunk[i : i + READ_CHUNK])))


def digests(session: Session, secret: bytes, name: str, ids: Iterable[Any] | None) -> dict[Any, str]:
    cols = columns_of(name)
    position = cols.index(pk_of(name))
    return {r[position]: row_digest(secret, name, r) for r in read_rows(session, name, ids, cols)}


def record_rows(session: Session, table_name: str, ids: Iterable[Any]) -> None:
    """Seal rows written where the Session cannot see (raw executemany, COPY, text()) at this commit.

    Call it in the same transaction as the write, with the primary keys of every row inserted,
    changed or deleted; a range (`range(first, last + 1)`) is fine. Cheap: the rows are read back
    and digested once, at commit.
    """
    if table_name not in COVERED:
        return
    audit_chain.txn_state(session)["touched"].setdefault(table_name, set()).update(ids)


def seal_if_unsealed(session: Session) -> bool:
    """Key the chain and seal every covered row now if that has not happened under this key yet.

    For start-up, right after the migrations (its own transaction): otherwise the first save after
    an upgrade pays for it (about 2 s for 100,000 dossiers). True when the seal was started; it is
    written when the caller commits. A server database without its key raises AuditKeyMissing.
    """
    if not _sealable(session):
        return False
    audit_chain.ensure_keyed(session, None)
    return bool(audit_chain.txn_state(session)["baseline"])


# --- Session events --------------------------------------------------------------------------------


def _covered_name(obj: object) -> str | None:
    name = getattr(getattr(type(obj), "__table__", None), "name", None)
    return name if name in COVERED else None


def _pk_value(obj: object) -> Any:
    state = inspect(obj)
    if state.identity is not None:
        return state.identity[0]
    return state.mapper.primary_key_from_instance(obj)[0]


_schema_ok: weakref.WeakKeyDictionary[Engine, bool] = weakref.WeakKeyDictionary()


def _sealable(session: Session) -> bool:
    """The database has the keyed chain (migration 0005); an older file is left as it is."""
    engine = session.get_bind().engine
    known = _schema_ok.get(engine)
    if known is None:
        try:
            cols = {c["name"] for c in inspect(session.connection()).get_columns("audit_log")}
        except NoSuchTableError:
            cols = set()
        known = _schema_ok[engine] = {"scheme", "rows"} <= cols
    return known


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _ctx: UOWTransaction, _instances: object) -> None:
    """Note each changed or deleted row's digest as stored before this transaction first changes it."""
    state = audit_chain.txn_state(session)
    need: dict[str, list[Any]] = {}
    for obj in [*session.dirty, *session.deleted]:
        name = _covered_name(obj)
        if name is None or inspect(obj).identity is None:
            continue
        pk = _pk_value(obj)
        if (name, pk) not in state["was"] and pk not in state["touched"].get(name, ()):
            need.setdefault(name, []).append(pk)
    if not need or not _sealable(session):
        return
    # PostgreSQL: from here to the commit no other writer may seal, so the digest read now is the one
    # the chain holds last (SQLite: the write about to happen takes the database's lock anyway)
    audit_chain.serialise_writers(session)
    secret = audit_chain.current_key(session).secret
    for name, pks in need.items():
        found = digests(session, secret, name, pks)
        for pk in pks:
            state["was"][(name, pk)] = found.get(pk)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _ctx: UOWTransaction) -> None:
    touched = audit_chain.txn_state(session)["touched"]
    for obj in [*session.new, *session.dirty, *session.deleted]:
        name = _covered_name(obj)
        if name is not None:
            touched.setdefault(name, set()).add(_pk_value(obj))


def _statement_table(orm_state: ORMExecuteState) -> str | None:
    target = getattr(orm_state.statement, "table", None)
    name = getattr(target, "name", None)
    return name if name in COVERED else None


@event.listens_for(Session, "do_orm_execute")
def _on_execute(orm_state: ORMExecuteState) -> Any:
    """ORM-enabled INSERT / UPDATE / DELETE through Session.execute: note the rows they write."""
    if orm_state.is_select or not (orm_state.is_insert or orm_state.is_update or orm_state.is_delete):
        return None
    name = _statement_table(orm_state)
    if name is None:
        return None
    session = orm_state.session
    state = audit_chain.txn_state(session)
    touched = state["touched"].setdefault(name, set())
    pk = pk_of(name)
    params: Any = orm_state.parameters
    rows: list[Any] = params if isinstance(params, list) else [params] if params else []
    if rows and all(pk in r for r in rows):
        ids = [r[pk] for r in rows]
    elif orm_state.is_insert:  # ids chosen by the database: those above the largest before
        top = (
            session.connection()
            .execute(select(column(pk)).select_from(table(name)).order_by(column(pk).desc()).limit(1))
            .scalar()
        )
        result = orm_state.invoke_statement()
        new_top = (
            session.connection()
            .execute(select(column(pk)).select_from(table(name)).order_by(column(pk).desc()).limit(1))
            .scalar()
        )
        touched.update(range((top or 0) + 1, (new_top or 0) + 1))
        return result
    else:
        where = getattr(orm_state.statement, "whereclause", None)
        real = Base.metadata.tables[name]  # the statement's own table, so its WHERE applies as written
        query: Any = select(real.c[pk])
        ids = list(session.connection().execute(query.where(where) if where is not None else query).scalars())
    if not orm_state.is_insert and ids and _sealable(session):
        audit_chain.serialise_writers(session)
        secret = audit_chain.current_key(session).secret
        fresh = [i for i in ids if (name, i) not in state["was"] and i not in touched]
        found = digests(session, secret, name, fresh)
        for i in fresh:
            state["was"][(name, i)] = found.get(i)
    touched.update(ids)
    return None


@event.listens_for(Session, "before_commit")
def _before_commit(session: Session) -> None:
    session.flush()  # changes still pending would otherwise be written after the seal
    state = session.info.get(audit_chain.INFO)
    if state is None or (not state["touched"] and not state["baseline"]):
        return
    if not _sealable(session):
        return
    seal(session)


def seal(session: Session) -> None:
    """Seal the rows touched in this transaction (every row, the first time) on its last entry."""
    state = audit_chain.txn_state(session)
    key = audit_chain.current_key(session)
    audit_chain.ensure_keyed(session, state["user"])
    baseline = state["baseline"]
    touched: dict[str, set[Any]] = state["touched"]
    state["touched"] = {}
    tables: dict[str, Any] = {}
    for name in COVERED:
        ids = touched.get(name, set())
        if not baseline and not ids:
            continue
        found = digests(session, key.secret, name, None if baseline else ids)
        sealed: dict[str, str | None] = {str(k): v for k, v in found.items()}
        for i in ids:
            sealed.setdefault(str(i), None)  # touched and gone: deleted in this transaction
        part: dict[str, Any] = {"c": columns_of(name), "r": sealed}
        was = {} if baseline else {str(i): state["was"][(name, i)] for i in ids if (name, i) in state["was"]}
        if was:
            part["w"] = was
        tables[name] = part
    audit_chain.attach_rows(session, {"baseline": baseline, "tables": tables})
    state["touched"] = {}
    state["baseline"] = False


@event.listens_for(Session, "after_transaction_end")
def _after_transaction_end(session: Session, transaction: Any) -> None:
    if transaction.parent is None:
        session.info.pop(audit_chain.INFO, None)
