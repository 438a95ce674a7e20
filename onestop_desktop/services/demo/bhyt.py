"""Demo BHYT data: groups, 2018 targets and the September and October 2018 tallies of Xuân Lộc."""

from __future__ import annotations

import json
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Unit
from onestop_desktop.db.models_stats import BhytGroup, BhytTally, BhytTarget
from onestop_desktop.paths import resource_path

DEMO_FILE = "demo/bhyt_2018.json"


def _load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(resource_path(DEMO_FILE).read_text(encoding="utf-8"))
    return data


def build_demo_step(session: Session) -> None:
    """Add what is missing of the demo BHYT data; running it twice changes nothing."""
    data = _load()
    # the units of the data's year (2025 communes reuse some 2018 codes)
    on = date.fromisoformat(data["population_source_date"])
    units = {u.code: u for u in session.scalars(select(Unit).where(Unit.valid_on(on)))}
    district = units.get(data["district"])
    if district is None:  # the unit tree is not there: nothing to attach the tallies to
        return
    known_groups = set(session.scalars(select(BhytGroup.code)))
    for position, g in enumerate(data["groups"], start=1):
        if g["code"] not in known_groups:
            session.add(
                BhytGroup(
                    code=g["code"],
                    name=g["name"],
                    position=position,
                    valid_from=date(2015, 1, 1),
                    valid_to=None,
                )
            )
    year = int(data["year"])
    have_targets = {uid for uid in session.scalars(select(BhytTarget.unit_id).where(BhytTarget.year == year))}
    wanted = {data["district"]: data["targets"]["district"], **data["targets"]["units"]}
    for code, target in wanted.items():
        unit = units[code]
        if unit.id not in have_targets:
            session.add(BhytTarget(unit_id=unit.id, year=year, rate=float(target)))
    pop_date = date.fromisoformat(data["population_source_date"])
    for snap in data["snapshots"]:
        cutoff = date.fromisoformat(snap["date"])
        month = cutoff.replace(day=1)
        have = set(session.scalars(select(BhytTally.unit_id).where(BhytTally.month == month)))
        for row in snap["units"]:
            unit = units[row["unit"]]
            if unit.id in have:
                continue
            session.add(
                BhytTally(
                    unit_id=unit.id,
                    month=month,
                    cutoff=cutoff,
                    population=int(row["population"]),
                    population_source="Niên giám thống kê huyện (số liệu giả lập)",
                    population_date=pop_date,
                    insured=int(row["insured"]),
                    groups={k: int(v) for k, v in row["groups"].items()},
                    updated_by=None,
                    updated_at=datetime.combine(cutoff, datetime.min.time()).replace(hour=17),
                )
            )
    session.flush()
