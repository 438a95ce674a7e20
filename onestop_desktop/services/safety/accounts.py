"""Accounts: sign-in with lockout (Argon2id hashes, see `passwords`), users managed by an administrator."""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import (
    make_engine,
    make_session_factory,
    session_scope,
    sqlite_file,
    sqlite_url,
)
from onestop_desktop.db.models import User
from onestop_desktop.domain.messages import Msg, define, msg
from onestop_desktop.services import audit
from onestop_desktop.services.errors import LoginFailed, NotFound, PermissionDenied, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, actor_of, require, what_text

# hash_password and verify_password are re-exported: the demo and older callers import them from here
from onestop_desktop.services.safety.passwords import hash_password as hash_password
from onestop_desktop.services.safety.passwords import needs_rehash, verify_dummy
from onestop_desktop.services.safety.passwords import verify_password as verify_password

MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)
ANY_ROLE = (Role.CLERK, Role.LEADER, Role.ADMIN)

# One answer for every failed sign-in: unknown name, wrong password, disabled or locked account (OWASP
# Authentication Cheat Sheet, "Authentication and Error Messages"). The lockout is named for everyone, so
# it tells a real user why the right password fails, and tells a prober nothing about who exists.
define(
    "accounts.login-failed",
    "Sai tên đăng nhập hoặc mật khẩu (sau {n} lần nhập sai liên tiếp, tài khoản bị tạm khóa {minutes} phút).",
    "Wrong user name or password (after {n} wrong tries in a row, "
    "the account is locked for {minutes} minutes).",
)
define(
    "accounts.first-admin-only",
    "Chỉ tạo được tài khoản quản trị đầu tiên khi chưa có ai.",
    "The first administrator account can only be created while there are no users.",
)


