"""Vietnamese number and date formats: 6.092, 98,63 %, 24/10/2018, 10:00 24/10/2018, 50.000 đ."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from onestop_desktop.domain.days import real_date
from onestop_desktop.prefs import t

__all__ = [
    "fmt_date",
    "fmt_datetime",
    "fmt_int",
    "fmt_money",
    "fmt_num",
    "fmt_pct",
    "parse_vi_date",
    "parse_vi_int",
]

_GROUPED = re.compile(r"^[+-]?\d{1,3}(?:[. ]\d{3})+$")
_PLAIN = re.compile(r"^[+-]?\d+$")
_DMY = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


def _group(digits: str) -> str:
    parts = []
    while len(digits) > 3:
        parts.append(digits[-3:])
        digits = digits[:-3]
    parts.append(digits)
    return ".".join(reversed(parts))


def fmt_num(x: float | int | Decimal, decimals: int = 0) -> str:
    """Format with "." between thousands and "," before decimals (half-up rounding)."""
    q = Decimal(str(x)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if q < 0 else ""
    text = f"{abs(q):.{decimals}f}"
    whole, _, frac = text.partition(".")
    out = sign + _group(whole)
    return f"{out},{frac}" if decimals > 0 else out


def fmt_int(n: int) -> str:
    """6092 -> "6.092"."""
    return fmt_num(n, 0)


def fmt_pct(x: float | Decimal, decimals: int = 2) -> str:
    """98.63 -> "98,63 %" (the value is already a percentage)."""
    return f"{fmt_num(x, decimals)} %"


def fmt_money(amount: int | float | Decimal) -> str:
    """50000 -> "50.000 đ"."""
    return f"{fmt_num(amount, 0)} đ"


def fmt_date(d: date) -> str:
    """dd/mm/yyyy."""
    return f"{d.day:02d}/{d.month:02d}/{d.year:04d}"


def fmt_datetime(dt: datetime) -> str:
    """hh:mm dd/mm/yyyy, as on the receipt form."""
    return f"{dt.hour:02d}:{dt.minute:02d} {fmt_date(dt)}"


def parse_vi_int(s: str | int | float | Decimal) -> int:
    """Parse a whole number written the Vietnamese way ("199.467", "199 467", "199467") or an Excel number.

    "," is the Vietnamese decimal separator, so "199,467" is not a whole number and is refused.
    """
    if isinstance(s, bool):
        raise ValueError("Giá trị đúng/sai không phải là số.")
    if isinstance(s, int):
        return s
    if isinstance(s, float | Decimal):
        try:
            as_int = int(s)
        except (ValueError, OverflowError, InvalidOperation) as exc:
            raise ValueError(f"“{s}” không phải là số nguyên.") from exc
        if as_int != s:
            raise ValueError(f"“{s}” không phải là số nguyên.")
        return as_int
    text = s.strip().replace("\u00a0", " ").replace("\u202f", " ")
    if not text:
        raise ValueError("Chưa nhập số.")
    if _PLAIN.match(text):
        return int(text)
    if _GROUPED.match(text) and not ("." in text and " " in text):
        return int(text.replace(".", "").replace(" ", ""))
    raise ValueError(f"“{s}” không phải là số nguyên hợp lệ (ví dụ đúng: 199.467).")


def parse_vi_date(s: str | date) -> date:
    """Parse dd/mm/yyyy, d/m/yyyy (also with "." or "-") or ISO yyyy-mm-dd; dates and datetimes pass."""
    if isinstance(s, datetime):
        return s.date()
    if isinstance(s, date):
        return s
    text = s.strip()
    m = _DMY.match(text)
    if m:
        day, month, year = (int(g) for g in m.groups())
    else:
        m = _ISO.match(text)
        if not m:
            raise ValueError(
                t(
                    f"“{s}” không phải là ngày hợp lệ (ví dụ đúng: 24/10/2018).",
                    f"“{s}” is not a day (write it as 24/10/2018).",
                )
            )
        year, month, day = (int(g) for g in m.groups())
    return real_date(year, month, day)  # names the month, or the day of the month, that does not exist
