"""The monthly briefing as an A4 PDF in the Vietnamese administrative layout (reportlab).

National header, office, title, numbered sections with tables (Vietnamese number format), the charts
(200 dpi PNG), the written assessment, page numbers "Trang x/y", the signature block and an appendix
listing the late dossiers. Fonts: the bundled DejaVu families (never Helvetica: no Vietnamese glyphs).
"""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from onestop_desktop.domain.fmt import fmt_int, fmt_pct
from onestop_desktop.domain.legal import advanced_online_services, apology_asks_extension
from onestop_desktop.domain.messages import Msg, msg
from onestop_desktop.reports import charts
from onestop_desktop.reports.briefing_digital import digital_sections
from onestop_desktop.reports.briefing_sections import (
    Step,
    appendix,
    bhyt_section,
    comparison_table,
    ii06a_table,
    indicators_table,
    late_reasons_table,
    online_note,
)
from onestop_desktop.reports.briefing_style import BOTTOM, LEFT, RIGHT, TOP, WIDTH, chart_image, esc, styles
from onestop_desktop.reports.fonts import SANS, SERIF, font_name, register_fonts
from onestop_desktop.services import audit_messages  # noqa: F401  (the head line's message id)
from onestop_desktop.services.reports.report_data import ReportData
from onestop_desktop.services.reports.summary import summary_sections

__all__ = ["briefing_title", "render_briefing"]


def briefing_title(data: ReportData) -> str:
    """ "Báo cáo kết quả công tác cải cách thủ tục hành chính và BHYT tháng 10/2018"."""
    return f"Báo cáo kết quả công tác cải cách thủ tục hành chính và BHYT {data.period.label_vi}"


class _Rule(Flowable):  # type: ignore[misc]  # reportlab has no type hints
    """A short centred line under the header lines."""

    def __init__(self, width: float) -> None:
        super().__init__()
        self.rule_width = width

    def wrap(self, avail_w: float, avail_h: float) -> tuple[float, float]:
        self.avail = avail_w
        return avail_w, 6

    def draw(self) -> None:
        # Below the descenders of the line above (a paragraph's last line hangs below its box).
        x = (self.avail - self.rule_width) / 2
        self.canv.setLineWidth(0.6)
        self.canv.line(x, 0.5, x + self.rule_width, 0.5)


def _header(data: ReportData, st: dict[str, ParagraphStyle], day: date) -> list[Any]:
    left = [
        Paragraph(esc(data.parent_name.upper()), st["headn"]),
        Paragraph(esc(data.office_name.upper()), st["head"]),
        _Rule(2.2 * cm),
        Spacer(1, 4),
        Paragraph("Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND", st["headn"]),
    ]
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["head"]),
        Paragraph("Độc lập - Tự do - Hạnh phúc", st["head"]),
        _Rule(4.6 * cm),
        Spacer(1, 4),
        Paragraph(f"{esc(data.place)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}", st["date"]),
    ]
    table = Table([[left, right]], colWidths=[WIDTH * 0.40, WIDTH * 0.60])
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name(SERIF)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    title = briefing_title(data)
    return [
        table,
        Spacer(1, 14),
        Paragraph("BÁO CÁO", st["title"]),
        Paragraph(esc(title[len("Báo cáo ") :][:1].upper() + title[len("Báo cáo ") + 1 :]), st["title"]),
        _Rule(3 * cm),
        Spacer(1, 10),
    ]


def _signature(st: dict[str, ParagraphStyle], data: ReportData) -> Table:
    left = [
        Paragraph("<b><i>Nơi nhận:</i></b>", st["recv"]),
        Paragraph(f"- {esc(data.parent_name)} (báo cáo);", st["recv"]),
        Paragraph("- Thường trực Huyện ủy, HĐND huyện;", st["recv"]),
        Paragraph("- Chủ tịch, các Phó Chủ tịch UBND huyện;", st["recv"]),
        Paragraph("- Lưu: VT.", st["recv"]),
    ]
    right = [
        Paragraph("TM. ỦY BAN NHÂN DÂN", st["sign"]),
        Paragraph("KT. CHỦ TỊCH", st["sign"]),
        Paragraph("PHÓ CHỦ TỊCH", st["sign"]),
        Spacer(1, 60),
    ]
    t = Table([[left, right]], colWidths=[WIDTH * 0.45, WIDTH * 0.55])
    t.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), font_name(SERIF)),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return t


