"""The audit log: every change appends a keyed entry; every covered data row is sealed at commit.

Services call `record` for each change they make (what, before, after). The chain itself, its key and
its head live in `audit_chain` and `audit_key`; the sealing of data rows (automatic for the ORM, by
`record_rows` for bulk writes the Session cannot see) in `audit_rows`. The checks are in
`safety.audit_check`.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services import audit_rows
from onestop_desktop.services.audit_chain import (
    CHAIN_LOCK_KEY,
    GENESIS,
    append,
    chain_head,
    entry_hash,
    entry_mac,
    format_head,
    hashed_fields,
    head_for_file,
    parse_head,
    txn_state,
)

__all__ = [
    "CHAIN_LOCK_KEY",
    "GENESIS",
    "chain_head",
    "entry_hash",
    "entry_mac",
    "format_head",
    "hashed_fields",
    "head_for_file",
    "parse_head",
    "record",
    "record_rows",
    "seal_if_unsealed",
]

_hashed_fields = hashed_fields  # the name older callers know

record_rows = audit_rows.record_rows
seal_if_unsealed = audit_rows.seal_if_unsealed


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
    """Append one entry in the caller's transaction; the rows it changed are sealed at commit."""
    txn_state(session)["user"] = user_id  # the row seals of this transaction are this user's
    return append(session, user_id, entity, entity_id, action, before, after, note)
