"""Importing the monthly sheet: good sheets, bad rows, unknown names, Excel leftovers, text numbers, CLI."""

from __future__ import annotations

import json
import unicodedata
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models_stats import BhytHistory, BhytTally
from onestop_desktop.domain.fmt import fmt_int
from onestop_desktop.paths import resource_path
from onestop_desktop.services.bhyt import coverage, tallies
from onestop_desktop.services.bhyt import sheet_import as bhyt_import
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.roles import Actor
from tests.bhyt.conftest import write_xlsx

NOV = date(2018, 11, 1)
GROUP_HEADERS = [
    "Nhóm do người lao động và người sử dụng lao động đóng",
    "Nhóm do tổ chức bảo hiểm xã hội đóng",
    "Nhóm do ngân sách nhà nước đóng",
    "Nhóm được ngân sách nhà nước hỗ trợ mức đóng",
    "Nhóm tham gia bảo hiểm y tế theo hộ gia đình",
]
GROUP_CODES = ["nld", "bhxh", "nsnn", "nsnn_ho_tro", "ho_gia_dinh"]


def november() -> list[dict[str, Any]]:
    """October's demo figures plus 40 household members per unit."""
    data = json.loads(resource_path("demo/bhyt_2018.json").read_text(encoding="utf-8"))
    names = {  # the 2018 units (the 2025 communes reuse some of their codes)
        u["code"]: u["name"]
        for u in json.loads(resource_path("demo/units.json").read_text(encoding="utf-8"))
        if u["valid_from"] < "2025-07-01"
    }
    out = []
    for row in data["snapshots"][1]["units"]:
        groups = dict(row["groups"])
        groups["ho_gia_dinh"] += 40
        out.append({**row, "insured": row["insured"] + 40, "groups": groups, "name": names[row["unit"]]})
    return out


def plain_rows(text_numbers: bool = False) -> list[list[Any]]:
    rows: list[list[Any]] = [["Mã xã", "Tên xã", "Dân số", "Số người tham gia BHYT", *GROUP_HEADERS]]
    for r in november():
        nums = [r["population"], r["insured"], *(r["groups"][g] for g in GROUP_CODES)]
        if text_numbers:
            nums = [fmt_int(n) for n in nums]
        rows.append([r["unit"], r["name"], *nums])
    return rows


def tally_count(db: Database, month: date) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(func.count()).select_from(BhytTally).where(BhytTally.month == month)) or 0)


def run_import(
    db: Database, actor: Actor | None, path: Path, replace: bool = False
) -> bhyt_import.ImportCheck:
    with session_scope(db.factory) as s:
        check, _n = bhyt_import.import_file(s, actor, path, NOV, replace=replace)
    return check


def test_good_sheet_imports_every_unit(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "t11.xlsx", plain_rows()))
    assert check.ok and len(check.rows) == 15 and not check.missing_units
    with session_scope(bhyt_db.factory) as s:
        m = coverage.month_coverage(s, NOV)
        assert m.insured == 199467 + 15 * 40 and m.population == 240986
        assert m.cutoff == date(2018, 11, 24)
        assert m.previous_coverage is not None and round(m.previous_coverage, 2) == 82.77
        dinh = next(u for u in m.units if u.code == "26461")
        assert dinh.groups["ho_gia_dinh"] == 3910 + 40 and dinh.change_points is not None
        assert dinh.change_points > 0
        assert coverage.available_months(s)[-1] == NOV


def test_bad_row_imports_nothing_and_is_reported(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    rows = plain_rows()
    rows[5][3] = rows[5][2] + 10  # insured above the population, on sheet line 6
    rows[8][4] = -5  # a negative group, line 9
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "bad.xlsx", rows))
    assert not check.ok
    assert [p.line for p in check.problems] == [6, 9]
    report = check.report()
    assert "Dòng 6" in report and "không được lớn hơn dân số" in report
    assert "Dòng 9" in report and "không được là số âm" in report
    assert tally_count(bhyt_db, NOV) == 0
    with session_scope(bhyt_db.factory) as s, pytest.raises(ValidationFailed):
        bhyt_import.apply_import(s, clerk, check, NOV, date(2018, 11, 24), source="bad.xlsx")
    assert tally_count(bhyt_db, NOV) == 0


def test_groups_must_add_up(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    rows = plain_rows()
    rows[3][4] += 1
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "sum.xlsx", rows))
    assert [p.line for p in check.problems] == [4]
    assert "Tổng số người theo các nhóm" in check.problems[0].message
    assert tally_count(bhyt_db, NOV) == 0


