"""What every tab receives: the database, the signed-in user, the bus and the task runner."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy.orm import Session

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.roles import Actor, Role
from onestop_desktop.ui.bus import Bus
from onestop_desktop.ui.tasks import TaskRunner


@dataclass
class AppContext:
    db: Database
    actor: Actor
    bus: Bus
    tasks: TaskRunner
    demo: bool = False

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction for one user action."""
        with session_scope(self.db.factory) as s:
            yield s

    def calendar(self) -> WorkingCalendar:
        with self.session() as s:
            return catalogue.working_calendar(s)

    def office(self) -> office.OfficeSettings:
        with self.session() as s:
            return office.get_office(s)

    def is_role(self, *roles: Role) -> bool:
        return self.actor.role is Role.ADMIN or self.actor.role in roles
