"""Each form prints the template in force on its act's day (domain.legal), and its office as it should."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.reports.forms import render_apology, render_control_slip, render_log_book, render_receipt
from tests.reports.test_forms import OFFICE, apology, control_slip, flat, log_book, receipt, render, text_of

# The template in force on the act's day prints, and names itself in small print (domain.legal).
TODAY_RECEIVED = datetime(2026, 12, 1, 9, 30)


@pytest.mark.parametrize(
    ("fn", "make", "label_2018", "label_today"),
    [
        (
            render_receipt,
            receipt,
            "Mẫu số 01 – Thông tư 01/2018/TT-VPCP",
            "Mẫu số 01 – Thông tư 03/2025/TT-VPCP",
        ),
        (
            render_control_slip,
            control_slip,
            "Mẫu số 05 – Thông tư 01/2018/TT-VPCP",
            "Mẫu số 06 – Thông tư 03/2025/TT-VPCP",
        ),
    ],
    ids=["receipt", "control-slip"],
)
def test_a_form_names_the_template_of_its_day(
    tmp_path: Path,
    fn: Callable[[Any, Path], None],
    make: Callable[[], Any],
    label_2018: str,
    label_today: str,
) -> None:
    old = text_of(render(fn, make(), tmp_path))
    new = text_of(render(fn, replace(make(), received_at=TODAY_RECEIVED), tmp_path))
    assert label_2018 in old and label_today not in old
    assert label_today in new and label_2018 not in new


def test_the_apology_of_today_is_the_2025_letter(tmp_path: Path) -> None:
    old = flat(text_of(render(render_apology, apology(), tmp_path)))
    new = flat(text_of(render(render_apology, replace(apology(), issued_at=TODAY_RECEIVED), tmp_path)))
    assert (
        "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in old and "Mẫu số 04 – Thông tư 01/2018/TT-VPCP" in old
    )
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in new
    assert "Mẫu số 04 – Thông tư 03/2025/TT-VPCP" in new


def test_the_log_book_takes_the_template_of_its_last_day(tmp_path: Path) -> None:
    book = log_book(3)
    assert "Mẫu số 06 – Thông tư 01/2018/TT-VPCP" in text_of(render(render_log_book, book, tmp_path))
    today = replace(book, as_of=date(2026, 11, 30))
    assert "Mẫu số 07 – Thông tư 03/2025/TT-VPCP" in text_of(render(render_log_book, today, tmp_path))


def test_the_receiving_body_is_named_once() -> None:
    """'Trung tâm Phục vụ hành chính công xã Xuân Lộc UBND xã Xuân Lộc tiếp nhận…' named the commune twice."""
    from onestop_desktop.reports.layout import counter_name

    centre = replace(
        OFFICE, name="UBND xã Xuân Lộc", department="Trung tâm Phục vụ hành chính công xã Xuân Lộc"
    )
    assert counter_name(centre) == "Trung tâm Phục vụ hành chính công xã Xuân Lộc"
    district = replace(OFFICE, name="UBND huyện Xuân Lộc", department="Bộ phận tiếp nhận và trả kết quả")
    assert counter_name(district) == "Bộ phận tiếp nhận và trả kết quả UBND huyện Xuân Lộc"


def test_office_without_department_heads_the_form_with_its_superior(tmp_path: Path) -> None:
    office = replace(OFFICE, department="")
    text = text_of(render(render_receipt, receipt(office=office), tmp_path), 0)
    assert "UBND TỈNH ĐỒNG NAI" in text and "UBND HUYỆN XUÂN LỘC" in text
