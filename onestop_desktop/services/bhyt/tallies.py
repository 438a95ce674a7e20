"""Editing the monthly BHYT tallies and the yearly targets: checked values, history, undo."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.models import Unit
from onestop_desktop.db.models_stats import BhytGroup, BhytHistory, BhytTally, BhytTarget
from onestop_desktop.domain.messages import Msg, Num, define, msg
from onestop_desktop.services import audit
from onestop_desktop.services.bhyt.coverage import first_of_month, groups_of, month_label, parent_unit
from onestop_desktop.services.errors import NotFound, ServiceError, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, require

define("bhyt.population", "Dân số", "The population")
define("bhyt.insured", "Số người tham gia BHYT", "The number of people insured")
define("bhyt.group", "Số người nhóm {code}", "The number of people in group {code}")
define("bhyt.not-integer", "{label} phải là số nguyên.", "{label} must be a whole number.")
define("bhyt.negative", "{label} không được là số âm ({value}).", "{label} cannot be negative ({value}).")
define(
    "bhyt.insured-over-population",
    "Số người tham gia BHYT ({insured}) không được lớn hơn dân số ({population}).",
    "The number of people insured ({insured}) cannot be larger than the population ({population}).",
)
define(
    "bhyt.groups-sum",
    "Tổng số người theo các nhóm ({total}) phải bằng số người tham gia BHYT ({insured}).",
    "The groups add up to {total} people; they must equal the number of people insured ({insured}).",
)
define(
    "bhyt.no-tally",
    "Chưa có số liệu BHYT tháng {month} của đơn vị này.",
    "There are no BHYT figures for month {month} for this unit yet.",
)
define(
    "bhyt.undo-changed-since",
    "Không hoàn tác được: số liệu của đơn vị này đã được sửa hoặc nhập lại sau lần sửa của bạn.",
    "Cannot undo: this unit's figures were edited or imported again after your edit.",
)
# A count typed in the grid that is no number: the Vietnamese is the parser's own sentence.
define("bhyt.bad-number", "{reason}", "{reason}")
define("bhyt.unit-month", "{unit}, tháng {month}", "{unit}, month {month}")
define(
    "bhyt.target-range",
    "Chỉ tiêu phải lớn hơn 0 % và không quá 100 % ({target}).",
    "The target must be above 0% and at most 100% ({target}).",
)


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


def list_groups(session: Session, on: date | None = None) -> list[GroupInfo]:
    """Participant groups in force on `on` (all of them when None), in their order."""
    stmt = select(BhytGroup).order_by(BhytGroup.position, BhytGroup.code)
    if on is not None:
        stmt = stmt.where(BhytGroup.valid_from <= on).where(
            or_(BhytGroup.valid_to.is_(None), BhytGroup.valid_to >= on)
        )
    return [GroupInfo(g.code, g.name) for g in session.scalars(stmt)]


def check_values(population: Any, insured: Any, groups: Mapping[str, Any]) -> dict[str, Msg]:
    """Messages (field -> message id; `str()` is Vietnamese) for counts that cannot be stored; empty
    when fine."""
    errors: dict[str, Msg] = {}
    ints: dict[str, int] = {}
    for field, label, value in (
        ("population", msg("bhyt.population"), population),
        ("insured", msg("bhyt.insured"), insured),
        *((f"group:{k}", msg("bhyt.group", code=str(k)), v) for k, v in groups.items()),
    ):
        if isinstance(value, bool) or not isinstance(value, int):
            errors[field] = msg("bhyt.not-integer", label=label)
        elif value < 0:
            errors[field] = msg("bhyt.negative", label=label, value=Num(value))
        else:
            ints[field] = value
    if "population" in ints and "insured" in ints and ints["insured"] > ints["population"]:
        errors["insured"] = msg(
            "bhyt.insured-over-population", insured=Num(ints["insured"]), population=Num(ints["population"])
        )
    if groups and "insured" in ints and not any(k.startswith("group:") for k in errors):
        total = sum(int(v) for v in groups.values())
        if total != ints["insured"]:
            errors["groups"] = msg("bhyt.groups-sum", total=Num(total), insured=Num(ints["insured"]))
    return errors


def _tally(session: Session, unit_id: int, month: date) -> BhytTally:
    t = session.scalar(select(BhytTally).where(BhytTally.unit_id == unit_id, BhytTally.month == month))
    if t is None:
        raise NotFound(msg("bhyt.no-tally", month=month_label(month)))
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

    Raises ValidationFailed (message ids) when insured > population, a count is negative or
    the groups do not add up to the insured total; nothing is changed then.
    """
    require(session, actor, Role.CLERK, Role.LEADER, what="sửa số liệu BHYT")
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


def _unit_month(session: Session, last: BhytHistory) -> Msg:
    unit = session.get(Unit, last.unit_id)
    return msg(
        "bhyt.unit-month", unit=unit.name if unit else str(last.unit_id), month=month_label(last.month)
    )


def undo_last_edit(session: Session, actor: Actor) -> Msg | None:
    """Put back the values before this user's last edit not undone yet; returns what was restored
    ("Xã Xuân Bắc, tháng 10/2018"), or None when there is nothing to undo.

    Refused when the numbers were changed again since (by someone else or by an import).
    """
    require(session, actor, Role.CLERK, Role.LEADER, what="sửa số liệu BHYT")
    last = _last_undoable(session, actor)
    if last is None or last.before is None or last.after is None:
        return None
    t = _tally(session, last.unit_id, last.month)
    if _values(t).as_dict() != last.after:
        raise ServiceError(msg("bhyt.undo-changed-since"))
    b = last.before
    _store(
        session,
        actor,
        t,
        TallyValues(int(b["population"]), int(b["insured"]), dict(b["groups"])),
        f"undo:{last.id}",
    )
    return _unit_month(session, last)


def undo_description(session: Session, actor: Actor) -> Msg | None:
    """What undo would put back, in words ("Xã Xuân Bắc, tháng 10/2018"), or None."""
    last = _last_undoable(session, actor)
    if last is None:
        return None
    return _unit_month(session, last)


def set_target(session: Session, actor: Actor, unit_code: str, year: int, target: float) -> None:
    """Set a unit's target coverage (percent) for a year; leaders and administrators only."""
    require(session, actor, Role.LEADER, what="đặt chỉ tiêu BHYT")
    if not 0 < target <= 100:
        raise ValidationFailed({"target": msg("bhyt.target-range", target=Num(target, 2, percent=True))})
    unit = parent_unit(session, unit_code, date(year, 12, 31))  # codes are reused: the unit of that year
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
