"""Statistics tables: BHYT tallies and targets, monthly reform indicators, and the audit log."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Date, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from onestop_desktop.db.models import Base, Unit


class BhytGroup(Base):
    """A participant group of the health-insurance law; configurable because the law changes them."""

    __tablename__ = "bhyt_groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(30), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    position: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)


class BhytTally(Base):
    """Insured residents of one unit for one month (data as of the cut-off date)."""

    __tablename__ = "bhyt_tallies"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    month: Mapped[date] = mapped_column(Date, index=True)  # first day of the month
    cutoff: Mapped[date] = mapped_column(Date)
    population: Mapped[int] = mapped_column(Integer)
    population_source: Mapped[str] = mapped_column(String(300), default="")
    population_date: Mapped[date | None] = mapped_column(Date)
    insured: Mapped[int] = mapped_column(Integer)
    groups: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # group code -> count
    updated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    updated_at: Mapped[datetime] = mapped_column(DateTime)

    unit: Mapped[Unit] = relationship()
    __table_args__ = (UniqueConstraint("unit_id", "month"),)


class BhytHistory(Base):
    """Earlier values of a tally: every in-place edit and every replaced import keeps one row here."""

    __tablename__ = "bhyt_history"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    month: Mapped[date] = mapped_column(Date, index=True)
    at: Mapped[datetime] = mapped_column(DateTime)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reason: Mapped[str] = mapped_column(String(40))  # edit | import | undo
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class BhytTarget(Base):
    """Target coverage rate (percent) of a unit for a year."""

    __tablename__ = "bhyt_targets"
    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    rate: Mapped[float] = mapped_column(Float)
    __table_args__ = (UniqueConstraint("unit_id", "year"),)


class IndicatorDef(Base):
    """A reform indicator entered monthly, e.g. e-office accounts active out of total."""

    __tablename__ = "indicator_defs"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(60), unique=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(20))  # count | ratio (value of total)
    position: Mapped[int] = mapped_column(Integer, default=0)


class IndicatorValue(Base):
    __tablename__ = "indicator_values"
    id: Mapped[int] = mapped_column(primary_key=True)
    indicator_id: Mapped[int] = mapped_column(ForeignKey("indicator_defs.id"), index=True)
    month: Mapped[date] = mapped_column(Date)
    value: Mapped[float] = mapped_column(Float)
    total: Mapped[float | None] = mapped_column(Float)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime)
    __table_args__ = (UniqueConstraint("indicator_id", "month"),)


class AuditEntry(Base):
    """Append-only log of every change; each entry's code covers the previous entry's code.

    `scheme`: "sha256" for entries written before migration 0005 (unkeyed), "hmac:<key id>" after
    (HMAC-SHA256 under the audit key kept outside the database: services/audit_chain.py).
    """

    __tablename__ = "audit_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    entity: Mapped[str] = mapped_column(String(40), index=True)
    entity_id: Mapped[str] = mapped_column(String(60), index=True)
    action: Mapped[str] = mapped_column(String(40))
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    scheme: Mapped[str] = mapped_column(String(20), server_default="sha256")
    # the digests of the data rows the entry's transaction wrote (services/audit_rows.py), or NULL
    rows: Mapped[dict[str, Any] | None] = mapped_column(JSON(none_as_null=True))
