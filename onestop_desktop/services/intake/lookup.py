"""What the counter looks up while typing: known applicants, open duplicates, procedures by use, dossiers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, Procedure, Unit
from onestop_desktop.domain import validators as v
from onestop_desktop.domain.codes import looks_like_partial_code
from onestop_desktop.domain.states import OPEN_STATUSES, DossierStatus
from onestop_desktop.domain.states import label_vi as status_label
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services.catalogue.catalogue import ProcedureInfo


@dataclass(frozen=True)
class ApplicantInfo:
    applicant_name: str
    phone: str
    email: str
    address: str
    address_unit_code: str | None
    last_code: str
    last_received: datetime


@dataclass(frozen=True)
class DossierSummary:
    id: int
    code: str
    applicant_name: str
    citizen_id: str
    phone: str
    procedure_name: str
    received_at: datetime
    due_at: datetime
    status: int
    status_label: str


def open_duplicates(session: Session, citizen_id: str, procedure_code: str) -> list[str]:
    """Codes of this person's open dossiers for the same procedure (a warning, never a block)."""
    if not citizen_id:
        return []
    rows = session.scalars(
        select(Dossier.code)
        .join(Procedure, Dossier.procedure_id == Procedure.id)
        .where(Dossier.citizen_id == citizen_id, Procedure.code == procedure_code)
        .where(Dossier.status.in_([int(s) for s in OPEN_STATUSES]))
        .order_by(Dossier.received_at.desc())
    )
    return list(rows)


def last_applicant(session: Session, citizen_id: str) -> ApplicantInfo | None:
    """The applicant's details from the last dossier with this citizen ID (to fill the form)."""
    cid = v.check_citizen_id(citizen_id).value
    if not cid:
        return None
    d = session.scalars(
        select(Dossier).where(Dossier.citizen_id == cid).order_by(Dossier.received_at.desc()).limit(1)
    ).first()
    if d is None:
        return None
    unit_code = (
        session.scalar(select(Unit.code).where(Unit.id == d.address_unit_id)) if d.address_unit_id else None
    )
    return ApplicantInfo(d.applicant_name, d.phone, d.email, d.address, unit_code, d.code, d.received_at)


def procedure_usage(
    session: Session, unit_id: int | None = None, since: datetime | None = None
) -> dict[str, int]:
    """How many dossiers of each procedure this office received since `since` (ranks the completer)."""
    stmt = select(Procedure.code, func.count(Dossier.id)).join(Dossier, Dossier.procedure_id == Procedure.id)
    if unit_id is not None:
        stmt = stmt.where(Dossier.unit_id == unit_id)
    if since is not None:
        stmt = stmt.where(Dossier.received_at >= since)
    return {code: int(n) for code, n in session.execute(stmt.group_by(Procedure.code))}


def recent_procedure_usage(session: Session, unit_id: int | None, today: date) -> dict[str, int]:
    """Use counts over a year of work: the year up to today, or an archive's (the demo's) last year."""
    since = datetime.combine(today - timedelta(days=365), time.min)
    latest = session.scalar(select(func.max(Dossier.received_at)))
    if latest is not None and latest < since:  # an archive (the demo): its last year of work
        since = latest - timedelta(days=365)
    return procedure_usage(session, unit_id, since=since)


def search_procedures(
    procedures: Sequence[ProcedureInfo], query: str, usage: dict[str, int] | None = None, limit: int = 30
) -> list[ProcedureInfo]:
    """Accent-insensitive search over name, code and field; most used first, then name matches first."""
    usage = usage or {}
    words = fold(query).split()
    found = []
    for p in procedures:
        hay = f"{fold(p.name)} {p.code.lower()} {fold(p.field_name)} {p.field_code.lower()}"
        if all(w in hay for w in words):
            phrase = " ".join(words)
            name = fold(p.name)
            rank = -1 if name == phrase else 0 if name.startswith(phrase) else 1 if phrase in name else 2
            found.append((rank if words else 0, -usage.get(p.code, 0), fold(p.name), p))
    found.sort(key=lambda t: t[:3])
    return [t[3] for t in found[:limit]]


def _summary(d: Dossier) -> DossierSummary:
    return DossierSummary(
        d.id,
        d.code,
        d.applicant_name,
        d.citizen_id,
        d.phone,
        d.procedure.name,
        d.received_at,
        d.due_at,
        d.status,
        status_label(DossierStatus(d.status)),
    )


@dataclass(frozen=True)
class LookupResult:
    exact: DossierSummary | None
    candidates: tuple[DossierSummary, ...]


def lookup(session: Session, text: str, limit: int = 50) -> LookupResult:
    """Full code → that dossier; partial code → candidates; phone or citizen ID → the person's dossiers."""
    q = nfc(text).strip()
    if not q:
        return LookupResult(None, ())
    exact = session.scalar(select(Dossier).where(Dossier.code == q.upper()))
    if exact is not None:
        return LookupResult(_summary(exact), (_summary(exact),))
    stmt = select(Dossier).order_by(Dossier.received_at.desc()).limit(limit)
    compact = "".join(q.split())
    if looks_like_partial_code(q):
        stmt = stmt.where(Dossier.code.contains(q.upper()))
    elif compact.isascii() and compact.isdigit() and len(compact) in (9, 12):
        stmt = stmt.where(Dossier.citizen_id == compact)
    elif v.check_phone(q).ok:
        stmt = stmt.where(Dossier.phone == v.check_phone(q).value)
    elif compact.isascii() and compact.isdigit() and len(compact) >= 4:
        stmt = stmt.where(
            (Dossier.code.contains(compact))
            | Dossier.phone.contains(compact)
            | Dossier.citizen_id.contains(compact)
        )
    else:
        stmt = stmt.where(Dossier.search_key.contains(fold(q)))
    rows = [_summary(d) for d in session.scalars(stmt)]
    return LookupResult(rows[0] if len(rows) == 1 else None, tuple(rows))
