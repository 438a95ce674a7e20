"""Forms 04–07 on the layouts of Thông tư 03/2025/TT-VPCP: extension, stop notice, control slip, log book."""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, KeepTogether, Paragraph, Spacer, Table

from onestop_desktop.domain.fmt import fmt_date, fmt_int
from onestop_desktop.domain.legal import FormTemplate
from onestop_desktop.reports.fonts import SERIF, font_name
from onestop_desktop.reports.forms_codes import GRID, code_cell, log_table, when_cell
from onestop_desktop.reports.layout import (
    MARGIN,
    Styles,
    build_pdf,
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
    tstyle,
)
from onestop_desktop.services.form_data import (
    ApologyData,
    ControlSlipData,
    HandoverLine,
    LogBookData,
    LogRow,
    OfficeInfo,
    StopNoticeData,
)

__all__ = ["render_apology", "render_control_slip", "render_log_book", "render_stop_notice"]

BLANK_NUMBER = "Số: ……/……"
# Printed as an instruction of the form, never as a record that papers or fees were handed back.
PAPERS_RETURNED = "Hồ sơ/giấy tờ đã nộp được trả lại theo quy định."
FEES_RULE = "Việc hoàn trả phí, lệ phí đã nộp (nếu có) thực hiện theo quy định."


def _recipients(s: Styles, keeper: str) -> list[Flowable]:
    return [
        Paragraph("<b><i>Nơi nhận:</i></b>", s.small),
        Paragraph("- Như trên;", s.small),
        Paragraph(f"- Lưu: {esc(keeper)}.", s.small),
    ]


def _bullets(s: Styles, pairs: list[tuple[str, str]]) -> list[Flowable]:
    return [Paragraph(f"- {esc(label)}: <b>{value}</b>", s.body) for label, value in pairs]


def _ask_help(s: Styles, office: OfficeInfo) -> Paragraph:
    phone = f", số điện thoại {esc(office.phone)}" if office.phone else ""
    return Paragraph(
        f"Nếu có vướng mắc, Ông/Bà liên hệ {esc(counter_name(office))}{phone} để được hướng dẫn.",
        s.body_justify,
    )


