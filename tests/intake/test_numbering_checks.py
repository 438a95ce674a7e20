"""The counter's checks follow the numbering plans: the receipt day bounds a citizen ID's birth year."""

from __future__ import annotations

from datetime import date

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.services.intake import checks

FORM = checks.IntakeForm(
    procedure_code="1.001193",
    applicant_name="Nguyễn Văn An",
    citizen_id="075227001234",  # born 2027
    phone="0912345678",
    street="Ấp 1",
    address_unit_code="26428",
    documents=(DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),),
)


def test_check_field_takes_the_receipt_day() -> None:
    assert not checks.check_field("citizen_id", "075227001234", on=date(2026, 12, 2)).ok
    assert checks.check_field("citizen_id", "075227001234", on=date(2027, 1, 4)).ok
    assert not checks.check_field("citizen_id", "075490001234").ok  # 2190: an error, not a warning


def test_form_refuses_a_birth_year_after_the_receipt_day(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s, pytest.raises(ValidationFailed) as exc:
        checks.check_form(s, FORM, on=date(2026, 12, 2))
    assert "sau năm hiện tại" in exc.value.errors["citizen_id"]


@pytest.mark.parametrize(
    ("phone", "message"),
    [("0801234567", "đầu số 080"), ("02001234567", "Mã vùng 0200"), ("0168 123 4567", None)],
)
def test_form_checks_phones_on_the_plan(demo_db: Database, phone: str, message: str | None) -> None:
    form = checks.IntakeForm(**{**FORM.__dict__, "citizen_id": "075090001234", "phone": phone})
    with session_scope(demo_db.factory) as s:
        if message is None:
            got = checks.check_form(s, form, on=date(2026, 11, 23))
            assert got.dossier.phone == "0381234567" and "0381234567" in str(got.warnings["phone"])
            return
        with pytest.raises(ValidationFailed) as exc:
            checks.check_form(s, form, on=date(2026, 11, 23))
    assert message in exc.value.errors["phone"]
