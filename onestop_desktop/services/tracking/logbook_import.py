"""Importing an office's old log book (sổ theo dõi hồ sơ): all or nothing.

Every row is checked; one rejected row means nothing is written. Dossier codes already in the database
are skipped, so importing a file twice adds nothing. Reading the sheet is `logbook_sheet`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Dossier, DossierEvent, Procedure, Unit, User
from onestop_desktop.domain.messages import Msg, Text, msg
from onestop_desktop.domain.states import DossierStatus, label_vi
from onestop_desktop.domain.text import fold, vi_name_sort_key
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import office, versions
from onestop_desktop.services.dossiers import dossier_snapshot, search_key
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Role, actor_of, require
from onestop_desktop.services.tracking.logbook_messages import HEADER_EXAMPLE, field_label, rejected_row
from onestop_desktop.services.tracking.logbook_sheet import (
    FIELDS,
    REQUIRED,
    cell_text,
    detect_header,
    norm_name,
    parse_when,
    read_table,
    sheet_cell,
)

S = DossierStatus

_STATUS_BY_LABEL = {fold(label_vi(s)): s for s in S}


@dataclass(frozen=True)
class Rejected:
    row: int  # row number in the file (1-based, as a spreadsheet shows it)
    reasons: tuple[Msg, ...]

    @property
    def reason(self) -> str:
        """Why, in Vietnamese ("thiếu tên thủ tục; …")."""
        return "; ".join(str(r) for r in self.reasons)

    def text(self, language: str = "vi") -> str:
        """The report's line: "Dòng 7: thiếu tên thủ tục" / "Row 7: no procedure name"."""
        return rejected_row(self.row, self.reasons, language)


