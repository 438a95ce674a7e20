"""Working-day calendar of a Vietnamese public office, with an explanation of every deadline.

Choices (see DOMAIN.md, "Deadlines"):
- Days off: Saturdays, Sundays and public holidays from the PyPI ``holidays`` package (VN, Vietnamese
  names, lunar Tết, announced swaps); official make-up Saturdays (``weekend_workdays``) are working days.
  `CalendarOverride` rows (the office's editable table of yearly announcements) win over everything.
- Office hours 07:00-11:30 and 13:30-17:00: 8 working hours a day.
- A receipt outside office hours or on a day off starts the clock at 07:00 of the next working day;
  a receipt before 07:00 on a working day starts at 07:00, one during the lunch break at 13:30.
- WORKING_DAYS n >= 1: due on the n-th working day after the (effective) receipt day, at the effective
  receipt clock time, and never before the appointment a same-day procedure received at that moment
  gets (after 15:00: 17:00 of the next working day; so 1 working day from 15:30 is due at 17:00, not
  15:30, the next day). The same holds for calendar days.
- Value 0 (any unit) is a same-day procedure: due 17:00 the same day if received by 15:00, otherwise 17:00
  of the next working day.
- HOURS: working hours counted inside office hours from the effective start, after 15:00 too, so that
  8 hours is one working day (15:30 + 8 h is 15:30 of the next working day, like 1 working day). The
  texts' 15:00 rule (Nghị định 23/2015 Article 7 for certification, repeated in the published procedures:
  "ngay trong ngày ... hoặc trong ngày làm việc tiếp theo nếu tiếp nhận yêu cầu sau 15 giờ"; DOMAIN.md)
  speaks of a result due the same day; the statutory time is otherwise counted from the receipt of a
  complete dossier, and starting every short limit at 07:00 the next day would give the office more
  hours than the law allows. So only an hour limit whose result would fall on the day of a receipt after
  15:00 moves, to 07:00 of the next working day: the start of "the next working day", and the only time
  that never comes after the appointment of a longer limit received at the same moment (15:30 + 2 h is
  07:30 the next day). Before this rule, limits up to 8 hours restarted at 07:00 the next day and longer
  ones did not: 8 hours came due at 17:00 the next day, 9 hours at 16:30.
- CALENDAR_DAYS: effective start + n calendar days, same clock time; a due date on a day off moves to the
  next working day.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

import holidays

from onestop_desktop.domain.fmt import fmt_datetime
from onestop_desktop.domain.messages import Msg, define, msg

__all__ = [
    "AFTERNOON_END",
    "AFTERNOON_START",
    "HOURS_PER_DAY",
    "MORNING_END",
    "MORNING_START",
    "SAME_DAY_CUTOFF",
    "CalendarOverride",
    "DueDate",
    "SkippedDay",
    "TimeUnit",
    "WorkingCalendar",
    "label_vi",
]

MORNING_START = time(7, 0)
MORNING_END = time(11, 30)
AFTERNOON_START = time(13, 30)
AFTERNOON_END = time(17, 0)
SAME_DAY_CUTOFF = time(15, 0)
HOURS_PER_DAY = 8
_OFFICE = ((MORNING_START, MORNING_END), (AFTERNOON_START, AFTERNOON_END))

SATURDAY = "thứ Bảy"
SUNDAY = "Chủ nhật"

NOTE_AFTER_CUTOFF = "nhận sau 15:00 nên tính từ ngày làm việc tiếp theo"
NOTE_NOT_BEFORE_SAME_DAY = (
    "không sớm hơn hạn của thủ tục trong ngày nhận sau 15:00 (17:00 ngày làm việc tiếp theo)"
)
NOTE_OUTSIDE_HOURS = "nhận ngoài giờ làm việc nên tính từ 07:00 ngày làm việc tiếp theo"
NOTE_DAY_OFF = "nhận vào ngày nghỉ nên tính từ 07:00 ngày làm việc tiếp theo"
NOTE_BEFORE_HOURS = "nhận trước giờ làm việc nên tính từ 07:00"
NOTE_LUNCH = "nhận trong giờ nghỉ trưa nên tính từ 13:30"
NOTE_MOVED = "ngày hẹn rơi vào ngày nghỉ nên chuyển sang ngày làm việc tiếp theo"


class TimeUnit(StrEnum):
    HOURS = "hours"
    CALENDAR_DAYS = "calendar-days"
    WORKING_DAYS = "working-days"


def label_vi(unit: TimeUnit, value: int) -> str:
    """ "5 ngày làm việc", "4 giờ làm việc", "15 ngày"; value 0 is "trong ngày"."""
    if value == 0:
        return "trong ngày"
    if unit is TimeUnit.HOURS:
        return f"{value} giờ làm việc"
    if unit is TimeUnit.WORKING_DAYS:
        return f"{value} ngày làm việc"
    return f"{value} ngày"


define("time.same-day", "trong ngày", "same day")
define("time.hours", "{n} giờ làm việc", ("{n} working hour", "{n} working hours"))
define("time.working-days", "{n} ngày làm việc", ("{n} working day", "{n} working days"))
define("time.calendar-days", "{n} ngày", ("{n} day", "{n} days"))


def time_text(unit: TimeUnit, value: int) -> Msg:
    """A time limit in both languages ("5 ngày làm việc" / "5 working days"; Vietnamese as `label_vi`)."""
    if value == 0:
        return msg("time.same-day")
    key = {TimeUnit.HOURS: "time.hours", TimeUnit.WORKING_DAYS: "time.working-days"}
    return msg(key.get(TimeUnit(unit), "time.calendar-days"), n=value)


@dataclass(frozen=True)
class CalendarOverride:
    """working=False: an extra day off; working=True: a make-up working day."""

    day: date
    working: bool
    reason: str


@dataclass(frozen=True)
class SkippedDay:
    """A day off the deadline stepped over. kind: "weekend", "holiday" or "override"."""

    day: date
    reason: str
    kind: str = "holiday"


def _explain_skipped(skipped: tuple[SkippedDay, ...]) -> str:
    groups: list[list[SkippedDay]] = []
    for s in skipped:
        if groups and groups[-1][-1].kind == s.kind:
            groups[-1].append(s)
        else:
            groups.append([s])
    parts = []
    for g in groups:
        days = ", ".join(f"{s.day.day:02d}/{s.day.month:02d}" for s in g)
        if g[0].kind == "holiday":
            tet = any("Tết Nguyên Đán" in s.reason or s.reason == "29 Tết" for s in g)
            label = "nghỉ Tết Nguyên Đán" if tet else "nghỉ lễ"
        else:
            label = ", ".join(dict.fromkeys(s.reason for s in g))
        parts.append(f"{days} ({label})")
    return ", ".join(parts)


@dataclass(frozen=True)
class DueDate:
    received: datetime
    start: datetime
    due: datetime
    value: int
    unit: TimeUnit
    counted: tuple[date, ...]
    skipped: tuple[SkippedDay, ...]
    notes: tuple[str, ...] = field(default=())

    def explain(self) -> str:
        """E.g. "5 ngày làm việc; bỏ qua 30/04, 01/05 (nghỉ lễ), 05/05, 06/05 (thứ Bảy, Chủ nhật); hẹn trả …"

        Skipped days are grouped by kind; notes (late receipt, moved due date) follow.
        """
        parts = [label_vi(self.unit, self.value)]
        if self.skipped:
            parts.append("bỏ qua " + _explain_skipped(self.skipped))
        parts.extend(self.notes)
        parts.append("hẹn trả " + fmt_datetime(self.due))
        return "; ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "received": self.received.isoformat(),
            "start": self.start.isoformat(),
            "due": self.due.isoformat(),
            "value": self.value,
            "unit": str(self.unit),
            "counted": [d.isoformat() for d in self.counted],
            "skipped": [{"date": s.day.isoformat(), "reason": s.reason} for s in self.skipped],
            "notes": list(self.notes),
            "explanation": self.explain(),
        }


class WorkingCalendar:
    """Days off and deadlines. Holidays are loaded lazily per year and cached."""

    def __init__(self, overrides: Iterable[CalendarOverride] = ()) -> None:
        self._overrides = {o.day: o for o in overrides}
        self._years: dict[int, tuple[dict[date, str], frozenset[date]]] = {}

    def _year(self, year: int) -> tuple[dict[date, str], frozenset[date]]:
        cached = self._years.get(year)
        if cached is None:
            h = holidays.country_holidays("VN", years=year, language="vi")
            names = {d: str(n) for d, n in h.items() if d.year == year}
            makeup = frozenset(d for d in getattr(h, "weekend_workdays", ()) if d.year == year)
            cached = (names, makeup)
            self._years[year] = cached
        return cached

    def _off(self, d: date) -> SkippedDay | None:
        override = self._overrides.get(d)
        if override is not None:
            return None if override.working else SkippedDay(d, override.reason, "override")
        names, makeup = self._year(d.year)
        if d in makeup:
            return None
        if d in names:
            return SkippedDay(d, names[d], "holiday")
        if d.weekday() == 5:
            return SkippedDay(d, SATURDAY, "weekend")
        if d.weekday() == 6:
            return SkippedDay(d, SUNDAY, "weekend")
        return None

    def is_working_day(self, d: date) -> bool:
        return self._off(d) is None

    def day_off_reason(self, d: date) -> str | None:
        """Why `d` is a day off ("thứ Bảy", "Chủ nhật", the holiday or override name), None if working."""
        off = self._off(d)
        return None if off is None else off.reason

    def next_working_day(self, d: date) -> date:
        """The first working day strictly after `d`."""
        d += timedelta(days=1)
        while not self.is_working_day(d):
            d += timedelta(days=1)
        return d

    def add_working_days(self, d: date, n: int) -> date:
        """The n-th working day after `d` (before it if n < 0); `d` itself when n == 0."""
        step = timedelta(days=1 if n >= 0 else -1)
        remaining = abs(n)
        while remaining:
            d += step
            if self.is_working_day(d):
                remaining -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """Working days after `a` up to and including `b`; negative when b < a (for "quá hạn N ngày")."""
        if b < a:
            return -self.working_days_between(b, a)
        count = 0
        d = a
        while d < b:
            d += timedelta(days=1)
            if self.is_working_day(d):
                count += 1
        return count

    def _walk(self, after: date, until: date) -> tuple[list[date], list[SkippedDay]]:
        """Working and skipped days in (after, until]."""
        counted: list[date] = []
        skipped: list[SkippedDay] = []
        d = after
        while d < until:
            d += timedelta(days=1)
            off = self._off(d)
            if off is None:
                counted.append(d)
            else:
                skipped.append(off)
        return counted, skipped

    def _effective_start(self, received: datetime, notes: list[str]) -> datetime:
        day, t = received.date(), received.time()
        if not self.is_working_day(day):
            notes.append(NOTE_DAY_OFF)
            return datetime.combine(self.next_working_day(day), MORNING_START)
        if t >= AFTERNOON_END:
            notes.append(NOTE_OUTSIDE_HOURS)
            return datetime.combine(self.next_working_day(day), MORNING_START)
        if t < MORNING_START:
            notes.append(NOTE_BEFORE_HOURS)
            return datetime.combine(day, MORNING_START)
        if MORNING_END < t < AFTERNOON_START:
            notes.append(NOTE_LUNCH)
            return datetime.combine(day, AFTERNOON_START)
        return received.replace(second=0, microsecond=0)

    def due(self, received: datetime, value: int, unit: TimeUnit) -> DueDate:
        """The appointment for a dossier received at `received` with statutory time `value` `unit`."""
        if value < 0:
            raise ValueError("Thời hạn giải quyết không được là số âm.")
        unit = TimeUnit(unit)
        notes: list[str] = []
        start = self._effective_start(received, notes)
        day = start.date()
        if value == 0 and start.time() > SAME_DAY_CUTOFF:
            notes.append(NOTE_AFTER_CUTOFF)
            start = datetime.combine(self.next_working_day(day), MORNING_START)
            day = start.date()
        skipped: list[SkippedDay] = []
        if start.date() != received.date():
            _, skipped = self._walk(received.date() - timedelta(days=1), day)
        if value == 0:
            due = datetime.combine(day, AFTERNOON_END)
            counted = [day]
        elif unit is TimeUnit.WORKING_DAYS:
            end = self.add_working_days(day, value)
            counted, more = self._walk(day, end)
            skipped += more
            due = datetime.combine(end, start.time())
        elif unit is TimeUnit.HOURS:
            due, counted, more = self._add_hours(start, value * 60)
            skipped += more
            if start.time() > SAME_DAY_CUTOFF and due.date() == day:
                # a same-day result after 15:00: returned when the next working day opens
                notes.append(NOTE_AFTER_CUTOFF)
                nxt = self.next_working_day(day)
                skipped += self._walk(day, nxt - timedelta(days=1))[1]
                counted.append(nxt)
                due = datetime.combine(nxt, MORNING_START)
        else:
            end = day + timedelta(days=value)
            counted = [day + timedelta(days=i) for i in range(1, value + 1)]
            if not self.is_working_day(end):
                notes.append(NOTE_MOVED)
                moved = self.next_working_day(end)
                skipped += self._walk(end - timedelta(days=1), moved)[1]
                end = moved
            due = datetime.combine(end, start.time())
        if value > 0 and unit is not TimeUnit.HOURS and start.time() > SAME_DAY_CUTOFF:
            # after 15:00 a same-day result is due at 17:00 of the next working day; a day's limit is
            # longer, so it is never due before that (1 working day from 15:30 was 15:30 the next day)
            same_day = datetime.combine(self.next_working_day(day), AFTERNOON_END)
            if due < same_day:
                notes.append(NOTE_NOT_BEFORE_SAME_DAY)
                due = same_day
        return DueDate(
            received=received,
            start=start,
            due=due,
            value=value,
            unit=unit,
            counted=tuple(counted),
            skipped=tuple(skipped),
            notes=tuple(notes),
        )

    def _add_hours(self, start: datetime, minutes: int) -> tuple[datetime, list[date], list[SkippedDay]]:
        counted: list[date] = []
        skipped: list[SkippedDay] = []
        day, now = start.date(), start.time()
        while True:
            for begin, end in _OFFICE:
                seg_start = max(now, begin)
                if seg_start >= end:
                    continue
                avail = _minutes(end) - _minutes(seg_start)
                if not counted or counted[-1] != day:
                    counted.append(day)
                if minutes <= avail:
                    return datetime.combine(day, seg_start) + timedelta(minutes=minutes), counted, skipped
                minutes -= avail
            nxt = self.next_working_day(day)
            skipped += self._walk(day, nxt - timedelta(days=1))[1]
            day, now = nxt, MORNING_START

    def resume_after_pause(
        self, due: datetime, paused_at: datetime, resumed_at: datetime
    ) -> tuple[datetime, int]:
        """Move the appointment back by the working days spent waiting (e.g. for a supplement).

        Days waited = working days after the pause day up to and including the resumption day; a pause
        and resumption on the same day moves nothing. Returns (new due, days waited).
        """
        waited = max(0, self.working_days_between(paused_at.date(), resumed_at.date()))
        new_day = self.add_working_days(due.date(), waited)
        return datetime.combine(new_day, due.time()), waited


def _minutes(t: time) -> int:
    return t.hour * 60 + t.minute
