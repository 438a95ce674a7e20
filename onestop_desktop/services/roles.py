"""Roles and the checks every service makes about who is acting."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from onestop_desktop.db.models import User
from onestop_desktop.services.errors import PermissionDenied


class Role(StrEnum):
    CLERK = "clerk"
    LEADER = "leader"
    ADMIN = "admin"


ROLE_LABELS_VI = {Role.CLERK: "Cán bộ một cửa", Role.LEADER: "Lãnh đạo", Role.ADMIN: "Quản trị"}


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


def require(actor: Actor, *roles: Role, what: str = "thực hiện thao tác này") -> None:
    """Refuse unless the actor has one of `roles` (administrators may do everything)."""
    if actor.role is Role.ADMIN or actor.role in roles:
        return
    labels = ", ".join(ROLE_LABELS_VI[r] for r in roles)
    raise PermissionDenied(f"Tài khoản {actor.username} không có quyền {what} (cần vai trò: {labels}).")
