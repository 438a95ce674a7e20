"""Log book and catalogue imports, catalogue edits, drafts: refusals worded in English and Vietnamese."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Draft
from onestop_desktop.domain.messages import msg
from onestop_desktop.services.catalogue import admin, excel, list_import
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.intake import drafts as intake_drafts
from onestop_desktop.services.tracking import logbook_import, logbook_sheet
from onestop_desktop.ui.context import AppContext
from tests.conftest import login_as
from tests.test_i18n_languages import VIETNAMESE
from tests.tracking.test_import import GOOD, _xlsx


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    from onestop_desktop.ui.i18n import install_translators

    install_translators("en")
    try:
        yield
    finally:
        install_translators("vi")


BAD_ROWS = [
    [5, "CU-2017-0005", "Thủ tục không có thật", "Võ Văn E", "", "", "08/03/2017", "09/03/2017", ""],
    [6, "CU-2017-0006", "Chứng thực", "Võ Văn F", "", "", "31/02/2017", "09/03/2017", ""],
    [7, "CU-2017-0007", "Đăng ký khai sinh", "", "", "", "08/03/2017", "01/03/2017", ""],
]


def test_log_book_rejected_rows_in_both_languages(demo_db: Database, tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "bad.xlsx", GOOD + BAD_ROWS)
    with session_scope(demo_db.factory) as s:
        plan = logbook_import.plan_import(s, path)
    vi, en = plan.report("vi").splitlines(), plan.report("en").splitlines()
    assert vi[0] == "Dòng 7: không tìm thấy thủ tục «Thủ tục không có thật» trong danh mục"
    assert en[0] == "Row 7: the procedure «Thủ tục không có thật» is not in the catalogue"
    assert vi[1].startswith(
        "Dòng 8: Ngày nhận không đúng dạng ngày: «31/02/2017»; tên thủ tục «Chứng thực» khớp"
    )
    assert en[1].startswith(
        "Row 8: Date received is not a date: «31/02/2017»; the procedure name «Chứng thực»"
    )
    assert vi[2] == "Dòng 9: thiếu tên tổ chức, cá nhân; ngày hẹn trả trước ngày nhận"
    assert en[2] == "Row 9: no organisation or person named; the due date is before the date received"
    assert plan.report() == "\n".join(vi)  # Vietnamese by default (the command line)
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as refused:
        logbook_import.apply_plan(s, login_as(demo_db, "canbo").user_id, plan, path.name)
    assert str(refused.value) == "Có dòng bị từ chối: không nhập gì."
    assert refused.value.msg is not None
    assert refused.value.msg.text("en") == "Some rows are rejected: nothing imported."


def test_log_book_file_refusals_in_both_languages(demo_db: Database, tmp_path: Path) -> None:
    no_header = tmp_path / "x.csv"
    no_header.write_text("a,b\n1,2\n", encoding="utf-8")
    only_two = tmp_path / "y.csv"
    only_two.write_text("Mã hồ sơ,Tên thủ tục,Địa chỉ\nA,B,C\n", encoding="utf-8")
    cases = [
        (no_header, "Không nhận ra dòng tiêu đề của sổ theo dõi (cần", "The log book's header row was not"),
        (only_two, "Thiếu cột: Tên tổ chức, cá nhân, Ngày nhận, Ngày hẹn trả.",
         "Missing columns: Organisation or person, Date received, Due date."),
        (tmp_path / "z.txt", "Không đọc được tệp z.txt: chỉ nhận .xlsx hoặc .csv.",
         "Cannot read the file z.txt: only .xlsx or .csv files are accepted."),
    ]  # fmt: skip
    for path, vi, en in cases:
        with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as refused:
            logbook_import.plan_import(s, path)
        assert refused.value.msg is not None
        assert str(refused.value).startswith(vi) and refused.value.msg.text("en").startswith(en)
    assert logbook_sheet.FIELDS["received"] == "Ngày nhận"  # the sheet's own headers stay Vietnamese


def test_import_dialog_in_english(app_context: AppContext, qtbot: Any, tmp_path: Path, english: None) -> None:
    from PySide6.QtWidgets import QFormLayout

    from onestop_desktop.ui.tracking.import_dialog import ImportDialog

    dialog = ImportDialog(app_context)
    qtbot.addWidget(dialog)
    dialog.load(_xlsx(tmp_path / "bad.xlsx", GOOD + BAD_ROWS))
    report = dialog.report.toPlainText()
    assert "Row 9: no organisation or person named; the due date is before the date received" in report
    assert "Dòng" not in report
    form = dialog.findChild(QFormLayout)
    labels = [form.labelForField(c).text() for c in dialog.combos.values()]  # type: ignore[union-attr]
    assert labels[:3] == ["Dossier code", "Procedure name *", "Organisation or person *"]
    assert not any(VIETNAMESE.search(t) for t in labels)


def test_catalogue_refusals_in_both_languages(demo_db: Database, tmp_path: Path) -> None:
    from onestop_desktop.ui.i18n import say_error, say_field

    quantri = login_as(demo_db, "quantri")
    with session_scope(demo_db.factory) as s, pytest.raises(ValidationFailed) as refused:
        admin.save_field(s, quantri, "", "x" * 201)
    assert refused.value.errors == {
        "code": "Mã lĩnh vực phải có từ 1 đến 20 ký tự.",
        "name": "Tên lĩnh vực phải có từ 1 đến 200 ký tự.",
    }
    assert (
        refused.value.text("en")
        == "A field code has 1 to 20 characters; A field name has 1 to 200 characters."
    )
    vi = "Mã lĩnh vực phải có từ 1 đến 20 ký tự; Tên lĩnh vực phải có từ 1 đến 200 ký tự."
    assert say_error(refused.value) == vi
    assert say_field(refused.value, "name") == "Tên lĩnh vực phải có từ 1 đến 200 ký tự."
    with session_scope(demo_db.factory) as s, pytest.raises(ValidationFailed) as refused:
        admin.save_override(s, quantri, date(2026, 9, 2), False, " ")
    assert refused.value.errors["reason"] == "Ghi lý do (ví dụ: Nghỉ bù Quốc khánh), tối đa 200 ký tự."
    assert refused.value.field_msgs["reason"].text("en") == (
        "Give the reason (for example: Day off in lieu of National Day), at most 200 characters."
    )
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as gone:
        admin.delete_override(s, quantri, date(2031, 1, 5))
    assert str(gone.value) == "Không có ngày điều chỉnh 05/01/2031."
    assert (
        gone.value.msg is not None
        and gone.value.msg.text("en") == "There is no calendar change on 05/01/2031."
    )
    edit = admin.ProcedureEdit("", "", "ZZ", 400, "tuần", -1, "xom", 9, "", True,
                               (admin.DocumentInfo(" ", "original", 1),))  # fmt: skip
    _clean, errors = admin.check_procedure(edit, set())
    assert {k: str(m) for k, m in errors.items()} == {
        "code": "Mã thủ tục phải có từ 1 đến 40 ký tự.",
        "name": "Tên thủ tục phải có từ 1 đến 500 ký tự.",
        "field_code": "Không có lĩnh vực mã “ZZ”.",
        "time_unit": "Đơn vị thời hạn phải là giờ làm việc, ngày làm việc hoặc ngày.",
        "time_value": "Thời hạn giải quyết phải từ 0 đến 365.",
        "fee": "Lệ phí không hợp lệ.",
        "level": "Cấp thực hiện phải là xa, huyen hoặc tinh.",
        "online_level": "Mức độ dịch vụ công trực tuyến phải từ 1 đến 4.",
        "documents": "Giấy tờ không hợp lệ: “(trống)”.",
    }
    english = {k: m.text("en") for k, m in errors.items()}
    assert english["documents"] == "Document not valid: “(empty)”."
    assert english["field_code"] == "There is no field with the code “ZZ”."
    assert not any(VIETNAMESE.search(t) for t in english.values()), english


def test_catalogue_workbook_refusals_in_both_languages(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    quantri = login_as(demo_db, "quantri")
    broken = tmp_path / "broken.xlsx"
    broken.write_text("not a workbook", encoding="utf-8")
    with pytest.raises(ValidationFailed) as refused:
        excel.read_workbook(broken)
    assert refused.value.errors["file"].startswith("Không đọc được tệp Excel broken.xlsx: ")
    assert refused.value.text("en").startswith("Cannot read the Excel file broken.xlsx: ")
    wb = Workbook()
    wb.active.title = "Khác"
    wb.save(tmp_path / "other.xlsx")
    with pytest.raises(ValidationFailed) as refused:
        excel.read_workbook(tmp_path / "other.xlsx")
    assert refused.value.errors["file"] == "Tệp không có trang “Thủ tục”."
    assert refused.value.text("en") == "The file has no sheet “Thủ tục”."
    fee = excel.row_refusal("Thủ tục", 4, msg("cat.fee"))
    plan = list_import.ListPlan("a.xlsx", date(2026, 1, 1), "", (), (fee,), (), ())
    with session_scope(demo_db.factory) as s, pytest.raises(ValidationFailed) as refused:
        list_import.apply_list(s, quantri, plan)
    assert refused.value.errors["file"] == "Tệp còn dòng bị từ chối: chưa ghi gì vào danh mục."
    assert refused.value.text("en") == "The file still has rejected rows: nothing written to the catalogue."
    assert str(plan.rejected[0]) == "Thủ tục, dòng 4: Lệ phí không hợp lệ."
    assert plan.rejected[0].text("en") == "Thủ tục, row 4: The fee is not valid."


def test_version_refusal_in_both_languages(demo_db: Database) -> None:
    from onestop_desktop.db.models import Procedure
    from onestop_desktop.services.catalogue import versions

    with session_scope(demo_db.factory) as s:
        p = s.query(Procedure).order_by(Procedure.id).first()
        assert p is not None
        with pytest.raises(ServiceError) as refused:
            versions.on_day(p, date(1990, 1, 1))
    assert str(refused.value) == f"Thủ tục {p.code} không áp dụng vào ngày 01/01/1990 theo danh mục."
    assert refused.value.msg is not None
    english = f"The procedure {p.code} does not apply on 01/01/1990 according to the catalogue."
    assert refused.value.msg.text("en") == english


def test_a_draft_without_a_name_is_worded_at_the_edge(
    app_context: AppContext, qtbot: Any, english: None
) -> None:
    from onestop_desktop.ui.i18n import install_translators
    from onestop_desktop.ui.intake.drafts import DraftsList

    clerk = app_context.actor
    with session_scope(app_context.db.factory) as s:
        new = intake_drafts.save_draft(
            s, clerk, {"applicant_name": " ", "procedure_label": "Đăng ký khai sinh"}
        )
        old = Draft(user_id=clerk.user_id, label="(chưa có tên) – Chứng thực", payload={},
                    created_at=datetime(2026, 1, 5, 8), updated_at=datetime(2026, 1, 5, 8))  # fmt: skip
        s.add(old)
    with session_scope(app_context.db.factory) as s:
        assert s.get(Draft, new).label == " – Đăng ký khai sinh"  # no placeholder stored
        listed = intake_drafts.list_drafts(s, clerk)
    assert [(d.applicant, d.procedure) for d in listed] == [("", "Đăng ký khai sinh"), ("", "Chứng thực")]
    box = DraftsList()
    qtbot.addWidget(box)
    box.show_drafts(listed, None)
    texts = [box.item(i).text() for i in range(box.count())]
    assert texts[0].endswith(" · (no name yet) – Đăng ký khai sinh")
    assert texts[1] == "08:00 05/01/2026 · (no name yet) – Chứng thực"
    install_translators("vi")
    box.show_drafts(listed, None)
    assert box.item(1).text() == "08:00 05/01/2026 · (chưa có tên) – Chứng thực"
