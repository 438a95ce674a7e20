"""Every workbook the program writes goes through here, so text a user typed (or imported) stays text.

OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell whose text starts
with = + - @ TAB or CR can be run by the spreadsheet as a formula (`=HYPERLINK(...)` sends data away,
`=cmd|' /C calc'!A0` starts a program through DDE). openpyxl writes any string that starts with `=` as a
live formula (`<f>` element), and Excel re-reads the others as formulas the moment a reader edits the
cell. So each such text is written

- as a string cell (`data_type = "s"`): the file holds `<is><t>=HYPERLINK(...)</t></is>`, never `<f>`;
  reading it back gives the very same string, and the reader sees exactly what the clerk typed;
- with the `quotePrefix` style (what Excel sets when one types '=... by hand): Excel and LibreOffice keep
  the cell as text even after the reader edits it, and show no apostrophe.

OWASP's other remedy, an apostrophe put in front of the text itself, was not chosen: the value read back
(and the one an `import` of the export reads) would then differ from what was typed ("'=1+1").

Characters that XML 1.0 cannot hold (NUL and the other C0 controls but TAB, LF and CR) make openpyxl
refuse the whole workbook; they are invisible anyway and become U+FFFD, so one bad name cannot stop an
export.

Callers never touch openpyxl's cells for values: `Book.sheet(...).append(values)` is the one way in
(tests/test_export_injection.py checks the modules that write workbooks).
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.styles import Alignment, Font, PatternFill

__all__ = ["FORMULA_TRIGGERS", "Book", "Sheet", "formula_like", "text_cell"]

# The first characters OWASP lists as formula triggers (= + - @, TAB 0x09, CR 0x0D), with their
# full-width forms, which Excel's East Asian input also turns into formulas.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def formula_like(text: str) -> bool:
    """True when a spreadsheet could read `text` as a formula."""
    return text.startswith(FORMULA_TRIGGERS)


def _clean(text: str) -> str:
    return str(ILLEGAL_CHARACTERS_RE.sub("\ufffd", text))


def text_cell(ws: Any, value: Any) -> Any:
    """`value` as a cell of `ws` to append; a string that could run as a formula is pinned as text.

    Other values (numbers, dates, None, a cell already made) come back as they are: openpyxl types them.
    """
    if isinstance(value, Cell):
        return guard(value)
    if not isinstance(value, str):
        return value
    clean = _clean(value)
    if not formula_like(clean):
        return clean  # openpyxl stores it as a plain string (it only makes formulas of "=…")
    return guard(Cell(ws, column=1, row=1, value=clean))


def guard(cell: Any) -> Any:
    """Pin `cell` as text when its value is a string that could run as a formula; returns the cell."""
    value = cell.value
    if isinstance(value, str):
        clean = _clean(value)
        if clean != value:
            cell.value = clean
        if formula_like(clean):
            cell.data_type = "s"  # after the value: assigning it re-types the cell ("=…" -> "f")
            cell.quotePrefix = True
    return cell


class Sheet:
    """One worksheet; rows go in through `append`, never as raw cells."""

    def __init__(self, ws: Any, write_only: bool) -> None:
        self.ws = ws  # for layout only: widths, heights, panes, fonts of cells already written
        self.write_only = write_only

    def append(self, values: Iterable[Any]) -> None:
        """One row; every string through `text_cell`."""
        self.ws.append([text_cell(self.ws, v) for v in values])

    def styled(
        self,
        value: Any,
        *,
        number_format: str | None = None,
        bold: bool = False,
        size: float | None = None,
        fill: str | None = None,
        wrap: bool = False,
    ) -> Any:
        """A cell carrying its style, for `append` (a write-only sheet cannot style a cell once written)."""
        cell = guard(Cell(self.ws, column=1, row=1, value=_clean(value) if isinstance(value, str) else value))
        if number_format:
            cell.number_format = number_format
        if bold or size:
            cell.font = Font(bold=bold, size=size)
        if fill:
            cell.fill = PatternFill("solid", fgColor=fill)
        if wrap:
            cell.alignment = Alignment(wrap_text=True, vertical="center")
        return cell


class Book:
    """A workbook being written (`write_only`: constant memory, rows streamed to disk)."""

    def __init__(self, write_only: bool = False) -> None:
        self.write_only = write_only
        self.wb = Workbook(write_only=write_only)
        if not write_only and self.wb.active is not None:
            self.wb.remove(self.wb.active)

    def sheet(self, title: str) -> Sheet:
        # a sheet's name may not hold []:*?/\ and is at most 31 characters (Excel's limits)
        safe = "".join("_" if ch in "[]:*?/\\" else ch for ch in _clean(title))[:31]
        return Sheet(self.wb.create_sheet(safe), self.write_only)

    def save(self, path: Path) -> None:
        """Write to a temporary file beside `path`, then rename: a failed or killed export leaves no half
        workbook under the real name (os.replace is atomic on one file system)."""
        part = path.with_name(f".{path.name}.part")
        try:
            self.wb.save(part)
            os.replace(part, path)
        except OSError as exc:
            self._discard(part)
            raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
        except BaseException:
            self._discard(part)
            raise

    def __enter__(self) -> Book:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if error is not None:  # the rows failed half-way: nothing is saved, the streams are closed
            self._close_streams()

    def _discard(self, part: Path) -> None:
        part.unlink(missing_ok=True)
        self._close_streams()

    def _close_streams(self) -> None:
        """Close the sheets of an unsaved write-only book now (else their writers complain on stderr when
        Python collects them: "Exception ignored in … _write_rows")."""
        if self.write_only:
            for ws in self.wb.worksheets:
                with contextlib.suppress(Exception):  # a sheet the failed save had already closed
                    ws.close()
