"""Accounts: first administrator, password rules, Argon2id hashes, lockout, roles."""

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
        accounts.create_first_admin(s, "Admin", "Quản Trị", "matkhau123")
    with session_scope(db.factory) as s:
        assert not accounts.needs_first_admin(s)
        with pytest.raises(ValidationFailed) as refused:
            accounts.create_first_admin(s, "second", "Ai Đó", "matkhau123")
        assert (
            refused.value.text("en")
            == "The first administrator account can only be created while there are no users."
        )
        with pytest.raises(PermissionDenied) as nobody:
            accounts.create_user(s, None, "third", "Ai Đó", Role.ADMIN, "matkhau123")  # type: ignore[arg-type]
        assert nobody.value.msg is not None and nobody.value.msg.key == "roles.no-actor"
    with session_scope(db.factory) as s:
        assert [u.username for u in accounts.list_users(s)] == ["admin"]


def test_password_stored_with_argon2id_never_plain(db: Database, admin: Actor) -> None:
    with session_scope(db.factory) as s:
        user = s.scalar(select(User).where(User.username == "admin"))
        assert user is not None
        assert user.password_hash.startswith("$argon2id$v=19$")
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
        assert result.actor is None and result.error is not None
        assert "tạm khóa 5 phút" in result.error.text("vi")  # the lockout is named in the one answer
        assert s.scalar(select(User.locked_until).where(User.username == "admin")) == now + accounts.LOCKOUT
    with session_scope(db.factory) as s:  # even the right password is refused while locked
        locked = accounts.authenticate(s, "admin", "matkhau123", at=now + timedelta(minutes=1))
        assert locked.actor is None and locked.error == result.error
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


def _stored_hash(db: Database, username: str) -> str:
    with session_scope(db.factory) as s:
        stored = s.scalar(select(User.password_hash).where(User.username == username))
    assert stored is not None
    return stored


def _old_scrypt_hash(password: str) -> str:
    """A hash exactly as the program wrote it before Argon2id (scrypt, N=2^14, r=8, p=1)."""
    import base64
    import hashlib
    import os

    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1, dklen=32)
    return f"scrypt$16384$8$1${base64.b64encode(salt).decode()}${base64.b64encode(digest).decode()}"


def test_an_old_scrypt_hash_is_replaced_at_the_next_sign_in(db: Database, admin: Actor) -> None:
    with session_scope(db.factory) as s:
        user = s.get(User, admin.user_id)
        assert user is not None
        user.password_hash = _old_scrypt_hash("matkhau123")
    with session_scope(db.factory) as s:  # a wrong password changes nothing
        assert accounts.authenticate(s, "admin", "matkhau124").actor is None
    assert _stored_hash(db, "admin").startswith("scrypt$")
    with session_scope(db.factory) as s:
        assert accounts.authenticate(s, "admin", "matkhau123").actor is not None
    stored = _stored_hash(db, "admin")
    assert stored.startswith("$argon2id$") and accounts.verify_password("matkhau123", stored)
    with session_scope(db.factory) as s:
        assert accounts.authenticate(s, "admin", "matkhau123").actor is not None  # and again, no new hash
    assert _stored_hash(db, "admin") == stored
    from onestop_desktop.db.models_stats import AuditEntry

    with session_scope(db.factory) as s:
        actions = [e.action for e in s.scalars(select(AuditEntry).where(AuditEntry.entity == "user"))]
    assert actions.count("rehash-password") == 1


def test_the_rehash_is_in_the_sign_ins_transaction(db: Database, admin: Actor) -> None:
    """Rolled back with the sign-in: never a new hash without the rest of what the sign-in saved."""
    old = _old_scrypt_hash("matkhau123")
    with session_scope(db.factory) as s:
        user = s.get(User, admin.user_id)
        assert user is not None
        user.password_hash = old
    with pytest.raises(RuntimeError), session_scope(db.factory) as s:
        assert accounts.authenticate(s, "admin", "matkhau123").actor is not None
        raise RuntimeError("the caller's transaction fails after the sign-in")
    assert _stored_hash(db, "admin") == old


def test_a_hash_with_weaker_argon2_parameters_is_replaced(db: Database, admin: Actor) -> None:
    from argon2 import PasswordHasher

    weak = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1).hash("matkhau123")
    with session_scope(db.factory) as s:
        user = s.get(User, admin.user_id)
        assert user is not None
        user.password_hash = weak
    with session_scope(db.factory) as s:
        assert accounts.authenticate(s, "admin", "matkhau123").actor is not None
    assert _stored_hash(db, "admin") != weak and "m=1024," not in _stored_hash(db, "admin")


def test_the_program_hashes_with_the_rfc_9106_parameters() -> None:
    """Outside the test suite's cheap hasher (tests/conftest.py), the program's own parameters."""
    import subprocess
    import sys

    code = "from onestop_desktop.services.safety.passwords import hash_password; print(hash_password('x1'))"
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    # RFC 9106 §4, second recommended option; above OWASP's minimum (m=19 MiB, t=2, p=1)
    assert out.startswith("$argon2id$v=19$m=65536,t=3,p=4$")


@pytest.mark.parametrize("case", ["unknown", "disabled", "wrong password", "locked"])
def test_every_failed_sign_in_gives_the_same_answer(db: Database, admin: Actor, case: str) -> None:
    now = datetime(2026, 3, 2, 9, 0)
    with session_scope(db.factory) as s:
        accounts.create_user(s, admin, "canbo", "Nguyễn Thị Lan", Role.CLERK, "canbo2018")
    with session_scope(db.factory) as s:
        reference = accounts.authenticate(s, "canbo", "sai-mat-khau1", at=now).error
    assert reference is not None
    with session_scope(db.factory) as s:
        clerk = s.scalar(select(User).where(User.username == "canbo"))
        assert clerk is not None
        if case == "disabled":
            clerk.active = False
        if case == "locked":
            clerk.locked_until = now + timedelta(minutes=3)
    name, password = {"unknown": ("khong.co.ai", "canbo2018"), "wrong password": ("canbo", "sai")}.get(
        case,
        ("canbo", "canbo2018"),  # disabled and locked: even the right password
    )
    with session_scope(db.factory) as s:
        result = accounts.authenticate(s, name, password, at=now)
    assert result.actor is None and result.error == reference
    assert result.error.text("en") == (
        "Wrong user name or password (after 5 wrong tries in a row, the account is locked for 5 minutes)."
    )
