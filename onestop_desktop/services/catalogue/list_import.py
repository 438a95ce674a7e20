"""A published list of procedures as a new version from a day: the preview of what changes, then all of it.

`preview_list` reads the workbook and writes nothing; `apply_list` writes every new version in the
caller's one transaction (any refusal raises, and the caller's rollback leaves the catalogue as it was).
Versions dossiers were received under keep their values; a version is never ended before its last receipt.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import Procedure, ProcedureVersion
from onestop_desktop.domain.calendar import TimeUnit, time_text
from onestop_desktop.domain.fmt import fmt_date, fmt_money
from onestop_desktop.domain.messages import Msg, Text, msg
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import admin, catalogue, excel, versions
from onestop_desktop.services.catalogue.admin import ProcedureEdit
from onestop_desktop.services.catalogue.versions import DocumentInfo, VersionValues
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require

NEW, CHANGED, UNCHANGED, UNLISTED = "new", "changed", "unchanged", "unlisted"
KIND_VI = {"original": "bản chính", "certified_copy": "bản sao chứng thực", "photocopy": "bản photo"}


@dataclass(frozen=True)
class ProcedureChange:
    """What the list changes for one procedure, in lines a clerk reads."""

    code: str
    name: str
    status: str  # new | changed | unchanged | unlisted
    lines: tuple[Msg, ...]  # worded at the edge, in the interface language
    row: int | None  # the workbook row (None: not in the file)


@dataclass(frozen=True)
class ListPlan:
    """The preview: nothing is written until `apply_list`."""

    file_name: str
    effective: date
    source: str
    changes: tuple[ProcedureChange, ...]
    rejected: tuple[Msg, ...]  # str(): Vietnamese
    fields: tuple[tuple[str, str], ...]
    edits: tuple[tuple[ProcedureEdit, str], ...]  # checked rows with their own căn cứ ("" = the list's)

    def count(self, status: str) -> int:
        return sum(1 for c in self.changes if c.status == status)


@dataclass(frozen=True)
class ListReport:
    added: int
    changed: int
    unchanged: int
    ended: int
    fields: int


_KIND_EN = {"original": "original", "certified_copy": "certified copy", "photocopy": "photocopy"}


def _time(v: VersionValues) -> Msg:
    return time_text(TimeUnit(v.time_unit), v.time_value)


def _fee(amount: int) -> Text | Msg:
    if not amount:
        return msg("cat.no-fee")
    return Text(fmt_money(amount), f"{amount:,} VND")


def _doc(d: DocumentInfo) -> Text:
    return Text(f"{d.count} {KIND_VI.get(d.kind, d.kind)}", f"{d.count} {_KIND_EN.get(d.kind, d.kind)}")


def _or_empty(value: str) -> str | Msg:
    return value or msg("cat.empty")


def value_lines(old: VersionValues, new: VersionValues) -> list[Msg]:
    """The differences between two versions, one line each (worded at the edge)."""
    lines = []
    if (old.time_value, old.time_unit) != (new.time_value, new.time_unit):
        lines.append(msg("cat.chg.time", old=_time(old), new=_time(new)))
    if old.fee != new.fee:
        lines.append(msg("cat.chg.fee", old=_fee(old.fee), new=_fee(new.fee)))
    if old.online_level != new.online_level:
        lines.append(msg("cat.chg.online", old=str(old.online_level), new=str(new.online_level)))
    if old.result != new.result:
        lines.append(msg("cat.chg.result", old=_or_empty(old.result), new=_or_empty(new.result)))
    before = {d.name: d for d in old.documents}
    after = {d.name: d for d in new.documents}
    lines += [msg("cat.chg.doc-added", name=n) for n in after if n not in before]
    lines += [msg("cat.chg.doc-dropped", name=n) for n in before if n not in after]
    lines += [
        msg("cat.chg.doc-changed", name=n, old=_doc(before[n]), new=_doc(d))
        for n, d in after.items()
        if n in before and before[n] != d
    ]
    if not lines and [d.name for d in old.documents] != [d.name for d in new.documents]:
        lines.append(msg("cat.chg.doc-order"))
    return lines


def _identity_lines(p: Procedure, edit: ProcedureEdit) -> list[Msg]:
    lines = []
    if p.name != edit.name:
        lines.append(msg("cat.chg.name", old=p.name, new=edit.name))
    if p.field.code != edit.field_code:
        lines.append(msg("cat.chg.field", old=p.field.code, new=edit.field_code))
    if p.level != edit.level:
        lines.append(msg("cat.chg.level", old=str(p.level), new=str(edit.level)))
    if p.active != edit.active:
        lines.append(msg("cat.chg.active-again" if edit.active else "cat.chg.inactive"))
    return lines


def _conflict(session: Session, p: Procedure, effective: date) -> tuple[str, str] | None:
    """Why a new version of `p` cannot start on `effective` (a dossier keeps the old one), else None."""
    for v in p.versions:
        last = versions.last_receipt(session, v)
        if last is None:
            continue
        if v.valid_from == effective or (v.valid_from < effective <= last):
            first = max(last, v.valid_from) + timedelta(days=1)
            return fmt_date(last), fmt_date(first)
    return None


def preview_list(
    session: Session, actor: Actor, path: Path, effective: date, source: str = "", end_unlisted: bool = True
) -> ListPlan:
    """What the list in `path` would change from `effective`; writes nothing."""
    require(session, actor, Role.ADMIN, what="nhập danh mục thủ tục")
    book = excel.read_workbook(path)
    rejected: list[Msg] = list(book.rejected)
    field_codes = {f.code for f in catalogue.list_fields(session)} | {c for c, _n in book.fields}
    procs = {
        p.code: p
        for p in session.scalars(
            select(Procedure).options(
                selectinload(Procedure.versions).selectinload(ProcedureVersion.documents)
            )
        )
    }
    changes: list[ProcedureChange] = []
    edits: list[tuple[ProcedureEdit, str]] = []
    seen: dict[str, int] = {}
    for sheet_row in book.procedures:
        clean, errors = admin.check_procedure(sheet_row.edit, field_codes)
        if errors:
            rejected.extend(excel.row_refusal(excel.SHEET_PROCS, sheet_row.row, m) for m in errors.values())
            continue
        if clean.code in seen:
            twice = msg("cat.row-duplicate", code=clean.code, row=str(seen[clean.code]))
            rejected.append(excel.row_refusal(excel.SHEET_PROCS, sheet_row.row, twice))
            continue
        seen[clean.code] = sheet_row.row
        new_values = admin.values_of_edit(clean)
        p = procs.get(clean.code)
        if p is None:
            lines = [
                msg("cat.chg.new", time=_time(new_values), fee=_fee(new_values.fee), n=len(clean.documents))
            ]
            changes.append(ProcedureChange(clean.code, clean.name, NEW, tuple(lines), sheet_row.row))
            edits.append((clean, sheet_row.source))
            continue
        current = versions.pick(p.versions, effective)
        if current is not None and sheet_row.source == current.source:
            sheet_row = replace(sheet_row, source="")  # the old basis, exported with it: not the new list's
        dated = (
            value_lines(versions.values_of(current), new_values) if current else [msg("cat.chg.again-from")]
        )
        if dated and (why := _conflict(session, p, effective)):
            conflict = msg("cat.list-conflict", code=p.code, last=why[0], first=why[1])
            rejected.append(excel.row_refusal(excel.SHEET_PROCS, sheet_row.row, conflict))
            continue
        lines = _identity_lines(p, clean) + dated
        changes.append(ProcedureChange(clean.code, clean.name, CHANGED if lines else UNCHANGED, tuple(lines),
                                       sheet_row.row))  # fmt: skip
        edits.append((clean, sheet_row.source))
    if end_unlisted:
        last_day = effective - timedelta(days=1)
        for code, p in sorted(procs.items()):
            if code in seen or not p.active or versions.pick(p.versions, effective) is None:
                continue
            if why := _conflict(session, p, effective):
                rejected.append(msg("cat.unlisted-conflict", code=code, last=why[0], first=why[1]))
                continue
            line = msg("cat.chg.unlisted", first=fmt_date(effective), last=fmt_date(last_day))
            changes.append(ProcedureChange(code, p.name, UNLISTED, (line,), None))
    return ListPlan(path.name, effective, source, tuple(changes), tuple(rejected), tuple(book.fields),
                    tuple(edits))  # fmt: skip


def apply_list(session: Session, actor: Actor, plan: ListPlan) -> ListReport:
    """Write the previewed list: every new version, the procedures no longer listed ended. All or nothing."""
    require(session, actor, Role.ADMIN, what="nhập danh mục thủ tục")
    if plan.rejected:
        raise ValidationFailed({"file": msg("cat.list-rejected")})
    if plan.fields:
        catalogue.load_catalogue(session, [{"code": c, "name": n} for c, n in plan.fields], [])
    status = {c.code: c.status for c in plan.changes}
    source = plan.source or f"Danh mục nhập từ tệp {plan.file_name}"
    for edit, row_source in plan.edits:
        if status.get(edit.code) != UNCHANGED:
            admin.save_procedure(session, actor, edit, effective=plan.effective, source=row_source or source)
    ended = [c.code for c in plan.changes if c.status == UNLISTED]
    for code in ended:
        p = session.scalar(select(Procedure).where(Procedure.code == code))
        assert p is not None
        before = admin.snapshot(p, plan.effective)
        versions.end_procedure(session, p, plan.effective - timedelta(days=1))
        audit.record(session, actor.user_id, "procedure", code, "end", before,
                     {"valid_to": (plan.effective - timedelta(days=1)).isoformat()})  # fmt: skip
    report = ListReport(
        plan.count(NEW), plan.count(CHANGED), plan.count(UNCHANGED), len(ended), len(plan.fields)
    )
    audit.record(session, actor.user_id, "catalogue", plan.file_name, "import", None,
                 {"effective": plan.effective.isoformat(), "source": source, "added": report.added,
                  "changed": report.changed, "ended": report.ended})  # fmt: skip
    return report


def import_catalogue(
    session: Session, actor: Actor, path: Path, effective: date | None = None, source: str = "",
    end_unlisted: bool = False,
) -> tuple[ListPlan, ListReport | None]:  # fmt: skip
    """Preview and, when no row is rejected, apply at once (the command line without --dry-run)."""
    plan = preview_list(session, actor, path, effective or today_local(), source, end_unlisted)
    return plan, (None if plan.rejected else apply_list(session, actor, plan))
