"""Demo BHYT data of the office of today: xã Xuân Lộc's hamlets, their targets and monthly tallies.

The commune tracks its health-insurance tallies by hamlet (ấp, khu phố). The hamlets, their populations
and the participant groups' shares come from `resources/demo/hamlets_xuan_loc.json` (simulated); every
monthly figure is computed from the file's seed and the cut-off day: coverage climbs from a hamlet's
rate on 1/7/2025 toward its own end rate (`rate_on`), so the insured rise a little month on month.
One tally per month from 07/2025 to the month of `today`, cut off on the 25th, the current one on
`today`. Running it again adds nothing; the 2018 district's data are not touched.
"""

from __future__ import annotations

import json
import math
import random
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local, today_local
from onestop_desktop.db.models import Unit
from onestop_desktop.db.models_stats import BhytTally, BhytTarget
from onestop_desktop.paths import resource_path
from onestop_desktop.services.bhyt.tallies import list_groups
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.catalogue.units import unit_by_code

DATA_FILE = "demo/hamlets_xuan_loc.json"
START = date(2025, 7, 1)  # xã Xuân Lộc is formed (NQ 1662/NQ-UBTVQH15, Điều 2)


def load_data() -> dict[str, Any]:
    """The bundled hamlet file."""
    data: dict[str, Any] = json.loads(resource_path(DATA_FILE).read_text(encoding="utf-8"))
    return data


@dataclass(frozen=True)
class HamletCurve:
    """How one hamlet's coverage moves: `start` on 1/7/2025 toward `end`, `tau` days to close 63 %."""

    code: str
    population: int
    start: float
    end: float
    tau: float
    offset: float  # its targets: the commune's target of the year plus this


def curves(data: dict[str, Any]) -> list[HamletCurve]:
    """Each hamlet's curve, drawn from the seed and its code alone (adding a hamlet moves no other)."""
    out: list[HamletCurve] = []
    last_target = max(float(v) for v in data["targets"].values())
    for h in data["hamlets"]:
        rng = random.Random(f"{data['seed']}:{h['code']}")
        start = round(rng.uniform(87.5, 93.5), 2)
        offset = rng.choice((-1.0, -0.5, 0.0, 0.0, 0.5, 1.0))
        end = min(99.0, max(start + 1.5, last_target + offset + rng.uniform(-1.2, 2.6)))
        out.append(HamletCurve(h["code"], int(h["population"]), start, end, rng.uniform(280, 440), offset))
    return out


def rate_on(curve: HamletCurve, day: date) -> float:
    """Coverage (percent) of the hamlet on `day`: rising, ever more slowly, toward its end rate."""
    days = max(0, (day - START).days)
    return curve.end - (curve.end - curve.start) * math.exp(-days / curve.tau)


def split(total: int, shares: dict[str, float]) -> dict[str, int]:
    """`total` people over the groups in proportion to `shares`, summing exactly (largest remainder)."""
    weight = sum(shares.values())
    if total <= 0 or weight <= 0:
        return {code: 0 for code in shares}
    exact = {code: total * s / weight for code, s in shares.items()}
    counts = {code: math.floor(x) for code, x in exact.items()}
    by_remainder = sorted(shares, key=lambda c: (-(exact[c] - counts[c]), c))
    for code in by_remainder[: total - sum(counts.values())]:
        counts[code] += 1
    return counts


def hamlet_shares(data: dict[str, Any], code: str, groups: list[str]) -> dict[str, float]:
    """The hamlet's own split of the insured at the start (the commune's shares, a little varied)."""
    rng = random.Random(f"{data['seed']}:{code}:groups")
    base = data["group_shares"]
    return {g: float(base.get(g, 0.0)) * rng.uniform(0.85, 1.15) for g in groups}


def tally_of(
    data: dict[str, Any], curve: HamletCurve, day: date, groups: list[str]
) -> tuple[int, dict[str, int]]:
    """(insured, insured per group) of the hamlet on the cut-off `day`.

    The insured of 1/7/2025 split by the hamlet's shares; those who joined since mostly by household
    or with the budget's support (`growth_shares`): the groups always add up to the insured.
    """
    insured = round(curve.population * rate_on(curve, day) / 100)
    at_start = min(insured, round(curve.population * curve.start / 100))
    base = split(at_start, hamlet_shares(data, curve.code, groups))
    grown = split(insured - at_start, {g: float(data["growth_shares"].get(g, 0.0)) for g in groups})
    return insured, {g: base[g] + grown[g] for g in groups}


