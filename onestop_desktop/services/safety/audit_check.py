"""Checking the audit log: the hash chain, every dossier against its log, and the latest entries."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.services.audit import GENESIS, _hashed_fields, entry_hash


@dataclass(frozen=True)
class ChainFinding:
    entry_id: int
    message: str


def verify_chain(session: Session) -> list[ChainFinding]:
    """Walk the chain and report every broken link: an entry edited, or one removed before it.

    The first finding is the first broken link. An edited entry no longer matches its own hash; a
    removed entry leaves the next one pointing at a hash that is not its predecessor's. The walk goes
    on from each entry's stored hash, so one break does not hide the ones after it.
    """
    findings: list[ChainFinding] = []
    prev = GENESIS
    prev_id: int | None = None
    for e in session.scalars(select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=2000)):
        if e.prev_hash != prev:
            after = f"mục số {prev_id}" if prev_id is not None else "đầu nhật ký"
            findings.append(
                ChainFinding(e.id, f"Mục nhật ký số {e.id} không nối với {after}: có mục đã bị xóa hoặc sửa.")
            )
        if entry_hash(e.prev_hash, _hashed_fields(e)) != e.hash:
            findings.append(ChainFinding(e.id, f"Mục nhật ký số {e.id} đã bị sửa sau khi ghi."))
        prev, prev_id = e.hash, e.id
    return findings


@dataclass(frozen=True)
class DossierFinding:
    code: str
    message: str


@dataclass(frozen=True)
class DossierAudit:
    findings: list[DossierFinding]
    checked: int  # dossiers compared with their audit entries
    skipped_demo: int  # demo dossiers: built in bulk, never audited


def expected_dossiers(session: Session) -> tuple[dict[str, dict[str, Any]], set[str]]:
    """What the audit log says each dossier holds: its after-snapshots folded in order; and the deleted."""
    expected: dict[str, dict[str, Any]] = {}
    deleted: set[str] = set()
    query = select(AuditEntry).where(AuditEntry.entity == "dossier").order_by(AuditEntry.id)
    for e in session.scalars(query.execution_options(yield_per=2000)):
        if e.action == "delete":
            expected.pop(e.entity_id, None)
            deleted.add(e.entity_id)
        elif e.after:
            expected.setdefault(e.entity_id, {}).update(e.after)
            deleted.discard(e.entity_id)
    return expected, deleted


def verify_dossiers(session: Session) -> DossierAudit:
    """Compare every dossier's stored values with what its audit entries say they should be."""
    from onestop_desktop.db.models import Dossier
    from onestop_desktop.services.dossiers import dossier_snapshot

    expected, deleted = expected_dossiers(session)
    findings: list[DossierFinding] = []
    checked = skipped = 0
    for d in session.scalars(select(Dossier).order_by(Dossier.id).execution_options(yield_per=2000)):
        wanted = expected.pop(d.code, None)
        if d.source == "demo" and wanted is None:
            skipped += 1
            continue
        checked += 1
        if wanted is None:
            why = "đã ghi nhận bị xóa" if d.code in deleted else "không có mục nào"
            findings.append(
                DossierFinding(d.code, f"Hồ sơ {d.code}: nhật ký {why} (thêm ngoài chương trình?).")
            )
            continue
        actual = dossier_snapshot(d)
        for key in sorted(k for k in wanted if k in actual and actual[k] != wanted[k]):
            findings.append(
                DossierFinding(
                    d.code,
                    f"Hồ sơ {d.code}: {key} trong bảng là {actual[key]!r} nhưng nhật ký ghi {wanted[key]!r}.",
                )
            )
    for code in sorted(expected):
        findings.append(
            DossierFinding(
                code, f"Hồ sơ {code} có trong nhật ký nhưng không còn trong bảng (bị xóa ngoài chương trình)."
            )
        )
    return DossierAudit(findings, checked, skipped)


@dataclass(frozen=True)
class EntryView:
    """One audit entry as the leader's view lists it."""

    id: int
    at: datetime
    user: str  # full name, or "" for the program itself
    entity: str
    entity_id: str
    action: str
    note: str


def recent_entries(session: Session, limit: int = 200) -> list[EntryView]:
    """The latest `limit` audit entries, newest first, with the acting user's name."""
    from onestop_desktop.db.models import User

    rows = session.execute(
        select(AuditEntry, User.full_name)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        EntryView(e.id, e.at, name or "", e.entity, e.entity_id, e.action, e.note or "") for e, name in rows
    ]