def _story(data: ReportData, day: date, step: Step) -> list[Any]:
    st = styles()
    c, s = data.totals, data.stats
    story: list[Any] = _header(data, st, day)
    if data.reprinted and day == data.document_day:
        made = data.generated_at.date()
        story.append(
            Paragraph(
                f"<i>In lại ngày {made.day:02d}/{made.month:02d}/{made.year} từ số liệu của kỳ báo cáo; "
                f"{esc(data.office_name)} là tên của đơn vị trong kỳ này.</i>",
                st["note"],
            )
        )
    parts = summary_sections(data)
    story.append(Paragraph("I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", st["h1"]))
    story.append(Paragraph("1. Tình hình tiếp nhận và giải quyết hồ sơ", st["h2"]))
    story += [Paragraph(esc(x), st["body"]) for x in parts["dossiers"]]
    story.append(Paragraph(f"<i>Cách tính:</i> {esc(s.formula_vi)}.", st["note"]))
    if c.on_time_rate is not None:
        story.append(
            Paragraph(
                f"<i>Tỷ lệ giải quyết đúng hạn</i> = (trước hạn + đúng hạn) / đã giải quyết = "
                f"{fmt_int(c.resolved_early + c.resolved_on_time)} / {fmt_int(c.resolved)} = "
                f"{fmt_pct(c.on_time_rate)}. Hồ sơ rút theo yêu cầu và hồ sơ dừng giải quyết được tính là "
                "giải quyết đúng hạn; hồ sơ chờ bổ sung được tính là đang giải quyết trong hạn.",
                st["note"],
            )
        )
    story.append(Spacer(1, 6))
    story.append(Paragraph("2. Số liệu theo lĩnh vực (mẫu II.06a/VPCP/KSTT)", st["h2"]))
    story.append(ii06a_table(st, s.by_field, "Lĩnh vực"))
    step(45, msg("briefing.step.charts"))
    story.append(Spacer(1, 6))
    story.append(chart_image(charts.on_time_by_field(s.by_field)))
    story.append(KeepTogether([chart_image(charts.late_by_field(s.by_field, height=2.6))]))
    story.append(chart_image(charts.received_vs_resolved(data.series, height=2.8)))
    story.append(CondPageBreak(6 * cm))
    story.append(Paragraph("3. So sánh với kỳ trước và cùng kỳ năm trước", st["h2"]))
    story.append(comparison_table(st, data))
    story.append(CondPageBreak(5 * cm))
    # Thông tư 03/2025 (Mẫu 04): the apology is a letter asking for an extension, no longer the 2018 slip
    extension = apology_asks_extension(data.period.end)
    letter = "văn bản xin lỗi" if extension else "phiếu xin lỗi"
    story.append(Paragraph(f"4. Hồ sơ trễ hạn, nguyên nhân và {letter}", st["h2"]))
    story += [Paragraph(esc(x), st["body"]) for x in parts["late"]]
    story.append(
        Paragraph(
            f"Số {APOLOGY_2025 if extension else APOLOGY_2018} đã ban hành trong kỳ: "
            f"{fmt_int(s.apology_letters)}; số hồ sơ có {letter}: {fmt_int(c.apology_dossiers)}, "
            f"trong khi có {fmt_int(s.late_count)} hồ sơ trễ hạn (giải quyết quá hạn "
            f"{fmt_int(c.resolved_late)}, đang quá hạn {fmt_int(c.in_progress_overdue)}). "
            "Danh sách chi tiết ở phụ lục.",
            st["body"],
        )
    )
    story.append(late_reasons_table(st, data))
    story.append(CondPageBreak(8 * cm))
    story.append(Paragraph("5. Kết quả theo đơn vị tiếp nhận", st["h2"]))
    story.append(ii06a_table(st, s.by_unit, "Đơn vị"))
    story += digital_sections(st, data)  # 6. digitised dossiers and results, 7. satisfaction (issue 14)
    story.append(CondPageBreak(5 * cm))
    story.append(Paragraph("II. CÁC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH KHÁC", st["h1"]))
    story += [Paragraph(esc(x), st["body"]) for x in parts["indicators"]]
    story.append(indicators_table(st, data))
    note = online_note(st, data)
    if note is not None:
        story.append(note)
    story.append(CondPageBreak(8 * cm))
    story.append(Paragraph("III. CÔNG TÁC BẢO HIỂM Y TẾ", st["h1"]))
    story += [Paragraph(esc(x), st["body"]) for x in parts["bhyt"]]
    story += bhyt_section(st, data, step)
    story.append(CondPageBreak(6 * cm))
    story.append(Paragraph("IV. ĐÁNH GIÁ CHUNG VÀ NHIỆM VỤ THỜI GIAN TỚI", st["h1"]))
    story += [Paragraph(esc(x), st["body"]) for x in _assessment(data)]
    story.append(Spacer(1, 12))
    story.append(_signature(st, data))
    story += appendix(st, data)
    return story


