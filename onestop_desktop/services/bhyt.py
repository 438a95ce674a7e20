"""BHYT (health insurance) coverage per unit and month, against each unit's target for the year.

Only counts are stored (population, insured, insured per participant group); coverage, gaps, changes,
ranks and the parent's totals are computed on every read. Edits are validated here, kept in
`bhyt_history` and in the audit log, and the last edit of a user can be undone.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from fractions import Fraction
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Unit
from onestop_desktop.db.models_stats import BhytGroup, BhytHistory, BhytTally, BhytTarget
from onestop_desktop.domain.fmt import fmt_int, fmt_pct
from onestop_desktop.services import audit, office
from onestop_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require

__all__ = [
    "GroupInfo",
    "MonthCoverage",
    "PopulationSource",
    "TallyValues",
    "UnitCoverage",
    "available_months",
    "check_values",
    "coverage_trend",
    "edit_tally",
    "list_groups",
    "month_coverage",
    "month_label",
    "population_sources",
    "set_target",
    "undo_last_edit",
]


@dataclass(frozen=True)
class UnitCoverage:
    unit_id: int
    code: str
    name: str
    population: int
    insured: int
    coverage: float  # percent, unrounded (insured / population * 100)
    target: float | None  # the unit's target for the year, percent
    gap_people: int | None  # people still needed to reach the target (0 if reached)
    gap_points: float | None  # target - coverage, points
    change_points: float | None  # coverage minus last month's coverage
    rank: int  # 1 = highest coverage
    groups: dict[str, int]


@dataclass(frozen=True)
class MonthCoverage:
    month: date  # first day of the month
    cutoff: date | None  # data as of (e.g. 2018-10-24)
    parent_code: str
    parent_name: str
    population: int
    insured: int
    coverage: float
    target: float | None
    previous_coverage: float | None
    units: tuple[UnitCoverage, ...]  # sorted by coverage descending


@dataclass(frozen=True)
class GroupInfo:
    code: str
    name: str


@dataclass(frozen=True)
class TallyValues:
    """The stored counts of one unit for one month."""

    population: int
    insured: int
    groups: dict[str, int]

    def as_dict(self) -> dict[str, Any]:
        return {"population": self.population, "insured": self.insured, "groups": dict(self.groups)}


def first_of_month(d: date) -> date:
    return d.replace(day=1)


def previous_month(d: date) -> date:
    return date(d.year - 1, 12, 1) if d.month == 1 else date(d.year, d.month - 1, 1)


def month_label(d: date) -> str:
    """10/2018."""
    return f"{d.month:02d}/{d.year}"


def rate(insured: int, population: int) -> float:
    return insured / population * 100 if population > 0 else 0.0


def people_needed(target: float, population: int, insured: int) -> int:
    """People still to insure so that coverage reaches `target` percent (exact arithmetic, rounded up)."""
    needed = math.ceil(Fraction(str(target)) * population / 100)
    return max(0, needed - insured)


def _month_end(month: date) -> date:
    nxt = date(month.year + 1, 1, 1) if month.month == 12 else date(month.year, month.month + 1, 1)
    return date.fromordinal(nxt.toordinal() - 1)


def parent_unit(session: Session, parent_code: str | None) -> Unit:
    if parent_code is None:
        return office.office_unit(session)
    unit = session.scalar(select(Unit).where(Unit.code == parent_code))
    if unit is None:
        raise NotFound(f"Không có đơn vị mã {parent_code}.")
    return unit


def child_units(session: Session, parent: Unit, month: date) -> list[Unit]:
    """Units directly under `parent` that existed during `month`, by code."""
    stmt = (
        select(Unit)
        .where(Unit.parent_id == parent.id, Unit.valid_from <= _month_end(month))
        .where(or_(Unit.valid_to.is_(None), Unit.valid_to >= month))
        .order_by(Unit.code)
    )
    return list(session.scalars(stmt))


def _tallies(session: Session, unit_ids: list[int], month: date) -> dict[int, BhytTally]:
    if not unit_ids:
        return {}
    stmt = select(BhytTally).where(BhytTally.month == month, BhytTally.unit_id.in_(unit_ids))
    return {t.unit_id: t for t in session.scalars(stmt)}


def _targets(session: Session, unit_ids: list[int], year: int) -> dict[int, float]:
    if not unit_ids:
        return {}
    stmt = select(BhytTarget).where(BhytTarget.year == year, BhytTarget.unit_id.in_(unit_ids))
    return {t.unit_id: t.rate for t in session.scalars(stmt)}


def groups_of(t: BhytTally) -> dict[str, int]:
    return {str(k): int(v) for k, v in (t.groups or {}).items()}


def month_coverage(session: Session, month: date, parent_code: str | None = None) -> MonthCoverage:
    """Coverage of every unit under the parent (the office's unit by default) for one month.

    A month without data gives population 0, coverage 0.0, cutoff None and no units.
    """
    month = first_of_month(month)
    parent = parent_unit(session, parent_code)
    units = child_units(session, parent, month)
    ids = [u.id for u in units]
    now = _tallies(session, ids, month)
    before = _tallies(session, ids, previous_month(month))
    targets = _targets(session, [*ids, parent.id], month.year)
    rows: list[UnitCoverage] = []
    for u in units:
        t = now.get(u.id)
        if t is None:
            continue
        cov = rate(t.insured, t.population)
        target = targets.get(u.id)
        prev = before.get(u.id)
        rows.append(
            UnitCoverage(
                unit_id=u.id,
                code=u.code,
                name=u.name,
                population=t.population,
                insured=t.insured,
                coverage=cov,
                target=target,
                gap_people=people_needed(target, t.population, t.insured) if target is not None else None,
                gap_points=target - cov if target is not None else None,
                change_points=cov - rate(prev.insured, prev.population) if prev is not None else None,
                rank=0,
                groups=groups_of(t),
            )
        )
    rows.sort(key=lambda r: (-r.coverage, r.code))
    ranked: list[UnitCoverage] = []
    for i, r in enumerate(rows):
        rank = ranked[-1].rank if ranked and ranked[-1].coverage == r.coverage else i + 1
        ranked.append(UnitCoverage(**{**r.__dict__, "rank": rank}))
    population = sum(r.population for r in rows)
    insured = sum(r.insured for r in rows)
    prev_rows = [before[u] for u in ids if u in before]
    previous = (
        rate(sum(p.insured for p in prev_rows), sum(p.population for p in prev_rows)) if prev_rows else None
    )
    cutoffs = [now[u].cutoff for u in ids if u in now]
    return MonthCoverage(
        month=month,
        cutoff=max(cutoffs) if cutoffs else None,
        parent_code=parent.code,
        parent_name=parent.name,
        population=population,
        insured=insured,
        coverage=rate(insured, population),
        target=targets.get(parent.id),
        previous_coverage=previous,
        units=tuple(ranked),
    )


def available_months(session: Session) -> list[date]:
    """Months that hold BHYT data, oldest first."""
    return list(session.scalars(select(BhytTally.month).distinct().order_by(BhytTally.month)))


def coverage_trend(
    session: Session, unit_code: str | None, months: int = 12, until: date | None = None
) -> list[tuple[date, float]]:
    """(month, coverage) for the months with data in the `months` months ending at `until`.

    `unit_code` None means the parent total (the office's unit); a parent unit's coverage is the sum of
    its children's counts. `until` defaults to the latest month with data.
    """
    unit = parent_unit(session, unit_code)
    last = first_of_month(until) if until is not None else None
    if last is None:
        all_months = available_months(session)
        if not all_months:
            return []
        last = all_months[-1]
    first = last
    for _ in range(months - 1):
        first = previous_month(first)
    own = list(
        session.scalars(
            select(BhytTally)
            .where(BhytTally.unit_id == unit.id, BhytTally.month >= first, BhytTally.month <= last)
            .order_by(BhytTally.month)
        )
    )
    if own:
        return [(t.month, rate(t.insured, t.population)) for t in own]
    stmt = (
        select(BhytTally)
        .join(Unit, Unit.id == BhytTally.unit_id)
        .where(Unit.parent_id == unit.id, BhytTally.month >= first, BhytTally.month <= last)
    )
    sums: dict[date, list[int]] = {}
    for t in session.scalars(stmt):
        pair = sums.setdefault(t.month, [0, 0])
        pair[0] += t.insured
        pair[1] += t.population
    return [(m, rate(i, p)) for m, (i, p) in sorted(sums.items())]


@dataclass(frozen=True)
class PopulationSource:
    source: str
    as_of: date | None


def population_sources(session: Session, month: date) -> dict[int, PopulationSource]:
    """unit id -> where the month's population figure comes from and its date (the denominator)."""
    stmt = select(BhytTally).where(BhytTally.month == first_of_month(month))
    return {
        t.unit_id: PopulationSource(t.population_source, t.population_date) for t in session.scalars(stmt)
    }


def list_groups(session: Session, on: date | None = None) -> list[GroupInfo]:
    """Participant groups in force on `on` (all of them when None), in their order."""
    stmt = select(BhytGroup).order_by(BhytGroup.position, BhytGroup.code)
    if on is not None:
        stmt = stmt.where(BhytGroup.valid_from <= on).where(
            or_(BhytGroup.valid_to.is_(None), BhytGroup.valid_to >= on)
        )
    return [GroupInfo(g.code, g.name) for g in session.scalars(stmt)]


def check_values(population: Any, insured: Any, groups: Mapping[str, Any]) -> dict[str, str]:
    """Messages (field -> Vietnamese sentence) for counts that cannot be stored; empty when fine."""
    errors: dict[str, str] = {}
    ints: dict[str, int] = {}
    for field, label, value in (
        ("population", "Dân số", population),
        ("insured", "Số người tham gia BHYT", insured),
        *((f"group:{k}", f"Số người nhóm {k}", v) for k, v in groups.items()),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            errors[field] = f"{label} phải là số nguyên."
        elif value < 0:
            errors[field] = f"{label} không được là số âm ({fmt_int(value)})."
        else:
            ints[field] = value
    if "population" in ints and "insured" in ints and ints["insured"] > ints["population"]:
        errors["insured"] = (
            f"Số người tham gia BHYT ({fmt_int(ints['insured'])}) không được lớn hơn "
            f"dân số ({fmt_int(ints['population'])})."
        )
    if groups and "insured" in ints and not any(k.startswith("group:") for k in errors):
        total = sum(int(v) for v in groups.values())
        if total != ints["insured"]:
            errors["groups"] = (
                f"Tổng số người theo các nhóm ({fmt_int(total)}) phải bằng số người tham gia BHYT "
                f"({fmt_int(ints['insured'])})."
            )
    return errors


def _tally(session: Session, unit_id: int, month: date) -> BhytTally:
    t = session.scalar(select(BhytTally).where(BhytTally.unit_id == unit_id, BhytTally.month == month))
    if t is None:
        raise NotFound(f"Chưa có số liệu BHYT tháng {month_label(month)} của đơn vị này.")
    return t


def _values(t: BhytTally) -> TallyValues:
    return TallyValues(t.population, t.insured, groups_of(t))


def _store(session: Session, actor: Actor, t: BhytTally, new: TallyValues, reason: str) -> None:
    old = _values(t)
    t.population, t.insured, t.groups = new.population, new.insured, dict(new.groups)
    t.updated_by, t.updated_at = actor.user_id, now_local()
    session.add(
        BhytHistory(
            unit_id=t.unit_id,
            month=t.month,
            at=t.updated_at,
            user_id=actor.user_id,
            reason=reason,
            before=old.as_dict(),
            after=new.as_dict(),
        )
    )
    session.flush()
    audit.record(
        session,
        actor.user_id,
        "bhyt_tally",
        f"{t.unit_id}/{t.month.isoformat()}",
        reason.split(":")[0],
        before=old.as_dict(),
        after=new.as_dict(),
    )


def edit_tally(
    session: Session,
    actor: Actor,
    unit_id: int,
    month: date,
    *,
    population: int | None = None,
    insured: int | None = None,
    groups: Mapping[str, int] | None = None,
) -> TallyValues:
    """Change the counts of one unit for one month; the fields not given keep their value.

    Raises ValidationFailed (Vietnamese messages) when insured > population, a count is negative or
    the groups do not add up to the insured total; nothing is changed then.
    """
    require(actor, Role.CLERK, Role.LEADER, what="sửa số liệu BHYT")
    t = _tally(session, unit_id, first_of_month(month))
    old = _values(t)
    new = TallyValues(
        old.population if population is None else population,
        old.insured if insured is None else insured,
        old.groups if groups is None else {str(k): v for k, v in groups.items()},
    )
    errors = check_values(new.population, new.insured, new.groups)
    if errors:
        raise ValidationFailed(errors)
    if new != old:
        _store(session, actor, t, new, "edit")
    return new


def _last_undoable(session: Session, actor: Actor) -> BhytHistory | None:
    undone = {
        int(r.split(":", 1)[1])
        for r in session.scalars(
            select(BhytHistory.reason).where(
                BhytHistory.user_id == actor.user_id, BhytHistory.reason.like("undo:%")
            )
        )
    }
    stmt = (
        select(BhytHistory)
        .where(BhytHistory.user_id == actor.user_id, BhytHistory.reason == "edit")
        .order_by(BhytHistory.id.desc())
    )
    return next((h for h in session.scalars(stmt) if h.id not in undone), None)


def undo_last_edit(session: Session, actor: Actor) -> str | None:
    """Put back the values before this user's last edit not undone yet; returns what was restored
    ("Xã Xuân Bắc, tháng 10/2018"), or None when there is nothing to undo.

    Refused when the numbers were changed again since (by someone else or by an import).
    """
    last = _last_undoable(session, actor)
    if last is None or last.before is None or last.after is None:
        return None
    t = _tally(session, last.unit_id, last.month)
    if _values(t).as_dict() != last.after:
        raise ServiceError(
            "Không hoàn tác được: số liệu của đơn vị này đã được sửa hoặc nhập lại sau lần sửa của bạn."
        )
    b = last.before
    _store(
        session,
        actor,
        t,
        TallyValues(int(b["population"]), int(b["insured"]), dict(b["groups"])),
        f"undo:{last.id}",
    )
    unit = session.get(Unit, last.unit_id)
    return f"{unit.name if unit else last.unit_id}, tháng {month_label(last.month)}"


def undo_description(session: Session, actor: Actor) -> str | None:
    """What undo would put back, in words ("Xã Xuân Bắc, tháng 10/2018"), or None."""
    last = _last_undoable(session, actor)
    if last is None:
        return None
    unit = session.get(Unit, last.unit_id)
    return f"{unit.name if unit else last.unit_id}, tháng {month_label(last.month)}"


def set_target(session: Session, actor: Actor, unit_code: str, year: int, target: float) -> None:
    """Set a unit's target coverage (percent) for a year; leaders and administrators only."""
    require(actor, Role.LEADER, what="đặt chỉ tiêu BHYT")
    if not 0 < target <= 100:
        raise ValidationFailed(
            {"target": f"Chỉ tiêu phải lớn hơn 0 % và không quá 100 % ({fmt_pct(target)})."}
        )
    unit = parent_unit(session, unit_code)
    row = session.scalar(select(BhytTarget).where(BhytTarget.unit_id == unit.id, BhytTarget.year == year))
    before = {"rate": row.rate} if row is not None else None
    if row is None:
        session.add(BhytTarget(unit_id=unit.id, year=year, rate=float(target)))
    else:
        row.rate = float(target)
    session.flush()
    audit.record(
        session, actor.user_id, "bhyt_target", f"{unit.code}/{year}", "set", before, {"rate": float(target)}
    )
