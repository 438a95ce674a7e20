"""Reading an old log book's sheet (Excel or CSV): its rows, its header row in any spelling, its dates.

The log book's own Vietnamese headers are recognised with or without diacritics, in any case, so the
log book this program exports imports back.
"""

from __future__ import annotations

import csv
import re
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from onestop_desktop.domain.messages import msg
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking import logbook_messages  # noqa: F401  (defines the messages)

# folded header (punctuation removed) -> field
HEADERS = {
    "ma ho so": "code",
    "ten thu tuc": "procedure",
    "thu tuc": "procedure",
    "ten to chuc ca nhan": "applicant",
    "to chuc ca nhan": "applicant",
    "ho va ten": "applicant",
    "dia chi": "address",
    "so dien thoai": "phone",
    "dien thoai": "phone",
    "so cccd": "citizen_id",
    "so can cuoc cong dan": "citizen_id",
    "so dinh danh": "citizen_id",
    "ngay nhan": "received",
    "ngay nhan ho so": "received",
    "ngay hen tra": "due",
    "ngay hen tra ket qua": "due",
    "ngay giai quyet xong": "resolved",
    "ngay tra ket qua": "returned",
    "trang thai": "status",
    "ghi chu": "note",
}

FIELDS = {
    "code": "Mã hồ sơ",
    "procedure": "Tên thủ tục",
    "applicant": "Tên tổ chức, cá nhân",
    "address": "Địa chỉ",
    "phone": "Số điện thoại",
    "citizen_id": "Số CCCD",
    "received": "Ngày nhận",
    "due": "Ngày hẹn trả",
    "resolved": "Ngày giải quyết xong",
    "returned": "Ngày trả kết quả",
    "status": "Trạng thái",
    "note": "Ghi chú",
}

REQUIRED = ("procedure", "applicant", "received", "due")

_PUNCT = re.compile(r"[^\w\s]")

_EXCEL_EPOCH = date(1899, 12, 30)


def norm_header(value: Any) -> str:
    return " ".join(_PUNCT.sub(" ", fold(str(value or ""))).split())


def norm_name(value: str) -> str:
    s = norm_header(value)
    return s[len("thu tuc ") :] if s.startswith("thu tuc ") else s


def read_table(path: Path) -> list[list[Any]]:
    """Cells of the first sheet (.xlsx) or of a CSV file (UTF-8, comma or semicolon)."""
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook

        wb = load_workbook(path, read_only=True, data_only=True)
        try:
            return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
        finally:
            wb.close()
    if suffix == ".csv":
        content = path.read_text(encoding="utf-8-sig")
        try:
            dialect: Any = csv.Sniffer().sniff(content[:4096], delimiters=",;\t")
        except csv.Error:
            dialect = csv.excel
        return [list(r) for r in csv.reader(content.splitlines(), dialect)]
    raise ServiceError(msg("logbook.bad-file", name=path.name))


def detect_header(table: list[list[Any]]) -> tuple[int, dict[str, int]]:
    """The first row (of the first 15) naming at least three known columns, and its mapping."""
    for i, row in enumerate(table[:15]):
        mapping: dict[str, int] = {}
        for j, cell in enumerate(row):
            f = HEADERS.get(norm_header(cell))
            if f and f not in mapping:
                mapping[f] = j
        if len(mapping) >= 3:
            return i, mapping
    return -1, {}


def parse_when(value: Any) -> datetime | None:
    """Excel date/datetime, Excel serial number, dd/mm/yyyy [hh:mm], hh:mm dd/mm/yyyy, or ISO."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    if isinstance(value, date):
        return datetime.combine(value, time(7, 0))
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 1 <= value < 2958466:
            return datetime.combine(_EXCEL_EPOCH, time()) + timedelta(days=float(value))
        raise ValueError(str(value))
    s = str(value).strip()
    if re.fullmatch(r"\d+(\.\d+)?", s):
        return parse_when(float(s))
    m = re.fullmatch(r"(\d{1,2}):(\d{2})\s+(\d{1,2})/(\d{1,2})/(\d{4})", s)
    if m:
        hh, mm, d, mo, y = (int(x) for x in m.groups())
        return datetime(y, mo, d, hh, mm)
    m = re.fullmatch(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s+(\d{1,2}):(\d{2})(?::\d{2})?)?", s)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
        hh, mm = (int(m[4]), int(m[5])) if m[4] else (7, 0)
        return datetime(y, mo, d, hh, mm)
    try:
        parsed = datetime.fromisoformat(s)
    except ValueError:
        raise ValueError(s) from None
    if len(s) <= 10:
        parsed = parsed.replace(hour=7)
    return parsed.replace(tzinfo=None, microsecond=0)


def sheet_cell(row: list[Any], mapping: dict[str, int], f: str) -> Any:
    j = mapping.get(f)
    return row[j] if j is not None and j < len(row) else None


def cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return nfc(str(value)).strip()