APOLOGY_2018 = "phiếu xin lỗi và hẹn lại ngày trả kết quả"  # Thông tư 01/2018, Mẫu 04
APOLOGY_2025 = "văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"  # Thông tư 03/2025, Mẫu 04


def _assessment(data: ReportData) -> list[str]:
    c = data.totals
    extend = apology_asks_extension(data.period.end)
    out = []
    if c.on_time_or_within_rate is not None:
        out.append(
            f"Tỷ lệ hồ sơ giải quyết đúng hạn và trong hạn đạt {fmt_pct(c.on_time_or_within_rate)}; "
            f"còn {fmt_int(c.bad)} hồ sơ trễ hạn cần tập trung xử lý dứt điểm."
        )
    if c.bad:
        worst = max(data.stats.by_field, key=lambda r: r.counts.bad)
        out.append(
            f"Lĩnh vực {worst.label.lower()} cần rà soát quy trình, nâng cao chất lượng thẩm định hồ sơ, "
            "hạn chế sai sót dẫn đến trễ hạn; thực hiện đầy đủ việc "
            + (
                "xin lỗi và đề nghị gia hạn thời gian giải quyết."
                if extend
                else "xin lỗi và hẹn lại ngày trả kết quả."
            )
        )
    out.append(
        "Tiếp tục chấn chỉnh việc chấp hành nội quy, quy chế, giờ giấc làm việc tại bộ phận một cửa; "
        f"đẩy mạnh dịch vụ công trực tuyến {advanced_online_services(data.period.end)}."
    )
    if data.bhyt is not None:
        out.append(
            "Các đơn vị có tỷ lệ tham gia BHYT thấp cần nắm chắc địa bàn, phối hợp với đại lý thu BHYT "
            "tuyên truyền, vận động người dân tham gia."
        )
    return out


def _numbered_canvas(title: str, audit_head: str = "") -> type[Canvas]:
    class NumberedCanvas(Canvas):  # type: ignore[misc]
        """Saves each page so the total page count is known when the page numbers are drawn."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            # Otherwise the canvas selects Helvetica on every page and lists it as a resource.
            kwargs.setdefault("initialFontName", font_name(SERIF))
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []
            self.setTitle(title)
            self.setAuthor("OneStop Desktop")

        def showPage(self) -> None:  # noqa: N802  (reportlab's name)
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for page in self._pages:
                self.__dict__.update(page)
                self.setFont(font_name(SANS), 8)
                self.drawCentredString(A4[0] / 2, 1.1 * cm, f"Trang {self._pageNumber}/{total}")
                if audit_head:  # small type: the audit chain's head when the figures were read
                    self.setFont(font_name(SANS), 5)
                    self.drawCentredString(
                        A4[0] / 2, 0.7 * cm, msg("audit.briefing-head", head=audit_head).text("vi")
                    )
                super().showPage()
            super().save()

    return NumberedCanvas


def render_briefing(
    data: ReportData, target: Path | io.BytesIO, day: date | None = None, progress: Step | None = None
) -> None:
    """Write the briefing PDF. `day` is the date printed in the header (default: the generation date)."""
    register_fonts()

    def step(p: int, message: Msg) -> None:
        if progress is not None:
            progress(p, message)

    doc = SimpleDocTemplate(
        target if isinstance(target, io.BytesIO) else str(target),
        pagesize=A4,
        leftMargin=LEFT,
        rightMargin=RIGHT,
        topMargin=TOP,
        bottomMargin=BOTTOM,
        title=briefing_title(data),
        author="OneStop Desktop",
        lang="vi",
        initialFontName=font_name(SERIF),
    )
    story = _story(data, day or data.document_day, step)
    step(92, msg("briefing.step.pdf"))
    doc.build(story, canvasmaker=_numbered_canvas(briefing_title(data), data.audit_head))
    step(100, msg("briefing.step.done"))
