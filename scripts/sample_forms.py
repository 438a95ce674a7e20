"""Render one sample of each TT 01/2018 form with demo data (Xuân Lộc, October 2018).

Usage: .venv/bin/python scripts/sample_forms.py OUTDIR
Writes 01_tiep_nhan.pdf … 06_so_theo_doi.pdf into OUTDIR (created if missing).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from onestop_desktop.reports.forms import (  # noqa: E402
    render_apology,
    render_control_slip,
    render_log_book,
    render_receipt,
    render_refusal,
    render_supplement,
)
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

OFFICE = OfficeInfo(
    name="UBND huyện Xuân Lộc",
    parent_name="UBND tỉnh Đồng Nai",
    department="Bộ phận tiếp nhận và trả kết quả",
    place="Xuân Lộc",
    address="Đường Hùng Vương, thị trấn Gia Ray, huyện Xuân Lộc, tỉnh Đồng Nai",
    phone="0251 3871 286",
)
APPLICANT = "Nguyễn Thị Ánh Tuyết"
ADDRESS = "Ấp Bảo Định, xã Xuân Định, huyện Xuân Lộc, tỉnh Đồng Nai"
CODE = "000.00.32.H19-181024-0032"
RECEIVED = datetime(2018, 10, 24, 10, 0)
OFFICER = "Trần Văn Bình"

LAND = (
    "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất"
    " lần đầu"
)
PROCEDURES = (
    "Đăng ký khai sinh",
    "Chứng thực bản sao từ bản chính",
    LAND,
    "Cấp giấy phép xây dựng nhà ở riêng lẻ",
)
PEOPLE = ("Nguyễn Thị Ánh Tuyết", "Trần Văn Hùng", "Lê Thị Hồng Nhung", "Phạm Đức Thắng", "Đặng Văn Lợi")
COMMUNES = ("Xuân Định", "Xuân Phú", "Xuân Thọ", "Xuân Tâm", "Xuân Hòa", "Suối Cát", "Bảo Hòa")


def receipt() -> ReceiptData:
    docs = (
        DocumentLine("Tờ khai đăng ký khai sinh theo mẫu", 1, 0, 0),
        DocumentLine("Giấy chứng sinh do cơ sở y tế cấp", 1, 0, 0),
        DocumentLine("Giấy chứng nhận kết hôn của cha, mẹ", 0, 1, 0),
        DocumentLine("Căn cước công dân của người đi đăng ký", 0, 0, 1),
    )
    return ReceiptData(
        office=OFFICE,
        dossier_code=CODE,
        book_number="01/2018",
        sequence=32,
        applicant_name=APPLICANT,
        applicant_address=ADDRESS,
        phone="0912 345 678",
        email="anhtuyet.nguyen@example.vn",
        citizen_id="075185000123",
        submitter_name=None,
        procedure_name="Đăng ký khai sinh",
        field_name="Hộ tịch",
        documents=docs,
        sets=1,
        statutory_time="5 ngày làm việc",
        received_at=RECEIVED,
        due_at=datetime(2018, 10, 31, 10, 0),
        due_explanation="5 ngày làm việc kể từ 24/10/2018, không tính thứ Bảy, Chủ nhật (27–28/10).",
        return_place="Bộ phận tiếp nhận và trả kết quả UBND huyện Xuân Lộc",
        fee=50_000,
        channel="Trực tiếp",
        officer_name=OFFICER,
    )


def supplement() -> SupplementData:
    return SupplementData(
        office=OFFICE,
        dossier_code=CODE,
        applicant_name=APPLICANT,
        applicant_address=ADDRESS,
        phone="0912 345 678",
        email="anhtuyet.nguyen@example.vn",
        procedure_name="Đăng ký khai sinh",
        missing=("Bản chính Giấy chứng sinh", "Bản sao có chứng thực Giấy chứng nhận kết hôn của cha, mẹ"),
        instructions="Mang theo bản chính các giấy tờ để đối chiếu khi nộp bổ sung.",
        issued_at=RECEIVED,
        officer_name=OFFICER,
    )


def refusal() -> RefusalData:
    return RefusalData(
        office=OFFICE,
        applicant_name=APPLICANT,
        applicant_address=ADDRESS,
        phone="0912 345 678",
        email="",
        procedure_name="Cấp đổi Giấy phép lái xe",
        reason="Thủ tục không thuộc thẩm quyền giải quyết của UBND huyện; đề nghị Ông/Bà liên hệ "
        "Sở Giao thông vận tải tỉnh Đồng Nai.",
        issued_at=RECEIVED,
        officer_name=OFFICER,
    )


def apology() -> ApologyData:
    return ApologyData(
        office=OFFICE,
        dossier_code="000.00.32.H19-181001-0007",
        applicant_name="Trần Văn Hùng",
        applicant_address="Ấp 4, xã Xuân Tâm, huyện Xuân Lộc, tỉnh Đồng Nai",
        procedure_name=LAND,
        received_at=datetime(2018, 10, 1, 8, 30),
        old_due_at=datetime(2018, 10, 24, 16, 0),
        new_due_at=datetime(2018, 11, 2, 16, 0),
        reason="Hồ sơ cần đo đạc, xác minh lại ranh giới thửa đất với các hộ liền kề.",
        issued_at=datetime(2018, 10, 24, 14, 0),
        signer_name="Lê Văn Minh",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
    )


def control_slip() -> ControlSlipData:
    steps = (
        ("Trần Văn Bình", "Bộ phận TN&TKQ", "Phạm Thị Lan", "Văn phòng ĐKĐĐ", 0, "Đúng hạn"),
        ("Phạm Thị Lan", "Văn phòng ĐKĐĐ", "Võ Minh Tâm", "Phòng Tài nguyên và Môi trường", 6, "Trước hạn"),
        ("Võ Minh Tâm", "Phòng Tài nguyên và Môi trường", "Lê Văn Minh", "Lãnh đạo UBND huyện", 12, ""),
        ("Lê Văn Minh", "Lãnh đạo UBND huyện", "Trần Văn Bình", "Bộ phận TN&TKQ", 15, "Quá hạn"),
    )
    start = datetime(2018, 10, 1, 8, 30)
    lines = tuple(
        HandoverLine(a, au, b, bu, start + timedelta(days=d, hours=1), res, "Đã xin lỗi" if d > 14 else "")
        for a, au, b, bu, d, res in steps
    )
    return ControlSlipData(
        office=OFFICE,
        dossier_code="000.00.32.H19-181001-0007",
        applicant_name="Trần Văn Hùng",
        procedure_name=LAND,
        received_at=start,
        due_at=datetime(2018, 10, 24, 16, 0),
        lines=lines,
    )


def log_book(n: int = 40) -> LogBookData:
    rows = []
    for i in range(n):
        received = datetime(2018, 10, 15, 7, 30) + timedelta(hours=3 * i)
        done = i % 3 != 2
        rows.append(
            LogRow(
                seq=i + 1,
                code=f"000.00.32.H19-{received:%y%m%d}-{i + 1:04d}",
                procedure_name=PROCEDURES[i % len(PROCEDURES)],
                applicant=PEOPLE[i % len(PEOPLE)],
                address=f"Xã {COMMUNES[i % len(COMMUNES)]}, huyện Xuân Lộc",
                phone=f"09{i:08d}",
                received_at=received,
                due_at=received + timedelta(days=5),
                transferred_at=received + timedelta(hours=2),
                resolved_at=received + timedelta(days=4) if done else None,
                returned_at=received + timedelta(days=4, hours=3) if done else None,
                status="Đã trả kết quả" if done else "Đang giải quyết",
                note="" if i % 7 else "Bổ sung hồ sơ",
            )
        )
    return LogBookData(OFFICE, "Từ ngày 15/10/2018 đến ngày 14/11/2018", tuple(rows))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    render_receipt(receipt(), out / "01_tiep_nhan.pdf")
    render_supplement(supplement(), out / "02_bo_sung.pdf")
    render_refusal(refusal(), out / "03_tu_choi.pdf")
    render_apology(apology(), out / "04_xin_loi.pdf")
    render_control_slip(control_slip(), out / "05_kiem_soat.pdf")
    render_log_book(log_book(), out / "06_so_theo_doi.pdf")
    print(f"Đã ghi 6 mẫu vào {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
