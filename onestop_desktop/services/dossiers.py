"""Registering dossiers: unique codes, the appointment, the first event.

The one write path for new dossiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import (
    Dossier,
    DossierEvent,
    DossierSequence,
    Procedure,
    ProcedureVersion,
    Unit,
)
from onestop_desktop.domain.calendar import DueDate, TimeUnit, WorkingCalendar
from onestop_desktop.domain.codes import make_dossier_code
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.domain.text import fold, vi_name_sort_key
from onestop_desktop.services import audit
from onestop_desktop.services.errors import NotFound, ServiceError
from onestop_desktop.services.roles import Actor, Role, require

CHANNELS = ("direct", "online", "postal")
CHANNEL_LABELS_VI = {"direct": "Trực tiếp", "online": "Trực tuyến", "postal": "Bưu chính"}


@dataclass(frozen=True)
class DocumentCount:
    """A document as received: how many originals, certified copies and photocopies."""

    name: str
    originals: int = 0
    certified_copies: int = 0
    photocopies: int = 0

    def as_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "originals": self.originals,
            "certified_copies": self.certified_copies,
            "photocopies": self.photocopies,
        }


@dataclass(frozen=True)
class NewDossier:
    """Already validated input for a new dossier (the intake service validates the form)."""

    procedure_code: str
    applicant_name: str
    citizen_id: str = ""
    phone: str = ""
    email: str = ""
    address: str = ""
    address_unit_code: str | None = None
    submitter_name: str | None = None
    channel: str = "direct"
    documents: tuple[DocumentCount, ...] = ()
    sets: int = 1
    fee: int | None = None  # None: the catalogue's fee


@dataclass(frozen=True)
class RegisteredDossier:
    id: int
    code: str
    received_at: datetime
    due: DueDate
    book_number: str
    book_sequence: int


def search_key(code: str, name: str, citizen_id: str, phone: str) -> str:
    """The folded text that free-text search runs over."""
    return " ".join(p for p in (code.lower(), fold(name), citizen_id, phone) if p)


def next_sequence(session: Session, office_code: str, day: date) -> int:
    """Take the next sequence number for (office, day).

    The UPDATE comes first so the write lock (SQLite) or row lock (PostgreSQL) is taken before the
    number is read; a concurrent first INSERT of the day fails on the primary key and the caller's
    transaction is retried (see `engine.run_in_transaction`).
    """
    result = session.execute(
        update(DossierSequence)
        .where(DossierSequence.office_code == office_code, DossierSequence.day == day)
        .values(last_seq=DossierSequence.last_seq + 1)
        .returning(DossierSequence.last_seq)
    ).first()
    if result is not None:
        return int(result[0])
    session.add(DossierSequence(office_code=office_code, day=day, last_seq=1))
    session.flush()
    return 1


def register(
    session: Session,
    actor: Actor,
    form: NewDossier,
    office_unit: Unit,
    calendar: WorkingCalendar,
    received_at: datetime | None = None,
    book_number: str = "01",
    version: ProcedureVersion | None = None,
) -> RegisteredDossier:
    """Write a new accepted dossier with its code, appointment and first event.

    Time, fee and the version kept come from `version`, the procedure's version valid on the receipt day
    (looked up when not given; the intake passes `catalogue.versions.version_on`'s).
    """
    require(session, actor, Role.CLERK, Role.LEADER, what="tiếp nhận hồ sơ")
    procedure = session.scalar(select(Procedure).where(Procedure.code == form.procedure_code))
    if procedure is None:
        raise NotFound(f"Không có thủ tục mã {form.procedure_code} trong danh mục.")
    if form.channel not in CHANNELS:
        raise ServiceError(f"Kênh tiếp nhận không hợp lệ: {form.channel}.")
    if not office_unit.office_code:
        raise ServiceError(f"Đơn vị {office_unit.name} chưa có mã cơ quan để cấp mã hồ sơ.")
    received = received_at or now_local()
    if version is None:
        version = session.scalar(
            select(ProcedureVersion).where(
                ProcedureVersion.procedure_id == procedure.id, ProcedureVersion.valid_on(received.date())
            )
        )
    if version is None or version.procedure_id != procedure.id:
        raise ServiceError(
            f"Thủ tục {procedure.name} không áp dụng vào ngày {received:%d/%m/%Y} theo danh mục."
        )
    address_unit_id = None
    if form.address_unit_code:  # codes are reused: the unit with this code on the day of receipt
        address_unit_id = session.scalar(
            select(Unit.id).where(Unit.code == form.address_unit_code, Unit.valid_on(received.date()))
        )
    due = calendar.due(received, version.time_value, TimeUnit(version.time_unit))
    seq = next_sequence(session, office_unit.office_code, received.date())
    code = make_dossier_code(office_unit.office_code, received.date(), seq)
    book_seq = next_sequence(
        session, f"book:{office_unit.office_code}:{book_number}", date(received.year, 1, 1)
    )
    dossier = Dossier(
        code=code,
        procedure_id=procedure.id,
        procedure_version_id=version.id,
        field_id=procedure.field_id,
        unit_id=office_unit.id,
        applicant_name=form.applicant_name,
        applicant_sort=vi_name_sort_key(form.applicant_name),
        citizen_id=form.citizen_id,
        phone=form.phone,
        email=form.email,
        address=form.address,
        address_unit_id=address_unit_id,
        submitter_name=form.submitter_name or None,
        channel=form.channel,
        received_at=received,
        due_at=due.due,
        original_due_at=due.due,
        time_value=version.time_value,
        time_unit=version.time_unit,
        status=int(DossierStatus.ACCEPTED),
        documents=[d.as_json() for d in form.documents],
        sets=form.sets,
        fee=version.fee if form.fee is None else form.fee,
        receiving_user_id=actor.user_id,
        holder_user_id=actor.user_id,
        search_key=search_key(code, form.applicant_name, form.citizen_id, form.phone),
        book_number=book_number,
        book_sequence=book_seq,
        source="counter",
        updated_at=now_local(),
    )
    session.add(dossier)
    session.flush()
    session.add(
        DossierEvent(
            dossier_id=dossier.id,
            user_id=actor.user_id,
            at=received,
            action="accept",
            from_status=None,
            to_status=int(DossierStatus.ACCEPTED),
            note=due.explain(),
            data={"due": due.due.isoformat()},
        )
    )
    audit.record(session, actor.user_id, "dossier", code, "accept", after=dossier_snapshot(dossier))
    return RegisteredDossier(dossier.id, code, received, due, book_number, book_seq)


def dossier_snapshot(d: Dossier) -> dict[str, Any]:
    """The audited values of a dossier (what `audit verify` compares with the table)."""
    return {
        "code": d.code,
        "procedure_id": d.procedure_id,
        "applicant_name": d.applicant_name,
        "citizen_id": d.citizen_id,
        "phone": d.phone,
        "status": d.status,
        "received_at": d.received_at.isoformat(),
        "due_at": d.due_at.isoformat(),
        "resolved_at": d.resolved_at.isoformat() if d.resolved_at else None,
        "returned_at": d.returned_at.isoformat() if d.returned_at else None,
        "closed_at": d.closed_at.isoformat() if d.closed_at else None,
    }
