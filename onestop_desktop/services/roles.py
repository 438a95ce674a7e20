"""Roles and the checks every service makes about who is acting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.orm import Session

from onestop_desktop.db.models import User
from onestop_desktop.domain.messages import Msg, Text, define, msg
from onestop_desktop.services.errors import PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    ADMIN = "admin"


ROLE_LABELS_VI = {Role.CLERK: "Cán bộ một cửa", Role.LEADER: "Lãnh đạo", Role.ADMIN: "Quản trị"}
_ROLE_LABELS_EN = {Role.CLERK: "Clerk", Role.LEADER: "Leader", Role.ADMIN: "Administrator"}

# What a refused user tried to do, as the services name it (`what=`), in English. A phrase missing
# here is shown as given (Vietnamese) inside the English sentence.
_WHAT_EN = {
    "thực hiện thao tác này": "do this",
    "xử lý hồ sơ": "process dossiers",
    "xem hồ sơ": "view dossiers",
    "dùng bản nháp hồ sơ": "use dossier drafts",
    "dùng bộ lọc đã lưu": "use saved filters",
    "hoàn tác thao tác": "undo actions",
    "tiếp nhận hồ sơ": "receive dossiers",
    "nhập sổ theo dõi hồ sơ": "import the dossier log book",
    "sửa số liệu BHYT": "edit BHYT figures",
    "nhập số liệu BHYT": "import BHYT figures",
    "đặt chỉ tiêu BHYT": "set BHYT targets",
    "nhập chỉ số cải cách hành chính": "enter administrative reform indicators",
    "quản lý người dùng": "manage users",
    "đặt lại mật khẩu": "reset passwords",
    "khôi phục dữ liệu từ bản sao lưu": "restore data from a backup",
    "xem nhật ký kiểm tra": "view the audit log",
    "sửa thông tin cơ quan": "edit the office's details",
    "nhập danh mục thủ tục": "import the procedure list",
    "sửa danh mục lĩnh vực": "edit the list of fields",
    "sửa danh mục thủ tục": "edit the list of procedures",
    "sửa lịch làm việc": "edit the working calendar",
    "đổi mật khẩu": "change the password",
    "sửa bộ lọc đã lưu": "edit saved filters",
}

define(
    "roles.denied",
    "Tài khoản {user} không có quyền {what} (cần vai trò: {roles}).",
    "The account {user} may not {what} (role needed: {roles}).",
)
define(
    "roles.no-actor",
    "Chưa đăng nhập: không thể {what}.",
    "Nobody is signed in: cannot {what}.",
)
define(
    "roles.stale-actor",
    "Tài khoản {user} không khớp với cơ sở dữ liệu (không có, đã bị khóa hoặc đã đổi vai trò): "
    "vui lòng đăng nhập lại để {what}.",
    "The account {user} does not match the database (missing, disabled or its role changed): "
    "sign in again to {what}.",
)


@dataclass(frozen=True)
class Actor:
    """The signed-in user on whose behalf a service acts."""

    user_id: int
    username: str
    full_name: str
    role: Role

    def can(self, *roles: Role) -> bool:
        return self.role in roles


def actor_of(u: User) -> Actor:
    """The acting user of a signed-in account."""
    return Actor(u.id, u.username, u.full_name, Role(u.role))


def what_text(what: str | Msg) -> Msg | Text:
    """What a refused user tried to do, in both languages (`what=` as the services name it)."""
    return what if isinstance(what, Msg) else Text(what, _WHAT_EN.get(what, what))


def denied_msg(actor: Actor, roles: tuple[Role, ...], what: str | Msg) -> Msg:
    """The refusal sentence for an actor without one of `roles`."""
    vi_roles = ", ".join(ROLE_LABELS_VI[r] for r in roles)
    en_roles = ", ".join(_ROLE_LABELS_EN[r] for r in roles)
    return msg("roles.denied", user=actor.username, what=what_text(what), roles=Text(vi_roles, en_roles))


_DEFAULT_WHAT = "thực hiện thao tác này"


def require(session: Session, actor: Actor | None, /, *roles: Role, what: str | Msg = _DEFAULT_WHAT) -> Actor:
    """Refuse unless the acting user, as the database has it, has one of `roles` (admins may do all).

    Loads the user row of `actor.user_id` and refuses (PermissionDenied) when there is no actor, no such
    user, a disabled one, or one whose user name or role differ from what the caller was handed: an
    `Actor` is a claim, the database decides. Returns the actor as the database has it.
    """
    if actor is None:
        raise PermissionDenied(msg("roles.no-actor", what=what_text(what)))
    user = session.get(User, actor.user_id)
    if user is None or not user.active or user.username != actor.username or user.role != actor.role.value:
        raise PermissionDenied(msg("roles.stale-actor", user=actor.username, what=what_text(what)))
    checked = actor_of(user)
    if checked.role is Role.ADMIN or checked.role in roles:
        return checked
    raise PermissionDenied(denied_msg(checked, roles, what))
