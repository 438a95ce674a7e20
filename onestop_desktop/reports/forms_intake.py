"""Forms 01–03: receipt, supplement request, refusal (A5 portrait), on the template in force that day."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.graphics.barcode import code128, qr
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A5
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    KeepInFrame,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from onestop_desktop.domain.legal import FormKind, form_template
from onestop_desktop.reports.fonts import SERIF, font_name
from onestop_desktop.reports.layout import (
    Styles,
    build_pdf,
    contact_line,
    counter_name,
    esc,
    field,
    frame_size,
    header,
    height_of,
    hm_date,
    issuer,
    make_styles,
    money,
    signatures,
    title_block,
    tstyle,
)
from onestop_desktop.services.form_data import DocumentLine, ReceiptData, RefusalData, SupplementData

__all__ = ["render_receipt", "render_refusal", "render_supplement"]

COPIES = ("Liên 1: Lưu tại Bộ phận tiếp nhận", "Liên 2: Giao người nộp hồ sơ")
QR_SIZE = 21 * mm
BLANK_NUMBER = "Số: ……/……"


def _count(n: int) -> str:
    """Counts in the document table: 0 prints as a dash so the eye finds the papers handed in."""
    return f"{n:02d}" if n > 0 else "-"


def qr_drawing(value: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of ``value`` as a square Drawing of ``size`` points."""
    widget = qr.QrCodeWidget(value, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.initialFontName = font_name(SERIF)  # the renderer would select Helvetica otherwise
    d.add(widget)
    return d


def _barcode(value: str, max_width: float, height: float = 8 * mm) -> Flowable:
    """A Code128 barcode no wider than ``max_width``; no human-readable line (reportlab would draw it in
    Helvetica), the code is printed in our own font above it."""
    probe = code128.Code128(value, barWidth=1.0, barHeight=height, humanReadable=False, quiet=False)
    bar_width = min(0.9, max_width / probe.width)
    bc = code128.Code128(value, barWidth=bar_width, barHeight=height, humanReadable=False, quiet=False)
    bc.hAlign = "CENTER"
    return bc


def _document_table(s: Styles, width: float, docs: tuple[DocumentLine, ...]) -> Table:
    head = [
        Paragraph("TT", s.cell_head),
        Paragraph("Tên giấy tờ", s.cell_head),
        Paragraph("Bản chính", s.cell_head),
        Paragraph("Bản sao chứng thực", s.cell_head),
        Paragraph("Bản photo", s.cell_head),
    ]
    rows: list[list[object]] = [head]
    for i, d in enumerate(docs, start=1):
        rows.append(
            [
                Paragraph(str(i), s.cell_center),
                Paragraph(esc(d.name), s.cell),
                Paragraph(_count(d.originals), s.cell_center),
                Paragraph(_count(d.certified_copies), s.cell_center),
                Paragraph(_count(d.photocopies), s.cell_center),
            ]
        )
    if not docs:
        rows.append(["", Paragraph("(Không có giấy tờ kèm theo)", s.cell), "", "", ""])
    num = 15 * mm
    widths = [6 * mm, width - 3 * num - 6 * mm, num, num, num]
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(
        tstyle(
            [
                ("GRID", (0, 0), (-1, -1), 0.5, "black"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
            ]
        )
    )
    return t


# (body, cell, header) font sizes tried in turn until a copy of the receipt fits on one A5 page.
_RECEIPT_SIZES = ((9.5, 8.5, 8.0), (9.0, 8.0, 8.0), (8.5, 7.5, 8.0), (8.0, 7.0, 7.5), (7.5, 6.5, 7.5))


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
    left_w = width - QR_SIZE - 2 * mm
    title_col: list[Flowable] = [
        Paragraph(f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>", s.center),
        Spacer(1, 1.5),
        _barcode(data.dossier_code, left_w * 0.7),
        Spacer(1, 1.5),
        Paragraph(f"({esc(copy_label)})", s.center_italic),
    ]
    top = Table([[title_col, qr_drawing(data.dossier_code)]], colWidths=[left_w, width - left_w])
    top.setStyle(
        tstyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    story += [top, Spacer(1, 1.5 * mm)]
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
        _document_table(s, width, data.documents),
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


def _fitted_copy(data: ReceiptData, label: str, width: float, height: float) -> list[Flowable]:
    """One copy of the receipt that fits ``width`` x ``height``: smaller type first; for very long lists,
    laid out wider so KeepInFrame scales the whole copy (tables and text alike) down onto the page."""
    for body, cell, head in _RECEIPT_SIZES:
        s = make_styles(size=body, cell=cell, head=head)
        copy = _receipt_copy(data, label, s, width)
        if height_of(copy, width) <= height:
            return copy
    scale = 1.0
    while scale > 0.35:
        scale -= 0.05
        copy = _receipt_copy(data, label, s, width / scale)
        if height_of(copy, width / scale) <= height / scale:
            break
    return copy


def render_receipt(data: ReceiptData, out: Path | BinaryIO) -> None:
    """Mẫu số 01, two copies (page 1 for the office, page 2 for the applicant), each on one A5 page."""
    tpl = form_template(FormKind.RECEIPT, data.act_day)  # the template in force that day
    width, height = frame_size(A5)
    story: list[Flowable] = []
    for i, label in enumerate(COPIES):
        if i:
            story.append(PageBreak())
        story.append(KeepInFrame(width, height, _fitted_copy(data, label, width, height), mode="shrink"))
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
