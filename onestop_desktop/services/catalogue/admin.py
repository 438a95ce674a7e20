"""Administrators' edits of the catalogue (fields, procedures) and the calendar overrides.

Every change is audited. A change of a procedure's time, fee or documents is a new version from the day
it applies (today by default): dossiers keep the version they were received under. The Excel workbook
(export, a published list as a new version) is `catalogue.excel` and `catalogue.list_import`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import CalendarOverride, Field, Procedure
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import (
    catalogue,
    catalogue_messages,  # noqa: F401  (defines the messages)
    versions,
)
from onestop_desktop.services.catalogue.versions import DocumentInfo
from onestop_desktop.services.errors import NotFound, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require

KINDS = ("original", "certified_copy", "photocopy")
LEVELS = ("xa", "huyen", "tinh")
UNIT_WORDS = {
    "hours": TimeUnit.HOURS,
    "giờ làm việc": TimeUnit.HOURS,
    "giờ": TimeUnit.HOURS,
    "working-days": TimeUnit.WORKING_DAYS,
    "ngày làm việc": TimeUnit.WORKING_DAYS,
    "calendar-days": TimeUnit.CALENDAR_DAYS,
    "ngày": TimeUnit.CALENDAR_DAYS,
}


@dataclass(frozen=True)
class ProcedureEdit:
    code: str
    name: str
    field_code: str
    time_value: int
    time_unit: str
    fee: int = 0
    level: str = "xa"
    online_level: int = 2
    result: str = ""
    active: bool = True
    documents: tuple[DocumentInfo, ...] = ()


@dataclass(frozen=True)
class OverrideInfo:
    id: int
    day: date
    working: bool
    reason: str


def _admin(session: Session, actor: Actor, what: str) -> None:
    require(session, actor, Role.ADMIN, what=what)


def save_field(session: Session, actor: Actor, code: str, name: str) -> None:
    _admin(session, actor, "sửa danh mục lĩnh vực")
    code, name = nfc(code).strip().upper(), nfc(" ".join(name.split()))
    errors: dict[str, Msg] = {}
    if not code or len(code) > 20:
        errors["code"] = msg("cat.field-code")
    if not name or len(name) > 200:
        errors["name"] = msg("cat.field-name")
    if errors:
        raise ValidationFailed(errors)
    row = session.scalar(select(Field).where(Field.code == code))
    before = {"code": row.code, "name": row.name} if row else None
    if row is None:
        row = Field(code=code, name=name)
        session.add(row)
    row.name = name
    session.flush()
    audit.record(
        session, actor.user_id, "field", code, "update" if before else "create", before, {"name": name}
    )


def check_procedure(edit: ProcedureEdit, field_codes: set[str]) -> tuple[ProcedureEdit, dict[str, Msg]]:
    """Normalised edit and the errors {field: message} (empty when it can be saved)."""
    errors: dict[str, Msg] = {}
    code, name = nfc(edit.code).strip(), nfc(" ".join(edit.name.split()))
    if not code or len(code) > 40:
        errors["code"] = msg("cat.proc-code")
    if not name or len(name) > 500:
        errors["name"] = msg("cat.proc-name")
    if edit.field_code not in field_codes:
        errors["field_code"] = msg("cat.no-field", code=edit.field_code)
    unit = UNIT_WORDS.get(nfc(str(edit.time_unit)).strip().lower())
    if unit is None:
        errors["time_unit"] = msg("cat.time-unit")
    if not 0 <= edit.time_value <= 365:
        errors["time_value"] = msg("cat.time-value")
    if not 0 <= edit.fee <= 1_000_000_000:
        errors["fee"] = msg("cat.fee")
    if edit.level not in LEVELS:
        errors["level"] = msg("cat.level")
    if not 1 <= edit.online_level <= 4:
        errors["online_level"] = msg("cat.online-level")
    docs = []
    for d in edit.documents:
        dname = nfc(" ".join(d.name.split()))
        if not dname or d.kind not in KINDS or not 0 <= d.count <= 99:
            errors["documents"] = msg("cat.bad-document", name=dname or msg("cat.empty"))
        docs.append(DocumentInfo(dname, d.kind, d.count))
    clean = ProcedureEdit(
        code, name, edit.field_code, edit.time_value, str(unit or edit.time_unit), edit.fee,
        edit.level, edit.online_level, nfc(edit.result.strip()), edit.active, tuple(docs),
    )  # fmt: skip
    return clean, errors


def values_of_edit(edit: ProcedureEdit) -> versions.VersionValues:
    """The dated part of an edit: what a version holds."""
    return versions.VersionValues(
        edit.time_value, edit.time_unit, edit.fee, edit.online_level, edit.result, edit.documents
    )


def snapshot(p: Procedure, day: date) -> dict[str, Any]:
    """The audited values of a procedure as of `day` (JSON: dates as ISO text)."""
    info = catalogue.procedure_info(p, versions.pick(p.versions, day))
    out = asdict(info)
    out["time_unit"] = str(info.time_unit)
    for key in ("valid_from", "valid_to"):
        out[key] = out[key].isoformat() if out[key] else None
    return out


def save_procedure(
    session: Session, actor: Actor, edit: ProcedureEdit, effective: date | None = None, source: str = ""
) -> bool:
    """Create or update a procedure by code; returns True when it was new.

    Changed time, fee, online level, result or documents become a version from `effective` (default
    today); a new procedure without `effective` has always applied (its first version from 1/1/2000).
    """
    _admin(session, actor, "sửa danh mục thủ tục")
    fields = {f.code: f for f in session.scalars(select(Field))}
    clean, errors = check_procedure(edit, set(fields))
    if errors:
        raise ValidationFailed(errors)
    day = effective or today_local()
    p = session.scalar(select(Procedure).where(Procedure.code == clean.code))
    before = snapshot(p, day) if p else None
    if p is None:
        p = Procedure(code=clean.code)
        session.add(p)
    p.name, p.name_key = clean.name, fold(clean.name)
    p.field, p.level, p.active = fields[clean.field_code], clean.level, clean.active
    session.flush()
    values = values_of_edit(clean)
    current = versions.pick(p.versions, day)
    if current is None or versions.values_of(current) != values:
        start = versions.FIRST_DAY if before is None and effective is None else day
        why = source or f"Sửa trong danh mục ngày {fmt_date(today_local())}"
        versions.add_version(session, p, start, values, why)
    audit.record(session, actor.user_id, "procedure", clean.code, "update" if before else "create", before,
                 snapshot(p, day))  # fmt: skip
    return before is None


def list_overrides(session: Session, year: int | None = None) -> list[OverrideInfo]:
    stmt = select(CalendarOverride).order_by(CalendarOverride.day)
    if year is not None:
        stmt = stmt.where(
            CalendarOverride.day >= date(year, 1, 1), CalendarOverride.day <= date(year, 12, 31)
        )
    return [OverrideInfo(o.id, o.day, o.working, o.reason) for o in session.scalars(stmt)]


def save_override(session: Session, actor: Actor, day: date, working: bool, reason: str) -> None:
    """An announced extra day off (working=False) or make-up working day (working=True)."""
    _admin(session, actor, "sửa lịch làm việc")
    reason = nfc(" ".join(reason.split()))
    if not reason or len(reason) > 200:
        raise ValidationFailed({"reason": msg("cat.override-reason", example=msg("cat.override-example"))})
    row = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    before = {"working": row.working, "reason": row.reason} if row else None
    if row is None:
        row = CalendarOverride(day=day, working=working, reason=reason)
        session.add(row)
    row.working, row.reason = working, reason
    session.flush()
    action = "update" if before else "create"
    after = {"working": working, "reason": reason}
    audit.record(session, actor.user_id, "calendar", day.isoformat(), action, before, after)


def delete_override(session: Session, actor: Actor, day: date) -> None:
    _admin(session, actor, "sửa lịch làm việc")
    row = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if row is None:
        raise NotFound(msg("cat.no-override", day=f"{day:%d/%m/%Y}"))
    before = {"working": row.working, "reason": row.reason}
    session.delete(row)
    session.flush()
    audit.record(session, actor.user_id, "calendar", day.isoformat(), "delete", before, None)
