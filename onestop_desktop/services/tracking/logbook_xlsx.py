"""The first sheet of an .xlsx log book, row by row, with the values openpyxl's read-only mode gives.

openpyxl (`load_workbook(read_only=True)`, `iter_rows(values_only=True)`) spent 17.7 s on the 200,000
rows of the import benchmark, and 4 s more on `max_row` (a sheet without a `<dimension>` is parsed to
its end to find one): its parser builds an object per cell (rich text, descriptors). Here lxml parses
the sheet, a row at a time (elements cleared as they go: memory stays flat), and each cell is read
from its element directly. The workbook's parts (shared strings, styles and date formats, the 1900
or 1904 calendar, which sheet is first) are still read by openpyxl, and so are the rare cells that
need more than a value (formulas, rich text): the values are openpyxl's, cell for cell
(`tests/tracking/test_import_reader.py` compares the two on hostile workbooks).

Formulas come back as written ("=G3+15"), never as the value the file's author cached (data_only is
off): an import refuses them. The XML parser neither loads a DTD nor resolves entities (no "billion
laughs", no external files), and it keeps libxml2's limits on one text node (10 MB); a sheet that
declares a DTD is refused (Excel never writes one; openpyxl would have expanded its entities).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from lxml import etree
from openpyxl.cell.text import Text
from openpyxl.reader.excel import ExcelReader
from openpyxl.styles.stylesheet import apply_stylesheet
from openpyxl.utils.cell import coordinate_to_tuple, range_boundaries
from openpyxl.utils.datetime import from_excel, from_ISO8601
from openpyxl.worksheet._reader import WorkSheetParser
from openpyxl.xml.constants import SHEET_MAIN_NS

_NS = f"{{{SHEET_MAIN_NS}}}"
ROW, CELL, VALUE, FORMULA, INLINE = _NS + "row", _NS + "c", _NS + "v", _NS + "f", _NS + "is"
TEXT, DIMENSION, DATA = _NS + "t", _NS + "dimension", _NS + "sheetData"
_SAFE = {"resolve_entities": False, "no_network": True, "load_dtd": False, "huge_tree": False}
_DIGITS = "0123456789"
Value = str | int | float | bool | datetime | date | time | timedelta | None


class SheetFile:
    """An .xlsx workbook's first worksheet: `max_row` (its declared dimension, or None) and `rows()`.

    Raises what openpyxl raises for a file that is not a workbook (the caller words it).
    """

    def __init__(self, path: Path) -> None:
        reader = ExcelReader(str(path), read_only=True, keep_vba=False, data_only=False, keep_links=False)
        self._archive = reader.archive
        try:
            reader.read_manifest()
            reader.read_strings()
            reader.read_workbook()
            apply_stylesheet(reader.archive, reader.wb)
            wb = reader.wb
            self.strings: list[Any] = list(reader.shared_strings)
            self.epoch: datetime = wb.epoch
            self.date_formats: set[int] = set(wb._date_formats)
            self.timedelta_formats: set[int] = set(wb._timedelta_formats)
            self._columns: dict[str, int] = {}
            self.target = self._first_worksheet(reader)
            self.max_row, self.max_col = self._dimension()
        except BaseException:
            self._archive.close()
            raise

    @staticmethod
    def _first_worksheet(reader: ExcelReader) -> str:
        """`wb.worksheets[0]`: the first sheet whose part exists and is not a chart sheet."""
        for _sheet, rel in reader.parser.find_sheets():
            if rel.target in reader.valid_files and "chartsheet" not in rel.Type:
                return str(rel.target)
        raise IndexError("no worksheet")

    def _dimension(self) -> tuple[int | None, int | None]:
        """The sheet's `<dimension ref="A1:I200002">`, read from its head (openpyxl reads the whole
        sheet when there is none, as in openpyxl's own write-only files)."""
        with self._archive.open(self.target) as src:
            for _event, element in etree.iterparse(src, events=("start",), **_SAFE):
                info = element.getroottree().docinfo
                if info.doctype or info.internalDTD is not None:
                    # Excel never writes one; its entities would be left out of the cells, silently
                    raise ValueError("a worksheet with a DTD")
                if element.tag == DIMENSION:
                    _c0, _r0, max_col, max_row = range_boundaries(element.get("ref"))
                    return max_row, max_col
                if element.tag == DATA:
                    break
        return None, None

    def close(self) -> None:
        self._archive.close()

    def rows(self) -> Iterator[list[Value]]:
        """Every row from the first, as lists of values, gaps as empty rows (openpyxl's `_cells_by_row`
        with `values_only`: up to the declared last row, each as wide as the declared last column, or
        as far as its last cell when the sheet declares none)."""
        max_row, max_col = self.max_row, self.max_col
        empty: list[Value] = [None] * max_col if max_col is not None else []
        formulas = WorkSheetParser(None, self.strings, epoch=self.epoch)  # keeps shared formulas' state
        counter = idx = 1
        number = 0
        with self._archive.open(self.target) as src:
            parse = etree.iterparse(
                src, events=("end",), tag=ROW, remove_comments=True, remove_pis=True, **_SAFE
            )
            for _event, row in parse:
                number = idx = _row_number(row.get("r"), number)
                values = self._values(row, max_col, formulas)  # every row (a shared formula starts here)
                if max_row is not None and idx > max_row:
                    break
                while counter < idx:
                    counter += 1
                    yield list(empty)
                if counter <= idx:
                    yield values
                    counter += 1
                row.clear()
                parent = row.getparent()
                if parent is not None:
                    del parent[: parent.index(row)]  # the rows read so far: memory stays flat
        if max_row is not None and max_row < idx:
            for _ in range(counter, max_row + 1):
                yield list(empty)

    def _values(self, row: Any, max_col: int | None, formulas: WorkSheetParser) -> list[Value]:
        cells: list[tuple[int, Value]] = []
        column = 0
        strings, dates, columns = self.strings, self.date_formats, self._columns
        for c in row:
            get = c.get
            kind = get("t", "n")
            coordinate = get("r")
            style: Any = get("s", 0)
            if style:
                style = int(style)
            if coordinate:
                column = columns.get(coordinate.rstrip(_DIGITS)) or _column(coordinate, columns)
            else:
                column += 1
            value: Value = None
            text: str | None = None
            formula = found = False
            for child in c:
                tag = child.tag
                if tag == VALUE:
                    if not found and kind != "inlineStr":
                        text, found = child.text or None, True  # the first <v>, as findtext
                elif tag == FORMULA:
                    formula = True
            if formula:
                value = formulas.parse_formula(c)
            elif text is not None:
                value = text
                if kind == "n":
                    value = float(text) if "." in text or "E" in text or "e" in text else int(text)
                    if style in dates:
                        try:
                            value = from_excel(value, self.epoch, timedelta=style in self.timedelta_formats)
                        except (OverflowError, ValueError):
                            value = "#VALUE!"  # openpyxl's error value (it also warns)
                elif kind == "s":
                    value = strings[int(text)]
                elif kind == "b":
                    value = bool(int(text))
                elif kind == "d":
                    value = from_ISO8601(text)
            elif kind == "inlineStr":
                value = _inline(c)
            cells.append((column, value))
        if not cells and not max_col:
            return []
        width = max_col or cells[-1][0]
        out: list[Value] = [None] * width
        for col, value in cells:
            if 1 <= col <= width:
                out[col - 1] = value
        return out


def _column(coordinate: str, known: dict[str, int]) -> int:
    """A cell reference's column (openpyxl's `coordinate_to_tuple`, which raises on a bad one); plain
    letters ("AB") are remembered, so the next cell of that column costs a dictionary look-up."""
    column = int(coordinate_to_tuple(coordinate)[1])
    letters = coordinate.rstrip(_DIGITS)
    if letters.isascii() and letters.isalpha() and coordinate[len(letters) :].isdigit():
        known[letters] = column
    return column


def _inline(cell: Any) -> str | None:
    """An inline string's text (openpyxl's `Text.content`: plain text and rich runs, no phonetics)."""
    for child in cell:
        if child.tag == INLINE:
            parts = list(child)
            if len(parts) == 1 and parts[0].tag == TEXT and not len(parts[0]):  # <is><t>…</t></is>
                return str(parts[0].text or "")
            return str(Text.from_tree(child).content)
    return None


def _row_number(r: str | None, previous: int) -> int:
    if r is None:
        return previous + 1
    try:
        return int(r)
    except ValueError:
        value = float(r)
        if value.is_integer():
            return int(value)
        raise ValueError(f"{r} is not a valid row number") from None
