"""Accounts: first administrator, password rules, scrypt hashes, lockout, roles."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import User
from onestop_desktop.services.errors import PermissionDenied, ValidationFailed
from onestop_desktop.services.roles import Actor, Role
from onestop_desktop.services.safety import accounts
from tests.conftest import login_as


def test_first_admin_only_once(db: Database) -> None:
    with session_scope(db.factory) as s:
        assert accounts.needs_first_admin(s)
        accounts.create_user(s, None, "Admin", "Quản Trị", Role.ADMIN, "matkhau123")
    with session_scope(db.factory) as s:
        assert not accounts.needs_first_admin(s)
        with pytest.raises(ValidationFailed):
            accounts.create_user(s, None, "second", "Ai Đó", Role.ADMIN, "matkhau123")


def test_password_stored_with_scrypt_never_plain(db: Database, admin: Actor) -> None:
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == "admin"))
        assert user is not None
        assert user.password_hash.startswith("scrypt$")
        assert "matkhau123" not in user.password_hash
        assert accounts.verify_password("matkhau123", user.password_hash)
        assert not accounts.verify_password("matkhau124", user.password_hash)


@pytest.mark.parametrize(
    ("password", "ok"),
    [
        ("short1", False),
        ("khongcoso", False),
        ("12345678", False),
        ("matkhau123", True),
        ("Mật khẩu 9", True),
    ],
)
def test_password_rules(password: str, ok: bool) -> None:
    assert (accounts.password_problem(password) is None) is ok


def test_login_and_lockout_after_repeated_failures(db: Database, admin: Actor) -> None:
    now = datetime(2026, 3, 2, 9, 0)
    for _ in range(accounts.MAX_FAILURES - 1):
        with session_scope(db.factory) as s:
            assert accounts.authenticate(s, "admin", "sai-mat-khau1", at=now).actor is None
    with session_scope(db.factory) as s:
        result = accounts.authenticate(s, "admin", "sai-mat-khau1", at=now)
        assert result.actor is None and "khóa" in (result.error or "")
    with session_scope(db.factory) as s:  # even the right password is refused while locked
        locked = accounts.authenticate(s, "admin", "matkhau123", at=now + timedelta(minutes=1))
        assert locked.actor is None and "phút" in (locked.error or "")
    with session_scope(db.factory) as s:
        later = accounts.authenticate(
            s, "ADMIN ", "matkhau123", at=now + accounts.LOCKOUT + timedelta(seconds=1)
        )
        assert later.actor is not None and later.actor.role is Role.ADMIN


def test_admin_manages_users_clerk_cannot(db: Database, admin: Actor) -> None:
    with session_scope(db.factory) as s:
        clerk = accounts.create_user(s, admin, "canbo", "Nguyễn Thị Lan", Role.CLERK, "canbo2018")
    clerk_actor = login_as(db, "canbo")
    with session_scope(db.factory) as s, pytest.raises(PermissionDenied):
        accounts.create_user(s, clerk_actor, "x", "Ai Đó", Role.CLERK, "matkhau123")
    with session_scope(db.factory) as s, pytest.raises(PermissionDenied):
        accounts.reset_password(s, clerk_actor, clerk.id, "matkhau999")
    with session_scope(db.factory) as s:
        accounts.reset_password(s, admin, clerk.id, "matkhau999")
    with session_scope(db.factory) as s:
        assert accounts.authenticate(s, "canbo", "matkhau999").actor is not None
        with pytest.raises(ValidationFailed):
            accounts.set_user(s, admin, admin.user_id, active=False)  # never lock yourself out


def test_change_own_password(db: Database, admin: Actor) -> None:
    with session_scope(db.factory) as s, pytest.raises(ValidationFailed):
        accounts.change_own_password(s, admin, "wrong-old1", "matkhau456")
    with session_scope(db.factory) as s:
        accounts.change_own_password(s, admin, "matkhau123", "matkhau456")
    with session_scope(db.factory) as s:
        assert accounts.authenticate(s, "admin", "matkhau456").actor is not None
