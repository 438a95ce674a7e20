"""Derived BHYT figures over the demo months, edits with validation, history, audit and undo; targets."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models_stats import AuditEntry, BhytHistory
from onestop_desktop.services.bhyt import coverage as bhyt_coverage
from onestop_desktop.services.bhyt import tallies
from onestop_desktop.services.demo import bhyt as bhyt_demo
from onestop_desktop.services.errors import PermissionDenied, ServiceError, ValidationFailed
from onestop_desktop.services.roles import Actor

OCT, SEP = date(2018, 10, 1), date(2018, 9, 1)
STORY = {  # the news item of 25/10/2018
    "Xã Xuân Định": 93.94,
    "Xã Xuân Phú": 92.87,
    "Xã Xuân Thọ": 90.33,
    "Xã Xuân Tâm": 75.14,
    "Xã Xuân Hòa": 75.84,
    "Xã Xuân Bắc": 75.68,
}


def test_october_matches_the_source_story(bhyt_db: Database) -> None:
    with session_scope(bhyt_db.factory) as s:
        m = bhyt_coverage.month_coverage(s, date(2018, 10, 24))
    assert (m.month, m.cutoff, m.parent_code) == (OCT, date(2018, 10, 24), "741")
    assert (m.insured, m.population) == (199467, 240986)
    assert round(m.coverage, 2) == 82.77
    assert m.target == 85.0
    by_name = {u.name: u for u in m.units}
    assert len(m.units) == 15
    for name, pct in STORY.items():
        assert round(by_name[name].coverage, 2) == pct, name
    assert [u.name for u in m.units[:3]] == ["Xã Xuân Định", "Xã Xuân Phú", "Xã Xuân Thọ"]
    assert {u.name for u in m.units[-3:]} == {"Xã Xuân Tâm", "Xã Xuân Hòa", "Xã Xuân Bắc"}
    assert [u.rank for u in m.units] == list(range(1, 16))
    assert [u.coverage for u in m.units] == sorted((u.coverage for u in m.units), reverse=True)
    # every other unit lies in between
    assert all(75.14 <= round(u.coverage, 2) <= 93.94 for u in m.units)


def test_september_is_lower(bhyt_db: Database) -> None:
    with session_scope(bhyt_db.factory) as s:
        sept = bhyt_coverage.month_coverage(s, SEP)
        octo = bhyt_coverage.month_coverage(s, OCT)
        trend = bhyt_coverage.coverage_trend(s, None)
        dinh = bhyt_coverage.coverage_trend(s, "26461", months=3, until=date(2018, 10, 31))
        assert bhyt_coverage.available_months(s) == [SEP, OCT]
    assert sept.cutoff == date(2018, 9, 24)
    assert sept.coverage < octo.coverage
    assert octo.previous_coverage == pytest.approx(sept.coverage)
    assert sept.previous_coverage is None
    assert [m for m, _ in trend] == [SEP, OCT] and trend[1][1] == pytest.approx(octo.coverage)
    assert [round(c, 2) for _, c in dinh][1] == 93.94 and dinh[0][1] < dinh[1][1]
    for u in octo.units:
        assert u.change_points is not None and u.change_points > 0


def test_gaps_to_target(bhyt_db: Database) -> None:
    with session_scope(bhyt_db.factory) as s:
        units = {u.code: u for u in bhyt_coverage.month_coverage(s, OCT).units}
    tam = units["26449"]  # Xuân Tâm: 17,218 of 22,914, target 80 %
    assert tam.target == 80.0
    assert tam.gap_people == 18332 - 17218  # ceil(0.8 * 22914) = 18331.2 -> 18332
    assert tam.gap_points == pytest.approx(80.0 - tam.coverage)
    assert units["26461"].gap_people == 0 and units["26461"].gap_points is not None
    assert units["26461"].gap_points < 0


def test_month_without_data_is_empty(bhyt_db: Database) -> None:
    with session_scope(bhyt_db.factory) as s:
        m = bhyt_coverage.month_coverage(s, date(2018, 12, 1))
    assert m.units == () and m.cutoff is None and m.population == 0 and m.coverage == 0.0
    assert m.previous_coverage is None


def test_demo_step_is_idempotent(bhyt_db: Database) -> None:
    with session_scope(bhyt_db.factory) as s:
        bhyt_demo.build_demo_step(s)
    with session_scope(bhyt_db.factory) as s:
        m = bhyt_coverage.month_coverage(s, OCT)
        assert m.insured == 199467 and len(m.units) == 15
        assert len(tallies.list_groups(s)) == 5


def _unit_id(db: Database, code: str) -> int:
    with session_scope(db.factory) as s:
        return next(u.unit_id for u in bhyt_coverage.month_coverage(s, OCT).units if u.code == code)


def test_edit_validation_messages(bhyt_db: Database, clerk: Actor) -> None:
    uid = _unit_id(bhyt_db, "26461")  # Xuân Định: 12,956 of 13,792
    cases = [
        ({"insured": 14000}, "insured", "không được lớn hơn dân số (13.792)"),
        ({"population": -1}, "population", "không được là số âm"),
        ({"population": 12000}, "insured", "không được lớn hơn dân số (12.000)"),
        ({"insured": 12900}, "groups", "Tổng số người theo các nhóm (12.956)"),
    ]
    for change, field, text in cases:
        with session_scope(bhyt_db.factory) as s, pytest.raises(ValidationFailed) as err:
            tallies.edit_tally(s, clerk, uid, OCT, **change)  # type: ignore[arg-type]
        assert text in err.value.errors[field], change
    with session_scope(bhyt_db.factory) as s:
        assert s.scalar(select(BhytHistory.id).limit(1)) is None


def test_edit_history_audit_and_undo(bhyt_db: Database, clerk: Actor, leader: Actor) -> None:
    uid = _unit_id(bhyt_db, "26449")
    with session_scope(bhyt_db.factory) as s:
        groups = next(u.groups for u in bhyt_coverage.month_coverage(s, OCT).units if u.unit_id == uid)
        new_groups = {**groups, "ho_gia_dinh": groups["ho_gia_dinh"] + 500}
        tallies.edit_tally(s, clerk, uid, OCT, insured=17218 + 500, groups=new_groups)
    with session_scope(bhyt_db.factory) as s:
        m = bhyt_coverage.month_coverage(s, OCT)
        assert m.insured == 199467 + 500
        assert str(tallies.undo_description(s, clerk)) == "Xã Xuân Tâm, tháng 10/2018"
        assert tallies.undo_description(s, leader) is None
        h = s.scalars(select(BhytHistory)).one()
        assert (h.reason, h.user_id, h.before["insured"], h.after["insured"]) == (
            "edit",
            clerk.user_id,
            17218,
            17718,
        )
        a = s.scalars(select(AuditEntry).where(AuditEntry.entity == "bhyt_tally")).one()
        assert a.user_id == clerk.user_id and a.action == "edit" and a.after["insured"] == 17718
    with session_scope(bhyt_db.factory) as s:
        assert str(tallies.undo_last_edit(s, clerk)) == "Xã Xuân Tâm, tháng 10/2018"
    with session_scope(bhyt_db.factory) as s:
        assert bhyt_coverage.month_coverage(s, OCT).insured == 199467
        assert tallies.undo_last_edit(s, clerk) is None  # nothing left to undo


def test_undo_refused_after_a_later_change(bhyt_db: Database, clerk: Actor, leader: Actor) -> None:
    uid = _unit_id(bhyt_db, "26461")
    with session_scope(bhyt_db.factory) as s:
        tallies.edit_tally(s, clerk, uid, OCT, population=13800)
    with session_scope(bhyt_db.factory) as s:
        tallies.edit_tally(s, leader, uid, OCT, population=13900)
    with session_scope(bhyt_db.factory) as s, pytest.raises(ServiceError):
        tallies.undo_last_edit(s, clerk)


def test_targets_leaders_only(bhyt_db: Database, clerk: Actor, leader: Actor) -> None:
    with session_scope(bhyt_db.factory) as s, pytest.raises(PermissionDenied):
        tallies.set_target(s, clerk, "26449", 2018, 82.0)
    with session_scope(bhyt_db.factory) as s, pytest.raises(ValidationFailed):
        tallies.set_target(s, leader, "26449", 2018, 120.0)
    with session_scope(bhyt_db.factory) as s:
        tallies.set_target(s, leader, "26449", 2018, 82.0)
    with session_scope(bhyt_db.factory) as s:
        tam = next(u for u in bhyt_coverage.month_coverage(s, OCT).units if u.code == "26449")
        assert tam.target == 82.0
        assert (
            s.scalars(select(AuditEntry).where(AuditEntry.entity == "bhyt_target")).one().user_id
            == leader.user_id
        )
