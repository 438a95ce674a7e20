"""The catalogue (fields, procedures, required documents), units and the calendar overrides."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from onestop_desktop.db.models import (
    CalendarOverride,
    Field,
    Procedure,
    ProcedureDocument,
    Unit,
    UnitSuccessor,
)
from onestop_desktop.domain.calendar import CalendarOverride as DomainOverride
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.text import fold
from onestop_desktop.paths import resource_path
from onestop_desktop.services.errors import NotFound


@dataclass(frozen=True)
class DocumentInfo:
    name: str
    kind: str  # original | certified_copy | photocopy
    count: int


@dataclass(frozen=True)
class ProcedureInfo:
    id: int
    code: str
    name: str
    field_code: str
    field_name: str
    level: str
    time_value: int
    time_unit: TimeUnit
    fee: int
    online_level: int
    result: str
    documents: tuple[DocumentInfo, ...]
    active: bool


@dataclass(frozen=True)
class UnitInfo:
    id: int
    code: str
    name: str
    level: str
    parent_id: int | None
    valid_from: date
    valid_to: date | None
    office_code: str | None


@dataclass(frozen=True)
class FieldInfo:
    id: int
    code: str
    name: str


def procedure_info(p: Procedure) -> ProcedureInfo:
    return ProcedureInfo(
        id=p.id,
        code=p.code,
        name=p.name,
        field_code=p.field.code,
        field_name=p.field.name,
        level=p.level,
        time_value=p.time_value,
        time_unit=TimeUnit(p.time_unit),
        fee=p.fee,
        online_level=p.online_level,
        result=p.result,
        documents=tuple(DocumentInfo(d.name, d.kind, d.count) for d in p.documents),
        active=p.active,
    )


def unit_info(u: Unit) -> UnitInfo:
    return UnitInfo(u.id, u.code, u.name, u.level, u.parent_id, u.valid_from, u.valid_to, u.office_code)


def list_fields(session: Session) -> list[FieldInfo]:
    return [FieldInfo(f.id, f.code, f.name) for f in session.scalars(select(Field).order_by(Field.name))]


def list_procedures(session: Session, include_inactive: bool = False) -> list[ProcedureInfo]:
    stmt = select(Procedure).options(selectinload(Procedure.documents), selectinload(Procedure.field))
    if not include_inactive:
        stmt = stmt.where(Procedure.active.is_(True))
    return [procedure_info(p) for p in session.scalars(stmt.order_by(Procedure.name))]


def get_procedure(session: Session, code: str) -> ProcedureInfo:
    p = session.scalar(select(Procedure).where(Procedure.code == code))
    if p is None:
        raise NotFound(f"Không có thủ tục mã {code} trong danh mục.")
    return procedure_info(p)


def list_units(session: Session, on: date | None = None) -> list[UnitInfo]:
    """Units valid on `on` (all units when None), ordered by code."""
    stmt = select(Unit).order_by(Unit.code, Unit.valid_from)
    if on is not None:
        stmt = stmt.where(Unit.valid_on(on))
    return [unit_info(u) for u in session.scalars(stmt)]


def working_calendar(session: Session) -> WorkingCalendar:
    """The holidays package's Vietnamese calendar with this office's overrides on top."""
    overrides = [
        DomainOverride(day=o.day, working=o.working, reason=o.reason)
        for o in session.scalars(select(CalendarOverride))
    ]
    return WorkingCalendar(overrides)


def _read_json(relative: str) -> Any:
    return json.loads(Path(resource_path(relative)).read_text(encoding="utf-8"))


def load_units(session: Session, rows: list[dict[str, Any]]) -> int:
    """Insert or update units by (code, validity start), parents first; then their successor links.

    Idempotent: a database built with an older list gets what is missing (the 2025 communes) and keeps
    its rows. A parent or a former unit is the unit with that code on the right day (codes are reused).
    A unit whose code was corrected (same office code and start) keeps its row. Returns the number of
    new units.
    """
    existing = list(session.scalars(select(Unit)))
    by_key = {(u.code, u.valid_from): u for u in existing}
    by_office: dict[tuple[str | None, date], Unit] = {
        (u.office_code, u.valid_from): u for u in existing if u.office_code
    }
    added = 0
    for row in rows:
        start = date.fromisoformat(row["valid_from"])
        unit = by_key.get((row["code"], start)) or by_office.get((row.get("office_code"), start))
        if unit is None:
            unit = Unit(code=row["code"])
            session.add(unit)
            existing.append(unit)
            added += 1
        by_key[(row["code"], start)] = unit
        unit.code = row["code"]
        unit.name = row["name"]
        unit.name_key = fold(row["name"])
        unit.level = row["level"]
        unit.valid_from = start
        unit.valid_to = date.fromisoformat(row["valid_to"]) if row.get("valid_to") else None
        unit.office_code = row.get("office_code")
        unit.parent = _on_day(existing, row["parent"], start) if row.get("parent") else None
    session.flush()
    _load_successors(session, existing, rows)
    return added


def _on_day(units: list[Unit], code: str, day: date) -> Unit | None:
    """The unit with `code` that exists on `day` (its start included), else None."""
    for u in units:
        if u.code == code and u.valid_from <= day and (u.valid_to is None or u.valid_to >= day):
            return u
    return None


def _load_successors(session: Session, units: list[Unit], rows: list[dict[str, Any]]) -> None:
    """`successor_of` of each row: the former units (valid the day before) whose territory it took."""
    have = {(s.predecessor_id, s.successor_id): s for s in session.scalars(select(UnitSuccessor))}
    for row in rows:
        start = date.fromisoformat(row["valid_from"])
        unit = _on_day(units, row["code"], start)
        assert unit is not None
        for link in row.get("successor_of", []):
            former = _on_day(units, link["code"], start - timedelta(days=1))
            if former is None:
                raise ValueError(f"{row['name']}: no unit {link['code']} on the day before {start}")
            s = have.get((former.id, unit.id))
            if s is None:
                s = UnitSuccessor(predecessor_id=former.id, successor_id=unit.id)
                session.add(s)
                have[(former.id, unit.id)] = s
            s.part = bool(link.get("part", False))
            s.source = row.get("source", "")
    session.flush()


def load_catalogue(session: Session, fields: list[dict[str, Any]], procedures: list[dict[str, Any]]) -> int:
    """Insert or update fields and procedures by code. Returns the number of new procedures."""
    field_by_code = {f.code: f for f in session.scalars(select(Field))}
    for row in fields:
        f = field_by_code.get(row["code"])
        if f is None:
            f = Field(code=row["code"], name=row["name"])
            session.add(f)
            field_by_code[row["code"]] = f
        f.name = row["name"]
    session.flush()
    existing = {p.code: p for p in session.scalars(select(Procedure))}
    added = 0
    for row in procedures:
        p = existing.get(row["code"])
        if p is None:
            p = Procedure(code=row["code"])
            session.add(p)
            added += 1
        p.name = row["name"]
        p.name_key = fold(row["name"])
        p.field = field_by_code[row["field"]]
        p.level = row.get("level", "xa")
        p.time_value = int(row["time_value"])
        p.time_unit = TimeUnit(row["time_unit"]).value
        p.fee = int(row.get("fee", 0))
        p.online_level = int(row.get("online_level", 2))
        p.result = row.get("result", "")
        p.active = True
        p.documents = [
            ProcedureDocument(position=i, name=d["name"], kind=d["kind"], count=int(d.get("count", 1)))
            for i, d in enumerate(row.get("documents", []))
        ]
    session.flush()
    return added


def load_bundled_catalogue(session: Session) -> int:
    return load_catalogue(
        session, _read_json("catalogue/fields.json"), _read_json("catalogue/procedures.json")
    )


def load_bundled_units(session: Session) -> int:
    rows: list[dict[str, Any]] = _read_json("demo/units.json")
    return load_units(session, rows)
