"""Importing the monthly BHYT sheet (Excel .xlsx or CSV) sent by the district social-insurance office.

Reading (`bhyt_sheet`) finds the header row under any title rows, recognises the usual Vietnamese
headers with or without diacritics and fills merged cells; here numbers typed as text ("199.467") are
parsed and units matched by GSO code or name. Every row is checked; the import is all or nothing.
Replacing a month keeps the old numbers in `bhyt_history`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Unit
from onestop_desktop.db.models_stats import BhytHistory, BhytTally
from onestop_desktop.domain import plausible
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.text import fold
from onestop_desktop.services import audit
from onestop_desktop.services.bhyt import coverage, tallies
from onestop_desktop.services.bhyt import sheet_messages as words
from onestop_desktop.services.bhyt.sheet import (
    CODE,
    INSURED,
    NAME,
    POPULATION,
    Sheet,
    guess_mapping,
    header_texts,
    is_numbering,
    merged_over_rows,
    read_sheet,
    recognise,
    text_problem,
    whole_number,
)
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require

__all__ = [  # reading and header recognition live in bhyt_sheet; re-exported for one import point
    "CODE",
    "INSURED",
    "NAME",
    "POPULATION",
    "ImportCheck",
    "MonthExists",
    "ParsedRow",
    "RowProblem",
    "Sheet",
    "apply_import",
    "check_sheet",
    "default_cutoff",
    "describe",
    "describe_msg",
    "guess_mapping",
    "header_texts",
    "import_file",
    "month_has_data",
    "read_sheet",
    "recognise",
    "remember_mapping",
    "remembered_mapping",
]

MAPPING_KEY = "bhyt.import.mapping"
_TOTAL_ROW = re.compile(r"^(tong cong|tong so|cong|toan huyen|toan tinh|tong)\b")
_UNIT_PREFIX = re.compile(r"^(xa|thi tran|phuong|tt|p\.|x\.)\s+")


class MonthExists(ServiceError):
    """The month already holds data; the caller must confirm (GUI) or pass --replace (CLI)."""


@dataclass(frozen=True)
class RowProblem:
    line: int  # 1-based row number in the sheet, as Excel shows it
    label: str  # the unit as written in the row
    why: Msg

    @property
    def message(self) -> str:
        """The problem in Vietnamese (command line)."""
        return str(self.why)


@dataclass(frozen=True)
class ParsedRow:
    line: int
    unit_id: int
    unit_code: str
    unit_name: str
    population: int
    insured: int
    groups: dict[str, int]


@dataclass(frozen=True)
class ImportCheck:
    """The outcome of reading a sheet with a mapping: rows to store, or the problems that stop it."""

    header_line: int
    mapping: dict[str, int]  # field -> 0-based column
    rows: tuple[ParsedRow, ...]
    problems: tuple[RowProblem, ...]
    missing_units: tuple[str, ...]  # units of the parent without a row (a warning, not an error)
    skipped: tuple[int, ...] = field(default=())  # total lines and blank lines left out

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.rows)

    def report_msgs(self) -> list[Msg]:
        """Rejected rows (one message each) and warnings, to be worded in either language."""
        lines = [  # a problem of the whole sheet (a missing column: line 0) has no row to name
            msg("bhyt.sheet.row", line=str(p.line), label=p.label, problem=p.why) if p.line else p.why
            for p in self.problems
        ]
        if not self.rows and not self.problems:
            lines.append(msg("bhyt.sheet.no-rows-under-header"))
        if self.missing_units:
            lines.append(msg("bhyt.sheet.missing-units", units=", ".join(self.missing_units)))
        return lines

    def report(self, language: str = "vi") -> str:
        """Report of rejected rows (one line each) and warnings; Vietnamese unless told."""
        return "\n".join(m.text(language) for m in self.report_msgs())


def _unit_key(name: str) -> str:
    return _UNIT_PREFIX.sub("", fold(name)).strip()


def check_sheet(
    session: Session,
    sheet: Sheet,
    header_row: int,
    mapping: Mapping[str, int],
    month: date,
    parent_code: str | None = None,
) -> ImportCheck:
    """Validate every data row under the header; nothing is written."""
    month = coverage.first_of_month(month)
    parent = (
        office.office_unit(session, month)
        if parent_code is None
        else coverage.parent_unit(session, parent_code, month)
    )
    units = coverage.child_units(session, parent, month)
    by_code = {u.code: u for u in units}
    by_name = {_unit_key(u.name): u for u in units}
    group_cols = {k.split(":", 1)[1]: c for k, c in mapping.items() if k.startswith("group:")}
    problems: list[RowProblem] = []
    rows: list[ParsedRow] = []
    skipped: list[int] = []
    seen: dict[int, int] = {}
    if header_row < 0 or (CODE not in mapping and NAME not in mapping):
        problems.append(RowProblem(0, "", msg("bhyt.sheet.no-unit-column")))
    for key in (POPULATION, INSURED):
        if key not in mapping:
            problems.append(RowProblem(0, "", msg("bhyt.sheet.no-column", label=words.column_label(key))))
    if problems:
        return ImportCheck(header_row, dict(mapping), (), tuple(problems), ())

    def get(row: tuple[Any, ...], col: int | None) -> Any:
        return row[col] if col is not None and col < len(row) else None

    start = header_row + 1
    all_groups = [tallies.GroupInfo(k, "") for k in group_cols]
    while start < min(len(sheet.rows), header_row + 3) and (
        is_numbering(sheet.rows[start]) or any(recognise(v, all_groups) for v in sheet.rows[start])
    ):
        start += 1  # a sub-header row (groups under "Trong đó") or the column numbering "(1) (2) ..."
    for r in range(start, len(sheet.rows)):
        row = sheet.rows[r]
        line = r + 1
        code_v, name_v = get(row, mapping.get(CODE)), get(row, mapping.get(NAME))
        label = " ".join(plausible.shown(v) for v in (code_v, name_v) if v is not None)
        if all(v is None for v in row):
            continue
        numbers = [get(row, mapping[POPULATION]), get(row, mapping[INSURED])]
        if code_v is None and name_v is None:
            if all(v is None for v in numbers):
                skipped.append(line)  # notes, signatures, numbering rows
                continue
        if (
            isinstance(name_v, str)
            and _TOTAL_ROW.match(fold(name_v))
            or (isinstance(code_v, str) and _TOTAL_ROW.match(fold(code_v)))
        ):
            skipped.append(line)
            continue
        if all(v is None for v in numbers) and not (isinstance(code_v, str | int) and str(code_v) in by_code):
            skipped.append(line)  # column numbering "(1) (2)" or a note under the table
            continue
        hostile = [m for m in (text_problem(code_v, words.column_label(CODE)),
                               text_problem(name_v, words.column_label(NAME))) if m]  # fmt: skip
        number_cols = [mapping[POPULATION], mapping[INSURED], *group_cols.values()]
        if any(merged_over_rows(sheet, r, c) for c in number_cols):
            hostile.append(msg("bhyt.sheet.merged"))
        if hostile:
            problems.append(RowProblem(line, label, words.all_of(hostile)))
            continue
        try:
            unit = _find_unit(code_v, name_v, by_code, by_name, parent.name)
        except words.SheetRowError as exc:
            problems.append(RowProblem(line, label, exc.msg))
            continue
        if unit.id in seen:
            problems.append(
                RowProblem(line, label, msg("bhyt.sheet.duplicate", unit=unit.name, line=str(seen[unit.id])))
            )
            continue
        seen[unit.id] = line
        try:
            population = whole_number(numbers[0], words.column_label(POPULATION))
            insured = whole_number(numbers[1], words.column_label(INSURED))
            groups: dict[str, int] = {}
            if group_cols and any(get(row, c) is not None for c in group_cols.values()):
                for gcode, c in group_cols.items():
                    v = get(row, c)
                    groups[gcode] = 0 if v is None else whole_number(v, words.column_label(f"group:{gcode}"))
        except words.SheetRowError as exc:
            problems.append(RowProblem(line, label, exc.msg))
            continue
        errors = tallies.check_values(population, insured, groups)
        if errors:
            problems.append(RowProblem(line, label, words.all_of(list(errors.values()))))
            continue
        rows.append(ParsedRow(line, unit.id, unit.code, unit.name, population, insured, groups))
    missing = tuple(u.name for u in units if u.id not in seen)
    return ImportCheck(header_row, dict(mapping), tuple(rows), tuple(problems), missing, tuple(skipped))


def _find_unit(
    code_v: Any, name_v: Any, by_code: dict[str, Unit], by_name: dict[str, Unit], parent_name: str
) -> Unit:
    if code_v is not None:
        code = str(int(code_v)) if isinstance(code_v, float) and code_v.is_integer() else str(code_v).strip()
        unit = by_code.get(code) or by_code.get(code.zfill(5))
        if unit is None:
            raise words.SheetRowError(msg("bhyt.sheet.unknown-code", code=code, parent=parent_name))
        if isinstance(name_v, str) and _unit_key(name_v) != _unit_key(unit.name):
            raise words.SheetRowError(
                msg("bhyt.sheet.code-name-differ", code=code, unit=unit.name, name=name_v)
            )
        return unit
    unit = by_name.get(_unit_key(str(name_v)))
    if unit is None:
        raise words.SheetRowError(msg("bhyt.sheet.unknown-name", name=str(name_v), parent=parent_name))
    return unit


def month_has_data(session: Session, month: date) -> bool:
    return (
        session.scalar(select(BhytTally.id).where(BhytTally.month == coverage.first_of_month(month)).limit(1))
        is not None
    )


def apply_import(
    session: Session,
    actor: Actor,
    check: ImportCheck,
    month: date,
    cutoff: date,
    *,
    source: str,
    replace: bool = False,
) -> int:
    """Store the checked rows (all or nothing); returns the number of units written.

    Raises ValidationFailed when the check found problems, MonthExists when the month has data and
    `replace` is False. Replaced numbers go to bhyt_history (reason "import"). The command line
    signs its user in too: nobody imports anonymously.
    """
    require(session, actor, Role.CLERK, Role.LEADER, what="nhập số liệu BHYT")
    user_id = actor.user_id
    month = coverage.first_of_month(month)
    if not check.ok:
        reported = check.report_msgs()
        raise ValidationFailed({"rows": words.lines_of(reported) if reported else msg("bhyt.sheet.no-rows")})
    existing = {t.unit_id: t for t in session.scalars(select(BhytTally).where(BhytTally.month == month))}
    if existing and not replace:
        raise MonthExists(msg("bhyt.sheet.month-exists", month=coverage.month_label(month), n=len(existing)))
    at = now_local()
    for row in check.rows:
        new = tallies.TallyValues(row.population, row.insured, dict(row.groups))
        t = existing.get(row.unit_id)
        before = None
        if t is None:
            prev = session.scalar(
                select(BhytTally)
                .where(BhytTally.unit_id == row.unit_id, BhytTally.month < month)
                .order_by(BhytTally.month.desc())
                .limit(1)
            )
            same_pop = prev is not None and prev.population == row.population
            t = BhytTally(
                unit_id=row.unit_id,
                month=month,
                population_source=prev.population_source if same_pop and prev else source,
                population_date=prev.population_date if same_pop and prev else cutoff,
            )
            session.add(t)
        else:
            before = tallies.TallyValues(t.population, t.insured, coverage.groups_of(t)).as_dict()
            before["cutoff"] = t.cutoff.isoformat()
            if t.population != row.population:
                t.population_source, t.population_date = source, cutoff
        t.cutoff, t.population, t.insured, t.groups = cutoff, row.population, row.insured, dict(row.groups)
        t.updated_by, t.updated_at = user_id, at
        after = {**new.as_dict(), "cutoff": cutoff.isoformat()}
        session.add(
            BhytHistory(
                unit_id=row.unit_id,
                month=month,
                at=at,
                user_id=user_id,
                reason="import",
                before=before,
                after=after,
            )
        )
    session.flush()
    audit.record(
        session,
        user_id,
        "bhyt_month",
        month.isoformat(),
        "replace" if existing else "import",
        before={"units": len(existing)} if existing else None,
        after={"units": len(check.rows), "cutoff": cutoff.isoformat()},
        note=source if actor is not None else f"{source} (dòng lệnh)",
    )
    return len(check.rows)


def remembered_mapping(session: Session) -> dict[str, str]:
    """field -> header text chosen at the last import (empty the first time)."""
    raw = office.get_setting(session, MAPPING_KEY)
    try:
        data = json.loads(raw) if raw else {}
    except json.JSONDecodeError:
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def remember_mapping(session: Session, texts: Mapping[str, str]) -> None:
    office.put_setting(session, MAPPING_KEY, json.dumps(dict(texts), ensure_ascii=False))


def import_file(
    session: Session,
    actor: Actor,
    path: str | Path,
    month: date,
    cutoff: date | None = None,
    *,
    replace: bool = False,
) -> tuple[ImportCheck, int]:
    """Read, check and (when every row is good) store a sheet; (check, units written or 0)."""
    sheet = read_sheet(path)
    groups = tallies.list_groups(session)
    header, mapping = guess_mapping(sheet, groups, remembered_mapping(session))
    check = check_sheet(session, sheet, header, mapping, month)
    if not check.ok:
        return check, 0
    month = coverage.first_of_month(month)
    n = apply_import(
        session, actor, check, month, cutoff or default_cutoff(month), source=Path(path).name, replace=replace
    )
    remember_mapping(session, header_texts(sheet, header, mapping))
    return check, n


def default_cutoff(month: date) -> date:
    """The district social-insurance office closes its monthly figures around the 24th."""
    return month.replace(day=24)


def describe_msg(check: ImportCheck) -> Msg:
    """The rows to import in one phrase: units, population, insured and the rate."""
    total_pop = sum(r.population for r in check.rows)
    total_ins = sum(r.insured for r in check.rows)
    return words.summary(len(check.rows), total_pop, total_ins, coverage.rate(total_ins, total_pop))


def describe(check: ImportCheck) -> str:
    """ "15 đơn vị, dân số 240.986, tham gia BHYT 200.067 (83,02 %)" (command line)."""
    return str(describe_msg(check))
