"""Reading an old log book's sheet (Excel or CSV): its rows, its header row in any spelling, its dates.

The log book's own Vietnamese headers are recognised with or without diacritics, in any case, so the
log book this program exports imports back.
"""

from __future__ import annotations

import csv
import itertools
import re
from collections.abc import Iterator
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


class Table:
    """The rows of a log book's sheet, read lazily (200,000 rows need not sit in memory as cells twice).

    `estimate` is the number of rows the file declares (an .xlsx file's dimension; exact for CSV), or 0.
    Formulas are read as written ("=G3+15"), never as the value the file's author cached: an import
    refuses them (`domain.plausible.is_formula`).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.estimate = 0
        suffix = path.suffix.lower()
        if suffix not in (".xlsx", ".xlsm", ".csv"):
            raise ServiceError(msg("logbook.bad-file", name=path.name))
        self._csv: list[list[str]] | None = None
        if suffix == ".csv":
            lines = path.read_text(encoding="utf-8-sig").splitlines()
            sample = "\n".join(
                x for x in lines[:20] if len(x) < 2000
            )  # one huge cell must not hide the separator
            try:
                dialect: Any = csv.Sniffer().sniff(sample, delimiters=",;\t")
            except csv.Error:
                dialect = csv.excel
            try:
                self._csv = [list(r) for r in csv.reader(lines, dialect)]
            except csv.Error:  # a cell over the csv module's 131,072 characters
                raise ServiceError(msg("logbook.bad-file", name=path.name)) from None
            self.estimate = len(self._csv)

    def rows(self) -> Iterator[list[Any]]:
        if self._csv is not None:
            yield from self._csv
            return
        sheet: Any = None
        try:
            sheet = _open_sheet(self.path)
        except Exception:  # noqa: BLE001 - not a workbook, or a damaged one: said below, no traceback
            sheet = None
        if sheet is None:
            raise ServiceError(msg("logbook.unreadable", name=self.path.name))
        self.estimate = int(sheet.max_row or 0)
        rows = sheet.rows()
        try:
            while True:
                failed = False
                try:
                    row = next(rows)
                except StopIteration:
                    return
                except Exception:  # noqa: BLE001 - a damaged sheet (bad XML, a string that is not there)
                    failed = True
                if failed:
                    raise ServiceError(msg("logbook.unreadable", name=self.path.name))
                yield row if isinstance(row, list) else list(row)
        finally:
            sheet.close()


class _OpenpyxlSheet:
    """openpyxl's own read-only reader (the same values, 3 times slower): used when lxml, which the
    fast reader needs, is not installed (it is a dependency of a dependency, pikepdf, today)."""

    def __init__(self, path: Path) -> None:
        from openpyxl import load_workbook

        self._wb = load_workbook(path, read_only=True, data_only=False)
        try:
            self._ws = self._wb.worksheets[0]
            self.max_row = getattr(self._ws, "max_row", None)
        except BaseException:
            self._wb.close()
            raise

    def rows(self) -> Iterator[tuple[Any, ...]]:
        return self._ws.iter_rows(values_only=True)  # type: ignore[no-any-return]

    def close(self) -> None:
        self._wb.close()


def _open_sheet(path: Path) -> Any:
    """The first worksheet of an .xlsx file: `max_row`, `rows()`, `close()`."""
    try:
        from onestop_desktop.services.tracking.logbook_xlsx import SheetFile  # lxml: imported when needed
    except ImportError:
        return _OpenpyxlSheet(path)
    return SheetFile(path)


def read_table(path: Path) -> list[list[Any]]:
    """Cells of the first sheet (.xlsx) or of a CSV file (UTF-8, comma or semicolon)."""
    return list(Table(path).rows())


def read_head(path: Path, n: int = 50) -> list[list[Any]]:
    """The first `n` rows (the dialog's preview and column mapping), without reading the rest."""
    return list(itertools.islice(Table(path).rows(), n))


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
            # Excel's 1900 date system counts a 29/02/1900 that never was (serial 60; Microsoft KB 214326):
            # below it, serial 1 is 01/01/1900 and the epoch one day later
            epoch = _EXCEL_EPOCH if value >= 61 else _EXCEL_EPOCH + timedelta(days=1)
            return datetime.combine(epoch, time()) + timedelta(days=float(value))
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