def test_names_without_code_accents_optional_unknown_rejected(
    bhyt_db: Database, clerk: Actor, tmp_path: Path
) -> None:
    rows = [["Ten don vi", "Dan so", "So nguoi tham gia BHYT"]]
    for r in november():
        rows.append([r["name"], r["population"], r["insured"]])
    rows[1][0] = "TT Gia Ray"
    rows[2][0] = "Xa Xuan Bac"  # no diacritics
    rows[3][0] = "xã suối cao"  # lower case
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "names.xlsx", rows))
    assert check.ok, check.report()
    rows.append(["Xã Xuân Lộc Mới", 1000, 900])
    rows.append(["Phường Long Bình", 1000, 900])
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "unknown.xlsx", rows), replace=True)
    assert [p.line for p in check.problems] == [17, 18]
    assert "Xã Xuân Lộc Mới" in check.report() and "không tìm thấy đơn vị" in check.report()


def test_code_and_name_must_agree(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    rows = plain_rows()
    rows[2][1] = "Xã Xuân Định"  # code 26428 is Xuân Bắc
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "x.xlsx", rows))
    assert [p.line for p in check.problems] == [3]
    assert "26428" in check.problems[0].message and "Xuân Bắc" in check.problems[0].message


def test_merged_cells_title_rows_and_text_numbers(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    """The sheet as the social-insurance office sends it: title, two-row header, numbering, totals."""
    top = [
        ["BẢO HIỂM XÃ HỘI HUYỆN XUÂN LỘC", None, None, None, None, None, None, None, None],
        ["BÁO CÁO TÌNH HÌNH THAM GIA BHYT THÁNG 11/2018", None, None, None, None, None, None, None, None],
        ["(Số liệu đến ngày 24/11/2018)", None, None, None, None, None, None, None, None],
        [None] * 9,
        ["STT", "Mã đơn vị", "Tên đơn vị", "Dân số", "Số người tham gia BHYT", "Trong đó", None, None, None],
        [None, None, None, None, None, "NLĐ", "BHXH", "NSNN", "NSNN hỗ trợ", "Hộ gia đình"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)", "(9)", "(10)"],
    ]
    body = []
    for i, r in enumerate(november(), start=1):
        nums = [r["population"], r["insured"], *(r["groups"][g] for g in GROUP_CODES)]
        body.append([i, r["unit"], r["name"], *(fmt_int(n) for n in nums)])  # "30.412" typed as text
    total_pop = sum(r["population"] for r in november())
    tail = [
        [None, None, "Tổng cộng", fmt_int(total_pop), fmt_int(199467 + 600), None, None, None, None, None],
        [None] * 10,
        [None, None, None, None, None, None, None, "Người lập biểu", None, None],
    ]
    merges = ["A1:J1", "A2:J2", "A3:J3", "F5:J5", "A5:A6", "B5:B6", "C5:C6", "D5:D6", "E5:E6"]
    path = write_xlsx(tmp_path / "bhxh.xlsx", top + body + tail, merges)
    check = run_import(bhyt_db, clerk, path)
    assert check.ok, check.report()
    assert check.header_line == 4 and len(check.rows) == 15
    assert set(check.mapping) >= {
        "code",
        "name",
        "population",
        "insured",
        *(f"group:{g}" for g in GROUP_CODES),
    }
    with session_scope(bhyt_db.factory) as s:
        m = coverage.month_coverage(s, NOV)
        assert m.insured == 199467 + 600
        gia_ray = next(u for u in m.units if u.code == "26425")
        assert gia_ray.population == 30412 and sum(gia_ray.groups.values()) == gia_ray.insured


def test_text_numbers_with_thousands_separators(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    rows = plain_rows(text_numbers=True)
    assert rows[1][2] == "30.412"
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "text.xlsx", rows))
    assert check.ok, check.report()
    rows[4][2] = "17,286"  # a decimal comma is not a whole number
    check = run_import(bhyt_db, clerk, write_xlsx(tmp_path / "comma.xlsx", rows), replace=True)
    assert [p.line for p in check.problems] == [5] and "Dân số" in check.problems[0].message