def months_until(today: date) -> list[date]:
    """First days of the months from 07/2025 to the month of `today`."""
    out, m = [], START
    while m <= today:
        out.append(m)
        m = date(m.year + (m.month == 12), m.month % 12 + 1, 1)
    return out


def cutoff_of(month: date, today: date, day: int) -> date:
    """The month's cut-off: the `day`-th (the social insurance office's sheet), `today` in its month."""
    if (month.year, month.month) == (today.year, today.month):
        return today
    return month.replace(day=day)


def stamp(day: date, today: date) -> datetime:
    """When the tally was entered: the cut-off's afternoon, never after the demo's present minute."""
    at = datetime.combine(day, time(16, 30))
    if day < today:
        return at
    now = now_local() if today == today_local() else datetime.combine(today, time(10, 30))
    return min(at, now)


def ensure_hamlets(session: Session, data: dict[str, Any]) -> list[Unit]:
    """The hamlet units under the commune (level "hamlet", from the file's day on), in code order."""
    rows = [
        {
            "code": h["code"],
            "name": h["name"],
            "level": data["level"],
            "parent": data["commune"],
            "valid_from": data["valid_from"],
            "valid_to": None,
            "office_code": None,
        }
        for h in data["hamlets"]
    ]
    catalogue.load_units(session, rows)
    start = date.fromisoformat(data["valid_from"])
    units = [unit_by_code(session, h["code"], start) for h in data["hamlets"]]
    return [u for u in units if u is not None]


def build_bhyt_today(session: Session, today: date) -> int:
    """Add the hamlets, their targets and the missing tallies up to `today`; returns tallies added."""
    if today < START:
        return 0
    data = load_data()
    commune = unit_by_code(session, data["commune"], START)
    if commune is None:  # the 2025 unit list is not there: nothing to attach the hamlets to
        return 0
    hamlets = {u.code: u for u in ensure_hamlets(session, data)}
    groups = [g.code for g in list_groups(session, today)] or list(data["group_shares"])
    plans = curves(data)
    _targets(session, data, commune, hamlets, plans)
    source, pop_date = data["population_source"], date.fromisoformat(data["population_date"])
    ids = [u.id for u in hamlets.values()]
    stmt = select(BhytTally.unit_id, BhytTally.month).where(BhytTally.unit_id.in_(ids))
    have = {(unit_id, month) for unit_id, month in session.execute(stmt)}
    added = 0
    for month in months_until(today):
        cutoff = cutoff_of(month, today, int(data["first_cutoff_day"]))
        for curve in plans:
            unit = hamlets[curve.code]
            if (unit.id, month) in have:
                continue
            insured, by_group = tally_of(data, curve, cutoff, groups)
            session.add(
                BhytTally(
                    unit_id=unit.id,
                    month=month,
                    cutoff=cutoff,
                    population=curve.population,
                    population_source=source,
                    population_date=pop_date,
                    insured=insured,
                    groups=by_group,
                    updated_by=None,
                    updated_at=stamp(cutoff, today),
                )
            )
            added += 1
    session.flush()
    return added


def _targets(
    session: Session,
    data: dict[str, Any],
    commune: Unit,
    hamlets: dict[str, Unit],
    plans: list[HamletCurve],
) -> None:
    """The commune's target for each year of the file (set ahead, as assigned), and each hamlet's."""
    ids = [commune.id, *(u.id for u in hamlets.values())]
    stmt = select(BhytTarget.unit_id, BhytTarget.year).where(BhytTarget.unit_id.in_(ids))
    have = {(unit_id, year) for unit_id, year in session.execute(stmt)}
    for year_text, rate in sorted(data["targets"].items()):
        year = int(year_text)
        wanted = [(commune.id, float(rate))]
        wanted += [(hamlets[c.code].id, min(99.0, float(rate) + c.offset)) for c in plans]
        for unit_id, target in wanted:
            if (unit_id, year) not in have:
                session.add(BhytTarget(unit_id=unit_id, year=year, rate=target))
    session.flush()
