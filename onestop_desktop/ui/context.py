"""What every tab receives: the database, the signed-in user, the bus and the task runner.

This is the one place in ui/ that opens SQLAlchemy Sessions (an import-linter contract keeps it so):
the rest of ui/ calls `ctx.session()` or `open_session(db)` and hands the Session to services, which
return frozen dataclasses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.roles import Actor, Role
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.tasks import TaskRunner

# What a background task receives to open its own Session (never share one between threads).
SessionOpener = Callable[[], AbstractContextManager[Any]]


@contextmanager
def open_session(db: Database) -> Iterator[Session]:
    """One transaction for one user action (or one background task): commit on success, else roll back."""
    with session_scope(db.factory) as s:
        yield s


@dataclass
class AppContext:
    db: Database
    actor: Actor
    bus: Bus
    tasks: TaskRunner
    demo: bool = False

    def session(self) -> AbstractContextManager[Session]:
        """One transaction for one user action; safe to call from a worker thread (it opens a new Session)."""
        return open_session(self.db)

    def calendar(self) -> WorkingCalendar:
        with self.session() as s:
            return catalogue.working_calendar(s)

    def office(self) -> office.OfficeSettings:
        with self.session() as s:
            return office.get_office(s)

    def is_role(self, *roles: Role) -> bool:
        return self.actor.role is Role.ADMIN or self.actor.role in roles
