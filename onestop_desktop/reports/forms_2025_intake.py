"""Forms 01–03 on the layouts of Thông tư 03/2025/TT-VPCP: receipt, supplement request, refusal (A5)."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from onestop_desktop.domain.legal import FormTemplate, one_stop_decree
from onestop_desktop.reports.forms_codes import code_block, document_table, two_copies
from onestop_desktop.reports.layout import (
    Styles,
    build_pdf,
    contact_line,
    counter_name,
    esc,
    field,
    frame_size,
    header,
    hm_date,
    issuer,
    make_styles,
    money,
    signatures,
    title_block,
)
from onestop_desktop.services.form_data import OfficeInfo, ReceiptData, RefusalData, SupplementData

__all__ = ["PORTAL", "render_receipt", "render_refusal", "render_supplement"]

PORTAL = "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)"
ADDRESS_LABEL = "Địa chỉ (số nhà, thôn, tổ dân phố; xã, phường, đặc khu; tỉnh, thành phố)"
BLANK_NUMBER = "Số: ……/……"
# Ticked by hand: the data record how the dossier came in, not how the citizen takes the result.
RETURN_WAYS = "□ Trực tiếp&nbsp;&nbsp; □ Qua dịch vụ bưu chính công ích&nbsp;&nbsp; □ Trực tuyến"
NUMBERED_GAP = "&nbsp;" * 2


def _receipt_copy(
    data: ReceiptData, tpl: FormTemplate, label: str, s: Styles, width: float
) -> list[Flowable]:
    office = data.office
    story: list[Flowable] = [
        header(
            s,
            width,
            *issuer(office),
            f"Số: {data.sequence}/{data.book_number}",
            office.place,
            data.received_at,
        ),
        *title_block(s, tpl.title.upper()),
        code_block(s, width, data.dossier_code, label),
        Spacer(1, 1.5 * mm),
        *_receipt_body(s, width, data),
        Spacer(1, 2 * mm),
        signatures(
            s,
            width,
            [
                ("Người nộp hồ sơ", data.submitter_name or data.applicant_name),
                ("Người tiếp nhận hồ sơ", data.officer_name),
            ],
            gap=12 * mm,
        ),
    ]
    return story


def _receipt_body(s: Styles, width: float, data: ReceiptData) -> list[Flowable]:
    out: list[Flowable] = [
        Paragraph(f"{esc(counter_name(data.office))} tiếp nhận hồ sơ của:", s.body),
        field(s, "Ông/Bà", data.applicant_name),
    ]
    if data.submitter_name:
        out.append(field(s, "Người nộp thay", data.submitter_name))
    # only papers whose digitisation was recorded get the column: never an invented "Có"/"Không"
    electronic = any(d.electronic is not None for d in data.documents)
    fee = money(data.fee) if data.fee > 0 else "Không thu"
    gap = "&nbsp;" * 4
    out += [
        field(s, "Số định danh cá nhân", data.citizen_id),
        field(s, ADDRESS_LABEL, data.applicant_address),
        contact_line(s, data.phone, data.email),
        field(s, "Tên thủ tục hành chính", data.procedure_name),
        field(s, "Lĩnh vực", data.field_name),
        Paragraph("1. Thành phần hồ sơ:", s.body),
        document_table(s, width, data.documents, electronic_column=electronic),
        Spacer(1, 1.5 * mm),
        Paragraph(f"2. Số lượng hồ sơ: <b>{data.sets:02d}</b> (bộ)", s.body),
        Paragraph(f"3. Thời hạn giải quyết theo quy định: <b>{esc(data.statutory_time)}</b>", s.body),
        Paragraph(f"4. Thời gian tiếp nhận hồ sơ: <b>{hm_date(data.received_at)}</b>", s.body),
        Paragraph(f"5. Thời gian hẹn trả kết quả: <b>{hm_date(data.due_at)}</b>", s.body),
    ]
    if data.due_explanation:
        out.append(Paragraph(f"({esc(data.due_explanation)})", s.small_italic))
    out += [
        Paragraph(
            f"6. Hình thức nộp hồ sơ: <b>{esc(data.channel) or '……'}</b>{gap}Phí, lệ phí: <b>{fee}</b>",
            s.body,
        ),
        Paragraph(f"7. Nơi trả kết quả: <b>{esc(data.return_place) or '……'}</b>", s.body),
        Paragraph(f"Hình thức nhận kết quả: {RETURN_WAYS}", s.body),
        Paragraph(
            f"8. Tra cứu tình trạng giải quyết hồ sơ trên {PORTAL} bằng mã hồ sơ "
            f"<b>{esc(data.dossier_code)}</b> hoặc quét mã QR trên Giấy này.",
            s.body,
        ),
        Paragraph(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: <b>{esc(data.book_number)}</b>, "
            f"Số thứ tự: <b>{data.sequence}</b>",
            s.body,
        ),
    ]
    return out


def render_receipt(data: ReceiptData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 01 of 2025: two copies, each on one A5 page."""
    width, height = frame_size(A5)
    story = two_copies(lambda label, s, w: _receipt_copy(data, tpl, label, s, w), width, height)
    build_pdf(out, story, title=f"{tpl.title.upper()} {data.dossier_code}", form_no=tpl.label)


