"""The forms of Thông tư 03/2025/TT-VPCP have their own fields; acts up to 14/9/2025 keep the 2018 layouts."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.domain.legal import NoTemplate
from onestop_desktop.reports.forms import (
    render_apology,
    render_control_slip,
    render_log_book,
    render_receipt,
    render_refusal,
    render_stop_notice,
    render_supplement,
)
from onestop_desktop.services.form_data import DocumentLine, HandoverLine, OfficeInfo, StopNoticeData
from tests.reports.test_forms import (
    A4_LANDSCAPE,
    A5,
    CODE,
    LAND,
    NAME,
    apology,
    control_slip,
    flat,
    font_names,
    log_book,
    receipt,
    refusal,
    render,
    size_of,
    supplement,
    text_of,
)

BEFORE = datetime(2025, 9, 14, 9, 30)  # the last day of Thông tư 01/2018's templates
AFTER = datetime(2025, 9, 15, 9, 30)  # the first day of Thông tư 03/2025's
CENTRE = OfficeInfo(
    name="UBND xã Xuân Lộc",
    parent_name="UBND tỉnh Đồng Nai",
    department="Trung tâm Phục vụ hành chính công xã Xuân Lộc",
    place="Xuân Lộc",
    address="Số 267, đường Hùng Vương, xã Xuân Lộc, tỉnh Đồng Nai",
    phone="0251 3871113",
)
GOLDEN = Path(__file__).parent / "golden_2018"


def _receipt(at: datetime) -> Any:
    return receipt(
        office=CENTRE, received_at=at, due_at=at + timedelta(days=7), return_place=CENTRE.department
    )


def _supplement(at: datetime) -> Any:
    return replace(supplement(), office=CENTRE, issued_at=at)


def _refusal(at: datetime) -> Any:
    reason = "Thủ tục không thuộc thẩm quyền của xã.\nGiấy tờ không đúng quy định."
    return replace(refusal(), office=CENTRE, issued_at=at, reason=reason)


def _apology(at: datetime) -> Any:
    due = at - timedelta(days=1)
    return replace(apology(), office=CENTRE, issued_at=at, received_at=at - timedelta(days=9), old_due_at=due)


def _slip(at: datetime) -> Any:
    return replace(control_slip(3), office=CENTRE, received_at=at, due_at=at + timedelta(days=5))


def _log(at: datetime) -> Any:
    rows = tuple(
        replace(r, channel="Trực tuyến", returned_at=at if r.seq == 1 else None) for r in log_book(3).rows
    )
    return replace(log_book(3), office=CENTRE, rows=rows, as_of=at.date())


# (kind, renderer, data on a day, 2018 wording, 2025 wording): each printed on its side of 15/9/2025 only
KINDS: list[tuple[str, Callable[[Any, Path], None], Callable[[datetime], Any], str, str]] = [
    ("receipt", render_receipt, _receipt, "Số định danh cá nhân/CMND", "Cổng Dịch vụ công quốc gia"),
    ("supplement", render_supplement, _supplement, "Yêu cầu bổ sung, hoàn thiện hồ sơ gồm", "được tạm dừng"),
    ("refusal", render_refusal, _refusal, "với lý do cụ thể như sau", "Căn cứ Nghị định 118/2025/NĐ-CP"),
    ("apology", render_apology, _apology, "Sự chậm trễ này đã gây phiền hà", "Thời hạn đề nghị gia hạn đến"),
    ("control-slip", render_control_slip, _slip, "THỜI GIAN GIAO, NHẬN HỒ SƠ", "Bên giao"),
    ("log-book", render_log_book, _log, "Trả kết quả cho cá nhân, tổ chức", "Kết quả trả"),
]


@pytest.mark.parametrize(
    ("kind", "fn", "make", "wording_2018", "wording_2025"), KINDS, ids=[k[0] for k in KINDS]
)
@pytest.mark.parametrize("at", [BEFORE, AFTER], ids=["14-9-2025", "15-9-2025"])
def test_each_kind_prints_the_layout_of_its_day(
    tmp_path: Path,
    kind: str,
    fn: Callable[[Any, Path], None],
    make: Callable[[datetime], Any],
    wording_2018: str,
    wording_2025: str,
    at: datetime,
) -> None:
    reader = render(fn, make(at), tmp_path)
    text = flat(text_of(reader))
    new = at >= AFTER
    assert (wording_2025 in text) is new, kind
    assert (wording_2018 in text) is not new, kind
    assert ("Thông tư 03/2025/TT-VPCP" in text) is new and ("Thông tư 01/2018/TT-VPCP" in text) is not new
    assert unicodedata.is_normalized("NFC", text)
    assert all("DejaVu" in f for f in font_names(reader))
    expected = A4_LANDSCAPE if kind == "log-book" else A5
    assert all(size_of(reader, i) == expected for i in range(len(reader.pages)))


@pytest.mark.parametrize("name", ["receipt", "supplement", "refusal", "apology", "control", "log"])
def test_the_2018_forms_print_the_text_they_printed_before_the_2025_layouts(
    tmp_path: Path, name: str
) -> None:
    """Golden texts (tests/reports/golden_2018) captured from the program before the 2025 layouts existed."""
    cases: dict[str, tuple[Callable[[Any, Path], None], Any]] = {
        "receipt": (render_receipt, receipt()),
        "supplement": (render_supplement, supplement()),
        "refusal": (render_refusal, refusal()),
        "apology": (render_apology, apology()),
        "control": (render_control_slip, control_slip(3)),
        "log": (render_log_book, log_book(5)),
    }
    fn, data = cases[name]
    assert text_of(render(fn, data, tmp_path)) == (GOLDEN / f"{name}.txt").read_text(encoding="utf-8")


def test_the_2025_receipt_fields(tmp_path: Path) -> None:
    reader = render(render_receipt, _receipt(AFTER), tmp_path)
    assert len(reader.pages) == 2
    for page in (0, 1):
        text = flat(text_of(reader, page))
        for expected in (
            "UBND XÃ XUÂN LỘC",
            "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ XUÂN LỘC",
            "Xuân Lộc, ngày 15 tháng 9 năm 2025",
            "Trung tâm Phục vụ hành chính công xã Xuân Lộc tiếp nhận hồ sơ của",
            "Số định danh cá nhân: 075185000123",
            "xã, phường, đặc khu",
            "6. Hình thức nộp hồ sơ: Trực tiếp",
            "7. Nơi trả kết quả: Trung tâm Phục vụ hành chính công xã Xuân Lộc",
            "Hình thức nhận kết quả:",
            f"Cổng Dịch vụ công quốc gia (dichvucong.gov.vn) bằng mã hồ sơ {CODE} hoặc quét mã QR",
            "Thời gian hẹn trả kết quả: 09 giờ 30 phút, ngày 22/09/2025",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "Mẫu số 01 – Thông tư 03/2025/TT-VPCP",
        ):
            assert expected in text, (page, expected)
        assert "CMND" not in text and "thị trấn" not in text
        assert "Đã số hóa" not in text  # the data do not say: no column, no invented value
    stream = reader.pages[0].get_contents()
    assert stream is not None and stream.get_data().count(b" re") > 200  # QR code and barcode drawn


def test_the_digitised_column_appears_only_with_recorded_values(tmp_path: Path) -> None:
    docs = (
        DocumentLine("Tờ khai đăng ký khai sinh", 1, 0, 0, electronic=True),
        DocumentLine("Giấy chứng sinh", 1, 0, 0, electronic=False),
        DocumentLine("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1, 0),
    )
    text = flat(text_of(render(render_receipt, replace(_receipt(AFTER), documents=docs), tmp_path), 0))
    assert "Đã số hóa/ nhận điện tử" in text
    assert "Tờ khai đăng ký khai sinh 01 - - Có" in text and "Giấy chứng sinh 01 - - Không" in text
    assert "Giấy chứng nhận kết hôn của cha, mẹ - 01 -" in text
    old = flat(text_of(render(render_receipt, replace(_receipt(BEFORE), documents=docs), tmp_path), 0))
    assert "Đã số hóa" not in old  # 2018 keeps its five columns


def test_a_long_2025_receipt_keeps_one_page_per_copy(tmp_path: Path) -> None:
    docs = tuple(
        DocumentLine(f"Giấy tờ số {i}: {LAND}", 1, 1, 2, electronic=bool(i % 2)) for i in range(1, 13)
    )
    data = replace(_receipt(AFTER), documents=docs, submitter_name="Trần Văn Hùng (người được ủy quyền)")
    reader = render(render_receipt, data, tmp_path)
    assert len(reader.pages) == 2
    for page in (0, 1):
        text = flat(text_of(reader, page))
        assert "Giấy tờ số 12:" in text and "NGƯỜI TIẾP NHẬN HỒ SƠ" in text and "dichvucong.gov.vn" in text


def test_the_2025_supplement_request(tmp_path: Path) -> None:
    text = flat(text_of(render(render_supplement, _supplement(AFTER), tmp_path)))
    assert "1. Bản chính Giấy chứng sinh" in text and "2. Bản sao Giấy chứng nhận kết hôn" in text
    assert "Lý do: hồ sơ chưa đầy đủ thành phần hoặc chưa đúng quy định" in text
    assert "Thời hạn giải quyết hồ sơ được tạm dừng trong thời gian chờ Ông/Bà bổ sung" in text
    assert "công chức Trần Văn Bình" in text and "0251 3871113" in text
    given = replace(_supplement(AFTER), reason="Giấy chứng sinh bị tẩy xóa.")
    assert "Lý do: Giấy chứng sinh bị tẩy xóa." in flat(text_of(render(render_supplement, given, tmp_path)))
    # at the counter nothing was received yet: there is no clock to pause
    counter = replace(_supplement(AFTER), dossier_code=None)
    assert "tạm dừng" not in flat(text_of(render(render_supplement, counter, tmp_path)))


def test_the_2025_refusal_lists_its_reasons_and_cites_the_decree(tmp_path: Path) -> None:
    text = flat(text_of(render(render_refusal, _refusal(AFTER), tmp_path)))
    assert "Căn cứ Nghị định 118/2025/NĐ-CP của Chính phủ về thực hiện thủ tục hành chính" in text
    assert "1. Thủ tục không thuộc thẩm quyền của xã." in text
    assert "2. Giấy tờ không đúng quy định." in text
    assert "NGƯỜI LẬP PHIẾU" in text


def test_the_2025_apology_requests_an_extension(tmp_path: Path) -> None:
    data = _apology(AFTER)
    text = flat(text_of(render(render_apology, data, tmp_path)))
    assert "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT" in text
    assert "đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ" in text
    assert "Thời hạn trả kết quả đã hẹn: 09 giờ 30 phút, ngày 14/09/2025" in text
    assert "Thời hạn đề nghị gia hạn đến: 16 giờ 00 phút, ngày 02/11/2018" in text
    assert "Lý do đề nghị gia hạn: Cần xác minh thêm thông tin của người mẹ." in text
    assert "hẹn lại" not in text.lower() and "sẽ trả kết quả" not in text


def _stop(at: datetime) -> StopNoticeData:
    return StopNoticeData(
        CENTRE,
        CODE,
        NAME,
        "Ấp Bảo Định, xã Xuân Định, tỉnh Đồng Nai",
        LAND,
        received_at=at - timedelta(days=3),
        stopped_at=at,
        reason="Công dân đề nghị dừng giải quyết để nộp lại hồ sơ khác.",
        fee=50_000,
        officer_name="Trần Văn Bình",
    )


def test_the_stop_notice(tmp_path: Path) -> None:
    reader = render(render_stop_notice, _stop(AFTER), tmp_path)
    assert len(reader.pages) == 1 and size_of(reader) == A5
    text = flat(text_of(reader))
    for expected in (
        "Mẫu số 05 – Thông tư 03/2025/TT-VPCP",
        "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ",
        "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ XUÂN LỘC",
        "Xuân Lộc, ngày 15 tháng 9 năm 2025",
        f"Mã hồ sơ: {CODE}",
        NAME,
        "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất",
        "Thời gian tiếp nhận: 09 giờ 30 phút, ngày 12/09/2025",
        "thông báo dừng giải quyết hồ sơ nêu trên kể từ 09 giờ 30 phút, ngày 15/09/2025",
        "Lý do dừng giải quyết: Công dân đề nghị dừng giải quyết để nộp lại hồ sơ khác.",
        "Phí, lệ phí theo Giấy tiếp nhận: 50.000 đồng",
        "Hồ sơ/giấy tờ đã nộp được trả lại theo quy định.",
        "NGƯỜI LẬP THÔNG BÁO",
        "Trần Văn Bình",
    ):
        assert expected in text, expected
    assert all("DejaVu" in f for f in font_names(reader))


def test_no_stop_notice_before_its_template(tmp_path: Path) -> None:
    out = tmp_path / "stop.pdf"
    with pytest.raises(NoTemplate):
        render_stop_notice(_stop(BEFORE), out)
    assert not out.exists()


def test_the_2025_control_slip_prints_the_handovers_the_data_name(tmp_path: Path) -> None:
    centre = CENTRE.department
    lines = (
        HandoverLine("Trần Văn Bình", centre, "Lê Thu", "Phòng Kinh tế xã Xuân Lộc", AFTER, "", "Chuyển"),
        HandoverLine(
            "Lê Thu", "Phòng Tài nguyên và Môi trường huyện Xuân Lộc", "", centre, AFTER + timedelta(days=2),
            "Trước hạn", "",
        ),
    )  # fmt: skip
    text = flat(text_of(render(render_control_slip, replace(_slip(AFTER), lines=lines), tmp_path)))
    assert "Mẫu số 06 – Thông tư 03/2025/TT-VPCP" in text
    assert "Phòng Kinh tế xã Xuân Lộc" in text
    assert "Phòng Tài nguyên và Môi trường huyện Xuân Lộc" in text  # as the data say, even a district's
    assert "Trước hạn" in text and "Chuyển" in text and "17/09/2025" in text


def test_the_2025_log_book_columns_and_pages(tmp_path: Path) -> None:
    rows = tuple(replace(r, channel="Bưu chính", returned_at=AFTER) for r in log_book(120).rows)
    reader = render(
        render_log_book, replace(log_book(120), office=CENTRE, rows=rows, as_of=AFTER.date()), tmp_path
    )
    assert len(reader.pages) >= 5
    for i in range(len(reader.pages)):
        assert size_of(reader, i) == A4_LANDSCAPE
        text = flat(text_of(reader, i))
        assert "Hình thức nộp" in text and "Kết quả trả" in text and f"Trang {i + 1}" in text, i
    whole = flat(text_of(reader))
    assert "Mẫu số 07 – Thông tư 03/2025/TT-VPCP" in whole and "Bưu chính" in whole
    assert "Đã trả 15/09/2025 09:30" in whole
    assert "Chuyển hồ sơ đến cơ quan giải quyết" not in whole  # the 2018 column set is gone
    empty = replace(log_book(0), as_of=date(2026, 1, 31))
    assert "Không có hồ sơ trong kỳ." in text_of(render(render_log_book, empty, tmp_path))
