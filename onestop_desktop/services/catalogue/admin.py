"""Administrators' edits of the catalogue (fields, procedures) and the calendar overrides; Excel in/out.

Every change is audited. Dossiers copy their statutory time and appointment when received
(`dossiers.register`), so an edit here applies to dossiers received afterwards only.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import CalendarOverride, Field, Procedure
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.catalogue.catalogue import DocumentInfo
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
KIND_WORDS = {
    "original": "original",
    "bản chính": "original",
    "certified_copy": "certified_copy",
    "bản sao chứng thực": "certified_copy",
    "photocopy": "photocopy",
    "bản photo": "photocopy",
    "bản sao": "photocopy",
}
SHEET_FIELDS, SHEET_PROCS, SHEET_DOCS = "Lĩnh vực", "Thủ tục", "Giấy tờ"
PROC_HEADERS = ["Mã thủ tục", "Tên thủ tục", "Mã lĩnh vực", "Cấp", "Thời hạn", "Đơn vị thời hạn",
                "Lệ phí (đồng)", "Mức độ trực tuyến", "Kết quả", "Đang áp dụng"]  # fmt: skip
DOC_HEADERS = ["Mã thủ tục", "Thứ tự", "Tên giấy tờ", "Loại bản", "Số bản"]


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


@dataclass
class ImportReport:
    fields: int = 0
    procedures_added: int = 0
    procedures_updated: int = 0
    errors: list[str] = field(default_factory=list)


def _admin(actor: Actor, what: str) -> None:
    require(actor, Role.ADMIN, what=what)


def save_field(session: Session, actor: Actor, code: str, name: str) -> None:
    _admin(actor, "sửa danh mục lĩnh vực")
    code, name = nfc(code).strip().upper(), nfc(" ".join(name.split()))
    errors = {}
    if not code or len(code) > 20:
        errors["code"] = "Mã lĩnh vực phải có từ 1 đến 20 ký tự."
    if not name or len(name) > 200:
        errors["name"] = "Tên lĩnh vực phải có từ 1 đến 200 ký tự."
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


def check_procedure(edit: ProcedureEdit, field_codes: set[str]) -> tuple[ProcedureEdit, dict[str, str]]:
    """Normalised edit and the errors {field: message} (empty when it can be saved)."""
    errors: dict[str, str] = {}
    code, name = nfc(edit.code).strip(), nfc(" ".join(edit.name.split()))
    if not code or len(code) > 40:
        errors["code"] = "Mã thủ tục phải có từ 1 đến 40 ký tự."
    if not name or len(name) > 500:
        errors["name"] = "Tên thủ tục phải có từ 1 đến 500 ký tự."
    if edit.field_code not in field_codes:
        errors["field_code"] = f"Không có lĩnh vực mã “{edit.field_code}”."
    unit = UNIT_WORDS.get(nfc(str(edit.time_unit)).strip().lower())
    if unit is None:
        errors["time_unit"] = "Đơn vị thời hạn phải là giờ làm việc, ngày làm việc hoặc ngày."
    if not 0 <= edit.time_value <= 365:
        errors["time_value"] = "Thời hạn giải quyết phải từ 0 đến 365."
    if not 0 <= edit.fee <= 1_000_000_000:
        errors["fee"] = "Lệ phí không hợp lệ."
    if edit.level not in LEVELS:
        errors["level"] = "Cấp thực hiện phải là xa, huyen hoặc tinh."
    if not 1 <= edit.online_level <= 4:
        errors["online_level"] = "Mức độ dịch vụ công trực tuyến phải từ 1 đến 4."
    docs = []
    for d in edit.documents:
        dname = nfc(" ".join(d.name.split()))
        if not dname or d.kind not in KINDS or not 0 <= d.count <= 99:
            errors["documents"] = f"Giấy tờ không hợp lệ: “{dname or '(trống)'}”."
        docs.append(DocumentInfo(dname, d.kind, d.count))
    clean = ProcedureEdit(
        code, name, edit.field_code, edit.time_value, str(unit or edit.time_unit), edit.fee,
        edit.level, edit.online_level, nfc(edit.result.strip()), edit.active, tuple(docs),
    )  # fmt: skip
    return clean, errors


def _snapshot(p: Procedure) -> dict[str, Any]:
    info = catalogue.procedure_info(p)
    out = asdict(info)
    out["time_unit"] = str(info.time_unit)
    return out


def save_procedure(session: Session, actor: Actor, edit: ProcedureEdit) -> bool:
    """Create or update a procedure by code; returns True when it was new."""
    _admin(actor, "sửa danh mục thủ tục")
    fields = {f.code: f for f in session.scalars(select(Field))}
    clean, errors = check_procedure(edit, set(fields))
    if errors:
        raise ValidationFailed(errors)
    p = session.scalar(select(Procedure).where(Procedure.code == clean.code))
    before = _snapshot(p) if p else None
    row = {**asdict(clean), "field": clean.field_code, "documents": [asdict(d) for d in clean.documents]}
    catalogue.load_catalogue(session, [], [row])
    p = session.scalar(select(Procedure).where(Procedure.code == clean.code))
    assert p is not None
    p.active = clean.active
    session.flush()
    session.refresh(p)
    audit.record(session, actor.user_id, "procedure", clean.code, "update" if before else "create", before,
                 _snapshot(p))  # fmt: skip
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
    _admin(actor, "sửa lịch làm việc")
    reason = nfc(" ".join(reason.split()))
    if not reason or len(reason) > 200:
        raise ValidationFailed({"reason": "Ghi lý do (ví dụ: Nghỉ bù Quốc khánh), tối đa 200 ký tự."})
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
    _admin(actor, "sửa lịch làm việc")
    row = session.scalar(select(CalendarOverride).where(CalendarOverride.day == day))
    if row is None:
        raise NotFound(f"Không có ngày điều chỉnh {day:%d/%m/%Y}.")
    before = {"working": row.working, "reason": row.reason}
    session.delete(row)
    session.flush()
    audit.record(session, actor.user_id, "calendar", day.isoformat(), "delete", before, None)


# --- Excel ----------------------------------------------------------------------------------------


def export_catalogue(session: Session, path: Path) -> int:
    """Write fields, procedures and their documents to an .xlsx workbook; returns the procedure count."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws_f = wb.active
    assert ws_f is not None
    ws_f.title = SHEET_FIELDS
    ws_f.append(["Mã lĩnh vực", "Tên lĩnh vực"])
    for f in catalogue.list_fields(session):
        ws_f.append([f.code, f.name])
    ws_p, ws_d = wb.create_sheet(SHEET_PROCS), wb.create_sheet(SHEET_DOCS)
    ws_p.append(PROC_HEADERS)
    ws_d.append(DOC_HEADERS)
    procs = catalogue.list_procedures(session, include_inactive=True)
    for p in procs:
        ws_p.append([p.code, p.name, p.field_code, p.level, p.time_value, str(p.time_unit), p.fee,
                     p.online_level, p.result, "có" if p.active else "không"])  # fmt: skip
        for i, d in enumerate(p.documents, start=1):
            ws_d.append([p.code, i, d.name, d.kind, d.count])
    for ws, widths in (
        (ws_f, (14, 50)),
        (ws_p, (14, 70, 12, 8, 10, 16, 14, 12, 40, 12)),
        (ws_d, (14, 8, 80, 16, 8)),
    ):
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = w
        ws.freeze_panes = "A2"
    wb.save(path)
    return len(procs)


