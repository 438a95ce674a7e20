"""Forms 01–03 (A5): the 2018 layouts; from 15/9/2025 the 2025 ones (forms_2025_intake) are dispatched to."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from onestop_desktop.domain.legal import TT_03_2025, FormKind, form_template
from onestop_desktop.reports import forms_2025_intake
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
from onestop_desktop.services.form_data import DocumentLine, ReceiptData, RefusalData, SupplementData

__all__ = ["render_receipt", "render_refusal", "render_supplement"]

BLANK_NUMBER = "Số: ……/……"


def _receipt_copy(data: ReceiptData, copy_label: str, s: Styles, width: float) -> list[Flowable]:
    tpl = form_template(FormKind.RECEIPT, data.act_day)  # the template in force that day
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
    ]
    story += [code_block(s, width, data.dossier_code, copy_label), Spacer(1, 1.5 * mm)]
    story += _receipt_body(s, width, data)
    submitter = data.submitter_name or data.applicant_name
    story += [
        Spacer(1, 2 * mm),
        signatures(
            s,
            width,
            [("Người nộp hồ sơ", submitter), ("Người tiếp nhận hồ sơ", data.officer_name)],
            gap=12 * mm,
        ),
    ]
    return story


def _receipt_body(s: Styles, width: float, data: ReceiptData) -> list[Flowable]:
    office = data.office
    out: list[Flowable] = [
        Paragraph(f"{esc(counter_name(office))} tiếp nhận hồ sơ của:", s.body),
        field(s, "Ông/Bà", data.applicant_name),
    ]
    if data.submitter_name:
        out.append(field(s, "Người nộp thay", data.submitter_name))
    out += [
        field(s, "Số định danh cá nhân/CMND", data.citizen_id),
        field(s, "Địa chỉ", data.applicant_address),
        contact_line(s, data.phone, data.email),
        field(s, "Nội dung yêu cầu giải quyết", data.procedure_name),
        field(s, "Lĩnh vực", data.field_name),
        Paragraph("1. Thành phần hồ sơ nộp gồm:", s.body),
        document_table(s, width, _marked(data.documents)),
        *_digitised_line(s, data.documents),
        Spacer(1, 1.5 * mm),
        Paragraph(f"2. Số lượng hồ sơ: <b>{data.sets:02d}</b> (bộ)", s.body),
        Paragraph(
            f"3. Thời gian giải quyết hồ sơ theo quy định là: <b>{esc(data.statutory_time)}</b>", s.body
        ),
        Paragraph(f"4. Thời gian nhận hồ sơ: <b>{hm_date(data.received_at)}</b>", s.body),
        Paragraph(f"5. Thời gian trả kết quả giải quyết hồ sơ: <b>{hm_date(data.due_at)}</b>", s.body),
    ]
    if data.due_explanation:
        out.append(Paragraph(f"({esc(data.due_explanation)})", s.small_italic))
    fee = money(data.fee) if data.fee > 0 else "Không thu"
    out += [
        Paragraph(f"6. Đăng ký nhận kết quả tại: <b>{esc(data.return_place)}</b>", s.body),
        Paragraph(
            f"7. Phí, lệ phí: <b>{fee}</b>&nbsp;&nbsp;&nbsp;&nbsp;Hình thức nộp: <b>{esc(data.channel)}</b>",
            s.body,
        ),
        Paragraph(
            f"Vào Sổ theo dõi hồ sơ, Quyển số: <b>{esc(data.book_number)}</b>, "
            f"Số thứ tự: <b>{data.sequence}</b>",
            s.body,
        ),
    ]
    return out


def _marked(docs: tuple[DocumentLine, ...]) -> tuple[DocumentLine, ...]:
    """Form 01 of Thông tư 01/2018 has no column for digitisation: a digitised paper says so after its
    name. Only dossiers scanned at the counter carry the mark (`electronic` is None otherwise), so the
    receipts of 2018 print exactly as they did."""
    return tuple(replace(d, name=f"{d.name} (đã số hóa)") if d.electronic else d for d in docs)


def _digitised_line(s: Styles, docs: tuple[DocumentLine, ...]) -> list[Flowable]:
    if docs and all(d.electronic for d in docs):
        return [Spacer(1, 1 * mm), Paragraph("Hồ sơ đã được số hóa.", s.body)]
    return []


def render_receipt(data: ReceiptData, out: Path | BinaryIO) -> None:
    """Mẫu số 01, two copies (page 1 for the office, page 2 for the applicant), each on one A5 page;
    from 15/9/2025 on the layout of Thông tư 03/2025/TT-VPCP."""
    tpl = form_template(FormKind.RECEIPT, data.act_day)  # the template in force that day
    if tpl.circular == TT_03_2025:
        forms_2025_intake.render_receipt(data, out, tpl)
        return
    width, height = frame_size(A5)
    story = two_copies(lambda label, s, w: _receipt_copy(data, label, s, w), width, height)
    build_pdf(out, story, title=f"{tpl.title.upper()} {data.dossier_code}", form_no=tpl.label)


def _applicant_lines(
    s: Styles, name_label: str, name: str, address: str, phone: str, email: str
) -> list[Flowable]:
    return [
        field(s, name_label, name),
        field(s, "Địa chỉ", address),
        contact_line(s, phone, email),
    ]


def render_supplement(data: SupplementData, out: Path | BinaryIO) -> None:
    """Mẫu số 02: Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (A5)."""
    tpl = form_template(FormKind.SUPPLEMENT, data.act_day)  # the template in force that day
    if tpl.circular == TT_03_2025:
        forms_2025_intake.render_supplement(data, out, tpl)
        return
    s = make_styles()
    width, _ = frame_size(A5)
    office = data.office
    sub = [f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>"] if data.dossier_code else []
    story: list[Flowable] = [
        header(s, width, *issuer(office), BLANK_NUMBER, office.place, data.issued_at),
        *title_block(s, tpl.title.upper(), *sub),
        *_applicant_lines(
            s, "Hồ sơ của", data.applicant_name, data.applicant_address, data.phone, data.email
        ),
        field(s, "Nội dung yêu cầu giải quyết", data.procedure_name),
        Spacer(1, 1 * mm),
        Paragraph("Yêu cầu bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:", s.body),
    ]
    items = data.missing or ("……………………………………………",)
    story += [Paragraph(f"{i}. {esc(m)}", s.body) for i, m in enumerate(items, start=1)]
    if data.instructions:
        story.append(Paragraph(f"Hướng dẫn: {esc(data.instructions)}", s.body_justify))
    contact = counter_name(office)
    phone = f", số điện thoại {esc(office.phone)}" if office.phone else ""
    story += [
        Paragraph(
            "Trong quá trình bổ sung, hoàn thiện hồ sơ nếu có vướng mắc, Ông/Bà liên hệ với "
            f"{esc(contact)}{phone} để được hướng dẫn./.",
            s.body_justify,
        ),
        Spacer(1, 3 * mm),
        KeepTogether(signatures(s, width, [("Người hướng dẫn", data.officer_name)])),
    ]
    build_pdf(out, story, title=tpl.title.upper(), form_no=tpl.label)


def render_refusal(data: RefusalData, out: Path | BinaryIO) -> None:
    """Mẫu số 03: Phiếu từ chối tiếp nhận giải quyết hồ sơ (A5)."""
    tpl = form_template(FormKind.REFUSAL, data.act_day)  # the template in force that day
    if tpl.circular == TT_03_2025:
        forms_2025_intake.render_refusal(data, out, tpl)
        return
    s = make_styles()
    width, _ = frame_size(A5)
    office = data.office
    unit = counter_name(office)
    story: list[Flowable] = [
        header(s, width, *issuer(office), BLANK_NUMBER, office.place, data.issued_at),
        *title_block(s, tpl.title.upper()),
        Paragraph(f"{esc(unit)} tiếp nhận hồ sơ của:", s.body),
        *_applicant_lines(s, "Ông/Bà", data.applicant_name, data.applicant_address, data.phone, data.email),
        field(s, "Nội dung yêu cầu giải quyết", data.procedure_name),
        Spacer(1, 1 * mm),
        Paragraph(
            "Sau khi nghiên cứu, đối chiếu với các quy định hiện hành, "
            f"{esc(unit)} không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:",
            s.body_justify,
        ),
        Paragraph(f"<b>{esc(data.reason)}</b>", s.body_justify),
        Paragraph("Xin thông báo cho Ông/Bà được biết và thực hiện./.", s.body_justify),
        Spacer(1, 3 * mm),
        KeepTogether(signatures(s, width, [("Người lập phiếu", data.officer_name)])),
    ]
    build_pdf(out, story, title=tpl.title.upper(), form_no=tpl.label)
