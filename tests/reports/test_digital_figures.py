"""Digitisation and satisfaction figures on a hand-made set of dossiers: exact counts, JSON, PDF, CLI."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from onestop_desktop import cli
from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.reports.briefing import render_briefing
from onestop_desktop.services.reports.digitization import digitization_section
from onestop_desktop.services.reports.report_data import ReportData, build_report
from onestop_desktop.services.reports.satisfaction import satisfaction_section
from tests.reports.digital_office import build_office


@pytest.fixture
def office(db: Database, admin: Any) -> Database:
    return build_office(db)


def test_digitisation_figures_exact(office: Database) -> None:
    with session_scope(office.factory) as s:
        g = digitization_section(s, parse_period("2026-10"))
    # received: A B C D G (E was received in September, F refused); digitised by 31/10: A D
    assert (g.received, g.digitized, g.rate) == (5, 2, 40.0)
    # resolved in October: A B D E G; electronically: A D E
    assert (g.resolved, g.results_electronic, g.electronic_share) == (5, 3, 60.0)
    assert g.has_data and g.since is not None and g.since.isoformat() == "2026-10-01"
    by_field = {
        r.key: (r.received, r.digitized, r.rate, r.resolved, r.results_electronic) for r in g.by_field
    }
    assert by_field == {"DD": (4, 1, 25.0, 4, 2), "HT": (1, 1, 100.0, 1, 1)}
    assert [(r.key, r.received, r.digitized) for r in g.by_officer] == [("admin", 5, 2)]


def test_november_counts_the_late_scan_of_its_own_dossiers_only(office: Database) -> None:
    with session_scope(office.factory) as s:
        g = digitization_section(s, parse_period("2026-11"))
    assert (g.received, g.digitized, g.rate, g.results_electronic) == (0, 0, None, 0)


def test_ratings_figures_exact(office: Database) -> None:
    with session_scope(office.factory) as s:
        r = satisfaction_section(s, parse_period("2026-10"), min_ratings=1)
        strict = satisfaction_section(s, parse_period("2026-10"))
    c = r.counts
    assert (c.count, c.satisfied, c.neutral, c.unsatisfied, c.rate) == (4, 2, 1, 1, 50.0)  # G: November
    assert [(p.counts.count, p.counts.rate) for p in r.worst] == [(1, 0.0), (3, 66.67)]  # HT, then DD
    assert strict.worst == ()  # no procedure has five ratings
    assert [(o.username, o.counts.count) for o in r.by_officer] == [("admin", 4)]


def test_json_keys_are_exact(office: Database) -> None:
    with session_scope(office.factory) as s:
        j = build_report(s, parse_period("2026-10")).to_json()
    assert j["digitization"] == {"received": 5, "digitized": 2, "rate": 40.0, "results_electronic": 3}
    assert j["ratings"] == {"count": 4, "satisfied": 2, "neutral": 1, "unsatisfied": 1, "rate": 50.0}
    assert j["digitization_detail"]["resolved"] == 5 and j["digitization_detail"]["has_data"] is True
    assert {r["field"] for r in j["digitization_detail"]["by_field"]} == {"DD", "HT"}
    assert j["ratings_detail"]["first_rating"] == "2026-10-02"


def test_report_command_json(office: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = str(office.engine.url)
    assert cli.main(["report", "--database", url, "--period", "2026-10", "--json", "-"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data["digitization"]) == {"received", "digitized", "rate", "results_electronic"}
    assert set(data["ratings"]) == {"count", "satisfied", "neutral", "unsatisfied", "rate"}
    assert data["digitization"]["rate"] == 40.0 and data["ratings"]["rate"] == 50.0


def _pdf_text(data: ReportData) -> str:
    buf = io.BytesIO()
    render_briefing(data, buf)
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages)
    return re.sub(r"\s+", " ", text)


def test_briefing_has_both_sections_with_formulas_and_the_legal_note(office: Database) -> None:
    with session_scope(office.factory) as s:
        text = _pdf_text(build_report(s, parse_period("2026-10")))
    assert "6. Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính" in text
    assert "2 / 5 = 40,00 %" in text and "3 / 5 = 60,00 %" in text
    assert "7. Đánh giá mức độ hài lòng của người dân" in text
    assert "2 / 4 = 50,00 %" in text
    assert "Quyết định 766/QĐ-TTg" in text and "chưa tra cứu được" in text


def test_a_period_before_the_first_scan_says_no_data(office: Database) -> None:
    with session_scope(office.factory) as s:
        data = build_report(s, parse_period("2026-09"))
    assert data.digitization is not None and not data.digitization.has_data
    assert data.to_json()["digitization"]["rate"] is None  # not 0 %: nothing was scanned yet
    text = _pdf_text(data)
    assert "Không có số liệu số hóa cho kỳ này" in text
    assert "Kỳ này trước Nghị định 107/2021" not in text  # 2026: the rules were there


def test_report_command_prints_and_writes_both_sections(
    office: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The printed summary and the workbook carry the digitisation and rating figures (they lacked them)."""
    from openpyxl import load_workbook

    url, book = str(office.engine.url), tmp_path / "bao-cao.xlsx"
    assert cli.main(["report", "--database", url, "--period", "2026-10", "--xlsx", str(book)]) == 0
    out = capsys.readouterr().out
    assert "Số hóa hồ sơ: 2 / 5 = 40,00 %; kết quả điện tử 3" in out
    assert "Đánh giá của người dân: 4 (hài lòng 2, bình thường 1, không hài lòng 1) = 50,00 %" in out
    wb = load_workbook(book)
    digital = [[c.value for c in row] for row in wb["Số hóa hồ sơ"].iter_rows()]
    assert digital[1][1:] == ["Tổng số", 5, 2, 40.0, 5, 3]
    assert ["Lĩnh vực: DD", 4, 1, 25.0, 4, 2] == [digital[2][0], *digital[2][2:]]
    rated = [[c.value for c in row] for row in wb["Đánh giá hài lòng"].iter_rows()]
    assert rated[1][1:] == ["Tổng số", 4, 2, 1, 1, 50.0]
    assert any(r[0] == "Cán bộ: admin" and r[2] == 4 for r in rated)


def test_before_the_first_scan_the_workbook_leaves_the_rate_empty(office: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    from onestop_desktop.reports.export_xlsx import write_xlsx

    with session_scope(office.factory) as s:
        data = build_report(s, parse_period("2026-09"))
    write_xlsx(data, tmp_path / "t9.xlsx")
    total = [
        c.value for c in next(iter(load_workbook(tmp_path / "t9.xlsx")["Số hóa hồ sơ"].iter_rows(min_row=2)))
    ]
    assert total[1] == "Tổng số" and total[4] is None  # not measured, not 0 %
