"""Checking the audit log: the keyed chain, a head given from outside, dossiers against their log.

The data rows against their seals are checked in `audit_rows_check`; `full_check` runs everything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.services import audit_key
from onestop_desktop.services.audit_chain import GENESIS, LEGACY, entry_hash, entry_mac, hashed_fields


@dataclass(frozen=True)
class ChainFinding:
    entry_id: int
    msg: Msg

    @property
    def message(self) -> str:
        return self.msg.text("vi")


@dataclass(frozen=True)
class ChainReport:
    findings: list[ChainFinding]
    entries: int
    keyed: int  # entries sealed with a key (any key)
    notes: list[Msg]  # not findings: what could not be proven, and why


def _fields_of(e: AuditEntry) -> dict[str, Any]:
    return hashed_fields(e)


def check_chain(session: Session, ring: dict[str, bytes] | None = None) -> ChainReport:
    """Walk the chain and report every broken link: an entry edited, one removed, one re-made unkeyed.

    `ring`: the keys by key id (default: the database's own key file). The walk goes on from each
    entry's stored code, so one break does not hide the ones after it. Entries sealed with a key not
    in the ring are reported once per run of such entries.
    """
    if ring is None:
        ring, _path = audit_key.keys_for_check(session)
    findings: list[ChainFinding] = []
    prev, prev_id = GENESIS, None
    entries = keyed = 0
    unknown: list[tuple[str, int, int, int]] = []  # (key id, first, last, count)
    query = select(AuditEntry).order_by(AuditEntry.id).execution_options(yield_per=500)
    for e in session.scalars(query):
        entries += 1
        if e.prev_hash != prev:
            link = (
                msg("audit.unlinked", id=e.id, prev=prev_id)
                if prev_id is not None
                else msg("audit.unlinked-start", id=e.id)
            )
            findings.append(ChainFinding(e.id, link))
        if e.scheme == LEGACY:
            if keyed:
                findings.append(ChainFinding(e.id, msg("audit.legacy-after-keyed", id=e.id)))
            elif entry_hash(e.prev_hash, _fields_of(e)) != e.hash:
                findings.append(ChainFinding(e.id, msg("audit.edited", id=e.id)))
        else:
            keyed += 1
            kid = e.scheme.removeprefix("hmac:")
            secret = ring.get(kid)
            if secret is None:
                if unknown and unknown[-1][0] == kid:
                    k, first, _last, n = unknown[-1]
                    unknown[-1] = (k, first, e.id, n + 1)
                else:
                    unknown.append((kid, e.id, e.id, 1))
            elif entry_mac(secret, e.prev_hash, _fields_of(e)) != e.hash:
                findings.append(ChainFinding(e.id, msg("audit.edited", id=e.id)))
        prev, prev_id = e.hash, e.id
        session.expunge(e)  # the big row-seal entries need not stay in memory
    for kid, first, last, n in unknown:
        findings.append(ChainFinding(first, msg("audit.other-key", n=n, first=first, last=last, kid=kid)))
    notes: list[Msg] = []
    if entries and not keyed:
        if ring:
            findings.append(ChainFinding(0, msg("audit.unkeyed-with-key")))
        else:
            notes.append(msg("audit.not-keyed-yet"))
    return ChainReport(findings, entries, keyed, notes)


def verify_chain(session: Session, ring: dict[str, bytes] | None = None) -> list[ChainFinding]:
    """The findings of `check_chain` alone."""
    return check_chain(session, ring).findings


def check_head(session: Session, head: tuple[int, str]) -> list[ChainFinding]:
    """A head taken earlier (printed on a briefing, stored with a backup) is still in the chain, unchanged.

    With the chain itself intact under the key (`check_chain`), this proves that nothing up to that
    entry changed and that the log was not cut before it.
    """
    entry_id, code = head
    if entry_id == 0:
        return []
    stored = session.scalar(select(AuditEntry.hash).where(AuditEntry.id == entry_id))
    if stored is None:
        return [ChainFinding(entry_id, msg("audit.head-gone", id=entry_id))]
    if stored != code:
        return [ChainFinding(entry_id, msg("audit.head-changed", id=entry_id))]
    return []


@dataclass(frozen=True)
class DossierFinding:
    code: str
    msg: Msg

    @property
    def message(self) -> str:
        return self.msg.text("vi")


@dataclass(frozen=True)
class DossierAudit:
    findings: list[DossierFinding]
    checked: int  # dossiers compared with the snapshots of their audit entries


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
    """Compare each dossier that has snapshots in the log with them, field by field.

    Dossiers written in bulk (demo, imports) have no snapshots; they are covered, like every row, by
    their seals (`audit_rows_check`), which also find a dossier added outside the program.
    """
    from onestop_desktop.db.models import Dossier
    from onestop_desktop.services.dossiers import dossier_snapshot

    expected, _deleted = expected_dossiers(session)
    findings: list[DossierFinding] = []
    checked = 0
    codes = sorted(expected)
    for start in range(0, len(codes), 500):  # only the dossiers with snapshots: bulk rows have none
        chunk = codes[start : start + 500]
        for d in session.scalars(select(Dossier).where(Dossier.code.in_(chunk)).order_by(Dossier.id)):
            wanted = expected.pop(d.code)
            checked += 1
            actual = dossier_snapshot(d)
            for key in sorted(k for k in wanted if k in actual and actual[k] != wanted[k]):
                found = msg(
                    "audit.dossier-field",
                    code=d.code,
                    field=key,
                    actual=repr(actual[key]),
                    logged=repr(wanted[key]),
                )
                findings.append(DossierFinding(d.code, found))
    for code in sorted(expected):
        findings.append(DossierFinding(code, msg("audit.dossier-deleted", code=code)))
    return DossierAudit(findings, checked)


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
    """The latest `limit` audit entries, newest first, with the acting user's name (row seals left out)."""
    from onestop_desktop.db.models import User

    rows = session.execute(
        select(AuditEntry.id, AuditEntry.at, User.full_name, AuditEntry.entity, AuditEntry.entity_id)
        .add_columns(AuditEntry.action, AuditEntry.note)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity != "rows")
        .order_by(AuditEntry.id.desc())
        .limit(limit)
    )
    return [
        EntryView(i, at, name or "", ent, eid, act, note or "") for i, at, name, ent, eid, act, note in rows
    ]


def entry_count(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(AuditEntry)) or 0


def key_ring(session: Session, extra: list[Path] | None = None) -> tuple[dict[str, bytes], Path]:
    """The keys a check uses and where the database's own key is looked for."""
    return audit_key.keys_for_check(session, extra)
