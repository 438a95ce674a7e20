"""The countdown of a dossier: working time left before (or past) its appointment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from onestop_desktop.domain.calendar import HOURS_PER_DAY, TimeUnit, WorkingCalendar
from onestop_desktop.domain.messages import Msg, define, msg
from onestop_desktop.services.tracking.details import S

define("countdown.paused", "tạm dừng", "paused")
define("countdown.hours-left", "còn {n} giờ", ("{n} hour left", "{n} hours left"))
define("countdown.hours-over", "quá hạn {n} giờ", ("{n} hour overdue", "{n} hours overdue"))
define("countdown.due-today", "hết hạn hôm nay", "due today")
define("countdown.days-over", "quá hạn {n} ngày", ("{n} working day overdue", "{n} working days overdue"))
define("countdown.days-left", "còn {n} ngày", ("{n} working day left", "{n} working days left"))


@dataclass(frozen=True)
class Countdown:
    """What the "remaining" column shows. level: overdue | soon | paused | ok | closed."""

    message: Msg | None  # None when closed; the interface words it in its language
    level: str
    sort_value: float  # remaining working days (hours / 8 for same-day procedures); closed: +inf

    @property
    def text(self) -> str:
        """Vietnamese wording (exports, command line)."""
        return "" if self.message is None else self.message.text("vi")


def is_same_day(time_value: int, time_unit: str) -> bool:
    return time_value == 0 or (time_unit == TimeUnit.HOURS.value and time_value <= HOURS_PER_DAY)


class DayCounter:
    """Working days between dates in constant time: a running count of working days per year, built
    once per year used (the list asks for thousands of rows overdue since years)."""

    def __init__(self, calendar: WorkingCalendar) -> None:
        self.calendar = calendar
        self._cumulative: dict[int, list[int]] = {}  # year -> working days up to each day of the year
        self._base: dict[int, int] = {}  # year -> working days before 1 January, from a reference year

    def _year(self, year: int) -> list[int]:
        arr = self._cumulative.get(year)
        if arr is None:
            arr, c, d = [], 0, date(year, 1, 1)
            while d.year == year:
                c += self.calendar.is_working_day(d)
                arr.append(c)
                d += timedelta(days=1)
            self._cumulative[year] = arr
        return arr

    def _year_base(self, year: int) -> int:
        if not self._base:
            self._base[year] = 0
            return 0
        if year in self._base:
            return self._base[year]
        lo, hi = min(self._base), max(self._base)
        while year > hi:
            self._base[hi + 1] = self._base[hi] + self._year(hi)[-1]
            hi += 1
        while year < lo:
            self._base[lo - 1] = self._base[lo] - self._year(lo - 1)[-1]
            lo -= 1
        return self._base[year]

    def ordinal(self, d: date) -> int:
        """Working days from the reference year's start up to and including `d`."""
        return self._year_base(d.year) + self._year(d.year)[d.timetuple().tm_yday - 1]

    def between(self, a: date, b: date) -> int:
        """Same as `WorkingCalendar.working_days_between(a, b)`."""
        return self.ordinal(b) - self.ordinal(a)


def countdown(
    status: int,
    due_at: datetime,
    time_value: int,
    time_unit: str,
    now: datetime,
    days: DayCounter,
) -> Countdown:
    """ "còn 2 ngày", "quá hạn 3 ngày", "còn 3 giờ" (same-day procedures), "tạm dừng", "" when closed."""
    st = S(status)
    if st in (S.RESOLVED, S.RETURNED, S.WITHDRAWN, S.STOPPED, S.REFUSED):
        return Countdown(None, "closed", float("inf"))
    if st is S.WAITING_SUPPLEMENT:
        return Countdown(msg("countdown.paused"), "paused", 1e6)
    today = now.date()
    if due_at.date() == today:
        if is_same_day(time_value, time_unit) or due_at > now:
            hours = (due_at - now).total_seconds() / 3600
            if hours >= 0:
                return Countdown(
                    msg("countdown.hours-left", n=max(1, round(hours))), "soon", hours / HOURS_PER_DAY
                )
            return Countdown(
                msg("countdown.hours-over", n=max(1, round(-hours))), "soon", hours / HOURS_PER_DAY
            )
        return Countdown(msg("countdown.due-today"), "soon", 0.0)
    if due_at.date() < today:
        n = max(1, days.between(due_at.date(), today))
        return Countdown(msg("countdown.days-over", n=n), "overdue", -float(n))
    n = days.between(today, due_at.date())
    return Countdown(msg("countdown.days-left", n=n), "soon" if n <= 1 else "ok", float(n))
