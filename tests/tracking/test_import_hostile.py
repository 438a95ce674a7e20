"""Hostile log books: dates out of any one-stop office's range, Excel serial 1, NUL and huge text,
formulas, huge numbers, wrong types, merged cells, and the counter's own checks on names, IDs and phones.

Each row is refused with its reason (both languages) and nothing is written.
"""

from __future__ import annotations

import csv
from datetime import datetime, time
from pathlib import Path
from typing import Any

import pytest
from openpyxl import Workbook

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.services.reports import statistics
from onestop_desktop.services.tracking import logbook_import
from tests.conftest import login_as
from tests.tracking.test_import import GOOD, HEADERS, _count, _xlsx

# STT, Mã hồ sơ, Tên thủ tục, Tên tổ chức cá nhân, Địa chỉ, Số điện thoại, Ngày nhận, Ngày hẹn trả, Ngày trả
RECEIVED, DUE, RETURNED, NAME, PHONE, ADDRESS = 6, 7, 8, 3, 5, 4


def _row(col: int, value: Any, base: int = 1) -> list[Any]:
    row = list(GOOD[base])
    row[col] = value
    return row


def _plan(demo_db: Database, path: Path) -> logbook_import.ImportPlan:
    with session_scope(demo_db.factory) as s:
        return logbook_import.plan_import(s, path)


def _csv(path: Path, rows: list[list[Any]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(HEADERS)
        w.writerows(rows)
    return path


def test_a_year_0001_dossier_no_longer_moves_the_october_2018_carry_over(
    demo_db: Database, tmp_path: Path
) -> None:
    """It got in, still open: October 2018 carried over 1,350 dossiers instead of the article's 1,349."""
    user = login_as(demo_db, "canbo")
    row = ["1", "CU-0001-0001", "Đăng ký khai sinh", "Nguyễn Văn An", "", "", datetime(1, 1, 1, 8, 0),
           datetime(1, 1, 2, 8, 0), None]  # fmt: skip
    path = _xlsx(tmp_path / "so.xlsx", [row])
    with session_scope(demo_db.factory) as s:
        result = logbook_import.import_file(s, user.user_id, path)
    assert result.imported == 0 and [r.row for r in result.rejected] == [3]
    assert "01/01/0001 trước khi có cơ chế một cửa" in result.rejected[0].reason
    with session_scope(demo_db.factory) as s:
        assert statistics.period_totals(s, parse_period("2018-10")).carried_over == 1349


@pytest.mark.parametrize(
    ("col", "value", "words_vi", "words_en"),
    [
        (RECEIVED, datetime(1, 1, 1, 8, 0), "trước khi có cơ chế một cửa", "before the one-stop"),
        (RECEIVED, datetime(9999, 12, 31, 8, 0), "sau ngày hôm nay", "after today"),
        (RECEIVED, "06/03/2099", "sau ngày hôm nay", "after today"),
        (RECEIVED, 1, "01/01/1900 trước khi có cơ chế một cửa", "01/01/1900 is before"),  # Excel serial 1
        (DUE, "07/03/2099", "cách ngày nhận hơn 730 ngày", "more than 730 days"),
        (RETURNED, "08/03/2099", "sau ngày hôm nay", "after today"),
        (RECEIVED, 1e30, "không đúng dạng ngày", "is not a date"),  # a huge number in a date column
        (RECEIVED, True, "không đúng dạng ngày", "is not a date"),  # wrong types
        (RECEIVED, time(8, 0), "không đúng dạng ngày", "is not a date"),
        (NAME, "=A1&B1", "là một công thức Excel", "is an Excel formula"),
        (ADDRESS, '=HYPERLINK("http://x","Xuân Phú")', "là một công thức Excel", "is an Excel formula"),
        (RECEIVED, "=TODAY()", "là một công thức Excel", "is an Excel formula"),
        (NAME, "Trần Thị B3", "chữ số", "digit"),  # the counter's own name check
        (PHONE, "0000", "", ""),
        (NAME, "X" * 30_000, "quá dài", "too long"),  # a cell holds at most 32,767 characters
    ],
)
def test_hostile_cells_are_refused(
    demo_db: Database, tmp_path: Path, col: int, value: Any, words_vi: str, words_en: str
) -> None:
    before = _count(demo_db)
    plan = _plan(demo_db, _xlsx(tmp_path / "so.xlsx", [GOOD[0], _row(col, value), GOOD[2]]))
    assert [r.row for r in plan.rejected] == [4], plan.report()
    vi, en = plan.report("vi"), plan.report("en")
    assert words_vi in vi and words_en in en and len(vi) < 600
    user = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        result = logbook_import.import_file(s, user.user_id, tmp_path / "so.xlsx")
    assert result.imported == 0 and _count(demo_db) == before


@pytest.mark.parametrize(
    ("col", "value", "words"),
    [
        (NAME, "Trần Thị\x00Bé", "ký tự điều khiển"),  # NUL: openpyxl cannot write it, a CSV can
        (NAME, "Trần " + "Thị " * 25_000 + "Bé", "quá dài"),  # 100,000 characters: the form's 100
        (ADDRESS, "Xuân\x1bPhú", "ký tự điều khiển"),
        ("note", "ghi\u202echú", "ký tự điều khiển"),
        (RECEIVED, "06/03/2017\x00", "không đúng dạng ngày"),
    ],
)
def test_hostile_text_in_a_csv_is_refused(
    demo_db: Database, tmp_path: Path, col: int | str, value: str, words: str
) -> None:
    rows = [[*r[:9], ""] for r in GOOD[:3]]
    if col == "note":
        rows[1][9] = value
    else:
        assert isinstance(col, int)
        rows[1][col] = value
    path = tmp_path / "so.csv"
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow([*HEADERS, "Ghi chú"])
        w.writerows([[("" if c is None else c.strftime("%d/%m/%Y %H:%M") if isinstance(c, datetime) else c)
                      for c in r] for r in rows])  # fmt: skip
    plan = _plan(demo_db, path)
    assert [r.row for r in plan.rejected] == [3], plan.report()
    report = plan.report()
    assert words in report and "\x00" not in report and len(report) < 600


def test_a_merged_receipt_date_leaves_the_rows_below_without_one(demo_db: Database, tmp_path: Path) -> None:
    """Hand-made log books merge a day over its dossiers: the rows under the first have no date and are
    refused (an import never guesses a receipt day)."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(HEADERS)
    for r in GOOD[:3]:
        ws.append(r)
    ws.merge_cells("G2:G3")
    path = tmp_path / "so.xlsx"
    wb.save(path)
    plan = _plan(demo_db, path)
    assert [r.row for r in plan.rejected] == [3]
    assert "thiếu Ngày nhận" in plan.report("vi") and "Date received missing" in plan.report("en")
