"""Each service refuses the roles that may not use it, whatever the interface shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope, sqlite_file
from onestop_desktop.services.errors import PermissionDenied
from onestop_desktop.services.roles import Actor, Role
from onestop_desktop.services.safety import accounts, backup
from onestop_desktop.services.safety import restore as backup_restore
from tests.conftest import login_as

from .helpers import register_some

ROLES = {"canbo": Role.CLERK, "lanhdao": Role.LEADER, "quantri": Role.ADMIN}


@pytest.fixture
def actors(demo_db: Database) -> dict[Role, Actor]:
    found = {login_as(demo_db, name) for name in ROLES}
    by_role = {a.role: a for a in found}
    assert set(by_role) == set(Role)
    return by_role


@pytest.mark.parametrize("role", [Role.CLERK, Role.LEADER])
def test_only_an_administrator_manages_users(
    demo_db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    actor = actors[role]
    target = actors[Role.CLERK].user_id
    with session_scope(demo_db.factory) as s:
        with pytest.raises(PermissionDenied, match="quản lý người dùng"):
            accounts.create_user(s, actor, "moi.nguoi", "Người Mới", Role.CLERK, "matkhau123")
        with pytest.raises(PermissionDenied, match="quản lý người dùng"):
            accounts.set_user(s, actor, target, role=Role.ADMIN)
        with pytest.raises(PermissionDenied, match="đặt lại mật khẩu"):
            accounts.reset_password(s, actor, target, "matkhau456")
        assert all(u.username != "moi.nguoi" for u in accounts.list_users(s))


def test_administrator_manages_users(demo_db: Database, actors: dict[Role, Actor]) -> None:
    admin = actors[Role.ADMIN]
    with session_scope(demo_db.factory) as s:
        made = accounts.create_user(s, admin, "moi.nguoi", "Người Mới", Role.CLERK, "matkhau123")
        accounts.set_user(s, admin, made.id, role=Role.LEADER)
        accounts.reset_password(s, admin, made.id, "matkhau456")
    assert login_as(demo_db, "moi.nguoi").role is Role.LEADER


def test_first_account_without_actor_only_when_there_is_none(demo_db: Database) -> None:
    from onestop_desktop.services.errors import ValidationFailed

    with session_scope(demo_db.factory) as s, pytest.raises(ValidationFailed):
        accounts.create_first_admin(s, "ke.la", "Kẻ Lạ", "matkhau123")


def test_a_clerk_cannot_restore_a_backup(demo_db: Database, actors: dict[Role, Actor]) -> None:
    taken = backup.backup(demo_db.url).path
    db_file = sqlite_file(demo_db.url)
    assert db_file is not None
    before = db_file.stat().st_mtime_ns, sorted(p.name for p in taken.parent.iterdir())
    with pytest.raises(PermissionDenied, match="khôi phục"):
        backup_restore.restore(demo_db.url, taken, actors[Role.CLERK])
    # Refused before anything happened: no safety copy taken, the database untouched.
    assert (db_file.stat().st_mtime_ns, sorted(p.name for p in taken.parent.iterdir())) == before


@pytest.mark.parametrize("role", [Role.LEADER, Role.ADMIN])
def test_leader_and_administrator_may_restore(
    demo_db: Database, actors: dict[Role, Actor], role: Role, tmp_path: Path
) -> None:
    taken = backup.backup(demo_db.url).path
    outcome = backup_restore.restore(demo_db.url, taken, actors[role])
    assert outcome.safety_copy.exists()


@pytest.mark.parametrize("role", list(Role))
def test_register_dossier_clerk_and_leader_and_the_administrator(
    demo_db: Database, actors: dict[Role, Actor], role: Role
) -> None:
    """Registering is for clerks and leaders; `roles.require` lets administrators do everything."""
    assert len(register_some(demo_db, actors[role], 1)) == 1
