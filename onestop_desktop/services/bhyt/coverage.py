"""BHYT (health insurance) coverage per unit and month, against each unit's target for the year.

Only counts are stored (population, insured, insured per participant group); coverage, gaps, changes,
ranks and the parent's totals are computed on every read. Edits are validated here, kept in
`bhyt_history` and in the audit log, and the last edit of a user can be undone.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Unit
from onestop_desktop.db.models_stats import BhytTally, BhytTarget
from onestop_desktop.domain.messages import define, msg
from onestop_desktop.services.catalogue import office
from onestop_desktop.services.catalogue.units import unit_by_code
from onestop_desktop.services.errors import NotFound

define("bhyt.no-unit", "Không có đơn vị mã {code}.", "There is no unit with the code {code}.")


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
    parent_id: int = 0

    def total_row(self) -> UnitCoverage | None:
        """The parent's own row (the district's, the commune's): its units' counts summed; None without
        units. Rank 0: the total is not ranked among its units."""
        if not self.units:
            return None
        groups: dict[str, int] = {}
        for u in self.units:
            for code, n in u.groups.items():
                groups[code] = groups.get(code, 0) + n
        target = self.target
        return UnitCoverage(
            unit_id=self.parent_id,
            code=self.parent_code,
            name=self.parent_name,
            population=self.population,
            insured=self.insured,
            coverage=self.coverage,
            target=target,
            gap_people=people_needed(target, self.population, self.insured) if target is not None else None,
            gap_points=target - self.coverage if target is not None else None,
            change_points=self.coverage - self.previous_coverage
            if self.previous_coverage is not None
            else None,
            rank=0,
            groups=groups,
        )


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


def parent_unit(session: Session, parent_code: str | None, on: date | None = None) -> Unit:
    """The unit with this code on `on` (codes are reused since 1/7/2025); the office's unit for None."""
    if parent_code is None:
        return office.office_unit(session, on)  # the office's unit in that month (the 2018 district)
    unit = unit_by_code(session, parent_code, on, fallback=True)
    if unit is None:
        raise NotFound(msg("bhyt.no-unit", code=parent_code))
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
    parent = parent_unit(session, parent_code, month)
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
        parent_id=parent.id,
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
    last = first_of_month(until) if until is not None else None
    if last is None:
        all_months = available_months(session)
        if not all_months:
            return []
        last = all_months[-1]
    unit = parent_unit(session, unit_code, last)
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