def _login_failed() -> Msg:
    return msg("accounts.login-failed", n=MAX_FAILURES, minutes=int(LOCKOUT.total_seconds() // 60))


def password_problem(password: str) -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password) < 8:
        return "Mật khẩu phải có ít nhất 8 ký tự."
    if not any(c.isalpha() for c in password) or not any(c.isdigit() for c in password):
        return "Mật khẩu phải có cả chữ và số."
    return None


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    full_name: str
    role: Role
    active: bool
    locked_until: datetime | None
    department: str


def _info(u: User) -> UserInfo:
    return UserInfo(u.id, u.username, u.full_name, Role(u.role), u.active, u.locked_until, u.department)


def needs_first_admin(session: Session) -> bool:
    return (session.scalar(select(func.count()).select_from(User)) or 0) == 0


def _check_new_user(session: Session, username: str, full_name: str, password: str) -> None:
    errors: dict[str, str] = {}
    if not username.strip() or not username.replace(".", "").replace("_", "").isalnum():
        errors["username"] = "Tên đăng nhập chỉ gồm chữ không dấu, số, dấu chấm hoặc gạch dưới."
    elif session.scalar(select(User.id).where(User.username == username.strip().lower())):
        errors["username"] = f"Tên đăng nhập {username} đã có người dùng."
    if not full_name.strip():
        errors["full_name"] = "Vui lòng nhập họ và tên."
    problem = password_problem(password)
    if problem:
        errors["password"] = problem
    if errors:
        raise ValidationFailed(errors)


def _add_user(
    session: Session, username: str, full_name: str, role: Role, password: str, department: str
) -> User:
    _check_new_user(session, username, full_name, password)
    user = User(
        username=username.strip().lower(),
        full_name=full_name.strip(),
        role=role.value,
        password_hash=hash_password(password),
        department=department,
        created_at=now_local(),
    )
    session.add(user)
    session.flush()
    return user


def _audit_created(session: Session, by: int, user: User) -> None:
    after = {"username": user.username, "role": user.role, "full_name": user.full_name}
    audit.record(session, by, "user", user.id, "create", after=after)


def create_first_admin(session: Session, username: str, full_name: str, password: str) -> UserInfo:
    """The first start's administrator: the one account made without an acting user, while none exists."""
    if not needs_first_admin(session):
        raise ValidationFailed({"username": msg("accounts.first-admin-only")})
    user = _add_user(session, username, full_name, Role.ADMIN, password, "")
    _audit_created(session, user.id, user)
    return _info(user)


def create_user(
    session: Session,
    actor: Actor,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    department: str = "",
) -> UserInfo:
    """Create a user (administrators); the very first account is `create_first_admin`'s."""
    require(session, actor, Role.ADMIN, what="quản lý người dùng")
    user = _add_user(session, username, full_name, role, password, department)
    _audit_created(session, actor.user_id, user)
    return _info(user)


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login; failures are results, not exceptions, so the failure count is saved."""

    actor: Actor | None
    error: Msg | None = None


def authenticate(session: Session, username: str, password: str, at: datetime | None = None) -> LoginResult:
    """Check a login; repeated failures lock the account for a few minutes. Commit in every case.

    Every failure gives the same answer in the same time: an unknown, disabled or locked account is
    checked against a dummy Argon2id hash. The failure count is kept for real accounts only, and it
    never changes the answer, so it tells nobody which names exist. A hash made by an older scheme
    (scrypt) or with other parameters is replaced on a successful sign-in, in the caller's transaction.
    """
    now = at or now_local()
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active or (user.locked_until is not None and user.locked_until > now):
        verify_dummy(password)
        return LoginResult(None, _login_failed())
    if not verify_password(password, user.password_hash):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            audit.record(session, user.id, "user", user.id, "lockout")
        return LoginResult(None, _login_failed())
    user.failed_logins = 0
    user.locked_until = None
    if needs_rehash(user.password_hash):
        old = user.password_hash.lstrip("$").split("$", 1)[0]
        user.password_hash = hash_password(password)
        after = {"scheme": "argon2id"}
        audit.record(
            session, user.id, "user", user.id, "rehash-password", before={"scheme": old}, after=after
        )
    return LoginResult(actor_of(user))


def login(session: Session, username: str, password: str) -> Actor:
    """Like `authenticate` but raises LoginFailed (for callers that commit before raising)."""
    result = authenticate(session, username, password)
    if result.actor is None:
        raise LoginFailed(result.error or _login_failed())
    return result.actor


def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
    require(session, actor, *ANY_ROLE, what="đổi mật khẩu")
    user = session.get(User, actor.user_id)
    if user is None:
        raise NotFound("Không tìm thấy tài khoản.")
    if not verify_password(old, user.password_hash):
        raise ValidationFailed({"old": "Mật khẩu hiện tại không đúng."})
    problem = password_problem(new)
    if problem:
        raise ValidationFailed({"new": problem})
    user.password_hash = hash_password(new)
    audit.record(session, actor.user_id, "user", user.id, "change-password")


def reset_password(session: Session, actor: Actor, user_id: int, new: str) -> None:
    require(session, actor, Role.ADMIN, what="đặt lại mật khẩu")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Không tìm thấy tài khoản.")
    problem = password_problem(new)
    if problem:
        raise ValidationFailed({"new": problem})
    user.password_hash = hash_password(new)
    user.failed_logins = 0
    user.locked_until = None
    audit.record(session, actor.user_id, "user", user.id, "reset-password")


def set_user(
    session: Session,
    actor: Actor,
    user_id: int,
    *,
    role: Role | None = None,
    active: bool | None = None,
    full_name: str | None = None,
) -> UserInfo:
    require(session, actor, Role.ADMIN, what="quản lý người dùng")
    user = session.get(User, user_id)
    if user is None:
        raise NotFound("Không tìm thấy tài khoản.")
    before = {"role": user.role, "active": user.active, "full_name": user.full_name}
    if user.id == actor.user_id and (active is False or (role is not None and role is not Role.ADMIN)):
        raise ValidationFailed({"role": "Không thể tự khóa hoặc tự bỏ quyền quản trị của chính mình."})
    if role is not None:
        user.role = role.value
    if active is not None:
        user.active = active
    if full_name is not None and full_name.strip():
        user.full_name = full_name.strip()
    audit.record(
        session,
        actor.user_id,
        "user",
        user.id,
        "update",
        before=before,
        after={"role": user.role, "active": user.active, "full_name": user.full_name},
    )
    return _info(user)


def list_users(session: Session) -> list[UserInfo]:
    return [_info(u) for u in session.scalars(select(User).order_by(User.username))]


@contextmanager
def _session_on(url: str) -> Iterator[Session]:
    engine = make_engine(url)
    try:
        with session_scope(make_session_factory(engine)) as s:
            yield s
    finally:
        engine.dispose()


@contextmanager
def _session_on_copy(db_file: Path) -> Iterator[Session]:
    """A session on a throw-away copy of `db_file` (a backup: it must stay as it is)."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "accounts.sqlite3"
        shutil.copyfile(db_file, copy)
        with _session_on(sqlite_url(copy)) as s:
            yield s


def authenticate_in_backup(backup_file: Path, username: str, password: str) -> Actor:
    """Sign in with the accounts stored in `backup_file` (read from a throw-away copy).

    Used when the current file is damaged: the accounts of the backup about to be restored decide.
    """
    with _session_on_copy(backup_file) as s:
        result = authenticate(s, username, password)
    if result.actor is None:
        raise LoginFailed(result.error or _login_failed())
    return result.actor


_UNREADABLE = (DatabaseError, sqlite3.DatabaseError, OSError)


def require_for_restore(db_url: str, backup_file: Path, actor: Actor, *roles: Role, what: str) -> Actor:
    """`roles.require` for a restore: `actor` must be a real user of the current database or, when that
    file cannot be read or does not know them, of the backup about to replace it (the accounts the
    damaged-file dialog and `restore --user` sign in against)."""
    refusal = PermissionDenied(msg("roles.stale-actor", user=actor.username, what=what_text(what)))
    current = sqlite_file(db_url)
    if current is None or current.exists():
        try:
            with _session_on(db_url) as s:
                return require(s, actor, *roles, what=what)
        except PermissionDenied as exc:
            refusal = exc
        except _UNREADABLE:
            pass
    try:
        with _session_on_copy(Path(backup_file)) as s:
            return require(s, actor, *roles, what=what)
    except _UNREADABLE:
        raise refusal from None
