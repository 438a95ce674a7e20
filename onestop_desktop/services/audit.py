"""Append-only audit log; each entry's hash covers its content and the previous entry's hash.

Every change calls `record`; the checks of the chain and of the dossiers live in `safety.audit_check`.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models_stats import AuditEntry

GENESIS = "0" * 64
CHAIN_LOCK_KEY = 74_101_2018  # any constant shared by every writer


def _canonical(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str, separators=(",", ":"))


def entry_hash(prev_hash: str, fields: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + _canonical(fields)).encode("utf-8")).hexdigest()


def _hashed_fields(e: AuditEntry) -> dict[str, Any]:
    return {
        "at": e.at.isoformat(),
        "user_id": e.user_id,
        "entity": e.entity,
        "entity_id": e.entity_id,
        "action": e.action,
        "before": e.before,
        "after": e.after,
        "note": e.note,
    }


def _serialise_writers(session: Session) -> None:
    """Let one transaction at a time append (PostgreSQL), so two counters never fork the chain.

    SQLite needs nothing: a writer holds the database's write lock, and a transaction that read an
    older last entry cannot commit (it gets "database is locked" and is retried).
    """
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": CHAIN_LOCK_KEY})


def record(
    session: Session,
    user_id: int | None,
    entity: str,
    entity_id: str | int,
    action: str,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEntry:
    """Append one entry in the caller's transaction."""
    _serialise_writers(session)
    last = session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).first()
    prev = last.hash if last is not None else GENESIS
    entry = AuditEntry(
        at=now_local(),
        user_id=user_id,
        entity=entity,
        entity_id=str(entity_id),
        action=action,
        before=json.loads(_canonical(before)) if before is not None else None,
        after=json.loads(_canonical(after)) if after is not None else None,
        note=note,
        prev_hash=prev,
        hash="",
    )
    entry.hash = entry_hash(prev, _hashed_fields(entry))
    session.add(entry)
    session.flush()
    return entry