def _rows(wb: Any, name: str, width: int) -> list[tuple[int, list[Any]]]:
    if name not in wb.sheetnames:
        return []
    out = []
    for i, row in enumerate(wb[name].iter_rows(min_row=2, values_only=True), start=2):
        cells = list(row[:width]) + [None] * (width - len(row[:width]))
        if any(c not in (None, "") for c in cells):
            out.append((i, cells))
    return out


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        if value != int(value):
            raise ValueError
        return int(value)
    return int(str(value).replace(".", "").strip())


def import_catalogue(session: Session, actor: Actor, path: Path) -> ImportReport:
    """Read a workbook like `export_catalogue` writes; all or nothing (any error: nothing changes)."""
    from openpyxl import load_workbook

    _admin(actor, "nhập danh mục thủ tục")
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # not an xlsx, damaged file …
        raise ValidationFailed({"file": f"Không đọc được tệp Excel: {exc}"}) from exc
    report = ImportReport()
    if SHEET_PROCS not in wb.sheetnames:
        raise ValidationFailed({"file": f"Tệp không có trang “{SHEET_PROCS}”."})
    fields = {f.code: f.name for f in catalogue.list_fields(session)}
    new_fields = []
    for i, (code, name) in _rows(wb, SHEET_FIELDS, 2):
        if not code or not name:
            report.errors.append(f"{SHEET_FIELDS}, dòng {i}: thiếu mã hoặc tên lĩnh vực.")
            continue
        fields[str(code).strip().upper()] = nfc(str(name).strip())
        new_fields.append({"code": str(code).strip().upper(), "name": nfc(str(name).strip())})
    docs: dict[str, list[DocumentInfo]] = {}
    for i, (pcode, _pos, name, kind, n) in _rows(wb, SHEET_DOCS, 5):
        k = KIND_WORDS.get(nfc(str(kind or "")).strip().lower())
        try:
            count = _int(n if n not in (None, "") else 1)
        except ValueError:
            count = -1
        if not pcode or not name or k is None or not 0 <= count <= 99:
            report.errors.append(
                f"{SHEET_DOCS}, dòng {i}: giấy tờ không hợp lệ (mã thủ tục, tên, loại bản, số bản)."
            )
            continue
        docs.setdefault(str(pcode).strip(), []).append(DocumentInfo(nfc(str(name)), k, count))
    existing = {p.code for p in catalogue.list_procedures(session, include_inactive=True)}
    edits: list[ProcedureEdit] = []
    for i, cells in _rows(wb, SHEET_PROCS, len(PROC_HEADERS)):
        code, name, fcode, level, tv, tu, fee, online, result, active = cells
        try:
            edit = ProcedureEdit(
                str(code or "").strip(), str(name or ""), str(fcode or "").strip().upper(), _int(tv),
                str(tu or ""), _int(fee or 0), str(level or "xa").strip().lower(), _int(online or 2),
                str(result or ""), fold(str(active or "có")) not in ("khong", "no", "0", "false"),
                tuple(docs.get(str(code or "").strip(), ())),
            )  # fmt: skip
        except ValueError:
            report.errors.append(f"{SHEET_PROCS}, dòng {i}: thời hạn, lệ phí và mức độ phải là số nguyên.")
            continue
        clean, errors = check_procedure(edit, set(fields))
        report.errors.extend(f"{SHEET_PROCS}, dòng {i}: {m}" for m in errors.values())
        edits.append(clean)
    if report.errors:
        return report
    if new_fields:
        catalogue.load_catalogue(session, new_fields, [])
        report.fields = len(new_fields)
    for edit in edits:
        if save_procedure(session, actor, edit):
            report.procedures_added += 1
        elif edit.code in existing:
            report.procedures_updated += 1
    audit.record(session, actor.user_id, "catalogue", path.name, "import", None,
                 {"added": report.procedures_added, "updated": report.procedures_updated})  # fmt: skip
    return report
