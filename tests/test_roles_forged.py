"""Services check the acting user against the database: a forged, stale or missing actor is refused.

An `Actor` is a claim handed to a service; the user row decides (`roles.require(session, actor, ...)`).
Each feature is represented by one of its writing services, called by a forged administrator (a
clerk's user id with the role ADMIN), an administrator who does not exist, one who was disabled, and
nobody (None). Each must be refused before anything is written: the audit log stays as it was.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.db.models import Dossier, User
from onestop_desktop.db.models_stats import AuditEntry, BhytTally
from onestop_desktop.services.bhyt import tallies
from onestop_desktop.services.catalogue import admin as catalogue_admin
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.errors import PermissionDenied, ServiceError
from onestop_desktop.services.intake import checks, drafts, receiving
from onestop_desktop.services.reports import indicators
from onestop_desktop.services.roles import Actor, Role
from onestop_desktop.services.safety import accounts
from onestop_desktop.services.tracking import actions, details, saved_filters
from tests.conftest import login_as

FORM = checks.IntakeForm(
    procedure_code="1.001193",
    applicant_name="Nguyễn Văn An",
    citizen_id="075090001234",
    phone="0912345678",
    street="Ấp 1",
    address_unit_code="26428",
    documents=(DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),),
)


def _first(s: Session, column: object) -> int:
    value = s.scalar(select(column).limit(1))
    assert value is not None
    return int(value)


def _tally(s: Session, actor: Actor | None) -> None:
    t = s.scalars(select(BhytTally).limit(1)).one()
    tallies.edit_tally(s, actor, t.unit_id, t.month, population=t.population)


def _indicator(s: Session, actor: Actor | None) -> None:
    code = indicators.list_indicators(s)[0].code
    indicators.set_value(s, actor, code, date(2018, 10, 1), 1)


SERVICES: dict[str, Callable[[Session, Actor | None], object]] = {
    "intake receive": lambda s, a: receiving.receive(s, a, FORM),
    "tracking action": lambda s, a: actions.resolve(s, a, _first(s, Dossier.id)),
    "BHYT tally edit": _tally,
    "BHYT undo": lambda s, a: tallies.undo_last_edit(s, a),
    "catalogue admin": lambda s, a: catalogue_admin.save_field(s, a, "THU", "Lĩnh vực thử"),
    "users admin": lambda s, a: accounts.set_user(s, a, _first(s, User.id), full_name="Tên Mới"),
    "own password": lambda s, a: accounts.change_own_password(s, a, "Demo@2018", "matkhau456"),
    "indicators": _indicator,
    "office": lambda s, a: office.save_office(s, a, replace(office.get_office(s), phone="0000")),
    # reads of one user's own things (someone else's drafts and filters were one forged id away)
    "drafts": lambda s, a: drafts.list_drafts(s, a),
    "saved filters": lambda s, a: saved_filters.list_filters(s, a),
    "details": lambda s, a: details.dossier_details(
        s, a, _first(s, Dossier.id), catalogue.working_calendar(s), datetime(2018, 10, 24, 9)
    ),
}


def _audit_count(db: Database) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(func.count(AuditEntry.id))) or 0)


def _forged(db: Database, kind: str) -> Actor | None:
    clerk, admin = login_as(db, "canbo"), login_as(db, "quantri")
    if kind == "clerk promoted":
        return replace(clerk, role=Role.ADMIN)
    if kind == "clerk renamed":
        return replace(admin, user_id=clerk.user_id)  # the administrator's name on the clerk's id
    if kind == "no such user":
        return Actor(99_999, "ke.la", "Kẻ Lạ", Role.ADMIN)
    if kind == "disabled":
        with session_scope(db.factory) as s:
            row = s.get(User, admin.user_id)
            assert row is not None
            row.active = False
        return admin
    return None


@pytest.mark.parametrize("kind", ["clerk promoted", "clerk renamed", "no such user", "disabled", "nobody"])
@pytest.mark.parametrize("service", list(SERVICES))
def test_every_feature_refuses_an_actor_the_database_does_not_vouch_for(
    demo_db: Database, service: str, kind: str
) -> None:
    actor = _forged(demo_db, kind)
    before = _audit_count(demo_db)
    with session_scope(demo_db.factory) as s, pytest.raises(PermissionDenied) as refused:
        SERVICES[service](s, actor)
    expected = "roles.no-actor" if actor is None else "roles.stale-actor"
    assert refused.value.msg is not None and refused.value.msg.key == expected
    assert refused.value.msg.text("en").endswith(".") and "{" not in refused.value.msg.text("en")
    assert _audit_count(demo_db) == before


@pytest.mark.parametrize("service", list(SERVICES))
def test_the_genuine_administrator_is_let_through(demo_db: Database, service: str) -> None:
    """The control: the same calls by the real account are not refused for who acts."""
    try:
        with session_scope(demo_db.factory) as s:
            SERVICES[service](s, login_as(demo_db, "quantri"))
    except PermissionDenied as exc:
        pytest.fail(f"refused: {exc}")
    except ServiceError:
        pass  # refused for what was asked (a state, a value), after the actor was accepted


def test_a_role_changed_since_sign_in_is_refused_until_signing_in_again(demo_db: Database) -> None:
    leader = login_as(demo_db, "lanhdao")
    admin = login_as(demo_db, "quantri")
    with session_scope(demo_db.factory) as s:
        accounts.set_user(s, admin, leader.user_id, role=Role.CLERK)
    with session_scope(demo_db.factory) as s, pytest.raises(PermissionDenied, match="đăng nhập lại"):
        _indicator(s, leader)  # still holding the leader's Actor: the database says clerk now
    with session_scope(demo_db.factory) as s, pytest.raises(PermissionDenied, match="Lãnh đạo"):
        _indicator(s, login_as(demo_db, "lanhdao"))  # signed in again: a clerk, refused as a clerk


def test_restore_checks_the_actor_in_the_current_file_or_the_backup(demo_db: Database) -> None:
    from onestop_desktop.services.safety import backup

    taken = backup.backup(demo_db.url).path
    what = "khôi phục dữ liệu từ bản sao lưu"
    leader = login_as(demo_db, "lanhdao")
    assert accounts.require_for_restore(demo_db.url, taken, leader, Role.LEADER, what=what) == leader
    forged = replace(login_as(demo_db, "canbo"), role=Role.ADMIN)
    with pytest.raises(PermissionDenied) as refused:
        accounts.require_for_restore(demo_db.url, taken, forged, Role.LEADER, what=what)
    assert refused.value.msg is not None and refused.value.msg.key == "roles.stale-actor"
    assert "restore data from a backup" in refused.value.msg.text("en")
    db_file = sqlite_file(demo_db.url)
    assert db_file is not None
    demo_db.engine.dispose()
    db_file.write_bytes(b"\0" * 4096)  # the current file unreadable: the backup's accounts decide
    for companion in ("-wal", "-shm"):
        Path(f"{db_file}{companion}").unlink(missing_ok=True)
    assert accounts.require_for_restore(demo_db.url, taken, leader, Role.LEADER, what=what) == leader
    with pytest.raises(PermissionDenied):
        accounts.require_for_restore(demo_db.url, taken, forged, Role.LEADER, what=what)


def test_restore_refuses_a_forged_administrator(demo_db: Database) -> None:
    from onestop_desktop.services.safety import backup
    from onestop_desktop.services.safety import restore as backup_restore

    taken = backup.backup(demo_db.url).path
    forged = replace(login_as(demo_db, "canbo"), role=Role.ADMIN)
    with pytest.raises(PermissionDenied):
        backup_restore.restore(demo_db.url, taken, forged)
