"""What an imported value may plausibly be: dates of a one-stop dossier, counts of people, plain text.

The counter's form cannot type a receipt in year 0001 or a population of 10^30; an imported sheet can.
These checks hold an import to the counter's standard. Each returns a message (`Msg`) or None.

Lower bound for dates: Quyết định 181/2003/QĐ-TTg of 04/09/2003 (Quy chế thực hiện cơ chế "một cửa" tại
cơ quan hành chính nhà nước ở địa phương) put every commune office under the one-stop mechanism; a
one-stop log book cannot hold a dossier received before it (later rules, Quyết định 93/2007/QĐ-TTg and
Nghị định 61/2018/NĐ-CP, kept the mechanism). Excel's serial 1 (01/01/1900) and year 0001 fall before.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta
from typing import Any

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.domain.messages import Msg, Num, Text, define, msg
from onestop_desktop.domain.text import nfc

ONE_STOP_START = date(2003, 9, 4)  # Quyết định 181/2003/QĐ-TTg, signed 04/09/2003
# No commune procedure takes two years; an appointment further away is a mistyped year (2099 for 2019).
MAX_DUE_AFTER = timedelta(days=730)
# The most people one commune-level unit may count: the largest wards hold a few hundred thousand; ten
# million (more than Hà Nội's whole population) cannot be one unit's row, whatever the sheet says.
MAX_PEOPLE = 10_000_000
MAX_TEXT = 500  # the intake form's limit for free text (services/intake/checks.py MAX_TEXT)
SHOWN = 40  # characters of a refused value echoed in a message
Label = str | Text | Msg  # a column's name, worded in both languages when a Text or a Msg

define(
    "plausible.before-start",
    "{label} {day} trước khi có cơ chế một cửa (Quyết định 181/2003/QĐ-TTg, {start})",
    "{label} {day} is before the one-stop mechanism began (the Prime Minister's Decision 181/2003, {start})",
)
define(
    "plausible.after-today",
    "{label} {day} sau ngày hôm nay ({today})",
    "{label} {day} is after today ({today})",
)
define(
    "plausible.due-too-far",
    "ngày hẹn trả {day} cách ngày nhận hơn {days} ngày",
    "the due date {day} is more than {days} days after the date received",
)
define(
    "plausible.too-many",
    "{label} {value} vượt quá {limit}: không thể là số của một đơn vị",
    "{label} {value} is more than {limit}: it cannot be one unit's figure",
)
define("plausible.negative", "{label} không được âm", "{label} cannot be negative")
define(
    "plausible.control",
    "{label} có ký tự điều khiển (không in được)",
    "{label} contains control characters (not printable)",
)
define(
    "plausible.too-long",
    "{label} quá dài (tối đa {limit} ký tự, đang có {n})",
    "{label} is too long (at most {limit} characters, {n} given)",
)
define(
    "plausible.formula",
    "{label} là một công thức Excel, không phải giá trị: «{value}»",
    "{label} is an Excel formula, not a value: «{value}»",
)


def shown(value: Any) -> str:
    """A refused value as a message may echo it: printable, and at most `SHOWN` characters."""
    s = "".join(ch if ch.isprintable() else "�" for ch in str(value))
    return s if len(s) <= SHOWN else s[: SHOWN - 1] + "…"


def has_control(s: str) -> bool:
    """Control, format, private-use or unassigned characters (NUL, U+202E …); tab and newlines excepted."""
    if s.isprintable():  # the usual case, at C speed: printable text has none of them
        return False
    return any(unicodedata.category(ch) in ("Cc", "Cf", "Co", "Cs", "Cn") and ch not in "\t\n\r" for ch in s)


def check_text(value: str, label: Label, limit: int = MAX_TEXT) -> Msg | None:
    """Free text of an imported cell: no control characters, at most `limit` characters (NFC)."""
    if has_control(value):
        return msg("plausible.control", label=label)
    n = len(nfc(value))
    if n > limit:
        return msg("plausible.too-long", label=label, limit=str(limit), n=str(n))
    return None


def is_formula(value: Any) -> bool:
    """A formula read as written ("=SUM(A1:A3)", "=HYPERLINK(…)"), or text that would become one.

    Its cached value is whatever the file's author saved: a hostile file may cache anything (OWASP,
    "CSV Injection"). An import takes values, never formulas.
    """
    return isinstance(value, str) and value.startswith("=") and len(value) > 1


def check_receipt(received: datetime, today: date, label: Label) -> Msg | None:
    """A receipt (or result) day: not before the one-stop era, not after today."""
    day = received.date()
    if day < ONE_STOP_START:
        return msg("plausible.before-start", label=label, day=fmt_date(day), start=fmt_date(ONE_STOP_START))
    if day > today:
        return msg("plausible.after-today", label=label, day=fmt_date(day), today=fmt_date(today))
    return None


def check_due(received: datetime, due: datetime) -> Msg | None:
    """The appointment: at most `MAX_DUE_AFTER` after receipt (before receipt is the caller's check)."""
    if due - received > MAX_DUE_AFTER:
        return msg("plausible.due-too-far", day=fmt_date(due.date()), days=str(MAX_DUE_AFTER.days))
    return None


def check_people(n: int, label: Label, limit: int = MAX_PEOPLE) -> Msg | None:
    """A count of people in one unit: 0..limit."""
    if n < 0:
        return msg("plausible.negative", label=label)
    if n > limit:
        return msg("plausible.too-many", label=label, value=shown(n), limit=Num(limit))
    return None