@dataclass
class ImportPlan:
    header_row: int
    mapping: dict[str, int]
    rows: list[dict[str, Any]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    existing: int = 0
    preview: list[list[str]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.rejected

    def report(self, language: str = "vi") -> str:
        return "\n".join(r.text(language) for r in self.rejected)


@dataclass(frozen=True)
class ImportResult:
    imported: int
    existing: int
    rejected: tuple[Rejected, ...]


class ProcedureMatcher:
    """Catalogue names matched accent-insensitively: exact first, then a unique prefix either way."""

    def __init__(self, procedures: list[tuple[int, str]]) -> None:
        self.items = [(pid, norm_name(name)) for pid, name in procedures]

    def match(self, name: str) -> tuple[int | None, Msg | None]:
        key = norm_name(name)
        if not key:
            return None, msg("logbook.no-procedure")
        exact = [pid for pid, n in self.items if n == key]
        if len(exact) == 1:
            return exact[0], None
        if len(exact) > 1:
            return None, msg("logbook.procedure-duplicate", name=name, n=len(exact))
        close = [pid for pid, n in self.items if n.startswith(key + " ") or key.startswith(n + " ")]
        if len(close) == 1:
            return close[0], None
        if len(close) > 1:
            return None, msg("logbook.procedure-ambiguous", name=name, n=len(close))
        return None, msg("logbook.procedure-unknown", name=name)


def plan_import(session: Session, path: Path, mapping: dict[str, int] | None = None) -> ImportPlan:
    """Read and check every row; nothing is written."""
    table = read_table(path)
    header, found = detect_header(table)
    if mapping is None:
        mapping = found
        if header < 0:
            raise ServiceError(msg("logbook.no-header", columns=HEADER_EXAMPLE))
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        names = Text(
            ", ".join(FIELDS[f] for f in missing), ", ".join(field_label(f).text("en") for f in missing)
        )
        raise ServiceError(msg("logbook.missing-columns", columns=names))
    plan = ImportPlan(header, dict(mapping))
    matcher = ProcedureMatcher([(p.id, p.name) for p in session.scalars(select(Procedure))])
    existing_codes = set(session.scalars(select(Dossier.code)))
    seen: dict[str, int] = {}
    for i in range(max(header, 0) + 1, len(table)):
        row = table[i]
        if all(cell_text(c) == "" for c in row):
            continue
        if len(plan.preview) < 20:
            plan.preview.append([cell_text(c) for c in row])
        number = i + 1
        reasons: list[Msg] = []
        values: dict[str, Any] = {f: cell_text(sheet_cell(row, mapping, f)) for f in FIELDS if f in mapping}
        for f in ("received", "due", "resolved", "returned"):
            if f not in mapping:
                values[f] = None
                continue
            try:
                values[f] = parse_when(sheet_cell(row, mapping, f))
            except (ValueError, OverflowError):
                shown = cell_text(sheet_cell(row, mapping, f))
                reasons.append(msg("logbook.bad-date", column=field_label(f), value=shown))
                values[f] = None
        for f in REQUIRED:
            if (
                f in ("received", "due")
                and values.get(f) is None
                and not any(FIELDS[f] in str(r) for r in reasons)
            ):
                reasons.append(msg("logbook.missing", column=field_label(f)))
        if not values.get("applicant"):
            reasons.append(msg("logbook.no-applicant"))
        pid, why = matcher.match(values.get("procedure", ""))
        if why is not None:
            reasons.append(why)
        rec, due = values.get("received"), values.get("due")
        if rec and due and due < rec:
            reasons.append(msg("logbook.due-before-received"))
        for f in ("resolved", "returned"):
            if rec and values.get(f) and values[f] < rec:
                reasons.append(msg(f"logbook.{f}-before-received"))
        status = None
        if values.get("status"):
            status = _STATUS_BY_LABEL.get(fold(values["status"]))
            if status is None:
                reasons.append(msg("logbook.bad-status", status=values["status"]))
        code = values.get("code") or ""
        if not code and not reasons:
            digest = hashlib.sha1(
                "|".join(str(values.get(f)) for f in ("procedure", "applicant", "received", "due")).encode()
            ).hexdigest()[:12]
            code = f"NK-{digest.upper()}"
        if code in seen:
            reasons.append(msg("logbook.duplicate-code", row=str(seen[code])))
        elif code:
            seen[code] = number
        if reasons:
            plan.rejected.append(Rejected(number, tuple(reasons)))
            continue
        if code in existing_codes:
            plan.existing += 1
            continue
        values.update(code=code, procedure_id=pid, status_code=status, row=number)
        plan.rows.append(values)
    return plan


def _import_status(v: dict[str, Any]) -> S:
    if v.get("status_code") is not None:
        return S(v["status_code"])
    if v.get("returned"):
        return S.RETURNED
    if v.get("resolved"):
        return S.RESOLVED
    return S.PROCESSING


def apply_plan(session: Session, user_id: int, plan: ImportPlan, source: str) -> int:
    """Write the planned dossiers (the caller's transaction); refuses a plan with rejected rows."""
    if not plan.ok:
        raise ServiceError(msg("logbook.has-rejected"))
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError(msg("logbook.no-user"))
    require(actor_of(user), Role.CLERK, Role.LEADER, what="nhập sổ theo dõi hồ sơ")
    unit: Unit | None
    try:
        unit = office.office_unit(session)
    except ServiceError:
        unit = session.scalars(select(Unit).where(Unit.office_code.is_not(None)).order_by(Unit.id)).first()
    if unit is None:
        raise ServiceError(msg("logbook.no-office"))
    procs = {p.id: p for p in session.scalars(select(Procedure))}
    now = now_local()
    for v in plan.rows:
        p = procs[v["procedure_id"]]
        version = versions.version_on(session, p, v["received"].date())  # the catalogue of that day
        status = _import_status(v)
        resolved = v.get("resolved") or (v.get("returned") if status in (S.RESOLVED, S.RETURNED) else None)
        d = Dossier(
            code=v["code"],
            procedure_id=p.id,
            procedure_version_id=version.id if version else None,
            field_id=p.field_id,
            unit_id=unit.id,
            applicant_name=v["applicant"],
            applicant_sort=vi_name_sort_key(v["applicant"]),
            citizen_id=v.get("citizen_id", ""),
            phone=v.get("phone", ""),
            email="",
            address=v.get("address", ""),
            channel="direct",
            received_at=v["received"],
            due_at=v["due"],
            original_due_at=v["due"],
            time_value=version.time_value if version else 0,
            time_unit=version.time_unit if version else "working-days",
            status=int(status),
            documents=[],
            fee=version.fee if version else 0,
            receiving_user_id=user.id,
            holder_user_id=user.id,
            holder_department=user.department,
            resolved_at=resolved,
            returned_at=v.get("returned") if status is S.RETURNED else None,
            closed_at=v["received"] if status in (S.WITHDRAWN, S.STOPPED, S.REFUSED) else None,
            late_reason=v.get("note", ""),
            search_key=search_key(v["code"], v["applicant"], v.get("citizen_id", ""), v.get("phone", "")),
            source="import",
            updated_at=now,
        )
        session.add(d)
        session.flush()
        session.add(
            DossierEvent(
                dossier_id=d.id,
                user_id=user.id,
                at=now,
                action="import",
                from_status=None,
                to_status=int(status),
                note=f"Nhập từ sổ theo dõi cũ: {source}, dòng {v['row']}",
                data={},
            )
        )
        # Each dossier's own entry: `audit verify` compares the table with it.
        audit.record(session, user.id, "dossier", d.code, "import", after=dossier_snapshot(d))
    session.flush()
    # One audit entry per import (not per row): it names the file and every code it added.
    audit.record(
        session,
        user.id,
        "import",
        source,
        "import-dossiers",
        after={"count": len(plan.rows), "codes": [v["code"] for v in plan.rows]},
    )
    return len(plan.rows)


def import_file(
    session: Session, user_id: int, path: Path, mapping: dict[str, int] | None = None
) -> ImportResult:
    """Check then write: nothing is written when any row is rejected."""
    plan = plan_import(session, path, mapping)
    if not plan.ok:
        return ImportResult(0, plan.existing, tuple(plan.rejected))
    n = apply_plan(session, user_id, plan, path.name)
    return ImportResult(n, plan.existing, ())
