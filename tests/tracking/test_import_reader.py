"""The log book's own .xlsx reader (`logbook_xlsx`) gives openpyxl's read-only values, cell for cell, on
ordinary and hostile workbooks; a damaged workbook is one clear sentence, never a traceback."""

from __future__ import annotations

import zipfile
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
from openpyxl.worksheet.formula import ArrayFormula

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.tracking import logbook_import
from onestop_desktop.services.tracking.logbook_sheet import Table
from onestop_desktop.services.tracking.logbook_xlsx import SheetFile


def _openpyxl(path: Path) -> list[list[Any]]:
    wb = load_workbook(path, read_only=True, data_only=False)
    try:
        return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)]
    finally:
        wb.close()


def _ours(path: Path) -> list[list[Any]]:
    sheet = SheetFile(path)
    try:
        return list(sheet.rows())
    finally:
        sheet.close()


def _plain(value: Any) -> Any:
    """A value compared as what it holds (an array formula is an object: equal by identity only)."""
    if isinstance(value, ArrayFormula):
        return ("array", value.ref, value.text)
    return (type(value), value)  # 1 is not 1.0, True is not 1


def _same(path: Path) -> list[list[Any]]:
    ours, theirs = _ours(path), _openpyxl(path)
    assert [[_plain(v) for v in r] for r in ours] == [[_plain(v) for v in r] for r in theirs]
    return ours


def _hostile_rows() -> list[list[Any]]:
    return [
        ["Mã hồ sơ", "Tên", "Ngày nhận", "Số", "Có", "Giờ"],
        ["CU-1", "Nguyễn Văn An", datetime(2017, 3, 6, 8, 0), 42801.5, True, time(8, 30)],
        ["  CU-2 ", "", datetime(1900, 1, 1), 1, False, timedelta(hours=30)],
        [None, "=A1&B1", '=HYPERLINK("http://x","Xuân Phú")', "=TODAY()", "=1", "="],
        ["x" * 5000, "Trần Thị\tBé\n", "06/03/2017", 1e30, -0.5, 0],
        [],
        ["CU-7", None, None, None, None, "<&>\"'"],
    ]


@pytest.mark.parametrize("write_only", [False, True])  # shared strings; inline strings, no <dimension>
def test_same_values_as_openpyxl(tmp_path: Path, write_only: bool) -> None:
    wb = Workbook(write_only=write_only)
    ws = wb.create_sheet("Sổ") if write_only else wb.active
    assert ws is not None
    for r in _hostile_rows():
        ws.append(r)
    if not write_only:
        ws["H9"] = "beyond the rows appended"  # a gap, and a wider last row
        ws["B12"] = "=SUM(B2:B3)"
        ws["C12"] = ArrayFormula("C12:C13", "=B2:B3*2")
        ws["D12"] = CellRichText(["Xuân ", TextBlock(InlineFont(b=True), "Phú")])
        wb.epoch = datetime(1904, 1, 1)  # the Mac calendar: every serial means another day
    path = tmp_path / "so.xlsx"
    wb.save(path)
    rows = _same(path)
    assert rows[1][:2] == ["CU-1", "Nguyễn Văn An"]


_OOXML = "http://schemas.openxmlformats.org"
_SHEET_NS = f'xmlns="{_OOXML}/spreadsheetml/2006/main"'
_REL_NS = f'xmlns:r="{_OOXML}/officeDocument/2006/relationships"'
_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml"
_REL = f"{_OOXML}/officeDocument/2006/relationships"


def _rels(*targets: tuple[str, str]) -> str:
    links = "".join(
        f'<Relationship Id="rId{i}" Type="{_REL}/{kind}" Target="{target}"/>'
        for i, (kind, target) in enumerate(targets, start=1)
    )
    ns = f"{_OOXML}/package/2006/relationships"
    return f'<?xml version="1.0"?><Relationships xmlns="{ns}">{links}</Relationships>'


