"""Hostile BHYT sheets: huge numbers, NUL and huge text, formulas, wrong types, merged cells.

Each is refused row by row (nothing stored, the month unchanged), with a sentence in both languages
and no OverflowError: a population of 10^30 ended the import in one before.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from onestop_desktop.bootstrap import Database
from onestop_desktop.services.roles import Actor
from tests.bhyt.conftest import write_xlsx
from tests.bhyt.test_import import NOV, plain_rows, run_import, tally_count


def _with(row: int, col: int, value: Any) -> list[list[Any]]:
    rows = plain_rows()
    rows[row][col] = value
    return rows


@pytest.mark.parametrize(
    ("col", "value", "words"),
    [
        (2, 10**30, "vượt quá 10.000.000"),  # population
        (3, 10**30, "vượt quá 10.000.000"),  # insured (over the population too)
        (2, 20_000_000, "vượt quá 10.000.000"),
        (2, "1" * 5000, "Dân số"),  # more digits than Python turns into an int
        (4, 10**19, "vượt quá 10.000.000"),  # a group: past SQLite's 64-bit integers
        (2, datetime(2018, 11, 1), "Dân số"),  # a date where a number belongs
        (2, True, "Dân số"),
    ],
)
def test_implausible_numbers_are_refused(
    bhyt_db: Database, clerk: Actor, tmp_path: Path, col: int, value: Any, words: str
) -> None:
    before = tally_count(bhyt_db, NOV)
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "t11.xlsx", _with(3, col, value)))
    assert not check.ok and tally_count(bhyt_db, NOV) == before
    assert [p.line for p in check.problems] == [4]
    assert words in check.report("vi")
    assert check.report("en") and "Row 4" in check.report("en")


def _csv(path: Path, rows: list[list[Any]]) -> Path:
    import csv

    with path.open("w", encoding="utf-8", newline="") as f:
        csv.writer(f, delimiter=";").writerows(rows)
    return path


@pytest.mark.parametrize(
    ("value", "words", "kind"),
    [
        ("Xuân\x00Bắc", "ký tự điều khiển", "csv"),  # openpyxl cannot even write a NUL into a cell
        ("Xuân\u202eBắc", "ký tự điều khiển", "xlsx"),  # right-to-left override: text shown reversed
        ("X" * 100_000, "quá dài", "csv"),
        ("X" * 30_000, "quá dài", "xlsx"),  # a cell holds at most 32,767 characters
        ('=HYPERLINK("http://x","Xuân Bắc")', "công thức", "csv"),
    ],
)
def test_hostile_unit_names_are_refused_and_not_echoed_whole(
    bhyt_db: Database, clerk: Actor, tmp_path: Path, value: str, words: str, kind: str
) -> None:
    rows = _with(2, 1, value)
    rows[2][0] = None  # matched by name alone
    path = _csv(tmp_path / "t11.csv", rows) if kind == "csv" else write_xlsx(tmp_path / "t11.xlsx", rows)
    check = run_import(bhyt_db, clerk, path)
    assert not check.ok and [p.line for p in check.problems] == [3]
    report = check.report("vi")
    assert words in report and len(report) < 400 and "\x00" not in report and "\u202e" not in report
    assert check.report("en")


def test_merged_number_cells_are_not_copied_into_other_units(
    bhyt_db: Database, clerk: Actor, tmp_path: Path
) -> None:
    """A population merged over two units' rows would give both the same figure: refused instead."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for r in plain_rows():
        ws.append(r)
    ws.merge_cells("C2:C3")
    path = tmp_path / "t11.xlsx"
    wb.save(path)
    before = tally_count(bhyt_db, NOV)
    check = run_import(bhyt_db, clerk, path)
    assert not check.ok and tally_count(bhyt_db, NOV) == before
    assert "ô gộp" in check.report("vi") and "merged" in check.report("en")
