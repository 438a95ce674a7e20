"""The catalogue as an Excel workbook: writing it as of a day, and reading one back row by row."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from onestop_desktop.domain import plausible
from onestop_desktop.domain.messages import Msg, Text, msg
from onestop_desktop.domain.text import fold, nfc
from onestop_desktop.services.catalogue import (
    catalogue,
    catalogue_messages,  # noqa: F401  (defines the messages)
)
from onestop_desktop.services.catalogue.admin import ProcedureEdit
from onestop_desktop.services.catalogue.versions import DocumentInfo
from onestop_desktop.services.errors import ValidationFailed

KIND_WORDS = {
    "original": "original",
    "bản chính": "original",
    "certified_copy": "certified_copy",
    "bản sao chứng thực": "certified_copy",
    "photocopy": "photocopy",
    "bản photo": "photocopy",
    "bản sao": "photocopy",
}
SHEET_FIELDS, SHEET_PROCS, SHEET_DOCS = "Lĩnh vực", "Thủ tục", "Giấy tờ"
PROC_HEADERS = ["Mã thủ tục", "Tên thủ tục", "Mã lĩnh vực", "Cấp", "Thời hạn", "Đơn vị thời hạn",
                "Lệ phí (đồng)", "Mức độ trực tuyến", "Kết quả", "Đang áp dụng", "Căn cứ"]  # fmt: skip
DOC_HEADERS = ["Mã thủ tục", "Thứ tự", "Tên giấy tờ", "Loại bản", "Số bản"]


@dataclass(frozen=True)
class SheetProcedure:
    """A procedure row of a workbook, read but not yet checked against the catalogue."""

    row: int
    edit: ProcedureEdit
    source: str


@dataclass
class Workbook:
    """What a workbook holds: fields, procedure rows, and the rows that could not be read."""

    fields: list[tuple[str, str]] = field(default_factory=list)
    procedures: list[SheetProcedure] = field(default_factory=list)
    rejected: list[Msg] = field(default_factory=list)  # "Thủ tục, dòng 7: …" (str(): Vietnamese)


def row_refusal(sheet: str, row: int, why: Msg) -> Msg:
    """ "Thủ tục, dòng 7: …" (the sheet's own name, the row number as the spreadsheet shows it)."""
    return msg("cat.sheet-row", sheet=sheet, row=str(row), why=why)


def export_catalogue(session: Any, path: Path, on: date | None = None) -> int:
    """Write fields, procedures (their version of `on`, default today) and documents; returns the count.

    Names, results and legal bases are user text: the rows go through `services.safe_cells`, so none of
    them can become a formula in the reader's spreadsheet.
    """
    from openpyxl.styles import Font

    from onestop_desktop.services.safe_cells import Book

    wb = Book()
    ws_f, ws_p, ws_d = wb.sheet(SHEET_FIELDS), wb.sheet(SHEET_PROCS), wb.sheet(SHEET_DOCS)
    ws_f.append(["Mã lĩnh vực", "Tên lĩnh vực"])
    for f in catalogue.list_fields(session):
        ws_f.append([f.code, f.name])
    ws_p.append(PROC_HEADERS)
    ws_d.append(DOC_HEADERS)
    procs = catalogue.list_procedures(session, include_inactive=True, on=on)
    for p in procs:
        ws_p.append([p.code, p.name, p.field_code, p.level, p.time_value, str(p.time_unit), p.fee,
                     p.online_level, p.result, "có" if p.active else "không", p.source])  # fmt: skip
        for i, d in enumerate(p.documents, start=1):
            ws_d.append([p.code, i, d.name, d.kind, d.count])
    for sheet, widths in (
        (ws_f, (14, 50)),
        (ws_p, (14, 70, 12, 8, 10, 16, 14, 12, 40, 12, 50)),
        (ws_d, (14, 8, 80, 16, 8)),
    ):
        ws = sheet.ws
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for i, w in enumerate(widths):
            ws.column_dimensions[chr(ord("A") + i)].width = w
        ws.freeze_panes = "A2"
    wb.save(path)
    return len(procs)


def _hostile(cells: list[Any]) -> Msg | None:
    """A cell no catalogue holds: a formula, control characters (NUL …), over 2,000 characters."""
    for j, c in enumerate(cells):
        if isinstance(c, str):
            label = Text(f"Cột {chr(65 + j)}", f"Column {chr(65 + j)}")
            if plausible.is_formula(c):
                return msg("plausible.formula", label=label, value=plausible.shown(c))
            if why := plausible.check_text(c, label, limit=2000):
                return why
    return None


def _rows(wb: Any, name: str, width: int, book: Workbook) -> list[tuple[int, list[Any]]]:
    """The filled rows of sheet `name`; a row with a hostile cell goes to `book.rejected` instead."""
    if name not in wb.sheetnames:
        return []
    out = []
    for i, row in enumerate(wb[name].iter_rows(min_row=2, values_only=True), start=2):
        cells = list(row[:width]) + [None] * (width - len(row[:width]))
        if (why := _hostile(cells)) is not None:
            book.rejected.append(row_refusal(name, i, why))
        elif any(c not in (None, "") for c in cells):
            out.append((i, cells))
    return out


def _int(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int | float):
        if value != value or value in (float("inf"), float("-inf")) or value != int(value):
            raise ValueError  # NaN and infinities too (int() of them raised OverflowError)
        return int(value)
    return int(str(value).replace(".", "").strip())


def _text(value: Any) -> str:
    return nfc(str(value if value is not None else "")).strip()


def read_workbook(path: Path) -> Workbook:
    """Read a workbook like `export_catalogue` writes; a row that cannot be read is rejected with its number.

    Raises `ValidationFailed` when the file is no workbook or has no procedure sheet.
    """
    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # not an xlsx, damaged file …
        raise ValidationFailed({"file": msg("cat.bad-workbook", name=path.name, error=exc)}) from exc
    if SHEET_PROCS not in wb.sheetnames:
        raise ValidationFailed({"file": msg("cat.no-sheet", sheet=SHEET_PROCS)})
    out = Workbook()
    for i, (code, name) in _rows(wb, SHEET_FIELDS, 2, out):
        if not code or not name:
            out.rejected.append(row_refusal(SHEET_FIELDS, i, msg("cat.row-field")))
            continue
        out.fields.append((_text(code).upper(), _text(name)))
    docs: dict[str, list[DocumentInfo]] = {}
    for i, (pcode, _pos, name, kind, n) in _rows(wb, SHEET_DOCS, 5, out):
        k = KIND_WORDS.get(_text(kind).lower())
        try:
            count = _int(n if n not in (None, "") else 1)
        except ValueError:
            count = -1
        if not pcode or not name or k is None or not 0 <= count <= 99:
            out.rejected.append(row_refusal(SHEET_DOCS, i, msg("cat.row-document")))
            continue
        docs.setdefault(_text(pcode), []).append(DocumentInfo(_text(name), k, count))
    for i, cells in _rows(wb, SHEET_PROCS, len(PROC_HEADERS), out):
        code, name, fcode, level, tv, tu, fee, online, result, active, source = cells
        try:
            edit = ProcedureEdit(
                _text(code), _text(name), _text(fcode).upper(), _int(tv), _text(tu), _int(fee or 0),
                _text(level or "xa").lower(), _int(online or 2), _text(result),
                fold(str(active or "có")) not in ("khong", "no", "0", "false"),
                tuple(docs.get(_text(code), ())),
            )  # fmt: skip
        except ValueError:
            out.rejected.append(row_refusal(SHEET_PROCS, i, msg("cat.row-numbers")))
            continue
        out.procedures.append(SheetProcedure(i, edit, _text(source)))
    wb.close()
    return out
