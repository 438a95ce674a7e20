"""Dossier codes: ``<unit code>-YYMMDD-NNNN`` (e.g. ``000.00.32.H19-210708-0032``).

The unit code follows QCVN 102:2016 (dot-separated groups such as ``000.00.32.H19``); the date is the day
of receipt; NNNN is a 4-digit sequence per unit per day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

__all__ = [
    "MAX_SEQ",
    "DossierCodeParts",
    "code_prefix",
    "looks_like_partial_code",
    "make_dossier_code",
    "parse_dossier_code",
]

MAX_SEQ = 9999
_UNIT = re.compile(r"^[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*$")
_CODE = re.compile(r"^(?P<unit>[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*)-(?P<day>\d{6})-(?P<seq>\d{4})$")
_PARTIAL = re.compile(r"^[0-9A-Za-z.]*(?:-\d{0,6}(?:-\d{0,4})?)?$")


@dataclass(frozen=True)
class DossierCodeParts:
    unit_code: str
    day: date
    seq: int


def _check_unit(unit_code: str) -> str:
    unit = unit_code.strip().upper()
    if not _UNIT.match(unit):
        raise ValueError(f"Mã đơn vị “{unit_code}” không hợp lệ (ví dụ đúng: 000.00.32.H19).")
    return unit


def code_prefix(unit_code: str, day: date) -> str:
    """ "<unit>-YYMMDD-": every code of that unit and day starts with it."""
    return f"{_check_unit(unit_code)}-{day:%y%m%d}-"


def make_dossier_code(unit_code: str, received: date, seq: int) -> str:
    """Build the code; `seq` must be 1..9999."""
    if not 1 <= seq <= MAX_SEQ:
        raise ValueError(f"Số thứ tự hồ sơ phải từ 1 đến {MAX_SEQ}, không được là {seq}.")
    return f"{code_prefix(unit_code, received)}{seq:04d}"


def parse_dossier_code(code: str) -> DossierCodeParts:
    """Split a code into its parts; ValueError with a Vietnamese message when malformed."""
    m = _CODE.match(code.strip())
    if not m:
        raise ValueError(
            f"Mã hồ sơ “{code}” không đúng dạng <mã đơn vị>-YYMMDD-NNNN (ví dụ: 000.00.32.H19-210708-0032)."
        )
    raw = m.group("day")
    try:
        day = date(2000 + int(raw[:2]), int(raw[2:4]), int(raw[4:]))
    except ValueError as exc:
        raise ValueError(f"Mã hồ sơ “{code}” chứa ngày không tồn tại ({raw}).") from exc
    seq = int(m.group("seq"))
    if seq == 0:
        raise ValueError(f"Mã hồ sơ “{code}” có số thứ tự 0000 không hợp lệ.")
    return DossierCodeParts(m.group("unit").upper(), day, seq)


def looks_like_partial_code(s: str) -> bool:
    """True when `s` could be the start of a dossier code (for search boxes): contains a "-" or a "."
    and only code characters, e.g. "H19-2107", "000.00.32", "-210708-00"."""
    text = s.strip()
    if not text or not ("-" in text or "." in text):
        return False
    return bool(_PARTIAL.match(text))
