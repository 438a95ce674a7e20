"""Reading the monthly BHYT sheet: cells of .xlsx (merged ranges filled) or CSV, and the header row.

Headers are recognised with or without diacritics; a mapping remembered from last month wins.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from onestop_desktop.domain import plausible
from onestop_desktop.domain.fmt import parse_vi_int
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services.bhyt.sheet_messages import SheetRowError, bad_number, missing_value, unreadable
from onestop_desktop.services.bhyt.tallies import GroupInfo
from onestop_desktop.services.errors import ServiceError

CODE, NAME, POPULATION, INSURED = "code", "name", "population", "insured"
BASE_FIELDS = (CODE, NAME, POPULATION, INSURED)
# Folded header texts, most specific first. A header matches when it equals one of them or starts with it.
SYNONYMS: dict[str, tuple[str, ...]] = {
    CODE: ("ma xa", "ma don vi", "ma dvhc", "ma dv", "ma so", "ma"),
    NAME: ("ten xa", "ten don vi", "ten dvhc", "xa/thi tran", "xa, thi tran", "don vi", "ten", "xa"),
    POPULATION: ("dan so", "tong dan so", "so dan", "tong so dan"),
    INSURED: (
        "so nguoi tham gia bhyt",
        "so nguoi tham gia",
        "so nguoi co the bhyt",
        "so nguoi co bhyt",
        "tong so nguoi tham gia",
        "tong so tham gia",
        "so tham gia bhyt",
        "tham gia bhyt",
        "so nguoi tham gia bao hiem y te",
    ),
}
GROUP_SYNONYMS: dict[str, tuple[str, ...]] = {
    "nsnn_ho_tro": (
        "ngan sach nha nuoc ho tro",
        "nsnn ho tro",
        "duoc ngan sach nha nuoc ho tro",
        "nhom nsnn ho tro",
    ),
    "ho_gia_dinh": ("ho gia dinh", "theo ho gia dinh", "tham gia bao hiem y te theo ho gia dinh"),
    "nld": ("nguoi lao dong", "nld", "do nguoi lao dong", "nhom nld"),
    "bhxh": ("to chuc bao hiem xa hoi", "bhxh", "co quan bhxh", "do to chuc bhxh", "nhom bhxh"),
    "nsnn": ("ngan sach nha nuoc", "nsnn", "nhom nsnn"),
}


@dataclass(frozen=True)
class Sheet:
    """Cells of the first worksheet as text-or-number values, merged ranges filled in.

    `merged`: the ranges spanning several rows, (first row, first column, last row, last column),
    0-based: a figure merged over two units' rows was typed once, not for each.
    """

    name: str
    rows: tuple[tuple[Any, ...], ...]
    merged: tuple[tuple[int, int, int, int], ...] = ()


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        text = nfc(value).strip()
        return text or None
    return value


def read_sheet(path: str | Path) -> Sheet:
    """Read the first worksheet of an .xlsx file or a CSV file (UTF-8, "," or ";" separated)."""
    p = Path(path)
    if p.suffix.lower() in (".csv", ".txt"):
        try:
            raw = p.read_bytes()
        except OSError as exc:
            raise ServiceError(unreadable(p.name, exc)) from exc
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1258", errors="replace")  # Excel's "CSV" on Vietnamese Windows
        lines = text.splitlines()
        try:  # sniffed on the first lines, each cut short: one huge cell must not hide the separator
            dialect: Any = csv.Sniffer().sniff(
                "\n".join(x for x in lines[:20] if len(x) < 2000), delimiters=",;\t"
            )
        except csv.Error:
            dialect = csv.excel
        try:
            rows = [tuple(_cell(c) for c in r) for r in csv.reader(lines, dialect)]
        except csv.Error as exc:  # a cell over the csv module's 131,072 characters
            raise ServiceError(unreadable(p.name, exc)) from None
        return Sheet(p.name, tuple(rows))
    try:
        from openpyxl import load_workbook

        wb = load_workbook(p, data_only=True)
    except Exception as exc:
        raise ServiceError(unreadable(p.name, exc)) from exc
    ws = wb.worksheets[0]
    grid = [[_cell(c) for c in r] for r in ws.iter_rows(values_only=True)]
    tall = []
    for rng in ws.merged_cells.ranges:
        if rng.max_row > rng.min_row:
            tall.append((rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1))
        top = grid[rng.min_row - 1][rng.min_col - 1] if rng.min_row - 1 < len(grid) else None
        for r in range(rng.min_row - 1, min(rng.max_row, len(grid))):
            for c in range(rng.min_col - 1, rng.max_col):
                if c < len(grid[r]):
                    grid[r][c] = top
    wb.close()
    return Sheet(p.name, tuple(tuple(r) for r in grid), tuple(tall))


def merged_over_rows(sheet: Sheet, r: int, c: int) -> bool:
    """Whether cell (r, c) lies in a range merged over several rows."""
    return any(r0 <= r <= r1 and c0 <= c <= c1 for r0, c0, r1, c1 in sheet.merged)


def whole_number(value: Any, label: Msg) -> int:
    """A count of people as the sheet gives it: a whole number in a plausible range, or SheetRowError."""
    if value is None:
        raise SheetRowError(missing_value(label))
    if not isinstance(value, str | int | float | Decimal) or (isinstance(value, str) and len(value) > 20):
        shown = plausible.shown(value)  # a date, a time, 5,000 digits: no count of people
        raise SheetRowError(bad_number(label, shown, f"“{shown}” không phải là số nguyên."))
    try:
        n = parse_vi_int(value)
    except ValueError as exc:
        echo = plausible.shown(value) if isinstance(value, str) else value  # a float keeps its wording
        raise SheetRowError(bad_number(label, echo, str(exc))) from None
    if n > 0 and (why := plausible.check_people(n, label)) is not None:  # negatives: `tallies.check_values`
        raise SheetRowError(why)
    return n


def text_problem(value: Any, label: Msg) -> Msg | None:
    """A unit's code or name cell that no office writes: a formula, control characters, 200+ characters."""
    if not isinstance(value, str):
        return None
    if plausible.is_formula(value):
        return msg("plausible.formula", label=label, value=plausible.shown(value))
    return plausible.check_text(value, label, limit=200)


