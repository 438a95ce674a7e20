"""Demo reform indicators of the office of today: each month from 07/2025 to the demo's own month."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_stats import IndicatorDef, IndicatorValue
from onestop_desktop.domain import periods
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.legal import online_level_term
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.demo.bhyt_today import START, months_until, stamp
from onestop_desktop.services.reports import statistics
from onestop_desktop.services.reports.indicators import ensure_defs
from onestop_desktop.services.reports.statistics import NOT_ACCEPTED

SEED = 20250701
ACCOUNTS = 138  # e-office accounts of the commune's cadres and civil servants when it was formed
ONLINE_TERMS = ("full", "partial")  # toàn trình, một phần (Nghị định 42/2022/NĐ-CP, Điều 11)


def _next(month: date) -> date:
    return date(month.year + (month.month == 12), month.month % 12 + 1, 1)


def online_dossiers(session: Session, month: date, today: date) -> tuple[int, int]:
    """(online, total) for `month` up to `today`, from the database: the dossiers received online in the
    month over every dossier the month had to settle (carried over and new), the indicator's definition
    (see `services.reports.indicators`; the report's own online share divides by the new ones only).
    """
    start = datetime.combine(max(month, START), time())
    end = datetime.combine(min(_next(month), today + timedelta(days=1)), time())
    online = session.scalar(
        select(func.count()).where(
            Dossier.received_at >= start,
            Dossier.received_at < end,
            Dossier.channel == "online",
            Dossier.status.not_in(NOT_ACCEPTED),
        )
    )
    totals = statistics.period_totals(session, periods.month(month.year, month.month))
    # (a month not over yet is counted up to today by the statistics themselves)
    return int(online or 0), totals.received


def online_procedures(session: Session, day: date) -> tuple[int, int]:
    """(with an online service, all) procedures of the catalogue in use, in the terms of `day`."""
    procs = catalogue.list_procedures(session, on=day)  # the catalogue of that month
    online = sum(1 for p in procs if online_level_term(p.online_level, day) in ONLINE_TERMS)
    return online, len(procs)


def edocs(cal: WorkingCalendar, month: date, cutoff: date) -> int:
    """Electronic documents sent and received in `month` up to `cutoff`: a few score each working day,
    a little more as the commune's work moves online."""
    total, d = 0, month
    while d <= cutoff:
        if cal.is_working_day(d):
            rng = random.Random(f"{SEED}:edocs:{d.isoformat()}")
            total += rng.randint(78, 118) + (d - START).days // 40
        d += timedelta(days=1)
    return total


def accounts(month: date) -> tuple[int, int]:
    """(active, total) e-office accounts: staff come and go a little, a few accounts lie idle."""
    rng = random.Random(f"{SEED}:accounts:{month.isoformat()}")
    total = ACCOUNTS + rng.randint(-2, 3)
    return total - rng.randint(0, 4), total


def build_indicators_today(session: Session, today: date) -> int:
    """Values for every living month that has none yet (run after the dossiers); returns those added."""
    if today < START:
        return 0
    ensure_defs(session)
    defs = {d.code: d.id for d in session.scalars(select(IndicatorDef))}
    have = {(i, m) for i, m in session.execute(select(IndicatorValue.indicator_id, IndicatorValue.month))}
    cal = catalogue.working_calendar(session)
    added = 0
    for month in months_until(today):
        last = min(_next(month) - timedelta(days=1), today)
        active, total = accounts(month)
        values: dict[str, tuple[float, float | None]] = {
            "eoffice_accounts_active": (active, total),
            "edocs_sent_received": (edocs(cal, month, last), None),
            "online_level3_procedures": online_procedures(session, month),
            "online_level3_dossiers": online_dossiers(session, month, today),
        }
        for code, (value, of) in values.items():
            if code not in defs or (defs[code], month) in have:
                continue
            if of is not None and of <= 0:
                continue  # a ratio of nothing (a month without dossiers) is not entered
            session.add(
                IndicatorValue(
                    indicator_id=defs[code],
                    month=month,
                    value=float(value),
                    total=float(of) if of is not None else None,
                    user_id=None,
                    at=stamp(last, today),
                )
            )
            added += 1
    session.flush()
    return added
