"""The briefing's numbered sections: form II.06a, the comparison, indicators, BHYT, late dossiers."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table

from onestop_desktop.domain.fmt import fmt_date, fmt_int, fmt_num, fmt_pct
from onestop_desktop.domain.messages import Msg, define, msg
from onestop_desktop.reports import charts
from onestop_desktop.reports.briefing_style import WIDTH, bordered_table, chart_image, esc, rate
from onestop_desktop.services.reports.counts import Counts, Row, with_totals
from onestop_desktop.services.reports.report_data import ReportData

APPENDIX_ROWS = 300  # a year's list belongs in the Excel file, not in a printed briefing
Step = Callable[[int, Msg], None]  # (percent, what is being done), worded at the edge

define("briefing.step.charts", "Đang vẽ biểu đồ hồ sơ…", "Drawing the dossier charts…")
define("briefing.step.bhyt-chart", "Đang vẽ biểu đồ BHYT…", "Drawing the BHYT chart…")
define("briefing.step.pdf", "Đang ghi tệp PDF…", "Writing the PDF file…")
define("briefing.step.done", "Đã xong.", "Done.")


def ii06a_table(st: dict[str, ParagraphStyle], rows: Sequence[Row], first: str) -> Table:
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
                rate(c.on_time_rate),
            ]
        )
    n = 1.05 * cm
    widths = [0.7 * cm, WIDTH - 0.7 * cm - 11 * n - 1.55 * cm, *([n] * 11), 1.55 * cm]
    return bordered_table(st, head, body, widths, spans, bold_last=True)


def comparison_table(st: dict[str, ParagraphStyle], data: ReportData) -> Table:
    """This period against the previous one and the same period last year."""
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
        ("Tỷ lệ giải quyết đúng hạn", lambda c: rate(c.on_time_rate)),
        ("Tỷ lệ đúng hạn và trong hạn", lambda c: rate(c.on_time_or_within_rate)),
        ("Tỷ lệ nộp trực tuyến / tiếp nhận mới", lambda c: rate(c.online_share)),
    ]
    head = [["Chỉ tiêu", *[label[:1].upper() + label[1:] for label, _c in cols]]]
    body = [[name, *[f(c) if c.received else "—" for _l, c in cols]] for name, f in lines]
    w = (WIDTH - 6 * cm) / 3
    return bordered_table(st, head, body, [6 * cm, w, w, w], numeric_from=1)


def indicators_table(st: dict[str, ParagraphStyle], data: ReportData) -> Table | Paragraph:
    """The reform indicators entered for the period, or a note that none were."""
    if not data.indicators:
        return Paragraph("Chưa nhập chỉ số cải cách hành chính cho kỳ này.", st["note"])
    head = [["STT", "Chỉ số", "Kết quả", "Tổng số", "Tỷ lệ"]]
    body = [
        [str(i + 1), v.name, fmt_int(int(v.value)), fmt_int(int(v.total)) if v.total else "", rate(v.rate)]
        for i, v in enumerate(data.indicators)
    ]
    return bordered_table(st, head, body, [0.8 * cm, WIDTH - 6.8 * cm, 2 * cm, 2 * cm, 2 * cm])


def online_note(st: dict[str, ParagraphStyle], data: ReportData) -> Paragraph | None:
    """Why the online-dossier indicator and the report's online share differ: two definitions, each with
    its formula (a reader once saw 3,51 % here and 1,41 % in section I, with "tiếp nhận" beside 6.092)."""
    v = next((x for x in data.indicators if x.code == "online_level3_dossiers"), None)
    c = data.totals
    if v is None or v.rate is None or c.online_share is None:
        return None
    return Paragraph(
        esc(
            f"Chỉ số «{v.name}» là số liệu đơn vị báo cáo: {fmt_int(int(v.value))} / "
            f"{fmt_int(int(v.total or 0))} = {fmt_pct(v.rate)}. Tỷ lệ nộp trực tuyến ở mục I đếm hồ sơ "
            f"trong phần mềm trên số hồ sơ mới tiếp nhận: {fmt_int(c.received_online)} / "
            f"{fmt_int(c.received_new)} = {fmt_pct(c.online_share)}."
        ),
        st["note"],
    )


def bhyt_section(st: dict[str, ParagraphStyle], data: ReportData, step: Step) -> list[Any]:
    """The BHYT coverage table by unit and its charts, or a note that the month has no figures."""
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
                rate(u.target),
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
            rate(b.target),
            change,
        ]
    )
    widths = [1 * cm, WIDTH - 12.2 * cm, 2.2 * cm, 2.4 * cm, 2 * cm, 2 * cm, 2.6 * cm]
    out: list[Any] = [bordered_table(st, head, body, widths, bold_last=True), Spacer(1, 6)]
    step(80, msg("briefing.step.bhyt-chart"))
    out.append(chart_image(charts.bhyt_by_unit(b)))
    if len(b.trend) >= 2:
        out.append(chart_image(charts.bhyt_trend(b.trend), width=WIDTH * 0.8))
    return out


def late_reasons_table(st: dict[str, ParagraphStyle], data: ReportData) -> Table | Paragraph:
    """Late dossiers counted by field and reason, most frequent first."""
    counts: dict[tuple[str, str], int] = {}
    for x in data.stats.late:
        key = (x.field, x.reason or "Chưa ghi nguyên nhân")
        counts[key] = counts.get(key, 0) + 1
    if not counts:
        return Paragraph("Không có hồ sơ trễ hạn trong kỳ.", st["note"])
    head = [["Lĩnh vực", "Nguyên nhân", "Số hồ sơ"]]
    body = [[f, r, fmt_int(n)] for (f, r), n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    return bordered_table(st, head, body, [3.5 * cm, WIDTH - 5.5 * cm, 2 * cm])


def appendix(st: dict[str, ParagraphStyle], data: ReportData) -> list[Any]:
    """The appendix listing the late dossiers (at most APPENDIX_ROWS), on a page of its own."""
    s = data.stats
    if not s.late:
        return []
    head = [
        ["STT", "Mã hồ sơ", "Lĩnh vực", "Đơn vị", "Hẹn trả", "Kết quả", "Số ngày làm việc trễ", "Nguyên nhân"]
    ]
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
        bordered_table(st, head, body, widths, numeric_from=6, numeric_to=6, small=True),
    ]
