"""Reading a day or a month a person typed, and saying which part does not exist (the month, or the day)."""

from __future__ import annotations

import calendar
import re
from datetime import date

from onestop_desktop.prefs import t

_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def real_month(y: int, m: int) -> None:
    """Raise ValueError naming the fault when year `y` or month `m` does not exist."""
    if not 1 <= y <= 9999:
        raise ValueError(t(f"Năm {y} nằm ngoài lịch (từ 1 đến 9999).", f"Year {y} is outside the calendar."))
    if not 1 <= m <= 12:
        raise ValueError(
            t(
                f"Tháng {m} không tồn tại: một năm có 12 tháng, ghi tháng từ 1 đến 12.",
                f"There is no month {m}: a year has months 1 to 12.",
            )
        )


def real_date(y: int, m: int, d: int) -> date:
    """date(y, m, d), or ValueError saying that the month, or that day of the month, does not exist."""
    real_month(y, m)
    last = calendar.monthrange(y, m)[1]
    if not 1 <= d <= last:
        raise ValueError(
            t(
                f"Ngày {d:02d}/{m:02d}/{y} không tồn tại: tháng {m}/{y} chỉ có {last} ngày.",
                f"There is no day {d:02d}/{m:02d}/{y}: {m}/{y} has {last} days.",
            )
        )
    return date(y, m, d)


def parse_day(text: str) -> date:
    """A day typed as 24/10/2018 (also with "." or "-") or 2018-10-24; ValueError says what is wrong."""
    s = text.strip()
    if m := _DMY.match(s):
        return real_date(int(m[3]), int(m[2]), int(m[1]))
    if m := _ISO.match(s):
        return real_date(int(m[1]), int(m[2]), int(m[3]))
    raise ValueError(
        t(
            f"“{text}” không phải là ngày: ghi dạng 24/10/2018 hoặc 2018-10-24.",
            f"“{text}” is not a day: write it as 24/10/2018 or 2018-10-24.",
        )
    )
