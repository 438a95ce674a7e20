"""The TT 01/2018 forms: real PDFs read back with pypdf (page count, size, text, embedded DejaVu fonts)."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from onestop_desktop.reports.fonts import register_fonts
from onestop_desktop.reports.forms import (
    render_apology,
    render_control_slip,
    render_log_book,
    render_receipt,
    render_refusal,
    render_supplement,
)
from onestop_desktop.reports.layout import hm_date, money, place_date
from onestop_desktop.services.form_data import (
    ApologyData,
    ControlSlipData,
    DocumentLine,
    HandoverLine,
    LogBookData,
    LogRow,
    OfficeInfo,
    ReceiptData,
    RefusalData,
    SupplementData,
)

A5 = (419.53, 595.28)
A4_LANDSCAPE = (841.89, 595.28)
NAME = "Nguyễn Thị Ánh Tuyết"
CODE = "000.00.32.H19-181024-0032"
RECEIVED = datetime(2018, 10, 24, 10, 0)
NATIONAL = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
LAND = (
    "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền "
    "với đất lần đầu"
)

OFFICE = OfficeInfo(
    name="UBND huyện Xuân Lộc",
    parent_name="UBND tỉnh Đồng Nai",
    department="Bộ phận tiếp nhận và trả kết quả",
    place="Xuân Lộc",
    address="Thị trấn Gia Ray, huyện Xuân Lộc",
    phone="0251 3871 286",
)


def receipt(**changes: Any) -> ReceiptData:
    data = ReceiptData(
        office=OFFICE,
        dossier_code=CODE,
        book_number="01/2018",
        sequence=32,
        applicant_name=NAME,
        applicant_address="Ấp Bảo Định, xã Xuân Định, huyện Xuân Lộc, tỉnh Đồng Nai",
        phone="0912345678",
        email="tuyet@example.vn",
        citizen_id="075185000123",
        submitter_name=None,
        procedure_name="Đăng ký khai sinh",
        field_name="Hộ tịch",
        documents=(
            DocumentLine("Tờ khai đăng ký khai sinh", 1, 0, 0),
            DocumentLine("Giấy chứng sinh", 1, 0, 0),
            DocumentLine("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1, 0),
        ),
        sets=1,
        statutory_time="5 ngày làm việc",
        received_at=RECEIVED,
        due_at=datetime(2018, 10, 31, 10, 0),
        due_explanation="Không tính thứ Bảy, Chủ nhật 27–28/10/2018.",
        return_place="Bộ phận tiếp nhận và trả kết quả UBND huyện Xuân Lộc",
        fee=50_000,
        channel="Trực tiếp",
        officer_name="Trần Văn Bình",
    )
    return replace(data, **changes)


def supplement() -> SupplementData:
    return SupplementData(
        OFFICE,
        CODE,
        NAME,
        "Xã Xuân Định",
        "0912345678",
        "",
        "Đăng ký khai sinh",
        ("Bản chính Giấy chứng sinh", "Bản sao Giấy chứng nhận kết hôn"),
        "Mang bản chính để đối chiếu.",
        RECEIVED,
        "Trần Văn Bình",
    )


def refusal() -> RefusalData:
    return RefusalData(
        OFFICE,
        NAME,
        "Xã Xuân Định",
        "0912345678",
        "tuyet@example.vn",
        "Đăng ký khai sinh",
        "Thủ tục không thuộc thẩm quyền của UBND huyện.",
        RECEIVED,
        "Trần Văn Bình",
    )


def apology() -> ApologyData:
    return ApologyData(
        OFFICE,
        CODE,
        NAME,
        "Xã Xuân Định",
        "Đăng ký khai sinh",
        received_at=datetime(2018, 10, 1, 8, 30),
        old_due_at=RECEIVED,
        new_due_at=datetime(2018, 11, 2, 16, 0),
        reason="Cần xác minh thêm thông tin của người mẹ.",
        issued_at=RECEIVED,
        signer_name="Lê Văn Minh",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )


def control_slip(n: int = 3) -> ControlSlipData:
    lines = tuple(
        HandoverLine(
            f"Cán bộ {i}", "Bộ phận TN&TKQ", f"Chuyên viên {i}", "Phòng Tư pháp",
            RECEIVED + timedelta(hours=i), ("Trước hạn", "Đúng hạn", "Quá hạn")[i % 3], "",
        )
        for i in range(n)
    )  # fmt: skip
    return ControlSlipData(OFFICE, CODE, NAME, "Đăng ký khai sinh", RECEIVED, RECEIVED + timedelta(5), lines)


def log_book(n: int) -> LogBookData:
    rows = tuple(
        LogRow(
            seq=i + 1,
            code=f"000.00.32.H19-181024-{i + 1:04d}",
            procedure_name=LAND if i % 2 else "Đăng ký khai sinh",
            applicant=NAME,
            address="Ấp Bảo Định, xã Xuân Định",
            phone="0912345678",
            received_at=RECEIVED,
            due_at=RECEIVED + timedelta(days=5),
            transferred_at=RECEIVED + timedelta(hours=1),
            resolved_at=None if i % 3 else RECEIVED + timedelta(days=3),
            returned_at=None,
            status="Đang giải quyết",
            note="",
        )
        for i in range(n)
    )
    return LogBookData(OFFICE, "Tháng 10/2018", rows, as_of=date(2018, 10, 31))


def render(fn: Callable[[Any, Path], None], data: Any, tmp_path: Path) -> PdfReader:
    out = tmp_path / "form.pdf"
    fn(data, out)
    return PdfReader(out)


def text_of(reader: PdfReader, page: int | None = None) -> str:
    pages = reader.pages if page is None else [reader.pages[page]]
    return "\n".join(p.extract_text() for p in pages)


def flat(text: str) -> str:
    """Extracted text with line breaks folded to spaces (wrapped lines read as one)."""
    return re.sub(r"\s+", " ", text)


def size_of(reader: PdfReader, page: int = 0) -> tuple[float, float]:
    box = reader.pages[page].mediabox
    return round(float(box.width), 2), round(float(box.height), 2)


def font_names(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            names.add(str(font["/BaseFont"]))
            # embedded: the descriptor carries the TrueType program itself
            assert "/FontFile2" in font["/FontDescriptor"].get_object(), font["/BaseFont"]
    return names


FORMS: list[tuple[str, Callable[[Any, Path], None], Callable[[], Any], int, tuple[float, float]]] = [
    ("01", render_receipt, receipt, 2, A5),
    ("02", render_supplement, supplement, 1, A5),
    ("03", render_refusal, refusal, 1, A5),
    ("04", render_apology, apology, 1, A5),
    ("05", render_control_slip, control_slip, 1, A5),
    ("06", render_log_book, lambda: log_book(5), 1, A4_LANDSCAPE),
]


def test_register_fonts_is_idempotent_and_maps_bold_italic() -> None:
    register_fonts()
    register_fonts()
    for family in ("VNSerif", "VNSans"):
        assert tt2ps(family, 1, 0) == f"{family}-Bold"
        assert tt2ps(family, 0, 1) == f"{family}-Italic"
        assert tt2ps(family, 1, 1) == f"{family}-BoldItalic"
        assert pdfmetrics.getFont(f"{family}-Bold").face.name  # a real TrueType face


@pytest.mark.parametrize(("number", "fn", "make", "pages", "size"), FORMS, ids=[f[0] for f in FORMS])
def test_every_form_pages_size_header_and_embedded_dejavu(
    tmp_path: Path,
    number: str,
    fn: Callable[[Any, Path], None],
    make: Callable[[], Any],
    pages: int,
    size: tuple[float, float],
) -> None:
    reader = render(fn, make(), tmp_path)
    assert len(reader.pages) == pages
    assert all(size_of(reader, i) == size for i in range(pages))
    text = text_of(reader)
    assert unicodedata.is_normalized("NFC", text)
    assert NATIONAL in text
    assert MOTTO in text
    assert f"Mẫu số {number}" in text
    fonts = font_names(reader)
    assert fonts and all("DejaVu" in f for f in fonts), fonts  # never Helvetica/Times


def test_receipt_content_both_copies(tmp_path: Path) -> None:
    reader = render(render_receipt, receipt(), tmp_path)
    for page, copy in ((0, "Liên 1: Lưu tại Bộ phận tiếp nhận"), (1, "Liên 2: Giao người nộp hồ sơ")):
        text = flat(text_of(reader, page))
        for expected in (
            "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ",
            copy,
            "Số: 32/01/2018",
            f"Mã hồ sơ: {CODE}",
            NAME,
            "Ấp Bảo Định, xã Xuân Định",
            "0912345678",
            "tuyet@example.vn",
            "075185000123",
            "Đăng ký khai sinh",
            "Hộ tịch",
            "Tên giấy tờ",
            "Bản chính",
            "Bản photo",
            "Giấy chứng nhận kết hôn của cha, mẹ",
            "Số lượng hồ sơ: 01 (bộ)",
            "5 ngày làm việc",
            "Thời gian nhận hồ sơ: 10 giờ 00 phút, ngày 24/10/2018",
            "Thời gian trả kết quả giải quyết hồ sơ: 10 giờ 00 phút, ngày 31/10/2018",
            "Không tính thứ Bảy",
            "50.000 đồng",
            "Trực tiếp",
            "Xuân Lộc, ngày 24 tháng 10 năm 2018",
            "NGƯỜI NỘP HỒ SƠ",
            "NGƯỜI TIẾP NHẬN HỒ SƠ",
            "(Ký và ghi rõ họ tên)",
            "Trần Văn Bình",
        ):
            assert expected in text, (page, expected)
    assert "Liên 2" not in text_of(reader, 0)


def test_receipt_draws_qr_and_barcode(tmp_path: Path) -> None:
    with_codes = render(render_receipt, receipt(), tmp_path)
    stream = with_codes.pages[0].get_contents()
    assert stream is not None
    # Code128 bars and QR modules are filled rectangles: hundreds of them on the page.
    assert stream.get_data().count(b" re") > 200


def test_receipt_with_ten_long_documents_keeps_two_pages(tmp_path: Path) -> None:
    long_docs = tuple(
        DocumentLine(f"Giấy tờ số {i}: {LAND} kèm theo sơ đồ thửa đất và biên bản xác minh", 1, 1, 2)
        for i in range(1, 11)
    )
    data = receipt(
        documents=long_docs,
        procedure_name=LAND,
        applicant_address="Tổ 5, khu phố 3, " * 6 + "thị trấn Gia Ray",
        submitter_name="Trần Văn Hùng (người được ủy quyền)",
    )
    reader = render(render_receipt, data, tmp_path)
    assert len(reader.pages) == 2
    for page in (0, 1):
        text = flat(text_of(reader, page))
        assert "Giấy tờ số 10:" in text
        assert "NGƯỜI TIẾP NHẬN HỒ SƠ" in text  # the signatures did not spill onto another page
        assert "Trần Văn Hùng (người được ủy quyền)" in text


def test_receipt_without_fee_or_documents(tmp_path: Path) -> None:
    reader = render(render_receipt, receipt(fee=0, documents=(), email=""), tmp_path)
    assert len(reader.pages) == 2
    text = text_of(reader, 0)
    assert "Không thu" in text
    assert "Không có giấy tờ kèm theo" in text


def test_receipt_writes_to_a_binary_stream() -> None:
    buf = io.BytesIO()
    render_receipt(receipt(), buf)
    assert buf.getvalue().startswith(b"%PDF")
    assert len(PdfReader(io.BytesIO(buf.getvalue())).pages) == 2


def test_user_text_with_markup_characters_prints_as_typed(tmp_path: Path) -> None:
    reader = render(render_receipt, receipt(applicant_name="Công ty A & B <Xuân Lộc>"), tmp_path)
    assert "Công ty A & B <Xuân Lộc>" in text_of(reader, 0)


def test_supplement_and_refusal_wording(tmp_path: Path) -> None:
    text = flat(text_of(render(render_supplement, supplement(), tmp_path)))
    assert "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ" in text
    assert "1. Bản chính Giấy chứng sinh" in text
    assert "2. Bản sao Giấy chứng nhận kết hôn" in text
    assert "0251 3871 286" in text and "NGƯỜI HƯỚNG DẪN" in text and CODE in text

    text = flat(text_of(render(render_refusal, refusal(), tmp_path)))
    assert "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ" in text
    assert "Thủ tục không thuộc thẩm quyền của UBND huyện." in text
    assert "NGƯỜI LẬP PHIẾU" in text and NAME in text


def test_apology_names_both_dates_and_signer(tmp_path: Path) -> None:
    text = flat(text_of(render(render_apology, apology(), tmp_path)))
    assert "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ" in text
    assert "UBND TỈNH ĐỒNG NAI" in text and "UBND HUYỆN XUÂN LỘC" in text
    assert "Ngày 01/10/2018" in text
    assert "10 giờ 00 phút, ngày 24/10/2018" in text
    assert "16 giờ 00 phút, ngày 02/11/2018" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Lê Văn Minh" in text


def test_control_slip_lists_every_handover(tmp_path: Path) -> None:
    text = flat(text_of(render(render_control_slip, control_slip(3), tmp_path)))
    assert "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ" in text
    assert "Trước hạn" in text and "Đúng hạn" in text and "Quá hạn" in text
    assert "Cán bộ 2" in text and "Chuyên viên 2" in text
    assert "12 giờ 00 phút, ngày 24/10/2018" in text


def test_control_slip_with_many_handovers_repeats_its_header(tmp_path: Path) -> None:
    reader = render(render_control_slip, control_slip(12), tmp_path)
    assert len(reader.pages) > 1
    assert all("THỜI GIAN GIAO" in text_of(reader, i) for i in range(len(reader.pages)))


def test_log_book_120_rows_paginates_with_header_repeated(tmp_path: Path) -> None:
    reader = render(render_log_book, log_book(120), tmp_path)
    n = len(reader.pages)
    assert n >= 5
    assert all(size_of(reader, i) == A4_LANDSCAPE for i in range(n))
    for i in range(n):
        text = flat(text_of(reader, i))
        assert "Ngày, tháng, năm" in text and "Tên thủ tục hành chính" in text, i
        assert f"Trang {i + 1}" in text
    whole = text_of(reader)
    assert "SỔ THEO DÕI HỒ SƠ" in whole and "Tháng 10/2018" in whole
    codes = set(re.findall(r"181024-(\d{4})", whole))
    assert codes == {f"{i:04d}" for i in range(1, 121)}  # every row printed exactly where expected


def test_empty_log_book(tmp_path: Path) -> None:
    reader = render(render_log_book, log_book(0), tmp_path)
    assert len(reader.pages) == 1
    assert "Không có hồ sơ trong kỳ." in text_of(reader)


def test_vietnamese_date_and_money_helpers() -> None:
    assert place_date("Xuân Lộc", RECEIVED) == "Xuân Lộc, ngày 24 tháng 10 năm 2018"
    assert place_date("Xuân Lộc", datetime(2019, 2, 5)) == "Xuân Lộc, ngày 05 tháng 02 năm 2019"
    assert place_date("Gia Ray", datetime(2019, 7, 1)) == "Gia Ray, ngày 01 tháng 7 năm 2019"
    assert hm_date(datetime(2018, 10, 24, 9, 5)) == "09 giờ 05 phút, ngày 24/10/2018"
    assert money(50_000) == "50.000 đồng"
    assert money(6_092) == "6.092 đồng"
