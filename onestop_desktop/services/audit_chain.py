"""The audit chain: each entry's code covers its content and the previous entry's code.

Entries written since migration 0005 are sealed with HMAC-SHA256 (RFC 2104, FIPS 198-1) under the
audit key (`audit_key`), which lives outside the database: someone who can write the database but not
read the key cannot recompute a code. Older entries keep their unkeyed SHA-256 (scheme "sha256"): they
stay verifiable as they were, and the first keyed entry's code covers the last of them, so none of them
can be changed without breaking a keyed link. The scheme of each entry is stored with it ("sha256", or
"hmac:<key id>"); once a keyed entry exists, an unkeyed one after it is a finding.

The first entry under a key is a marker (entity "database", action "audit-keyed"); in that transaction
every covered data row is sealed (`audit_rows`), so the rows are covered from then on.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.messages import msg
from onestop_desktop.services import audit_key
from onestop_desktop.services.errors import ServiceError

GENESIS = "0" * 64
CHAIN_LOCK_KEY = 74_101_2018  # any constant shared by every writer
LEGACY = "sha256"
INFO = "onestop.audit"  # this transaction's audit state in Session.info


def canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    """The unkeyed SHA-256 of entries written before 0005 (and what a forger without the key can compute)."""
    return hashlib.sha256((prev_hash + canonical(fields)).encode("utf-8")).hexdigest()


def entry_mac(secret: bytes, prev_hash: str, fields: dict[str, Any]) -> str:
    return hmac.new(secret, (prev_hash + canonical(fields)).encode("utf-8"), hashlib.sha256).hexdigest()


def hashed_fields(e: AuditEntry) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "at": e.at.isoformat(),
        "user_id": e.user_id,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "action": e.action,
        "before": e.before,
        "after": e.after,
        "note": e.note,
    }
    if e.scheme != LEGACY:
        fields["scheme"] = e.scheme  # a keyed entry cannot pass for an unkeyed one
        fields["rows"] = e.rows
    return fields


def scheme_of(key: audit_key.AuditKey) -> str:
    return f"hmac:{key.kid}"


def txn_state(session: Session) -> dict[str, Any]:
    """This transaction's audit state: rows touched, their earlier digests, whether rows need a baseline."""
    state = session.info.get(INFO)
    if state is None:
        state = session.info[INFO] = {
            "touched": {},
            "was": {},
            "baseline": False,
            "user": None,
            "key": None,
            "last": None,
        }
    return state


def serialise_writers(session: Session) -> None:
    """Let one transaction at a time append (PostgreSQL), so two counters never fork the chain.

    SQLite needs nothing: a writer holds the database's write lock, and a transaction that read an
    older last entry cannot commit (it gets "database is locked" and is retried).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})


def current_key(session: Session) -> audit_key.AuditKey:
    """The key of this transaction (read once per transaction)."""
    state = txn_state(session)
    key = state["key"]
    if key is None:
        key = state["key"] = audit_key.key_for(session)
    return key  # type: ignore[no-any-return]


def _last(session: Session) -> tuple[int, str, str] | None:
    row = session.execute(
        select(AuditEntry.id, AuditEntry.hash, AuditEntry.scheme).order_by(AuditEntry.id.desc()).limit(1)
    ).first()
    return None if row is None else (row[0], row[1], row[2])


def _add(
    session: Session,
    key: audit_key.AuditKey,
    prev: str,
    fields: dict[str, Any],
) -> AuditEntry:
    entry = AuditEntry(prev_hash=prev, hash="", scheme=scheme_of(key), **fields)
    entry.hash = entry_mac(key.secret, prev, hashed_fields(entry))
    session.add(entry)
    session.flush()
    txn_state(session)["last"] = entry
    return entry


def attach_rows(session: Session, rows: dict[str, Any]) -> None:
    """Put the row digests of this transaction on its last entry and seal it again (nothing links to it
    yet: it is the chain's last, and this transaction holds the writers' lock); without an entry of its
    own, the transaction gets one (entity "rows")."""
    state = txn_state(session)
    key = current_key(session)
    prev = ensure_keyed(session, state["user"])
    entry: AuditEntry | None = state["last"]
    if entry is None or entry.hash != prev:
        entry = append(session, state["user"], "rows", "commit", "seal")
    entry.rows = rows
    entry.hash = entry_mac(key.secret, entry.prev_hash, hashed_fields(entry))
    session.flush()


def ensure_keyed(session: Session, user_id: int | None) -> str:
    """The code of the last entry, after writing the key's marker if the chain is not sealed with it yet.

    The marker's transaction seals every covered row (`txn_state(...)["baseline"]`).
    """
    key = current_key(session)
    serialise_writers(session)
    last = _last(session)
    scheme = scheme_of(key)
    prev = last[1] if last is not None else GENESIS
    if last is not None and last[2] == scheme:
        return prev
    txn_state(session)["baseline"] = True
    earlier = session.scalar(select(func.count()).select_from(AuditEntry)) or 0
    old = last[2] if last is not None else None
    note = (
        msg("audit.note.rekeyed", old=old.removeprefix("hmac:"), kid=key.kid)
        if old is not None and old != LEGACY
        else msg("audit.note.keyed", kid=key.kid, n=earlier)
    )
    fields = {
        "at": now_local(),
        "user_id": user_id,
        "entity": "database",
        "entity_id": "audit",
        "action": "audit-keyed",
        "before": {"scheme": old, "head": prev},
        "after": {"scheme": scheme, "earlier_entries": earlier},
        "note": note.text("vi"),
        "rows": None,
    }
    return _add(session, key, prev, fields).hash


def append(
    session: Session,
    user_id: int | None,
    entity: str,
    entity_id: str | int,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    """Append one keyed entry in the caller's transaction (after the key's marker if it is the first)."""
    prev = ensure_keyed(session, user_id)
    fields = {
        "at": now_local(),
        "user_id": user_id,
        "entity": entity,
        "entity_id": str(entity_id),
        "action": action,
        "before": json.loads(canonical(before)) if before is not None else None,
        "after": json.loads(canonical(after)) if after is not None else None,
        "note": note,
        "rows": None,
    }
    return _add(session, current_key(session), prev, fields)


# --- the head: the last entry, anchored outside the database ---------------------------------------


def chain_head(session: Session) -> tuple[int, str]:
    """(id, code) of the last entry; (0, GENESIS) for an empty log."""
    last = _last(session)
    return (0, GENESIS) if last is None else (last[0], last[1])


def format_head(head: tuple[int, str]) -> str:
    """ "1234:ab12…" (the whole 64-digit code), as printed on briefings and stored with backups."""
    return f"{head[0]}:{head[1]}"


def parse_head(value: str) -> tuple[int, str]:
    entry, _, code = value.strip().partition(":")
    code = code.strip().lower()
    if not entry.strip().isdigit() or len(code) != 64 or any(c not in "0123456789abcdef" for c in code):
        raise ServiceError(msg("audit.head-bad"))
    return int(entry), code


def head_for_file(db_path: Path) -> str:
    """The head of the SQLite file `db_path` as "ID:HEX", read without writing (e.g. for a backup copy)."""
    con = sqlite3.connect(f"{Path(db_path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    finally:
        con.close()
    return format_head((0, GENESIS) if row is None else (int(row[0]), str(row[1])))
