"""Who makes the demo's changes: its administrator, a real account (services refuse to act for nobody)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import User
from onestop_desktop.services.roles import Actor, actor_of

DEMO_ADMIN = "quantri"


def demo_admin(session: Session) -> Actor:
    """The demo's administrator (quantri), once the demo's accounts exist."""
    user = session.scalar(select(User).where(User.username == DEMO_ADMIN))
    if user is None:
        raise LookupError(f"the demo has no user {DEMO_ADMIN}")
    return actor_of(user)
