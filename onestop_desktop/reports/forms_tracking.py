"""Apology + new date, control slip (A5), log book (A4 landscape), on the template in force on the act's day.

Their numbers follow the template: 04, 05, 06 under Thông tư 01/2018/TT-VPCP; 04, 06, 07 under
Thông tư 03/2025/TT-VPCP (`domain.legal`).
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Spacer, Table

from onestop_desktop.domain.fmt import fmt_date, fmt_int
from onestop_desktop.domain.legal import TT_03_2025, FormKind, form_template
from onestop_desktop.reports import forms_2025_tracking
from onestop_desktop.reports.fonts import SERIF, font_name
from onestop_desktop.reports.forms_codes import GRID, code_cell, log_table, when_cell
from onestop_desktop.reports.layout import (
    MARGIN,
    Styles,
    build_pdf,
    esc,
    field,
    frame_size,
    header,
    hm_date,
    issuer,
    make_styles,
    signatures,
    title_block,
    tstyle,
)
from onestop_desktop.services.form_data import (
    ApologyData,
    ControlSlipData,
    HandoverLine,
    LogBookData,
    LogRow,
    StopNoticeData,
)

__all__ = ["render_apology", "render_control_slip", "render_log_book", "render_stop_notice"]


def render_apology(data: ApologyData, out: Path | BinaryIO) -> None:
    """Mẫu số 04: Phiếu xin lỗi và hẹn lại ngày trả kết quả (A5), issued and signed by the agency."""
    tpl = form_template(FormKind.APOLOGY, data.act_day)  # the template in force that day
    if tpl.circular == TT_03_2025:
        forms_2025_tracking.render_apology(data, out, tpl)
        return
    s = make_styles(size=9.5)
    width, _ = frame_size(A5)
    office = data.office
    agency = esc(office.name)
    story: list[Flowable] = [
        header(s, width, office.parent_name, office.name, "Số: ……/……", office.place, data.issued_at),
        *title_block(s, tpl.title.upper()),
        Paragraph(f"Kính gửi: Ông/Bà <b>{esc(data.applicant_name)}</b>", s.center),
        Paragraph(f"(Địa chỉ: {esc(data.applicant_address)})", s.center_italic),
        Spacer(1, 2 * mm),
        Paragraph(
            f"Ngày {fmt_date(data.received_at)}, {agency} tiếp nhận giải quyết hồ sơ của Ông/Bà, "
            f"mã hồ sơ: <b>{esc(data.dossier_code)}</b>.",
            s.body_justify,
        ),
        Paragraph(f"Nội dung yêu cầu giải quyết: <b>{esc(data.procedure_name)}</b>.", s.body_justify),
        Paragraph(
            f"Thời gian hẹn trả kết quả giải quyết hồ sơ: <b>{hm_date(data.old_due_at)}</b>.", s.body_justify
        ),
        Paragraph(
            f"Tuy nhiên đến nay, {agency} chưa trả kết quả giải quyết hồ sơ cho Ông/Bà đúng thời hạn "
            "ghi trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả.",
            s.body_justify,
        ),
        Paragraph(f"Lý do: {esc(data.reason)}", s.body_justify),
        Paragraph(
            f"Sự chậm trễ này đã gây phiền hà cho Ông/Bà. {agency} xin lỗi Ông/Bà và sẽ trả kết quả "
            f"giải quyết hồ sơ cho Ông/Bà vào <b>{hm_date(data.new_due_at)}</b>.",
            s.body_justify,
        ),
        Paragraph("Mong nhận được sự thông cảm của Ông/Bà./.", s.body_justify),
        Spacer(1, 3 * mm),
    ]
    recipients: list[Flowable] = [
        Paragraph("<b><i>Nơi nhận:</i></b>", s.small),
        Paragraph("- Như trên;", s.small),
        Paragraph("- Lưu: VT, Bộ phận TN&amp;TKQ.", s.small),
    ]
    story.append(
        KeepTogether(
            signatures(s, width, [(data.signer_title, data.signer_name)], left=recipients, gap=14 * mm)
        )
    )
    build_pdf(out, story, title=tpl.title.upper(), form_no=tpl.label)


def _handover_cell(s: Styles, line: HandoverLine, width: float) -> Table:
    """Time of the hand-over, then giver and receiver side by side with room to sign."""
    inner = Table(
        [
            [Paragraph(hm_date(line.at), s.cell_center), ""],
            [Paragraph("<i>Người giao</i>", s.cell_center), Paragraph("<i>Người nhận</i>", s.cell_center)],
            ["", ""],
            [Paragraph(esc(line.from_name), s.cell_center), Paragraph(esc(line.to_name), s.cell_center)],
        ],
        colWidths=[width / 2, width / 2],
        rowHeights=[None, None, 7 * mm, None],
    )
    inner.setStyle(
        tstyle(
            [
                ("SPAN", (0, 0), (1, 0)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
            ]
        )
    )
    return inner


def _control_table(s: Styles, width: float, lines: tuple[HandoverLine, ...]) -> Table:
    w_unit, w_time, w_result = 0.27 * width, 0.37 * width, 0.18 * width
    widths = [w_unit, w_time, w_result, width - w_unit - w_time - w_result]
    rows: list[list[object]] = [
        [
            Paragraph("TÊN CƠ QUAN", s.cell_head),
            Paragraph("THỜI GIAN GIAO,<br/>NHẬN HỒ SƠ", s.cell_head),
            Paragraph(
                "KẾT QUẢ GIẢI QUYẾT HỒ SƠ<br/>"
                f'<font name="{font_name(SERIF, italic=True)}" size="6">(Trước hạn/Đúng hạn/Quá hạn)</font>',
                s.cell_head,
            ),
            Paragraph("GHI CHÚ", s.cell_head),
        ]
    ]
    for i, line in enumerate(lines):
        a, b = 2 * i + 1, 2 * i + 2
        units = f"{a}. Giao: <b>{esc(line.from_unit)}</b><br/>{b}. Nhận: <b>{esc(line.to_unit)}</b>"
        rows.append(
            [
                Paragraph(units, s.cell),
                _handover_cell(s, line, w_time - 4),
                Paragraph(esc(line.result), s.cell_center),
                Paragraph(esc(line.note), s.cell),
            ]
        )
    if not lines:
        rows.append([Paragraph("(Chưa có lần giao, nhận nào)", s.cell), "", "", ""])
    t = Table(rows, colWidths=widths, repeatRows=1)
    t.setStyle(tstyle(GRID))
    return t


def render_control_slip(data: ControlSlipData, out: Path | BinaryIO) -> None:
    """Mẫu số 05: Phiếu kiểm soát quá trình giải quyết hồ sơ (A5; the table continues on the next page
    with its header repeated when there are many hand-overs)."""
    tpl = form_template(FormKind.CONTROL_SLIP, data.act_day)  # the template in force that day
    if tpl.circular == TT_03_2025:
        forms_2025_tracking.render_control_slip(data, out, tpl)
        return
    s = make_styles(size=9.0, cell=7.5)
    width, _ = frame_size(A5)
    office = data.office
    story: list[Flowable] = [
        header(s, width, *issuer(office), None, office.place, data.received_at),
        *title_block(
            s,
            tpl.title.upper(),
            f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>",
            "<i>(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)</i>",
        ),
        field(s, "Người nộp hồ sơ", data.applicant_name),
        field(s, "Nội dung yêu cầu giải quyết", data.procedure_name),
        Paragraph(f"Thời gian nhận hồ sơ: <b>{hm_date(data.received_at)}</b>", s.body),
        Paragraph(f"Thời gian hẹn trả kết quả: <b>{hm_date(data.due_at)}</b>", s.body),
        Spacer(1, 1.5 * mm),
        _control_table(s, width, data.lines),
    ]
    build_pdf(out, story, title=f"{tpl.title.upper()} {data.dossier_code}", form_no=tpl.label)


_LOG_COLS: tuple[tuple[str, float], ...] = (
    # (heading, width in mm); the five date columns sit under "Ngày, tháng, năm"
    ("STT", 8),
    ("Mã hồ sơ", 28),
    ("Tên thủ tục hành chính", 42),
    ("Tên cá nhân, tổ chức", 30),
    ("Địa chỉ, số điện thoại", 36),
    ("Nhận hồ sơ", 18),
    ("Hẹn trả kết quả", 18),
    ("Chuyển hồ sơ đến cơ quan giải quyết", 18),
    ("Nhận kết quả từ cơ quan giải quyết", 18),
    ("Trả kết quả cho cá nhân, tổ chức", 18),
    ("Tình trạng", 0),  # the last two share what is left
    ("Ghi chú", 0),
)
_DATE_COLS = range(5, 10)


def _log_row(s: Styles, r: LogRow) -> list[object]:
    addr = esc(r.address) + (f"<br/>ĐT: {esc(r.phone)}" if r.phone else "")
    return [
        Paragraph(fmt_int(r.seq), s.cell_center),
        Paragraph(code_cell(r.code), s.cell),
        Paragraph(esc(r.procedure_name), s.cell),
        Paragraph(esc(r.applicant), s.cell),
        Paragraph(addr, s.cell),
        Paragraph(when_cell(r.received_at), s.cell_center),
        Paragraph(when_cell(r.due_at), s.cell_center),
        Paragraph(when_cell(r.transferred_at), s.cell_center),
        Paragraph(when_cell(r.resolved_at), s.cell_center),
        Paragraph(when_cell(r.returned_at), s.cell_center),
        Paragraph(esc(r.status), s.cell_center),
        Paragraph(esc(r.note), s.cell),
    ]


def render_log_book(data: LogBookData, out: Path | BinaryIO) -> None:
    """Mẫu số 06: Sổ theo dõi hồ sơ on A4 landscape; the table header repeats on every page."""
    tpl = form_template(FormKind.LOG_BOOK, data.act_day)  # the template in force that day
    if tpl.circular == TT_03_2025:
        forms_2025_tracking.render_log_book(data, out, tpl)
        return
    s = make_styles(size=9.5, head=9.0, cell=7.5)
    pagesize = landscape(A4)
    width, _ = frame_size(pagesize)
    office = data.office
    story: list[Flowable] = [
        header(s, width, *issuer(office), None, office.place, None, left_share=0.4),
        *title_block(s, tpl.title.upper(), f"<i>{esc(data.period_label)}</i>" if data.period_label else ""),
        log_table(s, width, data.rows, _LOG_COLS, _DATE_COLS, _log_row),
    ]

    def footer(canvas: Canvas, doc: BaseDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(font_name(SERIF, italic=True), 7.5)
        text = f"Sổ theo dõi hồ sơ – {data.period_label} – Trang {doc.page}"
        canvas.drawRightString(pagesize[0] - MARGIN, MARGIN / 2, text)
        canvas.restoreState()

    build_pdf(out, story, pagesize=pagesize, title=tpl.title.upper(), form_no=tpl.label, on_page=footer)


def render_stop_notice(data: StopNoticeData, out: Path | BinaryIO) -> None:
    """Mẫu số 05 of Thông tư 03/2025/TT-VPCP: Thông báo dừng giải quyết hồ sơ (A5). No earlier circular had
    one: for a stop before 15/9/2025 `domain.legal.NoTemplate` is raised and nothing is written."""
    tpl = form_template(FormKind.STOP_NOTICE, data.act_day)  # raises NoTemplate before 15/9/2025
    forms_2025_tracking.render_stop_notice(data, out, tpl)
