"""Tracking actions at the service level: every transition, pause/resume across Tết, undo, audit."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent, User
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.states import TRANSITIONS, Action, DossierStatus
from onestop_desktop.services.errors import PermissionDenied, ServiceError
from onestop_desktop.services.roles import Actor
from onestop_desktop.services.safety import audit_check
from onestop_desktop.services.tracking import actions as tracking_actions
from onestop_desktop.services.tracking import details, forms
from tests.conftest import login_as

S = DossierStatus
AT = datetime(2026, 11, 24, 9, 30)
CAL = WorkingCalendar()


def _open_dossier(db: Database) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(Dossier.id).where(Dossier.status == int(S.PROCESSING)).limit(1)) or 0)


def _officer(db: Database) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(User.id).where(User.username == "cv.tnmt")) or 0)


def _call(db: Database, actor: Actor, dossier_id: int, action: Action, officer: int) -> Any:
    calls: dict[Action, Callable[[Any], Any]] = {
        Action.TRANSFER: lambda s: tracking_actions.transfer(s, actor, dossier_id, officer, at=AT),
        Action.REQUEST_SUPPLEMENT: lambda s: tracking_actions.request_supplement(
            s, actor, dossier_id, "Bản sao sổ hộ khẩu", at=AT
        ),
        Action.RECEIVE_SUPPLEMENT: lambda s: tracking_actions.receive_supplement(
            s, actor, dossier_id, CAL, at=AT
        ),
        Action.RESOLVE: lambda s: tracking_actions.resolve(s, actor, dossier_id, at=AT),
        Action.RETURN_RESULT: lambda s: tracking_actions.return_result(s, actor, dossier_id, at=AT),
        Action.WITHDRAW: lambda s: tracking_actions.withdraw(s, actor, dossier_id, "Công dân xin rút", at=AT),
        Action.STOP: lambda s: tracking_actions.stop(s, actor, dossier_id, "Hồ sơ giả mạo", at=AT),
        Action.APOLOGY: lambda s: tracking_actions.apology(
            s, actor, dossier_id, datetime(2027, 1, 5, 10, 0), "Chờ xác minh nguồn gốc đất", at=AT
        ),
    }
    fn = calls.get(action) or (lambda s: tracking_actions.simple(s, actor, dossier_id, action, at=AT))
    with session_scope(db.factory) as s:
        return fn(s)


@pytest.mark.parametrize("status", list(DossierStatus))
def test_every_allowed_and_forbidden_transition(demo_db: Database, status: DossierStatus) -> None:
    actor = login_as(demo_db, "canbo")
    dossier_id, officer = _open_dossier(demo_db), _officer(demo_db)
    for action in Action:
        with session_scope(demo_db.factory) as s:
            d = s.get(Dossier, dossier_id)
            assert d is not None
            d.status, d.holder_user_id, d.paused_at = int(status), None, AT
            events_before = s.scalar(select(func.count()).select_from(DossierEvent)) or 0
        expected = TRANSITIONS.get((status, action))
        if expected is None:
            with pytest.raises(ServiceError) as info:
                _call(demo_db, actor, dossier_id, action, officer)
            assert "Không thể" in info.value.message
            with session_scope(demo_db.factory) as s:
                assert s.get(Dossier, dossier_id).status == int(status)  # type: ignore[union-attr]
                assert s.scalar(select(func.count()).select_from(DossierEvent)) == events_before
        else:
            result = _call(demo_db, actor, dossier_id, action, officer)
            assert result.to_status == int(expected)
            with session_scope(demo_db.factory) as s:
                assert s.get(Dossier, dossier_id).status == int(expected)  # type: ignore[union-attr]
                ev = s.scalars(select(DossierEvent).order_by(DossierEvent.id.desc()).limit(1)).one()
                assert (ev.action, ev.user_id, ev.at) == (str(action), actor.user_id, AT)
                assert (ev.from_status, ev.to_status) == (int(status), int(expected))
                entry = s.scalars(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1)).one()
                assert entry.action == str(action) and entry.user_id == actor.user_id
    with session_scope(demo_db.factory) as s:
        assert audit_check.verify_chain(s) == []


def test_pause_and_resume_across_tet(demo_db: Database) -> None:
    actor = login_as(demo_db, "canbo")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        d.received_at, d.due_at = datetime(2019, 1, 25, 8, 0), datetime(2019, 2, 1, 8, 0)
    with session_scope(demo_db.factory) as s:
        tracking_actions.request_supplement(
            s, actor, dossier_id, "Giấy xác nhận", at=datetime(2019, 1, 31, 10, 0)
        )
        assert s.get(Dossier, dossier_id).paused_at == datetime(2019, 1, 31, 10, 0)  # type: ignore[union-attr]
    with session_scope(demo_db.factory) as s:
        r = tracking_actions.receive_supplement(s, actor, dossier_id, CAL, at=datetime(2019, 2, 12, 9, 0))
    # waited: Fri 01/02, then Tết 02-10/02 (weekends and 04-08/02 off), Mon 11/02, Tue 12/02 = 3 working days
    # due Fri 01/02 + 3 working days = Mon 11/02, Tue 12/02, Wed 13/02
    assert r.due_at == datetime(2019, 2, 13, 8, 0)
    assert "3 ngày làm việc" in r.note and "13/02/2019" in r.note
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None and d.paused_at is None and d.status == int(S.PROCESSING)


def test_same_day_pause_moves_nothing(demo_db: Database) -> None:
    actor = login_as(demo_db, "canbo")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        due = s.get(Dossier, dossier_id).due_at  # type: ignore[union-attr]
        tracking_actions.request_supplement(s, actor, dossier_id, "Ảnh 4x6", at=AT)
    with session_scope(demo_db.factory) as s:
        r = tracking_actions.receive_supplement(s, actor, dossier_id, CAL, at=AT.replace(hour=15))
    assert r.due_at == due and "không mất ngày làm việc" in r.note


def test_undo_by_author_within_the_day(demo_db: Database) -> None:
    clerk, other = login_as(demo_db, "canbo"), login_as(demo_db, "canbo2")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        before = s.get(Dossier, dossier_id)
        assert before is not None
        old_due, old_status = before.due_at, before.status
        tracking_actions.apology(s, clerk, dossier_id, datetime(2027, 2, 3, 9, 0), "Chờ đo đạc lại", at=AT)
    with session_scope(demo_db.factory) as s:
        assert s.get(Dossier, dossier_id).apology_count == 1  # type: ignore[union-attr]
        with pytest.raises(PermissionDenied, match="Chỉ người đã thực hiện"):
            tracking_actions.undo_last(s, other, dossier_id, now=AT)
        with pytest.raises(PermissionDenied, match="trong ngày"):
            tracking_actions.undo_last(s, clerk, dossier_id, now=datetime(2026, 11, 25, 8, 0))
    with session_scope(demo_db.factory) as s:
        tracking_actions.undo_last(s, clerk, dossier_id, now=AT.replace(hour=16))
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        assert (d.due_at, d.status, d.apology_count) == (old_due, old_status, 0)
        ev = s.scalars(
            select(DossierEvent).where(DossierEvent.dossier_id == dossier_id).order_by(DossierEvent.id.desc())
        ).first()
        assert ev is not None and ev.action == "apology" and ev.undone_at is not None
        assert audit_check.verify_chain(s) == []


def test_undo_of_resolve_then_return(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        tracking_actions.resolve(s, clerk, dossier_id, at=AT)
    with session_scope(demo_db.factory) as s:
        tracking_actions.undo_last(s, clerk, dossier_id, now=AT)
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None and d.status == int(S.PROCESSING) and d.resolved_at is None


def test_transfer_records_the_handover_for_form_05(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    dossier_id, officer = _open_dossier(demo_db), _officer(demo_db)
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        if d.holder_user_id == officer:
            d.holder_user_id = clerk.user_id
    with session_scope(demo_db.factory) as s:
        tracking_actions.transfer(s, clerk, dossier_id, officer, note="Chuyển thẩm định", at=AT)
        slip = forms.control_slip_data(s, dossier_id)
        d = s.get(Dossier, dossier_id)
        assert d is not None and d.holder_user_id == officer
    last = slip.lines[-1]
    assert last.to_name == "Phạm Đức Thịnh" and last.at == AT


def test_apology_needs_a_later_date_and_a_reason(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as info:
        tracking_actions.apology(s, clerk, dossier_id, datetime(2018, 1, 1, 8, 0), "", at=AT)
    assert set(info.value.errors) == {"reason", "new_due"}  # type: ignore[attr-defined]


def test_leader_may_act_and_details_show_the_timeline(demo_db: Database) -> None:
    leader = login_as(demo_db, "lanhdao")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        tracking_actions.resolve(s, leader, dossier_id, note="Đã ký", at=AT)
    with session_scope(demo_db.factory) as s:
        det = details.dossier_details(s, leader, dossier_id, CAL, AT)
    assert det.events[-1].user_name == "Trần Văn Bình"
    assert str(det.events[-1].label) == "Ghi nhận giải quyết xong"
    assert det.actions == ("return-result",)
    assert det.undo_refusal is None
    assert "hẹn trả" in str(det.deadline_explanation)


def test_an_apology_is_suggested_only_past_the_appointment(demo_db: Database) -> None:
    """A same-day dossier with hours left was told "it is due and not resolved: send an apology"."""
    from datetime import timedelta

    clerk = login_as(demo_db, "canbo")
    dossier_id = _open_dossier(demo_db)
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None and d.apology_count == 0
        due = d.due_at
        before = details.dossier_details(s, clerk, dossier_id, CAL, due - timedelta(hours=2))
        after = details.dossier_details(s, clerk, dossier_id, CAL, due + timedelta(minutes=1))
    assert not before.suggest_apology and after.suggest_apology