def render_apology(data: ApologyData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 04 of 2025: the agency apologises and requests an extension to a proposed new date."""
    s = make_styles(size=9.5)
    width, _ = frame_size(A5)
    office = data.office
    agency = esc(office.name)
    story: list[Flowable] = [
        header(s, width, office.parent_name, office.name, BLANK_NUMBER, office.place, data.issued_at),
        *title_block(s, tpl.title.upper()),
        Paragraph(f"Kính gửi: Ông/Bà <b>{esc(data.applicant_name)}</b>", s.center),
        Paragraph(f"(Địa chỉ: {esc(data.applicant_address)})", s.center_italic),
        Spacer(1, 2 * mm),
        Paragraph(
            f"Ngày {fmt_date(data.received_at)}, {esc(counter_name(office))} tiếp nhận hồ sơ của Ông/Bà, "
            f"mã hồ sơ <b>{esc(data.dossier_code)}</b>, thủ tục <b>{esc(data.procedure_name)}</b>.",
            s.body_justify,
        ),
        Paragraph(
            f"Đến nay, {agency} chưa giải quyết xong hồ sơ trong thời hạn đã hẹn. {agency} xin lỗi Ông/Bà "
            "và đề nghị Ông/Bà đồng ý gia hạn thời gian giải quyết hồ sơ như sau:",
            s.body_justify,
        ),
        *_bullets(
            s,
            [
                ("Thời hạn trả kết quả đã hẹn", hm_date(data.old_due_at)),
                ("Thời hạn đề nghị gia hạn đến", hm_date(data.new_due_at)),
            ],
        ),
        Paragraph(f"- Lý do đề nghị gia hạn: {esc(data.reason)}", s.body),
        Paragraph(
            f"{agency} mong nhận được sự thông cảm và đồng ý của Ông/Bà đối với đề nghị gia hạn này./.",
            s.body_justify,
        ),
        Spacer(1, 3 * mm),
    ]
    recipients = _recipients(s, "VT, Trung tâm PVHCC")
    story.append(
        KeepTogether(
            signatures(s, width, [(data.signer_title, data.signer_name)], left=recipients, gap=14 * mm)
        )
    )
    build_pdf(out, story, title=tpl.title.upper(), form_no=tpl.label)


def render_stop_notice(data: StopNoticeData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 05 of 2025: the dossier, the reason and day of the stop, what becomes of papers and fees."""
    s = make_styles(size=9.5)
    width, _ = frame_size(A5)
    office = data.office
    unit = esc(counter_name(office))
    fee = money(data.fee) if data.fee > 0 else "Không thu"
    story: list[Flowable] = [
        header(s, width, *issuer(office), BLANK_NUMBER, office.place, data.stopped_at),
        *title_block(s, tpl.title.upper(), f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>"),
        Paragraph(f"Kính gửi: Ông/Bà <b>{esc(data.applicant_name)}</b>", s.center),
        Paragraph(f"(Địa chỉ: {esc(data.applicant_address)})", s.center_italic),
        Spacer(1, 2 * mm),
        Paragraph(f"{unit} đã tiếp nhận hồ sơ của Ông/Bà:", s.body_justify),
        *_bullets(
            s,
            [
                ("Mã hồ sơ", esc(data.dossier_code)),
                ("Tên thủ tục hành chính", esc(data.procedure_name)),
                ("Thời gian tiếp nhận", hm_date(data.received_at)),
                ("Phí, lệ phí theo Giấy tiếp nhận", fee),
            ],
        ),
        Paragraph(
            f"{unit} thông báo dừng giải quyết hồ sơ nêu trên kể từ <b>{hm_date(data.stopped_at)}</b>.",
            s.body_justify,
        ),
        Paragraph(f"Lý do dừng giải quyết: <b>{esc(data.reason)}</b>", s.body_justify),
        Paragraph(f"{PAPERS_RETURNED} {FEES_RULE}", s.body_justify),
        _ask_help(s, office),
        Spacer(1, 3 * mm),
    ]
    story.append(
        KeepTogether(
            signatures(
                s,
                width,
                [("Người lập thông báo", data.officer_name)],
                left=_recipients(s, "hồ sơ"),
                gap=14 * mm,
            )
        )
    )
    build_pdf(out, story, title=f"{tpl.title.upper()} {data.dossier_code}", form_no=tpl.label)


def _side(s: Styles, unit: str, name: str) -> list[Flowable]:
    """One side of a hand-over: the body, the person, room to sign."""
    return [Paragraph(f"<b>{esc(unit) or '……'}</b>", s.cell), Spacer(1, 6 * mm), Paragraph(esc(name), s.cell)]


def _control_rows(s: Styles, lines: tuple[HandoverLine, ...]) -> list[list[object]]:
    rows: list[list[object]] = []
    for i, line in enumerate(lines, start=1):
        rows.append(
            [
                Paragraph(str(i), s.cell_center),
                Paragraph(when_cell(line.at), s.cell_center),
                _side(s, line.from_unit, line.from_name),
                _side(s, line.to_unit, line.to_name),
                Paragraph(esc(line.result), s.cell_center),
                Paragraph(esc(line.note), s.cell),
            ]
        )
    return rows


def render_control_slip(data: ControlSlipData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 06 of 2025: one row per hand-over (between the centre and the bodies the data name)."""
    s = make_styles(size=9.0, cell=7.5)
    width, _ = frame_size(A5)
    office = data.office
    heads = [
        "STT",
        "Thời gian giao, nhận",
        "Bên giao<br/>(cơ quan, đơn vị; người giao)",
        "Bên nhận<br/>(cơ quan, đơn vị; người nhận)",
        "Kết quả<br/>(Trước hạn/ Đúng hạn/ Quá hạn)",
        "Ghi chú",
    ]
    widths = [8 * mm, 18 * mm, 33 * mm, 33 * mm, 20 * mm]
    widths.append(width - sum(widths))
    rows: list[list[object]] = [[Paragraph(h, s.cell_head) for h in heads], *_control_rows(s, data.lines)]
    if not data.lines:
        rows.append(["", Paragraph("(Chưa có lần giao, nhận nào)", s.cell), "", "", "", ""])
    table = Table(rows, colWidths=widths, repeatRows=1)
    table.setStyle(tstyle([*GRID, ("VALIGN", (0, 1), (-1, -1), "TOP")]))
    story: list[Flowable] = [
        header(s, width, *issuer(office), None, office.place, data.received_at),
        *title_block(
            s,
            tpl.title.upper(),
            f"Mã hồ sơ: <b>{esc(data.dossier_code)}</b>",
            "<i>(Kèm theo Giấy tiếp nhận hồ sơ và hẹn trả kết quả)</i>",
        ),
        field(s, "Người nộp hồ sơ", data.applicant_name),
        field(s, "Tên thủ tục hành chính", data.procedure_name),
        Paragraph(f"Thời gian tiếp nhận hồ sơ: <b>{hm_date(data.received_at)}</b>", s.body),
        Paragraph(f"Thời gian hẹn trả kết quả: <b>{hm_date(data.due_at)}</b>", s.body),
        Paragraph("<i>Bên giao và bên nhận ký, ghi rõ họ tên ở mỗi lần giao, nhận.</i>", s.small_italic),
        table,
    ]
    build_pdf(out, story, title=f"{tpl.title.upper()} {data.dossier_code}", form_no=tpl.label)


_LOG_COLS: tuple[tuple[str, float], ...] = (
    # (heading, width in mm; 0: shares what is left); the four date columns sit under "Ngày, tháng, năm"
    ("STT", 8),
    ("Mã hồ sơ", 28),
    ("Tên thủ tục hành chính", 40),
    ("Tên cá nhân, tổ chức", 28),
    ("Địa chỉ, số điện thoại", 32),
    ("Hình thức nộp", 16),
    ("Tiếp nhận", 17),
    ("Hẹn trả kết quả", 17),
    ("Chuyển xử lý", 17),
    ("Có kết quả", 17),
    ("Kết quả trả", 0),
    ("Ghi chú", 0),
)
_DATE_COLS = range(6, 10)


def _returned(r: LogRow) -> str:
    return f"Đã trả<br/>{when_cell(r.returned_at)}" if r.returned_at else esc(r.status)


def _log_row(s: Styles, r: LogRow) -> list[object]:
    addr = esc(r.address) + (f"<br/>ĐT: {esc(r.phone)}" if r.phone else "")
    return [
        Paragraph(fmt_int(r.seq), s.cell_center),
        Paragraph(code_cell(r.code), s.cell),
        Paragraph(esc(r.procedure_name), s.cell),
        Paragraph(esc(r.applicant), s.cell),
        Paragraph(addr, s.cell),
        Paragraph(esc(r.channel), s.cell_center),
        Paragraph(when_cell(r.received_at), s.cell_center),
        Paragraph(when_cell(r.due_at), s.cell_center),
        Paragraph(when_cell(r.transferred_at), s.cell_center),
        Paragraph(when_cell(r.resolved_at), s.cell_center),
        Paragraph(_returned(r), s.cell_center),
        Paragraph(esc(r.note), s.cell),
    ]


def render_log_book(data: LogBookData, out: Path | BinaryIO, tpl: FormTemplate) -> None:
    """Mẫu số 07 of 2025 on A4 landscape, with the channel and the result returned; header on every page."""
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