def test_csv_sheet(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    lines = ["Ma xa;Ten xa;Dan so;So nguoi tham gia BHYT"]
    lines += [f"{r['unit']};{r['name']};{fmt_int(r['population'])};{r['insured']}" for r in november()]
    path = tmp_path / "t11.csv"
    path.write_text("\n".join(lines), encoding="utf-8-sig")
    check = run_import(bhyt_db, clerk, path)
    assert check.ok, check.report()
    assert tally_count(bhyt_db, NOV) == 15


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Excel writes it: base letters precomposed, tone marks combining."""
    out = b""
    for ch in text:
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        tones = "".join(c for c in parts if c in "\u0300\u0301\u0303\u0309\u0323")
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out += (base + tones).encode("cp1258")
    return out


def test_csv_from_excel_on_vietnamese_windows(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    lines = ["Mã xã,Tên xã,Dân số,Số người tham gia BHYT"]
    lines += [f"{r['unit']},{r['name']},{r['population']},{r['insured']}" for r in november()]
    path = tmp_path / "t11.csv"
    path.write_bytes(to_cp1258("\n".join(lines)))
    check = run_import(bhyt_db, clerk, path)
    assert check.ok, check.report()


def test_reimport_needs_replace_and_keeps_history(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "t11.xlsx", plain_rows())
    run_import(bhyt_db, clerk, path)
    rows = plain_rows()
    rows[1][3] -= 100
    rows[1][8] -= 100
    second = write_xlsx(tmp_path / "t11b.xlsx", rows)
    with pytest.raises(bhyt_import.MonthExists):
        run_import(bhyt_db, clerk, second)
    run_import(bhyt_db, clerk, second, replace=True)
    with session_scope(bhyt_db.factory) as s:
        gia_ray = next(u for u in coverage.month_coverage(s, NOV).units if u.code == "26425")
        assert gia_ray.insured == 25929 + 40 - 100
        hist = list(
            s.scalars(select(BhytHistory).where(BhytHistory.reason == "import", BhytHistory.month == NOV))
        )
        replaced = [h for h in hist if h.before is not None]
        assert len(replaced) == 15
        old = next(h for h in replaced if h.unit_id == gia_ray.unit_id)
        assert old.before is not None and old.before["insured"] == 25929 + 40


def test_mapping_is_remembered(bhyt_db: Database, clerk: Actor, tmp_path: Path) -> None:
    rows = [["Xã", "Tổng dân", "Có thẻ"]]  # headers nobody could guess
    rows += [[r["name"], r["population"], r["insured"]] for r in november()]
    path = write_xlsx(tmp_path / "odd.xlsx", rows)
    with session_scope(bhyt_db.factory) as s:
        sheet = bhyt_import.read_sheet(path)
        header, mapping = bhyt_import.guess_mapping(sheet, tallies.list_groups(s))
        assert header == -1
        chosen = {"name": 0, "population": 1, "insured": 2}
        check = bhyt_import.check_sheet(s, sheet, 0, chosen, NOV)
        assert check.ok
        bhyt_import.remember_mapping(s, bhyt_import.header_texts(sheet, 0, chosen))
    with session_scope(bhyt_db.factory) as s:
        header, mapping = bhyt_import.guess_mapping(
            sheet, tallies.list_groups(s), bhyt_import.remembered_mapping(s)
        )
        assert (header, mapping) == (0, chosen)


def test_cli_import(
    bhyt_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = bhyt_db.url
    monkeypatch.setenv("ONESTOP_PASSWORD", "matkhau123")
    good = write_xlsx(tmp_path / "good.xlsx", plain_rows())
    # nobody imports anonymously, nor with a wrong password
    assert main(["import", "bhyt", str(good), "--month", "2018-11", "--database", url]) == 2
    assert "--user" in capsys.readouterr().err
    monkeypatch.setenv("ONESTOP_PASSWORD", "sai-mat-khau1")
    assert (
        main(["import", "bhyt", str(good), "--month", "2018-11", "--user", "canbo", "--database", url]) == 2
    )
    assert "Sai tên đăng nhập hoặc mật khẩu" in capsys.readouterr().err
    assert tally_count(bhyt_db, NOV) == 0
    monkeypatch.setenv("ONESTOP_PASSWORD", "matkhau123")
    rows = plain_rows()
    rows[2][3] = 999999
    bad = write_xlsx(tmp_path / "bad.xlsx", rows)
    assert main(["import", "bhyt", str(bad), "--month", "2018-11", "--user", "canbo", "--database", url]) != 0
    out = capsys.readouterr().out
    assert "Không nhập gì" in out and "Dòng 3" in out
    assert tally_count(bhyt_db, NOV) == 0
    good = write_xlsx(tmp_path / "good.xlsx", plain_rows())
    assert (
        main(["import", "bhyt", str(good), "--month", "11/2018", "--user", "canbo", "--database", url]) == 0
    )
    assert "Đã nhập 15 đơn vị" in capsys.readouterr().out
    assert (
        main(["import", "bhyt", str(good), "--month", "2018-11", "--user", "canbo", "--database", url]) != 0
    )
    assert "--replace" in capsys.readouterr().out
    assert (
        main(
            [
                "import",
                "bhyt",
                str(good),
                "--month",
                "2018-11",
                "--replace",
                "--user",
                "canbo",
                "--database",
                url,
            ]
        )
        == 0
    )
    assert tally_count(bhyt_db, NOV) == 15
