"""Hostile catalogue workbooks: invisible and direction-changing characters, huge text, formulas.

Each bad row is refused with its sheet and row number; nothing is written, nothing crashes.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.catalogue import excel, list_import
from tests.catalogue.test_list_import import EFFECTIVE, count_versions, published_list
from tests.conftest import login_as


def _edited(demo_db: Database, path: Path, sheet: str, col: int, value: Any, as_text: bool = False) -> Path:
    published_list(demo_db, path)
    wb = load_workbook(path)
    cell = wb[sheet].cell(2, col)
    cell.value = value
    if as_text:
        cell.data_type = "s"  # text that begins with "=", as another program may write it
    wb.save(path)
    return path


@pytest.mark.parametrize(
    ("sheet", "col", "value", "as_text", "words"),
    [
        (excel.SHEET_PROCS, 2, "Chứng thực\u202ebản sao", False, "ký tự điều khiển"),
        (excel.SHEET_PROCS, 9, "X" * 30_000, False, "quá dài"),
        (excel.SHEET_DOCS, 3, '=HYPERLINK("http://x","Tờ khai")', True, "công thức"),
        (excel.SHEET_FIELDS, 2, "Hộ tịch\u200b", False, "ký tự điều khiển"),  # a zero-width space
    ],
)
def test_hostile_cells_are_refused_with_their_row(
    demo_db: Database, tmp_path: Path, sheet: str, col: int, value: Any, as_text: bool, words: str
) -> None:
    admin_actor = login_as(demo_db, "quantri")
    path = _edited(demo_db, tmp_path / "danh-muc.xlsx", sheet, col, value, as_text)
    before = count_versions(demo_db)
    with session_scope(demo_db.factory) as s:
        plan, report = list_import.import_catalogue(s, admin_actor, path, EFFECTIVE)
    assert report is None and count_versions(demo_db) == before
    refusals = [m.text("vi") for m in plan.rejected]
    assert any(f"{sheet}, dòng 2" in r and words in r for r in refusals), refusals
    assert all(len(r) < 400 for r in refusals)
    assert all(m.text("en") for m in plan.rejected)
