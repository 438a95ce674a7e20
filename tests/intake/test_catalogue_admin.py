"""Administrators' catalogue and calendar edits, with role checks, audit and Excel round trip."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.services.catalogue import admin as catalogue_admin
from onestop_desktop.services.catalogue import catalogue, list_import
from onestop_desktop.services.catalogue import excel as catalogue_excel
from onestop_desktop.services.catalogue.admin import ProcedureEdit
from onestop_desktop.services.catalogue.versions import DocumentInfo
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.errors import PermissionDenied, ValidationFailed
from onestop_desktop.services.intake import checks as intake_checks
from onestop_desktop.services.intake import receiving
from tests.conftest import login_as

EDIT = ProcedureEdit(
    code="HT-99",
    name="Đăng  ký   thử nghiệm",
    field_code="HT",
    time_value=3,
    time_unit="ngày làm việc",
    fee=10000,
    documents=(DocumentInfo("Tờ khai", "original", 1),),
)


def test_clerk_cannot_edit(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    with pytest.raises(PermissionDenied), session_scope(demo_db.factory) as s:
        catalogue_admin.save_procedure(s, clerk, EDIT)
    with pytest.raises(PermissionDenied), session_scope(demo_db.factory) as s:
        catalogue_admin.save_override(s, clerk, date(2026, 12, 31), False, "Nghỉ")


def test_procedure_edit_is_audited_and_spares_received_dossiers(demo_db: Database) -> None:
    admin, clerk = login_as(demo_db, "quantri"), login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        assert catalogue_admin.save_procedure(s, admin, EDIT) is True
        p = catalogue.get_procedure(s, "HT-99")
        assert p.name == "Đăng ký thử nghiệm" and p.time_unit is TimeUnit.WORKING_DAYS and p.fee == 10000
    form = intake_checks.IntakeForm("HT-99", "Lê Văn Tám", "075090001234", "0912345678", street="Ấp 2",
                             address_unit_code="26428", documents=(DocumentCount("Tờ khai", 1),))  # fmt: skip
    with session_scope(demo_db.factory) as s:
        got = receiving.receive(s, clerk, form, received_at=datetime(2026, 11, 2, 8, 0))
    due_before = got.registered.due.due
    with session_scope(demo_db.factory) as s:
        assert (
            catalogue_admin.save_procedure(s, admin, ProcedureEdit(**{**EDIT.__dict__, "time_value": 10}))
            is False
        )
        d = s.get(Dossier, got.registered.id)
        assert d is not None and d.due_at == due_before and d.time_value == 3
        actions = [a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.entity == "procedure"))]
        assert actions == ["create", "update"]
    with pytest.raises(ValidationFailed) as err, session_scope(demo_db.factory) as s:
        wrong = {"time_unit": "tuần", "field_code": "ZZ", "time_value": -1}
        catalogue_admin.save_procedure(s, admin, ProcedureEdit(**{**EDIT.__dict__, **wrong}))
    assert {"time_unit", "field_code", "time_value"} <= set(err.value.errors)


def test_calendar_override_changes_later_appointments(demo_db: Database) -> None:
    admin = login_as(demo_db, "quantri")
    with session_scope(demo_db.factory) as s:
        before = catalogue.working_calendar(s).due(datetime(2026, 12, 30, 9, 0), 1, TimeUnit.WORKING_DAYS)
        catalogue_admin.save_override(s, admin, date(2026, 12, 31), False, "Nghỉ bù (thông báo của tỉnh)")
    with session_scope(demo_db.factory) as s:
        after = catalogue.working_calendar(s).due(datetime(2026, 12, 30, 9, 0), 1, TimeUnit.WORKING_DAYS)
        assert after.due > before.due
        assert [o.reason for o in catalogue_admin.list_overrides(s, 2026)] == ["Nghỉ bù (thông báo của tỉnh)"]
        catalogue_admin.delete_override(s, admin, date(2026, 12, 31))
        assert catalogue_admin.list_overrides(s, 2026) == []
    with pytest.raises(ValidationFailed), session_scope(demo_db.factory) as s:
        catalogue_admin.save_override(s, admin, date(2026, 12, 31), False, "  ")


def test_excel_round_trip_and_all_or_nothing_import(demo_db: Database, tmp_path: Path) -> None:
    admin = login_as(demo_db, "quantri")
    path = tmp_path / "danh-muc.xlsx"
    with session_scope(demo_db.factory) as s:
        n = catalogue_excel.export_catalogue(s, path)
        procs = catalogue.list_procedures(s, include_inactive=True)
    assert n == len(procs)
    wb = load_workbook(path)
    ws = wb["Thủ tục"]
    ws.append(["HT-77", "Thủ tục nhập từ Excel", "HT", "xa", 2, "ngày làm việc", 0, 3, "Giấy xác nhận", "có"])
    wb["Giấy tờ"].append(["HT-77", 1, "Đơn đề nghị", "bản chính", 1])
    ws.cell(row=2, column=5).value = 7  # change the first procedure's time
    first_code = ws.cell(row=2, column=1).value
    wb.save(path)
    with session_scope(demo_db.factory) as s:
        plan, report = list_import.import_catalogue(s, admin, path)
    assert plan.rejected == () and report is not None
    assert report.added == 1 and report.changed == 1 and report.unchanged == n - 1
    with session_scope(demo_db.factory) as s:
        new = catalogue.get_procedure(s, "HT-77")
        assert new.documents == (DocumentInfo("Đơn đề nghị", "original", 1),)
        assert catalogue.get_procedure(s, str(first_code)).time_value == 7
    bad = load_workbook(path)
    bad["Thủ tục"].append(["HT-78", "Sai", "HT", "xa", "hai", "ngày", 0, 3, "", "có"])
    bad["Thủ tục"].cell(row=2, column=5).value = 9
    bad.save(path)
    with session_scope(demo_db.factory) as s:
        plan, report = list_import.import_catalogue(s, admin, path)
    assert report is None and plan.rejected and "dòng" in str(plan.rejected[0])
    with session_scope(demo_db.factory) as s:
        assert catalogue.get_procedure(s, str(first_code)).time_value == 7  # nothing applied
    (tmp_path / "junk.xlsx").write_text("not excel")
    with pytest.raises(ValidationFailed), session_scope(demo_db.factory) as s:
        list_import.import_catalogue(s, admin, tmp_path / "junk.xlsx")
