"""The monthly briefing as an A4 PDF in the Vietnamese administrative layout (reportlab).

National header, office, title, numbered sections with tables (Vietnamese number format), the charts
(200 dpi PNG), the written assessment, page numbers "Trang x/y", the signature block and an appendix
listing the late dossiers. Fonts: the bundled DejaVu families (never Helvetica: no Vietnamese glyphs).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from onestop_desktop.domain.fmt import fmt_date, fmt_int, fmt_num, fmt_pct
from onestop_desktop.reports import charts
from onestop_desktop.reports.fonts import SANS, SERIF, font_name, register_fonts
from onestop_desktop.services.reports.counts import Counts, Row, with_totals
from onestop_desktop.services.reports.report_data import ReportData, summary_sections

__all__ = ["briefing_title", "render_briefing"]

LEFT, RIGHT, TOP, BOTTOM = 3.0 * cm, 1.8 * cm, 2.0 * cm, 2.0 * cm
WIDTH = A4[0] - LEFT - RIGHT
HEAD_BG = colors.HexColor("#e8eef6")
APPENDIX_ROWS = 300  # a year's list belongs in the Excel file, not in a printed briefing
Step = Callable[[int, str], None]


def briefing_title(data: ReportData) -> str:
    """ "Báo cáo kết quả công tác cải cách thủ tục hành chính và BHYT tháng 10/2018"."""
    return f"Báo cáo kết quả công tác cải cách thủ tục hành chính và BHYT {data.period.label_vi}"


def _styles() -> dict[str, ParagraphStyle]:
    serif, bold, italic = font_name(SERIF), font_name(SERIF, bold=True), font_name(SERIF, italic=True)
    base = ParagraphStyle("body", fontName=serif, fontSize=11.5, leading=15.5, alignment=TA_JUSTIFY)
    return {
        "body": ParagraphStyle("b", parent=base, firstLineIndent=1 * cm, spaceAfter=4),
        "head": ParagraphStyle(
            "h", parent=base, fontName=bold, fontSize=10.5, leading=13, alignment=TA_CENTER
        ),
        "headn": ParagraphStyle("hn", parent=base, fontSize=10.5, leading=13, alignment=TA_CENTER),
        "date": ParagraphStyle("d", parent=base, fontName=italic, fontSize=11, alignment=TA_CENTER),
        "title": ParagraphStyle(
            "t", parent=base, fontName=bold, fontSize=13.5, leading=18, alignment=TA_CENTER
        ),
        "h1": ParagraphStyle("h1", parent=base, fontName=bold, fontSize=12, spaceBefore=8, spaceAfter=4),
        "h2": ParagraphStyle("h2", parent=base, fontName=bold, fontSize=11.5, spaceBefore=6, spaceAfter=3),
        "note": ParagraphStyle("n", parent=base, fontName=italic, fontSize=10, leading=13),
        "cell": ParagraphStyle("c", fontName=font_name(SANS), fontSize=7.5, leading=9),
        "cellb": ParagraphStyle("cb", fontName=font_name(SANS, bold=True), fontSize=7.5, leading=9),
        "cellh": ParagraphStyle(
            "ch", fontName=font_name(SANS, bold=True), fontSize=7, leading=8.5, alignment=TA_CENTER
        ),
        "num": ParagraphStyle("nu", fontName=font_name(SANS), fontSize=7.5, leading=9, alignment=TA_RIGHT),
        "nums": ParagraphStyle("nus", fontName=font_name(SANS), fontSize=6.5, leading=8, alignment=TA_RIGHT),
        "cells": ParagraphStyle("cs", fontName=font_name(SANS), fontSize=6.5, leading=8),
        "cellbs": ParagraphStyle("cbs", fontName=font_name(SANS, bold=True), fontSize=6.5, leading=8),
        "sign": ParagraphStyle("s", parent=base, fontName=bold, fontSize=11, leading=14, alignment=TA_CENTER),
        "recv": ParagraphStyle("r", parent=base, fontSize=9, leading=11.5, alignment=0),
    }


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


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
        Paragraph(_esc(data.parent_name.upper()), st["headn"]),
        Paragraph(_esc(data.office_name.upper()), st["head"]),
        _Rule(2.2 * cm),
        Spacer(1, 4),
        Paragraph("Số:&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/BC-UBND", st["headn"]),
    ]
    right = [
        Paragraph("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", st["head"]),
        Paragraph("Độc lập - Tự do - Hạnh phúc", st["head"]),
        _Rule(4.6 * cm),
        Spacer(1, 4),
        Paragraph(f"{_esc(data.place)}, ngày {day.day:02d} tháng {day.month:02d} năm {day.year}", st["date"]),
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
        Paragraph(_esc(title[len("Báo cáo ") :][:1].upper() + title[len("Báo cáo ") + 1 :]), st["title"]),
        _Rule(3 * cm),
        Spacer(1, 10),
    ]


def _table(
    st: dict[str, ParagraphStyle],
    head: Sequence[Sequence[str]],
    body: Sequence[Sequence[str]],
    widths: Sequence[float],
    spans: Sequence[tuple[tuple[int, int], tuple[int, int]]] = (),
    numeric_from: int = 2,
    bold_last: bool = False,
    numeric_to: int = 999,
    small: bool = False,
) -> Table:
    """A bordered table; header rows shaded; columns numeric_from..numeric_to right-aligned."""
    rows: list[list[Any]] = [[Paragraph(_esc(c), st["cellh"]) for c in r] for r in head]
    for i, r in enumerate(body):
        bold = bold_last and i == len(body) - 1
        rows.append(
            [
                Paragraph(
                    _esc(c),
                    st["num" + "s" * small]
                    if numeric_from <= j <= numeric_to
                    else st[("cellb" if bold else "cell") + "s" * small],
                )
                for j, c in enumerate(r)
            ]
        )
    t = Table(rows, colWidths=list(widths), repeatRows=len(head))
    cmds: list[tuple[Any, ...]] = [
        ("FONTNAME", (0, 0), (-1, -1), font_name(SANS)),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
        ("BACKGROUND", (0, 0), (-1, len(head) - 1), HEAD_BG),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    cmds += [("SPAN", a, b) for a, b in spans]
    if bold_last:
        cmds.append(("BACKGROUND", (0, -1), (-1, -1), colors.HexColor("#f3f3f3")))
    t.setStyle(TableStyle(cmds))
    return t


def _rate(x: float | None) -> str:
    return fmt_pct(x) if x is not None else "—"


def _ii06a(st: dict[str, ParagraphStyle], rows: Sequence[Row], first: str) -> Table:
    """Form II.06a: one line per row, totals last."""
    head = [
        [
            "STT",
            first,
            "Tổng số",
            "Số mới tiếp nhận",
            "",
            "Kỳ trước chuyển sang",
            "Đã giải quyết",
            "",
            "",
            "",
            "Đang giải quyết",
            "",
            "",
            "Tỷ lệ đúng hạn",
        ],
        [
            "",
            "",
            "",
            "Trực tuyến",
            "Trực tiếp, BCCI",
            "",
            "Tổng",
            "Trước hạn",
            "Đúng hạn",
            "Quá hạn",
            "Tổng",
            "Trong hạn",
            "Quá hạn",
            "",
        ],
    ]
    spans = [
        ((0, 0), (0, 1)),
        ((1, 0), (1, 1)),
        ((2, 0), (2, 1)),
        ((3, 0), (4, 0)),
        ((5, 0), (5, 1)),
        ((6, 0), (9, 0)),
        ((10, 0), (12, 0)),
        ((13, 0), (13, 1)),
    ]
    body = []
    all_rows = with_totals(rows)
    for i, r in enumerate(all_rows):
        c = r.counts
        body.append(
            [
                str(i + 1) if i < len(all_rows) - 1 else "",
                r.label,
                fmt_int(c.received),
                fmt_int(c.received_online),
                fmt_int(c.received_direct),
                fmt_int(c.carried_over),
                fmt_int(c.resolved),
                fmt_int(c.resolved_early),
                fmt_int(c.resolved_on_time),
                fmt_int(c.resolved_late),
                fmt_int(c.in_progress),
                fmt_int(c.in_progress_within),
                fmt_int(c.in_progress_overdue),
                _rate(c.on_time_rate),
            ]
        )
    n = 1.05 * cm
    widths = [0.7 * cm, WIDTH - 0.7 * cm - 11 * n - 1.55 * cm, *([n] * 11), 1.55 * cm]
    return _table(st, head, body, widths, spans, bold_last=True)


def _chart(fig: Any, width: float = WIDTH) -> Image:
    png = charts.figure_png(fig, dpi=200)
    w_in, h_in = fig.get_size_inches()
    return Image(io.BytesIO(png), width=width, height=width * h_in / w_in)


def _compare(st: dict[str, ParagraphStyle], data: ReportData) -> Table:
    cols: list[tuple[str, Counts]] = [
        (data.period.label_vi, data.totals),
        (data.previous_period.label_vi, data.previous),
        (data.last_year_period.label_vi, data.last_year),
    ]
    lines: list[tuple[str, Callable[[Counts], str]]] = [
        ("Tổng số phải giải quyết", lambda c: fmt_int(c.received)),
        ("Tiếp nhận mới", lambda c: fmt_int(c.received_new)),
        ("Đã giải quyết", lambda c: fmt_int(c.resolved)),
        ("Giải quyết quá hạn", lambda c: fmt_int(c.resolved_late)),
        ("Đang giải quyết quá hạn", lambda c: fmt_int(c.in_progress_overdue)),
        ("Tỷ lệ giải quyết đúng hạn", lambda c: _rate(c.on_time_rate)),
        ("Tỷ lệ đúng hạn và trong hạn", lambda c: _rate(c.on_time_or_within_rate)),
        ("Tỷ lệ tiếp nhận trực tuyến", lambda c: _rate(c.online_share)),
    ]
    head = [["Chỉ tiêu", *[label[:1].upper() + label[1:] for label, _c in cols]]]
    body = [[name, *[f(c) if c.received else "—" for _l, c in cols]] for name, f in lines]
    w = (WIDTH - 6 * cm) / 3
    return _table(st, head, body, [6 * cm, w, w, w], numeric_from=1)


def _indicators(st: dict[str, ParagraphStyle], data: ReportData) -> Table | Paragraph:
    if not data.indicators:
        return Paragraph("Chưa nhập chỉ số cải cách hành chính cho kỳ này.", st["note"])
    head = [["STT", "Chỉ số", "Kết quả", "Tổng số", "Tỷ lệ"]]
    body = [
        [str(i + 1), v.name, fmt_int(int(v.value)), fmt_int(int(v.total)) if v.total else "", _rate(v.rate)]
        for i, v in enumerate(data.indicators)
    ]
    return _table(st, head, body, [0.8 * cm, WIDTH - 6.8 * cm, 2 * cm, 2 * cm, 2 * cm])


def _bhyt(st: dict[str, ParagraphStyle], data: ReportData, step: Step) -> list[Any]:
    b = data.bhyt
    if b is None:
        return [Paragraph("Chưa có số liệu BHYT của tháng này.", st["note"])]
    head = [["Hạng", "Đơn vị", "Dân số", "Tham gia BHYT", "Tỷ lệ", "Chỉ tiêu", "So tháng trước"]]
    body = []
    for u in sorted(b.units, key=lambda u: u.rank):
        change = (
            ""
            if u.change_points is None
            else f"{'+' if u.change_points >= 0 else ''}{fmt_num(u.change_points, 2)}"
        )
        body.append(
            [
                str(u.rank),
                u.name,
                fmt_int(u.population),
                fmt_int(u.insured),
                fmt_pct(u.coverage),
                _rate(u.target),
                change,
            ]
        )
    change = (
        ""
        if b.change_points is None
        else f"{'+' if b.change_points >= 0 else ''}{fmt_num(b.change_points, 2)}"
    )
    body.append(
        [
            "",
            "Toàn " + b.name[:1].lower() + b.name[1:],
            fmt_int(b.population),
            fmt_int(b.insured),
            fmt_pct(b.coverage),
            _rate(b.target),
            change,
        ]
    )
    widths = [1 * cm, WIDTH - 12.2 * cm, 2.2 * cm, 2.4 * cm, 2 * cm, 2 * cm, 2.6 * cm]
    out: list[Any] = [_table(st, head, body, widths, bold_last=True), Spacer(1, 6)]
    step(80, "Đang vẽ biểu đồ BHYT…")
    out.append(_chart(charts.bhyt_by_unit(b)))
    if len(b.trend) >= 2:
        out.append(_chart(charts.bhyt_trend(b.trend), width=WIDTH * 0.8))
    return out


def _late_reasons(st: dict[str, ParagraphStyle], data: ReportData) -> Table | Paragraph:
    counts: dict[tuple[str, str], int] = {}
    for x in data.stats.late:
        key = (x.field, x.reason or "Chưa ghi nguyên nhân")
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return Paragraph("Không có hồ sơ trễ hạn trong kỳ.", st["note"])
    head = [["Lĩnh vực", "Nguyên nhân", "Số hồ sơ"]]
    body = [[f, r, fmt_int(n)] for (f, r), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return _table(st, head, body, [3.5 * cm, WIDTH - 5.5 * cm, 2 * cm])


def _appendix(st: dict[str, ParagraphStyle], data: ReportData) -> list[Any]:
    s = data.stats
    if not s.late:
        return []
    head = [["STT", "Mã hồ sơ", "Lĩnh vực", "Đơn vị", "Hẹn trả", "Kết quả", "Số ngày trễ", "Nguyên nhân"]]
    body = [
        [
            str(i + 1),
            x.code,
            x.field,
            x.unit,
            fmt_date(x.due_at.date()),
            fmt_date(x.resolved_at.date()) if x.resolved_at else "Đang giải quyết",
            fmt_int(x.days_late),
            x.reason,
        ]
        for i, x in enumerate(s.late[:APPENDIX_ROWS])
    ]
    widths = [0.7 * cm, 3.5 * cm, 1.9 * cm, 2.0 * cm, 1.55 * cm, 1.6 * cm, 1.0 * cm]
    widths.append(WIDTH - sum(widths))
    shown = len(body)
    note = "" if s.late_count == shown else f" (liệt kê {fmt_int(shown)} hồ sơ đầu; xem thêm trong tệp Excel)"
    return [
        PageBreak(),
        Paragraph(f"PHỤ LỤC: DANH SÁCH HỒ SƠ TRỄ HẠN ({fmt_int(s.late_count)} hồ sơ){note}", st["h1"]),
        _table(st, head, body, widths, numeric_from=6, numeric_to=6, small=True),
    ]


def _signature(st: dict[str, ParagraphStyle], data: ReportData) -> Table:
    left = [
        Paragraph("<b><i>Nơi nhận:</i></b>", st["recv"]),
        Paragraph(f"- {_esc(data.parent_name)} (báo cáo);", st["recv"]),
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
    st = _styles()
    c, s = data.totals, data.stats
    story: list[Any] = _header(data, st, day)
    parts = summary_sections(data)
    story.append(Paragraph("I. KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH", st["h1"]))
    story.append(Paragraph("1. Tình hình tiếp nhận và giải quyết hồ sơ", st["h2"]))
    story += [Paragraph(_esc(x), st["body"]) for x in parts["dossiers"]]
    story.append(Paragraph(f"<i>Cách tính:</i> {_esc(s.formula_vi)}.", st["note"]))
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
    story.append(_ii06a(st, s.by_field, "Lĩnh vực"))
    step(45, "Đang vẽ biểu đồ hồ sơ…")
    story.append(Spacer(1, 6))
    story.append(_chart(charts.on_time_by_field(s.by_field)))
    story.append(KeepTogether([_chart(charts.late_by_field(s.by_field, height=2.6))]))
    story.append(_chart(charts.received_vs_resolved(data.series, height=2.8)))
    story.append(CondPageBreak(6 * cm))
    story.append(Paragraph("3. So sánh với kỳ trước và cùng kỳ năm trước", st["h2"]))
    story.append(_compare(st, data))
    story.append(CondPageBreak(5 * cm))
    story.append(Paragraph("4. Hồ sơ trễ hạn, nguyên nhân và phiếu xin lỗi", st["h2"]))
    story += [Paragraph(_esc(x), st["body"]) for x in parts["late"]]
    story.append(
        Paragraph(
            "Số phiếu xin lỗi và hẹn lại ngày trả kết quả đã ban hành trong kỳ: "
            f"{fmt_int(s.apology_letters)}; số hồ sơ có phiếu xin lỗi: {fmt_int(c.apology_dossiers)}. "
            "Danh sách chi tiết ở phụ lục.",
            st["body"],
        )
    )
    story.append(_late_reasons(st, data))
    story.append(CondPageBreak(8 * cm))
    story.append(Paragraph("5. Kết quả theo đơn vị tiếp nhận", st["h2"]))
    story.append(_ii06a(st, s.by_unit, "Đơn vị"))
    story.append(CondPageBreak(5 * cm))
    story.append(Paragraph("II. CÁC CHỈ SỐ CẢI CÁCH HÀNH CHÍNH KHÁC", st["h1"]))
    story += [Paragraph(_esc(x), st["body"]) for x in parts["indicators"]]
    story.append(_indicators(st, data))
    story.append(CondPageBreak(8 * cm))
    story.append(Paragraph("III. CÔNG TÁC BẢO HIỂM Y TẾ", st["h1"]))
    story += [Paragraph(_esc(x), st["body"]) for x in parts["bhyt"]]
    story += _bhyt(st, data, step)
    story.append(CondPageBreak(6 * cm))
    story.append(Paragraph("IV. ĐÁNH GIÁ CHUNG VÀ NHIỆM VỤ THỜI GIAN TỚI", st["h1"]))
    story += [Paragraph(_esc(x), st["body"]) for x in _assessment(data)]
    story.append(Spacer(1, 12))
    story.append(_signature(st, data))
    story += _appendix(st, data)
    return story


def _assessment(data: ReportData) -> list[str]:
    c = data.totals
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
            "hạn chế sai sót dẫn đến trễ hạn; thực hiện đầy đủ việc xin lỗi và hẹn lại ngày trả kết quả."
        )
    out.append(
        "Tiếp tục chấn chỉnh việc chấp hành nội quy, quy chế, giờ giấc làm việc tại bộ phận một cửa; "
        "đẩy mạnh dịch vụ công trực tuyến mức độ 3, 4."
    )
    if data.bhyt is not None:
        out.append(
            "Các đơn vị có tỷ lệ tham gia BHYT thấp cần nắm chắc địa bàn, phối hợp với đại lý thu BHYT "
            "tuyên truyền, vận động người dân tham gia."
        )
    return out


def _numbered_canvas(title: str) -> type[Canvas]:
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
                super().showPage()
            super().save()

    return NumberedCanvas


def render_briefing(
    data: ReportData, target: Path | io.BytesIO, day: date | None = None, progress: Step | None = None
) -> None:
    """Write the briefing PDF. `day` is the date printed in the header (default: the generation date)."""
    register_fonts()

    def step(p: int, text: str) -> None:
        if progress is not None:
            progress(p, text)

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
    story = _story(data, day or data.generated_at.date(), step)
    step(92, "Đang ghi tệp PDF…")
    doc.build(story, canvasmaker=_numbered_canvas(briefing_title(data)))
    step(100, "Đã xong.")
