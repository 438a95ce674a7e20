"""The catalogue (fields, procedures as of a day, required documents), units and the calendar overrides."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import (
    CalendarOverride,
    Field,
    Procedure,
    ProcedureVersion,
    Unit,
    UnitSuccessor,
)
from onestop_desktop.domain.calendar import CalendarOverride as DomainOverride
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.text import fold
from onestop_desktop.paths import resource_path
from onestop_desktop.services.catalogue import versions
from onestop_desktop.services.catalogue.versions import DocumentInfo
from onestop_desktop.services.errors import NotFound


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
    version_id: int | None  # the dated version these values come from (None: none that day)
    valid_from: date | None
    valid_to: date | None
    source: str  # căn cứ of that version


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


def procedure_info(p: Procedure, version: ProcedureVersion | None) -> ProcedureInfo:
    """The procedure with the values of `version` (one of its versions; None: zero values)."""
    values = (
        versions.values_of(version) if version else versions.VersionValues(0, TimeUnit.WORKING_DAYS.value)
    )
    return ProcedureInfo(
        id=p.id,
        code=p.code,
        name=p.name,
        field_code=p.field.code,
        field_name=p.field.name,
        level=p.level,
        time_value=values.time_value,
        time_unit=TimeUnit(values.time_unit),
        fee=values.fee,
        online_level=values.online_level,
        result=values.result,
        documents=values.documents,
        active=p.active,
        version_id=version.id if version else None,
        valid_from=version.valid_from if version else None,
        valid_to=version.valid_to if version else None,
        source=version.source if version else "",
    )


def _shown_version(p: Procedure, day: date) -> ProcedureVersion | None:
    """The version valid on `day`; for a procedure not applying that day, its nearest one (admin views)."""
    found = versions.pick(p.versions, day)
    if found is None and p.versions:
        before = [v for v in p.versions if v.valid_from <= day]
        found = before[-1] if before else p.versions[0]
    return found


def unit_info(u: Unit) -> UnitInfo:
    return UnitInfo(u.id, u.code, u.name, u.level, u.parent_id, u.valid_from, u.valid_to, u.office_code)


def list_fields(session: Session) -> list[FieldInfo]:
    return [FieldInfo(f.id, f.code, f.name) for f in session.scalars(select(Field).order_by(Field.name))]


def list_procedures(
    session: Session, include_inactive: bool = False, on: date | None = None
) -> list[ProcedureInfo]:
    """Procedures with the values of their version valid on `on` (default today).

    Without `include_inactive` only the active procedures that apply that day; with it every procedure,
    one that does not apply that day with its nearest version.
    """
    day = on or today_local()
    stmt = select(Procedure).options(
        selectinload(Procedure.versions).selectinload(ProcedureVersion.documents),
        selectinload(Procedure.field),
    )
    if not include_inactive:
        stmt = stmt.where(Procedure.active.is_(True))
    out = []
    for p in session.scalars(stmt.order_by(Procedure.name)):
        version = _shown_version(p, day) if include_inactive else versions.pick(p.versions, day)
        if version is not None or include_inactive:
            out.append(procedure_info(p, version))
    return out


def get_procedure(session: Session, code: str, on: date | None = None) -> ProcedureInfo:
    """One procedure with the values of its version valid on `on` (default today)."""
    p = session.scalar(select(Procedure).where(Procedure.code == code))
    if p is None:
        raise NotFound(f"Không có thủ tục mã {code} trong danh mục.")
    return procedure_info(p, _shown_version(p, on or today_local()))


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


def _values(row: dict[str, Any], base: versions.VersionValues | None = None) -> versions.VersionValues:
    """A version's values from a catalogue row; what a later version does not give, it keeps from `base`."""

    def get(key: str, default: Any) -> Any:
        return row[key] if key in row else (getattr(base, key) if base else default)

    docs = row.get("documents")
    return versions.VersionValues(
        time_value=int(get("time_value", 0)),
        time_unit=TimeUnit(get("time_unit", TimeUnit.WORKING_DAYS.value)).value,
        fee=int(get("fee", 0)),
        online_level=int(get("online_level", 2)),
        result=str(get("result", "")),
        documents=(
            tuple(versions.DocumentInfo(d["name"], d["kind"], int(d.get("count", 1))) for d in docs)
            if docs is not None
            else (base.documents if base else ())
        ),
    )


def load_catalogue(session: Session, fields: list[dict[str, Any]], procedures: list[dict[str, Any]]) -> int:
    """Insert or update fields and procedures by code, with their dated versions. Returns the new procedures.

    A row's own values are its first version (from `valid_from`, default 1/1/2000); `versions` lists the
    later ones, each giving what changed from the one before. A version already there with the same start
    and values is left alone, so loading twice changes nothing.
    """
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
        p.active = True
        session.flush()
        values = _values(row)
        dated = [(row.get("valid_from"), row.get("source", ""), values)]
        for later in row.get("versions", []):
            values = _values(later, values)
            dated.append((later["valid_from"], later.get("source", ""), values))
        for start, source, vals in dated:
            day = date.fromisoformat(start) if start else versions.FIRST_DAY
            have = next((v for v in p.versions if v.valid_from == day), None)
            if have is not None and versions.values_of(have) == vals:
                have.source = source or have.source  # the same version, better named
            else:
                versions.add_version(session, p, day, vals, source)
    session.flush()
    return added


def load_bundled_catalogue(session: Session) -> int:
    return load_catalogue(
        session, _read_json("catalogue/fields.json"), _read_json("catalogue/procedures.json")
    )


def load_bundled_units(session: Session) -> int:
    rows: list[dict[str, Any]] = _read_json("demo/units.json")
    return load_units(session, rows)
