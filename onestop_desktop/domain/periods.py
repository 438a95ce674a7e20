"""Reporting periods: month, quarter, year, the 15th-to-14th reporting month, and free ranges."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from onestop_desktop.domain.days import parse_day, real_month
from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.prefs import t

__all__ = [
    "Period",
    "month",
    "parse_period",
    "previous",
    "quarter",
    "reporting_15_14",
    "same_last_year",
    "year",
]

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """Inclusive date range. kind: "month", "quarter", "year", "reporting" (15th-14th) or "range"."""

    start: date
    end: date
    kind: str
    label_vi: str

    def contains(self, d: date) -> bool:
        return self.start <= d <= self.end

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def code(self) -> str:
        """Text that `parse_period` turns back into this period (e.g. "2018-Q4")."""
        if self.kind == "month":
            return f"{self.start.year:04d}-{self.start.month:02d}"
        if self.kind == "quarter":
            return f"{self.start.year:04d}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return f"{self.start.year:04d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


def _last_day(y: int, m: int) -> date:
    return (date(y + 1, 1, 1) if m == 12 else date(y, m + 1, 1)) - timedelta(days=1)


def _check_year(y: int) -> None:
    if not 1900 <= y <= 2200:
        raise ValueError(
            t(f"Năm {y} nằm ngoài khoảng cho phép (1900–2200).", f"Year {y} is outside 1900–2200.")
        )


def month(y: int, m: int) -> Period:
    _check_year(y)
    real_month(y, m)
    return Period(date(y, m, 1), _last_day(y, m), "month", f"tháng {m}/{y}")


def quarter(y: int, q: int) -> Period:
    _check_year(y)
    if not 1 <= q <= 4:
        raise ValueError(
            t(f"Không có quý {q}: một năm có 4 quý, từ 1 đến 4.", f"There is no quarter {q}: a year has 4.")
        )
    return Period(date(y, 3 * q - 2, 1), _last_day(y, 3 * q), "quarter", f"quý {_ROMAN[q]}/{y}")


def year(y: int) -> Period:
    _check_year(y)
    return Period(date(y, 1, 1), date(y, 12, 31), "year", f"năm {y}")


def _range_label(start: date, end: date) -> str:
    return f"từ {fmt_date(start)} đến {fmt_date(end)}"


def reporting_15_14(y: int, m: int) -> Period:
    """Reporting month m: from the 15th of the previous month to the 14th of month m."""
    month(y, m)  # validates
    prev_y, prev_m = (y - 1, 12) if m == 1 else (y, m - 1)
    start, end = date(prev_y, prev_m, 15), date(y, m, 14)
    return Period(start, end, "reporting", _range_label(start, end))


def _date_range(start: date, end: date) -> Period:
    """A free range, recognised as a named period when it is exactly one."""
    if end < start:
        raise ValueError(
            t(
                f"Ngày kết thúc {fmt_date(end)} trước ngày bắt đầu {fmt_date(start)}: đổi chỗ hai ngày.",
                f"The end {fmt_date(end)} is before the start {fmt_date(start)}: swap the two days.",
            )
        )
    if 1900 <= start.year and end.year <= 2200:
        candidates = [month(start.year, start.month), year(start.year)]
        candidates.append(quarter(start.year, (start.month - 1) // 3 + 1))
        candidates.append(reporting_15_14(end.year, end.month))
        for p in candidates:
            if (p.start, p.end) == (start, end):
                return p
    return Period(start, end, "range", _range_label(start, end))


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_MONTH_VI = re.compile(r"^(\d{1,2})/(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-[Qq](\d)$")
_YEAR = re.compile(r"^(\d{4})$")
_DAY = r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}"
_RANGE = re.compile(rf"^({_DAY})\s*\.\.\s*({_DAY})$")
_ONE_DAY = re.compile(rf"^({_DAY})$")


def parse_period(s: str) -> Period:
    """Parse "2018-10" (or "10/2018"), "2018-Q4", "2018" or "2018-09-15..2018-10-14"."""
    text = s.strip()
    if m := _MONTH.match(text):
        return month(int(m[1]), int(m[2]))
    if m := _MONTH_VI.match(text):
        return month(int(m[2]), int(m[1]))
    if m := _QUARTER.match(text):
        return quarter(int(m[1]), int(m[2]))
    if m := _YEAR.match(text):
        return year(int(m[1]))
    if m := _RANGE.match(text) or _ONE_DAY.match(text):  # one day is a range of one day
        start = parse_day(m[1])
        end = parse_day(m[2]) if m.lastindex == 2 else start
        _check_year(start.year)
        _check_year(end.year)
        return _date_range(start, end)
    raise ValueError(
        t(
            f"Không hiểu kỳ báo cáo “{s}”. Dùng dạng 2018-10 (tháng), 2018-Q4 (quý), 2018 (năm) "
            "hoặc 2018-09-15..2018-10-14 (khoảng ngày).",
            f"Period “{s}” not understood: write 2018-10 (month), 2018-Q4 (quarter), 2018 (year) "
            "or 2018-09-15..2018-10-14 (range of days).",
        )
    )


def _shift_year(d: date, years: int) -> date:
    try:
        return d.replace(year=d.year + years)
    except ValueError:  # 29 February
        return d.replace(year=d.year + years, day=28)


def previous(p: Period) -> Period:
    """The period of the same kind and length just before `p`."""
    if p.kind == "month":
        return month(p.start.year - 1, 12) if p.start.month == 1 else month(p.start.year, p.start.month - 1)
    if p.kind == "quarter":
        q = (p.start.month - 1) // 3 + 1
        return quarter(p.start.year - 1, 4) if q == 1 else quarter(p.start.year, q - 1)
    if p.kind == "year":
        return year(p.start.year - 1)
    if p.kind == "reporting":
        return reporting_15_14(p.start.year, p.start.month)
    end = p.start - timedelta(days=1)
    start = end - timedelta(days=p.days - 1)
    return Period(start, end, "range", _range_label(start, end))


def same_last_year(p: Period) -> Period:
    """The same period one year earlier (29/02 becomes 28/02 for free ranges)."""
    if p.kind == "month":
        return month(p.start.year - 1, p.start.month)
    if p.kind == "quarter":
        return quarter(p.start.year - 1, (p.start.month - 1) // 3 + 1)
    if p.kind == "year":
        return year(p.start.year - 1)
    if p.kind == "reporting":
        return reporting_15_14(p.end.year - 1, p.end.month)
    start, end = _shift_year(p.start, -1), _shift_year(p.end, -1)
    return Period(start, end, "range", _range_label(start, end))
