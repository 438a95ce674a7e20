"""A province's published list as a new version: preview first; confirm writes all, errors write nothing."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import ProcedureVersion
from onestop_desktop.services.catalogue import admin, catalogue, excel, list_import
from onestop_desktop.services.catalogue.admin import ProcedureEdit
from onestop_desktop.services.catalogue.versions import DocumentInfo
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.errors import PermissionDenied, ValidationFailed
from onestop_desktop.services.intake import checks, receiving
from tests.conftest import login_as

EFFECTIVE = date(2027, 1, 1)


def published_list(demo_db: Database, path: Path) -> Path:
    """Today's catalogue exported, then edited as the province's new list would be."""
    with session_scope(demo_db.factory) as s:
        excel.export_catalogue(s, path, on=date(2026, 12, 2))
    wb = load_workbook(path)
    procs, docs = wb[excel.SHEET_PROCS], wb[excel.SHEET_DOCS]
    rows = {r[0].value: r for r in procs.iter_rows(min_row=2)}
    rows["DD-02"][4].value = 7  # 10 → 7 working days
    rows["CT-02"][6].value = 15000  # 10.000 đ → 15.000 đ
    procs.delete_rows(rows["TP-04"][0].row)  # no longer listed
    for row in list(docs.iter_rows(min_row=2)):
        if row[0].value == "1.001193" and str(row[2].value).startswith("Giấy chứng sinh"):
            docs.delete_rows(row[0].row)
            break
    docs.append(["HT-13", 9, "Ảnh chân dung 4x6", "bản chính", 2])
    procs.append(
        ["HT-77", "Thủ tục mới của tỉnh", "HT", "xa", 2, "ngày làm việc", 0, 3, "Giấy xác nhận", "có"]
    )
    docs.append(["HT-77", 1, "Đơn đề nghị", "bản chính", 1])
    wb.save(path)
    return path


def count_versions(demo_db: Database) -> int:
    with session_scope(demo_db.factory) as s:
        return int(s.scalar(select(func.count(ProcedureVersion.id))) or 0)


def test_preview_lists_every_change_and_writes_nothing(demo_db: Database, tmp_path: Path) -> None:
    admin_actor = login_as(demo_db, "quantri")
    path = published_list(demo_db, tmp_path / "danh-muc-2027.xlsx")
    before = count_versions(demo_db)
    with session_scope(demo_db.factory) as s:
        plan = list_import.preview_list(s, admin_actor, path, EFFECTIVE, "Quyết định 99/QĐ-UBND")
    assert count_versions(demo_db) == before  # a preview writes nothing
    assert plan.rejected == ()
    by_code = {c.code: c for c in plan.changes}
    assert by_code["DD-02"].status == list_import.CHANGED

    def vi(code: str) -> tuple[str, ...]:
        return tuple(line.text("vi") for line in by_code[code].lines)

    def en(code: str) -> tuple[str, ...]:
        return tuple(line.text("en") for line in by_code[code].lines)

    assert vi("DD-02") == ("Thời hạn: 10 ngày làm việc → 7 ngày làm việc",)
    assert en("DD-02") == ("Time limit: 10 working days → 7 working days",)  # it stayed Vietnamese
    assert vi("CT-02") == ("Lệ phí: 10.000 đ → 15.000 đ",)
    assert en("CT-02") == ("Fee: 10,000 VND → 15,000 VND",)
    assert any(line.startswith("Bỏ giấy tờ: Giấy chứng sinh") for line in vi("1.001193"))
    assert any(line.startswith("Paper dropped: Giấy chứng sinh") for line in en("1.001193"))
    assert vi("HT-13") == ("Thêm giấy tờ: Ảnh chân dung 4x6",)
    assert by_code["HT-77"].status == list_import.NEW
    assert by_code["TP-04"].status == list_import.UNLISTED and by_code["TP-04"].row is None
    assert "01/01/2027" in vi("TP-04")[0] and en("TP-04")[0].startswith("No longer in the list")
    assert plan.count(list_import.CHANGED) == 4 and plan.count(list_import.NEW) == 1
    assert by_code["DD-01"].status == list_import.UNCHANGED


def test_confirm_writes_all_new_versions_and_keeps_the_old_ones(demo_db: Database, tmp_path: Path) -> None:
    admin_actor = login_as(demo_db, "quantri")
    path = published_list(demo_db, tmp_path / "danh-muc-2027.xlsx")
    before = count_versions(demo_db)
    with session_scope(demo_db.factory) as s:
        plan = list_import.preview_list(s, admin_actor, path, EFFECTIVE, "Quyết định 99/QĐ-UBND")
    with session_scope(demo_db.factory) as s:
        report = list_import.apply_list(s, admin_actor, plan)
    assert (report.added, report.changed, report.ended) == (1, 4, 1)
    assert count_versions(demo_db) == before + 5  # four changed and one new; TP-04 only ends
    with session_scope(demo_db.factory) as s:
        assert catalogue.get_procedure(s, "DD-02", on=date(2026, 12, 31)).time_value == 10
        new = catalogue.get_procedure(s, "DD-02", on=EFFECTIVE)
        assert new.time_value == 7 and new.source == "Quyết định 99/QĐ-UBND" and new.valid_from == EFFECTIVE
        assert catalogue.get_procedure(s, "CT-02", on=EFFECTIVE).fee == 15000
        assert catalogue.get_procedure(s, "HT-77", on=EFFECTIVE).documents == (
            DocumentInfo("Đơn đề nghị", "original", 1),
        )
        assert "HT-77" not in {p.code for p in catalogue.list_procedures(s, on=date(2026, 12, 31))}
        assert "TP-04" not in {p.code for p in catalogue.list_procedures(s, on=EFFECTIVE)}
        assert "TP-04" in {p.code for p in catalogue.list_procedures(s, on=date(2026, 12, 31))}
        # the 2018 version of the birth registration still asks for the birth certificate
        old_birth = catalogue.get_procedure(s, "1.001193", on=date(2018, 10, 1))
        assert any(d.name.startswith("Giấy chứng sinh") for d in old_birth.documents)


def test_bad_rows_are_reported_with_their_numbers_and_nothing_is_written(
    demo_db: Database, tmp_path: Path
) -> None:
    admin_actor = login_as(demo_db, "quantri")
    path = published_list(demo_db, tmp_path / "sai.xlsx")
    wb = load_workbook(path)
    wb[excel.SHEET_PROCS].append(["HT-78", "Sai thời hạn", "HT", "xa", "hai", "ngày", 0, 3, "", "có"])
    bad_row = wb[excel.SHEET_PROCS].max_row
    wb[excel.SHEET_PROCS].append(["HT-79", "Sai lĩnh vực", "ZZ", "xa", 2, "ngày", 0, 3, "", "có"])
    wb[excel.SHEET_DOCS].append(["HT-77", 2, "Giấy lạ", "bản nháp", 1])
    doc_row = wb[excel.SHEET_DOCS].max_row
    wb.save(path)
    before = count_versions(demo_db)
    with session_scope(demo_db.factory) as s:
        plan, report = list_import.import_catalogue(s, admin_actor, path, EFFECTIVE)
    assert report is None
    refused = [str(r) for r in plan.rejected]  # Vietnamese, as the command line prints them
    assert f"Thủ tục, dòng {bad_row}: thời hạn, lệ phí và mức độ phải là số nguyên." in refused
    assert f"Thủ tục, dòng {bad_row + 1}: Không có lĩnh vực mã “ZZ”." in refused
    assert any(line.startswith(f"Giấy tờ, dòng {doc_row}: ") for line in refused)
    english = [r.text("en") for r in plan.rejected]
    assert f"Thủ tục, row {bad_row}: the time limit, the fee and the level must be whole numbers." in english
    assert f"Thủ tục, row {bad_row + 1}: There is no field with the code “ZZ”." in english
    with pytest.raises(ValidationFailed), session_scope(demo_db.factory) as s:
        list_import.apply_list(s, admin_actor, plan)
    assert count_versions(demo_db) == before
    with session_scope(demo_db.factory) as s:
        assert catalogue.get_procedure(s, "DD-02", on=EFFECTIVE).time_value == 10


def test_a_day_before_a_received_dossier_is_refused(demo_db: Database, tmp_path: Path) -> None:
    admin_actor, clerk = login_as(demo_db, "quantri"), login_as(demo_db, "canbo")
    form = checks.IntakeForm("DD-02", "Lê Văn Tám", "075090001234", "0912345678", street="Ấp 2",
                             address_unit_code="26428", documents=(DocumentCount("Đơn", 1),))  # fmt: skip
    with session_scope(demo_db.factory) as s:
        receiving.receive(s, clerk, form, received_at=datetime(2026, 11, 20, 9, 0))
    path = published_list(demo_db, tmp_path / "som.xlsx")
    with session_scope(demo_db.factory) as s:
        plan = list_import.preview_list(s, admin_actor, path, date(2026, 11, 1))
    (line,) = [str(r) for r in plan.rejected if "DD-02" in str(r)]
    assert line.startswith("Thủ tục, dòng ") and "20/11/2026" in line and "21/11/2026" in line


def test_only_an_admin_imports(demo_db: Database, tmp_path: Path) -> None:
    path = published_list(demo_db, tmp_path / "dm.xlsx")
    with pytest.raises(PermissionDenied), session_scope(demo_db.factory) as s:
        list_import.preview_list(s, login_as(demo_db, "canbo"), path, EFFECTIVE)


def test_export_never_writes_a_formula(demo_db: Database, tmp_path: Path) -> None:
    admin_actor = login_as(demo_db, "quantri")
    edit = ProcedureEdit("HT-90", '=HYPERLINK("http://x","bấm")', "HT", 1, "ngày làm việc",
                         documents=(DocumentInfo("+cmd|' /C calc'!A0", "original", 1),))  # fmt: skip
    with session_scope(demo_db.factory) as s:
        admin.save_procedure(s, admin_actor, edit)
        excel.export_catalogue(s, tmp_path / "dm.xlsx")
    wb = load_workbook(tmp_path / "dm.xlsx")
    cells = [c for row in wb[excel.SHEET_PROCS].iter_rows() for c in row if c.value == edit.name]
    docs = [c for row in wb[excel.SHEET_DOCS].iter_rows() for c in row if str(c.value).startswith("+cmd")]
    assert cells and docs and all(c.data_type == "s" for c in cells + docs)


def test_command_line_dry_run_shows_the_preview_and_writes_nothing(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from onestop_desktop.cli import main
    from onestop_desktop.services.demo.office import DEMO_PASSWORD

    path = published_list(demo_db, tmp_path / "dm.xlsx")
    monkeypatch.setenv("ONESTOP_PASSWORD", DEMO_PASSWORD)
    before = count_versions(demo_db)
    argv = ["--database", demo_db.url, "import", "catalogue", str(path), "--effective", "2027-01-01",
            "--user", "quantri"]  # fmt: skip
    assert main([*argv, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Thời hạn: 10 ngày làm việc → 7 ngày làm việc" in out and "chưa ghi gì" in out
    assert count_versions(demo_db) == before
    assert main(argv) == 0
    assert count_versions(demo_db) == before + 5
    with pytest.raises(SystemExit) as stop:  # argparse: one sentence, exit code 2
        main(["--database", demo_db.url, "import", "catalogue", str(path), "--effective", "31/02/2027",
              "--user", "quantri"])  # fmt: skip
    assert stop.value.code == 2 and "không tồn tại" in capsys.readouterr().err