def _zip(
    path: Path, sheet: str, *, dimension: str | None = None, strings: str | None = None, prolog: str = ""
) -> Path:
    """A workbook written by hand, with the sheet's XML as given (what other programs write)."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    parts = [("/xl/workbook.xml", "sheet.main+xml"), ("/xl/worksheets/sheet1.xml", "worksheet+xml")]
    if strings is not None:
        parts.append(("/xl/sharedStrings.xml", "sharedStrings+xml"))
    overrides = "".join(f'<Override PartName="{name}" ContentType="{_TYPE}.{kind}"/>' for name, kind in parts)
    links = [("worksheet", "worksheets/sheet1.xml")] + (
        [("sharedStrings", "sharedStrings.xml")] if strings else []
    )
    with zipfile.ZipFile(path, "w") as z:
        z.writestr(
            "[Content_Types].xml",
            f'<?xml version="1.0"?><Types xmlns="{_OOXML}/package/2006/content-types">'
            '<Default Extension="rels" '
            'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            f'<Default Extension="xml" ContentType="application/xml"/>{overrides}</Types>',
        )
        z.writestr("_rels/.rels", _rels(("officeDocument", "xl/workbook.xml")))
        z.writestr(
            "xl/workbook.xml",
            f'<?xml version="1.0"?><workbook {_SHEET_NS} {_REL_NS}><sheets>'
            '<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        z.writestr("xl/_rels/workbook.xml.rels", _rels(*links))
        if strings is not None:
            z.writestr("xl/sharedStrings.xml", f'<?xml version="1.0"?><sst {_SHEET_NS}>{strings}</sst>')
        z.writestr(
            "xl/worksheets/sheet1.xml",
            f'<?xml version="1.0"?>{prolog}<worksheet {_SHEET_NS}>{dim}'
            f"<sheetData>{sheet}</sheetData></worksheet>",
        )
    return path


STRINGS = (
    "<si><t>Mã hồ sơ</t></si><si><r><t>Xuân </t></r><r><rPr><b/></rPr><t>Phú</t></r>"
    '<rPh sb="0" eb="1"><t>x</t></rPh></si>'
)
SHEET = (
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c></row>'
    '<row r="3"><c t="inlineStr"><is><t xml:space="preserve"> a </t></is></c><c t="b"><v>1</v></c>'
    '<c t="e"><v>#N/A</v></c><c t="str"><f>A1</f><v>cached</v></c><c t="d"><v>2017-03-06T08:00:00</v></c>'
    "<c><v>7</v></c><c><v>7.0</v></c><c><v>1E3</v></c><c><v></v></c><c/>"
    '<c t="inlineStr"><is><r><t>Lê </t></r><r><t>Văn</t></r>'
    '<rPh sb="0" eb="1"><t>ignored</t></rPh></is></c></row>'
    '<row r="2"><c r="B2"><v>2</v></c></row>'  # out of order: openpyxl skips it, and so do we
    '<row><c r="A4"><f t="shared" ref="A4:A5" si="0">B4+1</f><v>1</v></c></row>'
    '<row><c r="A5"><f t="shared" si="0"/><v>2</v></c><!-- a comment --></row>'
    '<row r="7.0"><c r="XFD7"><v>9</v></c></row>'
)


@pytest.mark.parametrize("dimension", [None, "A1:C4", "A1:XFD7"])
def test_hand_written_workbooks(tmp_path: Path, dimension: str | None) -> None:
    """Shared and inline strings with rich runs and phonetics, every cell type, formulas (shared),
    rows without numbers, out of order or past the declared dimension."""
    path = _zip(tmp_path / "so.xlsx", SHEET, dimension=dimension, strings=STRINGS)
    rows = _same(path)
    assert rows[0][:3] == ["Mã hồ sơ", None, "Xuân Phú"][: len(rows[0][:3])]


@pytest.mark.parametrize(
    "content",
    [
        b"not a workbook at all",
        "zip-without-parts",
        '<row r="1"><c r="A1" t="s"><v>5</v></c></row>',  # a shared string that is not there
        '<row r="1"><c r="A1"><v>12</v></c></row><row r="2"><c r="A2"><v>1',  # cut off mid-file
        '<row r="1"><c r="1A"><v>1</v></c></row>',  # a cell reference that is none
        "dtd",  # entities: never written by Excel (openpyxl expanded them; lxml here would drop them)
    ],
)
def test_a_damaged_workbook_is_one_sentence(demo_db: Database, tmp_path: Path, content: Any) -> None:
    path = tmp_path / "so.xlsx"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "zip-without-parts":
        with zipfile.ZipFile(path, "w") as z:
            z.writestr("hello.txt", "Nguyễn Văn An")
    elif content == "dtd":
        dtd = '<!DOCTYPE worksheet [<!ENTITY a "Văn An">]>'
        _zip(path, '<row r="1"><c r="A1" t="inlineStr"><is><t>Nguyễn &a;</t></is></c></row>', prolog=dtd)
    else:
        _zip(path, content, strings=STRINGS)
    with pytest.raises(ServiceError) as refused, session_scope(demo_db.factory) as s:
        logbook_import.plan_import(s, path)
    err = refused.value
    assert err.msg is not None and err.msg.key == "logbook.unreadable"
    assert "bị hỏng hoặc không phải bảng tính Excel" in err.message
    assert "damaged or not an Excel workbook" in err.msg.text("en")
    assert err.__context__ is None and err.__cause__ is None  # nothing of the file rides along


def test_rows_are_read_lazily_and_the_estimate_is_the_declared_size(tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for i in range(30):
        ws.append([f"CU-{i}", i])
    path = tmp_path / "so.xlsx"
    wb.save(path)
    table = Table(path)
    rows = table.rows()
    assert next(rows) == ["CU-0", 0]
    assert table.estimate == 30
    rows.close()  # the workbook's file is closed with the generator


def test_without_lxml_openpyxl_reads_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """lxml comes with a dependency today (pikepdf); without it, openpyxl's own reader is used."""
    import sys

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in _hostile_rows():
        ws.append(r)
    path = tmp_path / "so.xlsx"
    wb.save(path)
    fast = list(Table(path).rows())
    monkeypatch.setitem(sys.modules, "onestop_desktop.services.tracking.logbook_xlsx", None)
    table = Table(path)
    slow = list(table.rows())
    assert [[_plain(v) for v in r] for r in slow] == [[_plain(v) for v in r] for r in fast]
    assert table.estimate == len(_hostile_rows())
