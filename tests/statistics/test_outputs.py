"""The briefing PDF, the Excel workbook and the `report` command on the demo database."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from onestop_desktop import cli
from onestop_desktop.bootstrap import open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.reports.briefing import render_briefing
from onestop_desktop.reports.export_xlsx import write_xlsx
from onestop_desktop.services.reports.report_data import ReportData, build_report


@pytest.fixture(scope="module")
def october(demo_db_file: Path) -> ReportData:
    db = open_database(f"sqlite:///{demo_db_file}")
    with session_scope(db.factory) as s:
        data = build_report(s, parse_period("2018-10"))
    db.engine.dispose()
    return data


@pytest.fixture(scope="module")
def pdf_text(october: ReportData) -> str:
    buf = io.BytesIO()
    render_briefing(october, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    assert reader.pages[0].mediabox.width == pytest.approx(595.3, abs=1)  # A4
    return "\n".join(p.extract_text() for p in reader.pages)


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_pdf_title_with_diacritics(pdf_text: str) -> None:
    flat = _flat(pdf_text)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in flat
    assert "Độc lập - Tự do - Hạnh phúc" in flat
    assert "Kết quả công tác cải cách thủ tục hành chính và BHYT tháng 10/2018" in flat
    assert "UBND HUYỆN XUÂN LỘC" in flat


def test_pdf_figures_in_vietnamese_format(pdf_text: str, october: ReportData) -> None:
    flat = _flat(pdf_text)
    assert "6.092" in flat and "6.000" in flat
    assert "98,49 %" in flat
    assert "6.000 / 6.092 = 98,49 %" in flat  # the formula is shown
    assert "655/658" in flat and "7.949" in flat
    assert "6092" not in flat.replace("6.092", "")  # never unformatted
    if october.bhyt is not None:
        assert "199.467/240.986" in flat and "82,77 %" in flat
        assert "Xuân Định 93,94 %" in flat
    assert "PHỤ LỤC" in flat and "Trang 1/" in flat


def test_pdf_has_no_builtin_fonts(october: ReportData) -> None:
    buf = io.BytesIO()
    render_briefing(october, buf)
    reader = PdfReader(io.BytesIO(buf.getvalue()))
    fonts = set()
    for page in reader.pages:
        for f in (page["/Resources"].get("/Font") or {}).values():
            fonts.add(str(f.get_object()["/BaseFont"]))
    assert fonts and not any("Helvetica" in f or "Times" in f for f in fonts), fonts


def test_xlsx_one_sheet_per_table(october: ReportData, tmp_path: Path) -> None:
    path = tmp_path / "r.xlsx"
    write_xlsx(october, path)
    wb = load_workbook(path)
    assert {
        "Tổng hợp",
        "Theo lĩnh vực",
        "Theo thủ tục",
        "Theo đơn vị",
        "Hồ sơ trễ hạn",
        "Chỉ số CCHC",
    } <= set(wb.sheetnames)
    fields = list(wb["Theo lĩnh vực"].iter_rows(values_only=True))
    assert fields[-1][1] == "Tổng cộng" and fields[-1][2] == 6092
    assert wb["Hồ sơ trễ hạn"].max_row == 93  # header + 92
    if october.bhyt is not None:
        assert "BHYT" in wb.sheetnames


def test_cli_report_writes_json_pdf_xlsx(
    demo_db_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    j, p, x = tmp_path / "r.json", tmp_path / "r.pdf", tmp_path / "r.xlsx"
    url = f"sqlite:///{demo_db_file}"
    code = cli.main(
        [
            "report",
            "--database",
            url,
            "--period",
            "2018-10",
            "--json",
            str(j),
            "--pdf",
            str(p),
            "--xlsx",
            str(x),
        ]
    )
    assert code == 0
    data = json.loads(j.read_text(encoding="utf-8"))
    assert data["dossiers"]["received"] == 6092
    assert p.read_bytes().startswith(b"%PDF") and x.stat().st_size > 0
    out = capsys.readouterr().out
    assert "6.000 / 6.092 = 98,49 %" in out


@pytest.mark.parametrize(
    ("code", "start", "end"),
    [
        ("2018-Q4", "2018-10-01", "2018-12-31"),
        ("2018", "2018-01-01", "2018-12-31"),
        ("2018-09-15..2018-10-14", "2018-09-15", "2018-10-14"),
    ],
)
def test_cli_periods(
    demo_db_file: Path, capsys: pytest.CaptureFixture[str], code: str, start: str, end: str
) -> None:
    assert (
        cli.main(["report", "--database", f"sqlite:///{demo_db_file}", "--period", code, "--json", "-"]) == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert (data["period"]["start"], data["period"]["end"]) == (start, end)
    d = data["dossiers"]
    assert d["received"] == d["resolved"] + d["in_progress"]


def test_cli_bad_period(demo_db_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as stop:  # argparse refuses the period before anything opens
        cli.main(["report", "--database", f"sqlite:///{demo_db_file}", "--period", "2018-13"])
    assert stop.value.code == 2
    assert "Tháng 13" in capsys.readouterr().err


def test_empty_period_still_makes_a_briefing(demo_db_file: Path, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{demo_db_file}")
    with session_scope(db.factory) as s:
        data = build_report(s, parse_period("2017"))
    db.engine.dispose()
    assert data.totals.received == 0 and data.totals.on_time_rate is None and data.bhyt is None
    buf = io.BytesIO()
    render_briefing(data, buf)
    text = _flat("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages))
    assert "năm 2017" in text and "Không có hồ sơ trễ hạn" in text
    write_xlsx(data, tmp_path / "empty.xlsx")
    assert json.loads(json.dumps(data.to_json()))["dossiers"]["on_time_or_within_rate"] is None


def test_online_figures_each_name_their_definition_and_formula(pdf_text: str, october: ReportData) -> None:
    """3,51 % (an indicator over every dossier to settle) and 1,41 % (the software's count over the new
    ones) were shown side by side, the first labelled "tiếp nhận" beside 6.092."""
    flat = _flat(pdf_text)
    assert "tổng số hồ sơ tiếp nhận" not in flat
    assert "tổng số hồ sơ phải giải quyết (kỳ trước chuyển sang và mới tiếp nhận)" in flat
    assert "214 / 6.092 = 3,51 %" in flat
    assert "67 / 4.743 = 1,41 %" in flat
    assert "Tỷ lệ nộp trực tuyến / tiếp nhận mới" in flat
    # the apology count stands beside the late dossiers it is about
    assert "số hồ sơ có phiếu xin lỗi: 0, trong khi có 92 hồ sơ trễ hạn" in flat
