"""Accounts: password hashing (scrypt), login with lockout, users managed by an administrator."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import make_engine, make_session_factory, session_scope, sqlite_url
from onestop_desktop.db.models import User
from onestop_desktop.services import audit
from onestop_desktop.services.errors import LoginFailed, NotFound, ValidationFailed
from onestop_desktop.services.roles import Actor, Role, actor_of, require

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
MAX_FAILURES = 5
LOCKOUT = timedelta(minutes=5)


def hash_password(password: str) -> str:
    salt = os.urandom(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=SCRYPT_N, r=SCRYPT_R, p=SCRYPT_P, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt_b64, digest_b64 = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    salt, expected = base64.b64decode(salt_b64), base64.b64decode(digest_b64)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=int(n), r=int(r), p=int(p), dklen=len(expected))
    return hmac.compare_digest(digest, expected)


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


def create_user(
    session: Session,
    actor: Actor | None,
    username: str,
    full_name: str,
    role: Role,
    password: str,
    department: str = "",
) -> UserInfo:
    """Create a user; without an actor only the very first account (an administrator) may be made."""
    if actor is None:
        if not needs_first_admin(session) or role is not Role.ADMIN:
            raise ValidationFailed({"username": "Chỉ tạo được tài khoản quản trị đầu tiên khi chưa có ai."})
    else:
        require(actor, Role.ADMIN, what="quản lý người dùng")
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
    audit.record(
        session,
        actor.user_id if actor else user.id,
        "user",
        user.id,
        "create",
        after={"username": user.username, "role": user.role, "full_name": user.full_name},
    )
    return _info(user)


@dataclass(frozen=True)
class LoginResult:
    """The outcome of a login; failures are results, not exceptions, so the failure count is saved."""

    actor: Actor | None
    error: str | None = None


def authenticate(session: Session, username: str, password: str, at: datetime | None = None) -> LoginResult:
    """Check a login; repeated failures lock the account for a few minutes. Commit in every case."""
    now = at or now_local()
    user = session.scalar(select(User).where(User.username == username.strip().lower()))
    if user is None or not user.active:
        return LoginResult(None, "Sai tên đăng nhập hoặc mật khẩu.")
    if user.locked_until is not None and user.locked_until > now:
        minutes = max(1, int((user.locked_until - now).total_seconds() // 60) + 1)
        return LoginResult(None, f"Tài khoản tạm khóa do nhập sai nhiều lần. Thử lại sau {minutes} phút.")
    if not verify_password(password, user.password_hash):
        user.failed_logins += 1
        if user.failed_logins >= MAX_FAILURES:
            user.locked_until = now + LOCKOUT
            user.failed_logins = 0
            audit.record(session, user.id, "user", user.id, "lockout")
            return LoginResult(
                None, f"Nhập sai mật khẩu {MAX_FAILURES} lần: tài khoản bị khóa {LOCKOUT.seconds // 60} phút."
            )
        return LoginResult(None, "Sai tên đăng nhập hoặc mật khẩu.")
    user.failed_logins = 0
    user.locked_until = None
    return LoginResult(actor_of(user))


def login(session: Session, username: str, password: str) -> Actor:
    """Like `authenticate` but raises LoginFailed (for callers that commit before raising)."""
    result = authenticate(session, username, password)
    if result.actor is None:
        raise LoginFailed(result.error or "")
    return result.actor


def change_own_password(session: Session, actor: Actor, old: str, new: str) -> None:
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
    require(actor, Role.ADMIN, what="đặt lại mật khẩu")
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
    require(actor, Role.ADMIN, what="quản lý người dùng")
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


def authenticate_in_backup(backup_file: Path, username: str, password: str) -> Actor:
    """Sign in with the accounts stored in `backup_file` (read from a throw-away copy).

    Used when the current file is damaged: the accounts of the backup about to be restored decide.
    """
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "accounts.sqlite3"
        shutil.copyfile(backup_file, copy)
        engine = make_engine(sqlite_url(copy))
        try:
            with session_scope(make_session_factory(engine)) as s:
                result = authenticate(s, username, password)
        finally:
            engine.dispose()
    if result.actor is None:
        raise LoginFailed(result.error or "")
    return result.actor
