"""Today's figures: the home page, the tracking badge's neighbours and `onestop-desktop today`.

They count the way the deadline list does, so the home page and the tracking tab agree: a dossier
waiting for a supplement has its clock paused (DOMAIN.md), so it is counted as waiting, never as due
or overdue.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.states import OPEN_STATUSES, RUNNING_STATUSES, DossierStatus


@dataclass(frozen=True)
class TodayFigures:
    day: date
    received_today: int
    due_today: int
    due_next_working_day: int
    overdue: int
    open_total: int
    waiting_supplement: int
    total: int

    def to_json(self) -> dict[str, Any]:
        """The keys scripts read (`onestop-desktop today --json`)."""
        out = asdict(self)
        out["day"] = self.day.isoformat()
        out["open"] = out.pop("open_total")
        return out


def today_figures(session: Session, day: date, calendar: WorkingCalendar) -> TodayFigures:
    start = datetime.combine(day, time.min)
    end = start + timedelta(days=1)
    nxt = datetime.combine(calendar.next_working_day(day), time.min)

    def count(*conds: object) -> int:
        return int(session.scalar(select(func.count()).select_from(Dossier).where(*conds)) or 0)  # type: ignore[arg-type]

    is_open = Dossier.status.in_([int(s) for s in OPEN_STATUSES])
    running = Dossier.status.in_([int(s) for s in RUNNING_STATUSES])
    return TodayFigures(
        day=day,
        received_today=count(Dossier.received_at >= start, Dossier.received_at < end),
        due_today=count(running, Dossier.due_at >= start, Dossier.due_at < end),
        due_next_working_day=count(running, Dossier.due_at >= nxt, Dossier.due_at < nxt + timedelta(days=1)),
        overdue=count(running, Dossier.due_at < start),
        open_total=count(is_open),
        waiting_supplement=count(Dossier.status == int(DossierStatus.WAITING_SUPPLEMENT)),
        total=count(),
    )