def _addressee(s: Styles, name: str, address: str, phone: str, email: str) -> list[Flowable]:
    return [
        Paragraph(f"Kính gửi: Ông/Bà <b>{esc(name)}</b>", s.body),
        field(s, ADDRESS_LABEL, address),
        contact_line(s, phone, email),
    ]


def _numbered(s: Styles, items: tuple[str, ...] | list[str]) -> list[Flowable]:
    shown = items or ("……………………………………………",)
    return [Paragraph(f"{i}.{NUMBERED_GAP}{esc(x)}", s.body_justify) for i, x in enumerate(shown, start=1)]


def _contact(s: Styles, office: OfficeInfo, officer: str, what: str) -> Paragraph:
    phone = f", số điện thoại <b>{esc(office.phone)}</b>" if office.phone else ""
    who = f"công chức <b>{esc(officer)}</b>, " if officer else ""
    return Paragraph(
        f"{what} Ông/Bà liên hệ {who}{esc(counter_name(office))}{phone} để được hướng dẫn./.", s.body_justify
    )


def render_supplement(data: SupplementData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 02 of 2025: the items to supplement as a numbered list, the reason, the clock paused."""
    s = make_styles()
    width, _ = frame_size(A5)
    office = data.office
    sub = [f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>"] if data.dossier_code else []
    reason = (
        data.reason.strip() or "hồ sơ chưa đầy đủ thành phần hoặc chưa đúng quy định (các nội dung nêu trên)."
    )
    story: list[Flowable] = [
        header(s, width, *issuer(office), BLANK_NUMBER, office.place, data.issued_at),
        *title_block(s, tpl.title.upper(), *sub),
        *_addressee(s, data.applicant_name, data.applicant_address, data.phone, data.email),
        field(s, "Tên thủ tục hành chính", data.procedure_name),
        Spacer(1, 1 * mm),
        Paragraph(
            f"{esc(counter_name(office))} đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:",
            s.body_justify,
        ),
        *_numbered(s, data.missing),
        Paragraph(f"Lý do: {esc(reason)}", s.body_justify),
    ]
    if data.instructions:
        story.append(Paragraph(f"Hướng dẫn: {esc(data.instructions)}", s.body_justify))
    if data.dossier_code:  # a received dossier: its clock waits; at the counter nothing was received yet
        story.append(
            Paragraph(
                "Thời hạn giải quyết hồ sơ được tạm dừng trong thời gian chờ Ông/Bà bổ sung, hoàn thiện "
                "hồ sơ và được tính tiếp từ khi nhận đủ hồ sơ theo yêu cầu; ngày hẹn trả kết quả được "
                "lùi tương ứng.",
                s.body_justify,
            )
        )
    story += [
        _contact(s, office, data.officer_name, "Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc"),
        Spacer(1, 3 * mm),
        KeepTogether(signatures(s, width, [("Người hướng dẫn", data.officer_name)])),
    ]
    build_pdf(out, story, title=tpl.title.upper(), form_no=tpl.label)


def render_refusal(data: RefusalData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 03 of 2025: the reasons as a list, citing the decree in force (Nghị định 118/2025/NĐ-CP)."""
    s = make_styles()
    width, _ = frame_size(A5)
    office = data.office
    decree = one_stop_decree(data.act_day)
    reasons = [x.strip(" -•") for x in data.reason.splitlines() if x.strip(" -•")]
    story: list[Flowable] = [
        header(s, width, *issuer(office), BLANK_NUMBER, office.place, data.issued_at),
        *title_block(s, tpl.title.upper()),
        *_addressee(s, data.applicant_name, data.applicant_address, data.phone, data.email),
        field(s, "Tên thủ tục hành chính", data.procedure_name),
        Spacer(1, 1 * mm),
        Paragraph(
            f"Căn cứ {esc(decree.number)} của Chính phủ {esc(decree.title)}; sau khi xem xét hồ sơ, "
            f"{esc(counter_name(office))} từ chối tiếp nhận, giải quyết hồ sơ của Ông/Bà vì các lý do sau:",
            s.body_justify,
        ),
        *_numbered(s, reasons),
        _contact(s, office, data.officer_name, "Nếu cần làm rõ,"),
        Spacer(1, 3 * mm),
        KeepTogether(signatures(s, width, [("Người lập phiếu", data.officer_name)])),
    ]
    build_pdf(out, story, title=tpl.title.upper(), form_no=tpl.label)
