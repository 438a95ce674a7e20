"""Core tables: units, catalogue, users, dossiers and their events, calendar overrides.

Statistics tables (BHYT, indicators) and the audit log live in `models_stats.py`; scans, results
and ratings in `models_files.py`.
Times are naive local (Vietnam) datetimes, see `onestop_desktop.clock`.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    and_,
    or_,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.naming import conv

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class Unit(Base):
    """An administrative unit in a dated tree (province, district, commune/township).

    GSO codes are reused: from 1/7/2025 code 26425 is xã Xuân Lộc, before it was thị trấn Gia Ray. A
    code is unique per validity start, and a lookup by code names the day (`Unit.valid_on`).
    """

    __tablename__ = "units"
    __table_args__ = (UniqueConstraint("code", "valid_from", name=conv("uq_units_code_valid_from")),)
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), index=True)  # GSO code, unique on any one day
    name: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(200), index=True)  # accent-folded
    level: Mapped[str] = mapped_column(String(20))  # province | district | commune | township
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    office_code: Mapped[str | None] = mapped_column(String(40))  # QCVN 102:2016 code used in dossier codes

    parent: Mapped[Unit | None] = relationship(remote_side=[id])

    @classmethod
    def valid_on(cls, day: date) -> ColumnElement[bool]:
        """SQL condition: the unit exists on `day` (both ends included)."""
        return and_(cls.valid_from <= day, or_(cls.valid_to.is_(None), cls.valid_to >= day))


class UnitSuccessor(Base):
    """Where a former unit's territory went when it ended: all of it, or a part (a split commune)."""

    __tablename__ = "unit_successors"
    __table_args__ = (UniqueConstraint("predecessor_id", "successor_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    predecessor_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    successor_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    part: Mapped[bool] = mapped_column(Boolean, default=False)  # only part of the territory
    source: Mapped[str] = mapped_column(String(200), default="")  # "NQ 1662/NQ-UBTVQH15, Điều 1 khoản 24"

    predecessor: Mapped[Unit] = relationship(foreign_keys=[predecessor_id])
    successor: Mapped[Unit] = relationship(foreign_keys=[successor_id])


class Field(Base):
    """A field of administrative work (lĩnh vực)."""

    __tablename__ = "fields"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class Procedure(Base):
    """A procedure of the catalogue. Its time, fee and documents are dated: see `ProcedureVersion`."""

    __tablename__ = "procedures"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(500))
    name_key: Mapped[str] = mapped_column(String(500), index=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("fields.id"), index=True)
    level: Mapped[str] = mapped_column(String(20))  # xa | huyen | tinh
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    field: Mapped[Field] = relationship()
    versions: Mapped[list[ProcedureVersion]] = relationship(
        order_by="ProcedureVersion.valid_from", back_populates="procedure", cascade="all, delete-orphan"
    )


class ProcedureVersion(Base):
    """A procedure's time, fee, result and documents from one day to another (the published list's).

    A dossier keeps the version it was received under (`Dossier.procedure_version_id`); a new
    version closes the one before it the day before it starts and never changes it otherwise.
    """

    __tablename__ = "procedure_versions"
    __table_args__ = (UniqueConstraint("procedure_id", "valid_from"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    time_value: Mapped[int] = mapped_column(Integer)
    time_unit: Mapped[str] = mapped_column(String(20))  # hours | calendar-days | working-days
    fee: Mapped[int] = mapped_column(Integer, default=0)
    online_level: Mapped[int] = mapped_column(Integer, default=2)
    result: Mapped[str] = mapped_column(String(300), default="")
    source: Mapped[str] = mapped_column(String(300), default="")  # căn cứ: "Quyết định 1234/QĐ-UBND …"
    created_at: Mapped[datetime] = mapped_column(DateTime)

    procedure: Mapped[Procedure] = relationship(back_populates="versions")
    documents: Mapped[list[ProcedureVersionDocument]] = relationship(
        order_by="ProcedureVersionDocument.position", cascade="all, delete-orphan"
    )

    @classmethod
    def valid_on(cls, day: date) -> ColumnElement[bool]:
        """SQL condition: the version applies on `day` (both ends included)."""
        return and_(cls.valid_from <= day, or_(cls.valid_to.is_(None), cls.valid_to >= day))


class ProcedureVersionDocument(Base):
    """A document a procedure version requires, with the kind of copy expected."""

    __tablename__ = "procedure_version_documents"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(
        ForeignKey("procedure_versions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(500))
    kind: Mapped[str] = mapped_column(String(20))  # original | certified_copy | photocopy
    count: Mapped[int] = mapped_column(Integer, default=1)


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(60), unique=True)
    full_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))  # clerk | leader | admin
    password_hash: Mapped[str] = mapped_column(String(300))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    department: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime)


class Dossier(Base):
    """A citizen's dossier. The statutory time is copied at receipt: catalogue edits never move it.

    `procedure_version_id` names the catalogue version valid on the receipt day (None: unknown).
    """

    __tablename__ = "dossiers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"), index=True)
    procedure_version_id: Mapped[int | None] = mapped_column(ForeignKey("procedure_versions.id"), index=True)
    field_id: Mapped[int] = mapped_column(ForeignKey("fields.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)  # receiving office's unit
    applicant_name: Mapped[str] = mapped_column(String(200))
    applicant_sort: Mapped[str] = mapped_column(String(400), index=True)  # Vietnamese collation key
    citizen_id: Mapped[str] = mapped_column(String(20), default="", index=True)
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    email: Mapped[str] = mapped_column(String(200), default="")
    address: Mapped[str] = mapped_column(String(500), default="")
    address_unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    submitter_name: Mapped[str | None] = mapped_column(String(200))
    channel: Mapped[str] = mapped_column(String(20))  # direct | online | postal
    received_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    due_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    original_due_at: Mapped[datetime] = mapped_column(DateTime)
    time_value: Mapped[int] = mapped_column(Integer)
    time_unit: Mapped[str] = mapped_column(String(20))
    status: Mapped[int] = mapped_column(Integer, index=True)
    documents: Mapped[list[Any]] = mapped_column(JSON, default=list)
    sets: Mapped[int] = mapped_column(Integer, default=1)
    fee: Mapped[int] = mapped_column(Integer, default=0)
    receiving_user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    holder_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    holder_department: Mapped[str] = mapped_column(String(200), default="")
    paused_at: Mapped[datetime | None] = mapped_column(DateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    returned_at: Mapped[datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)  # withdrawn/stopped/refused
    late_reason: Mapped[str] = mapped_column(Text, default="")
    apology_count: Mapped[int] = mapped_column(Integer, default=0)
    search_key: Mapped[str] = mapped_column(Text, default="")  # folded: code, name, ID, phone
    book_number: Mapped[str] = mapped_column(String(20), default="")
    book_sequence: Mapped[int] = mapped_column(Integer, default=0)
    source: Mapped[str] = mapped_column(String(20), default="counter")  # counter | import | demo
    # issue 14: when every document line of the checklist had its scan (None: not digitised), and how
    # the result was issued: "electronic" (a PDF result attached), "paper" (its scan attached) or ""
    digitized_at: Mapped[datetime | None] = mapped_column(DateTime)
    result_form: Mapped[str] = mapped_column(String(20), default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    procedure: Mapped[Procedure] = relationship()
    field: Mapped[Field] = relationship()
    unit: Mapped[Unit] = relationship(foreign_keys=[unit_id])
    events: Mapped[list[DossierEvent]] = relationship(
        order_by="DossierEvent.id", back_populates="dossier", cascade="all, delete-orphan"
    )

    __table_args__ = (
        Index("ix_dossiers_status_due", "status", "due_at"),
        Index("ix_dossiers_received_status", "received_at", "status"),
    )


class DossierEvent(Base):
    """One step in a dossier's life: who did what, when, and the state before and after."""

    __tablename__ = "dossier_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    dossier_id: Mapped[int] = mapped_column(ForeignKey("dossiers.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    action: Mapped[str] = mapped_column(String(40))
    from_status: Mapped[int | None] = mapped_column(Integer)
    to_status: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # e.g. handover target, due change
    undone_at: Mapped[datetime | None] = mapped_column(DateTime)

    dossier: Mapped[Dossier] = relationship(back_populates="events")


class DossierSequence(Base):
    """Last sequence number used per office code and day: makes dossier codes unique across programs."""

    __tablename__ = "dossier_sequences"
    office_code: Mapped[str] = mapped_column(String(40), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer)


class CounterEvent(Base):
    """A visit that registered nothing: supplement guidance (form 02) or refusal (form 03)."""

    __tablename__ = "counter_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), index=True)  # guidance | refusal
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"))
    procedure_id: Mapped[int] = mapped_column(ForeignKey("procedures.id"))
    applicant_name: Mapped[str] = mapped_column(String(200))
    citizen_id: Mapped[str] = mapped_column(String(20), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    missing: Mapped[list[Any]] = mapped_column(JSON, default=list)


class CalendarOverride(Base):
    """The year's announced extra days off and make-up working days, on top of the holidays package."""

    __tablename__ = "calendar_overrides"
    id: Mapped[int] = mapped_column(primary_key=True)
    day: Mapped[date] = mapped_column(Date, unique=True)
    working: Mapped[bool] = mapped_column(Boolean)
    reason: Mapped[str] = mapped_column(String(200))


class Draft(Base):
    """An unfinished intake form, saved as the clerk types so it survives a crash."""

    __tablename__ = "drafts"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    label: Mapped[str] = mapped_column(String(300), default="")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class SavedFilter(Base):
    __tablename__ = "saved_filters"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    __table_args__ = (UniqueConstraint("user_id", "name"),)


class Setting(Base):
    """Office-wide settings (office name, address, book number …) as key/value text."""

    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
