"""Importing an office's old log book (sổ theo dõi hồ sơ): all or nothing, as strict as the counter.

Every row is checked (`logbook_rows`: the counter's validators, plausible dates) and prepared before any
write; one rejected row means nothing is written. The write (`logbook_write`) is one short transaction
of bulk inserts, so the counters keep saving while a large log book is read and checked. Dossier codes
already in the database are skipped, so importing a file twice adds nothing; two imports of one file
at once: the second is told so (`logbook.concurrent`). Reading the sheet is `logbook_sheet` (an .xlsx
file through `logbook_xlsx`).

200,000 rows (tests/benchmarks/test_bench_import.py, 2 shared CPUs): read and checked in 23 s without
any lock, then one transaction holding SQLite's write lock 13.5 s; 39 s in all, where the version
before took 102 s and locked the counters out up to 34 s (docs/SAFETY.md, "Imports").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import today_local
from onestop_desktop.db.models import Dossier, Procedure, ProcedureVersion, Unit, User
from onestop_desktop.domain.messages import Msg, Text, msg
from onestop_desktop.services import audit
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.roles import Role, actor_of, require
from onestop_desktop.services.tracking.logbook_messages import HEADER_EXAMPLE, field_label, rejected_row
from onestop_desktop.services.tracking.logbook_rows import PlannedDossier, RowChecker, VersionInfo
from onestop_desktop.services.tracking.logbook_sheet import FIELDS, REQUIRED, Table, cell_text, detect_header
from onestop_desktop.services.tracking.logbook_write import (
    ImportWriteFailed,
    Progress,
    index_pending,
    write_rows,
)

__all__ = ["ImportPlan", "ImportResult", "ImportWriteFailed", "Rejected", "apply_plan", "import_file",
           "index_pending", "plan_import"]  # fmt: skip
STEP = 2000  # rows between two progress reports


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
    rows: list[PlannedDossier] = field(default_factory=list)
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


def _checker(session: Session, mapping: dict[str, int], today: date) -> RowChecker:
    procedures = [(p.id, p.name, p.field_id) for p in session.scalars(select(Procedure))]
    versions: dict[int, list[tuple[date, date | None, VersionInfo]]] = {}
    for ver in session.scalars(select(ProcedureVersion).order_by(ProcedureVersion.valid_from)):
        info = VersionInfo(ver.id, ver.time_value, ver.time_unit, ver.fee)
        versions.setdefault(ver.procedure_id, []).append((ver.valid_from, ver.valid_to, info))
    return RowChecker(mapping, procedures, versions, today)


def plan_import(
    session: Session, path: Path, mapping: dict[str, int] | None = None, progress: Progress | None = None
) -> ImportPlan:
    """Read, check and prepare every row; nothing is written. `progress(stage, done, total)` may raise
    to stop (the window's Cancel)."""
    table = Table(path)
    rows = table.rows()
    first = [r for _i, r in zip(range(15), rows, strict=False)]
    header, found = detect_header(first)
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
    checker = _checker(session, plan.mapping, today_local())
    existing_codes = set(session.scalars(select(Dossier.code)))
    seen: dict[str, int] = {}

    def all_rows() -> Any:
        yield from enumerate(first)
        yield from enumerate(rows, start=len(first))

    for i, row in all_rows():
        if progress is not None and i % STEP == 0:
            progress("check", i, table.estimate)
        if i <= header or all(cell_text(c) == "" for c in row):
            continue
        if len(plan.preview) < 20:
            plan.preview.append([cell_text(c)[:200] for c in row])
        number = i + 1
        written = cell_text(row[plan.mapping["code"]]) if "code" in plan.mapping and plan.mapping[
            "code"] < len(row) else ""  # fmt: skip
        if written and written in existing_codes and written not in seen:
            seen[written] = number
            plan.existing += 1  # already in the database: nothing of this row is written, nor checked
            continue
        checked = _check(checker, number, row)
        if isinstance(checked, list):
            plan.rejected.append(Rejected(number, tuple(checked)))
            continue
        if checked.code in seen:
            twice = msg("logbook.duplicate-code", row=str(seen[checked.code]))
            plan.rejected.append(Rejected(number, (twice,)))
            continue
        seen[checked.code] = number
        if checked.code in existing_codes:
            plan.existing += 1
            continue
        plan.rows.append(checked)
    return plan


def _check(checker: RowChecker, number: int, row: list[Any]) -> PlannedDossier | list[Msg]:
    """One row's check; a fault in it stops the import with a sentence that holds none of the row's
    values (an exception's text may quote a cell: a name, a phone, an ID number)."""
    kind = ""
    try:
        return checker.check(number, row)
    except Exception as exc:  # noqa: BLE001 - re-raised below, without the values
        kind = type(exc).__name__
    raise ServiceError(msg("logbook.row-failed", row=str(number), kind=kind))


def apply_plan(
    session: Session,
    user_id: int,
    plan: ImportPlan,
    source: str,
    progress: Progress | None = None,
    *,
    defer_search: bool = False,
) -> int:
    """Write the planned dossiers in the caller's transaction; refuses a plan with rejected rows.

    The reads come first and the writes after (the first insert takes SQLite's write lock); the counters
    wait only for the inserts, not for the reading and checking. With `defer_search`, the caller runs
    `index_pending(factory)` after the commit (on SQLite the keys are written with the rows, and it
    finds nothing left to do: see `logbook_write`).
    """
    if not plan.ok:
        raise ServiceError(msg("logbook.has-rejected"))
    user = session.get(User, user_id)
    if user is None:
        raise ServiceError(msg("logbook.no-user"))
    require(session, actor_of(user), Role.CLERK, Role.LEADER, what="nhập sổ theo dõi hồ sơ")
    unit: Unit | None
    try:
        unit = office.office_unit(session)
    except ServiceError:
        unit = session.scalars(select(Unit).where(Unit.office_code.is_not(None)).order_by(Unit.id)).first()
    if unit is None:
        raise ServiceError(msg("logbook.no-office"))
    if progress is not None:
        progress("write", 0, len(plan.rows))
    write_rows(session, user.id, user.department, unit.id, plan.rows, source, progress, defer_search)
    # One audit entry per import (not per row): it names the file and every code it added.
    audit.record(
        session,
        user.id,
        "import",
        source,
        "import-dossiers",
        after={"count": len(plan.rows), "codes": [p.code for p in plan.rows]},
    )
    return len(plan.rows)


def import_file(
    session: Session,
    user_id: int,
    path: Path,
    mapping: dict[str, int] | None = None,
    progress: Progress | None = None,
) -> ImportResult:
    """Check then write: nothing is written when any row is rejected."""
    plan = plan_import(session, path, mapping, progress)
    if not plan.ok:
        return ImportResult(0, plan.existing, tuple(plan.rejected))
    n = apply_plan(session, user_id, plan, path.name, progress)
    return ImportResult(n, plan.existing, ())
