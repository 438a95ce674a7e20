"""Today's figures for the home page: received today, due today and tomorrow, overdue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.states import OPEN_STATUSES


@dataclass(frozen=True)
class TodayFigures:
    day: date
    received_today: int
    due_today: int
    due_next_working_day: int
    overdue: int
    open_total: int
    total: int


def today_figures(session: Session, day: date, calendar: WorkingCalendar) -> TodayFigures:
    start = datetime.combine(day, time.min)
    end = start + timedelta(days=1)
    nxt = datetime.combine(calendar.next_working_day(day), time.min)
    open_codes = [int(s) for s in OPEN_STATUSES]

    def count(*conds: object) -> int:
        return int(session.scalar(select(func.count()).select_from(Dossier).where(*conds)) or 0)  # type: ignore[arg-type]

    is_open = Dossier.status.in_(open_codes)
    return TodayFigures(
        day=day,
        received_today=count(Dossier.received_at >= start, Dossier.received_at < end),
        due_today=count(is_open, Dossier.due_at >= start, Dossier.due_at < end),
        due_next_working_day=count(is_open, Dossier.due_at >= nxt, Dossier.due_at < nxt + timedelta(days=1)),
        overdue=count(is_open, Dossier.due_at < start),
        open_total=count(is_open),
        total=count(),
    )