def recognise(header: Any, groups: Sequence[GroupInfo]) -> str | None:
    """The field a header text stands for ("population", "group:nld", ...), or None."""
    if not isinstance(header, str):
        return None
    h = fold(header).replace("\n", " ").strip(" :*")
    h = re.sub(r"\s*\(.*?\)\s*", " ", h).strip()
    if not h:
        return None
    for g in groups:
        if h in (fold(g.name), fold(g.code)):
            return f"group:{g.code}"
    for code, words in GROUP_SYNONYMS.items():
        if any(g.code == code for g in groups) and any(
            h == w or h.startswith(w) or h.endswith(w) for w in words
        ):
            return f"group:{code}"
    for name in (INSURED, POPULATION, CODE, NAME):
        for w in SYNONYMS[name]:
            if h == w or (len(w) > 3 and h.startswith(w + " ")):
                return name
    return None


def guess_mapping(
    sheet: Sheet, groups: Sequence[GroupInfo], remembered: Mapping[str, str] | None = None
) -> tuple[int, dict[str, int]]:
    """(0-based header row, field -> column) found in the first 20 rows; the header texts of a mapping
    remembered from last month win over the built-in synonyms. Row -1 when nothing looks like a header.
    """
    best: tuple[int, int, dict[str, int]] = (0, -1, {})
    wanted = {fold(v): k for k, v in (remembered or {}).items()}
    for r, row in enumerate(sheet.rows[:20]):
        found: dict[str, int] = {}
        for c, value in enumerate(row):
            key = wanted.get(fold(value)) if isinstance(value, str) else None
            key = key or recognise(value, groups)
            if key and key not in found:
                found[key] = c
        # a sub-header row right under the header (groups under "Trong đó") completes it
        if r + 1 < len(sheet.rows):
            for c, value in enumerate(sheet.rows[r + 1]):
                key = wanted.get(fold(value)) if isinstance(value, str) else None
                key = key or recognise(value, groups)
                if key and key.startswith("group:") and key not in found and c not in found.values():
                    found[key] = c
        score = len({k for k in found if k in BASE_FIELDS}) * 10 + len(found)
        if score > best[0] and len({k for k in found if k in BASE_FIELDS}) >= 3:
            best = (score, r, found)
    return best[1], best[2]


def header_texts(sheet: Sheet, header_row: int, mapping: Mapping[str, int]) -> dict[str, str]:
    """field -> header text as written, to remember the mapping for next month."""
    out: dict[str, str] = {}
    for key, col in mapping.items():
        for r in (header_row, header_row + 1):
            if 0 <= r < len(sheet.rows) and col < len(sheet.rows[r]) and isinstance(sheet.rows[r][col], str):
                text = str(sheet.rows[r][col])
                if key.startswith("group:") and r == header_row and header_row + 1 < len(sheet.rows):
                    below = sheet.rows[header_row + 1]
                    if col < len(below) and isinstance(below[col], str):
                        text = str(below[col])
                out[key] = text
                break
    return out


def is_numbering(row: tuple[Any, ...]) -> bool:
    values = [v for v in row if v is not None]
    nums: list[int] = []
    for v in values:
        m = re.fullmatch(r"\(?(\d{1,2})\)?", str(v).strip()) if not isinstance(v, float) else None
        if m is None:
            return False
        nums.append(int(m.group(1)))
    return len(nums) >= 3 and all(b > a for a, b in zip(nums, nums[1:], strict=False))
