"""The briefing's tables as an Excel workbook, one sheet per table (numbers stay numbers).

Names of procedures, units, officers and the reasons given for lateness are user text: every row goes
through `services.safe_cells`, so none of them can become a formula in the reader's spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from onestop_desktop.domain.fmt import fmt_int
from onestop_desktop.services.reports.counts import Counts, Row, with_totals
from onestop_desktop.services.reports.report_data import ReportData
from onestop_desktop.services.safe_cells import Book

__all__ = ["COUNT_HEADERS", "count_cells", "write_xlsx"]

COUNT_HEADERS = (
    "Tổng số phải giải quyết",
    "Kỳ trước chuyển sang",
    "Mới tiếp nhận trực tuyến",
    "Mới tiếp nhận trực tiếp, BCCI",
    "Đã giải quyết",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Đang giải quyết",
    "Trong hạn",
    "Quá hạn (đang giải quyết)",
    "Tỷ lệ đúng hạn (%)",
    "Tỷ lệ đúng hạn và trong hạn (%)",
)
_HEAD_FILL = PatternFill("solid", fgColor="E8EEF6")


def count_cells(c: Counts) -> list[int | float | None]:
    """The II.06a columns of one row, in COUNT_HEADERS order."""
    return [
        c.received,
        c.carried_over,
        c.received_online,
        c.received_direct,
        c.resolved,
        c.resolved_early,
        c.resolved_on_time,
        c.resolved_late,
        c.in_progress,
        c.in_progress_within,
        c.in_progress_overdue,
        c.on_time_rate,
        c.on_time_or_within_rate,
    ]


def _sheet(wb: Book, title: str, head: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    sheet = wb.sheet(title)
    ws = sheet.ws
    sheet.append(head)
    for cell in ws[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEAD_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    for r in rows:
        sheet.append(r)
    for j, h in enumerate(head, start=1):
        width = max([len(str(h)) // 2 + 2, *(len(str(r[j - 1])) + 2 for r in rows if r[j - 1] is not None)])
        ws.column_dimensions[get_column_letter(j)].width = min(60, max(8, width))
        for row in ws.iter_rows(min_row=2, min_col=j, max_col=j):
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "0.00"
                elif isinstance(cell.value, int):
                    cell.number_format = "#,##0"
    ws.freeze_panes = "A2"


def _rows(rows: tuple[Row, ...]) -> list[list[Any]]:
    return [[r.key, r.label, *count_cells(r.counts)] for r in with_totals(rows)]


def write_xlsx(data: ReportData, path: Path) -> None:
    """Write the workbook: summary, breakdowns, late dossiers, comparison, indicators, BHYT."""
    wb = Book()
    s, c = data.stats, data.totals
    summary: list[list[Any]] = [
        ["Kỳ báo cáo", data.period.label_vi],
        ["Từ ngày", data.period.start],
        ["Đến ngày", data.period.end],
        *[[h, v] for h, v in zip(COUNT_HEADERS, count_cells(c), strict=True)],
        ["Cách tính tỷ lệ đúng hạn và trong hạn", s.formula_vi],
        ["Tỷ lệ nộp trực tuyến / tiếp nhận mới (%)", c.online_share],
        [
            "Cách tính tỷ lệ nộp trực tuyến",
            f"{fmt_int(c.received_online)} / {fmt_int(c.received_new)} hồ sơ mới tiếp nhận"
            if c.received_new
            else "—",
        ],
        ["Phiếu xin lỗi đã ban hành", s.apology_letters],
    ]
    _sheet(wb, "Tổng hợp", ["Chỉ tiêu", "Giá trị"], summary)
    for title, rows, key in (
        ("Theo lĩnh vực", s.by_field, "Mã lĩnh vực"),
        ("Theo thủ tục", s.by_procedure, "Mã thủ tục"),
        ("Theo đơn vị", s.by_unit, "Mã đơn vị"),
        ("Theo cán bộ tiếp nhận", s.by_officer, "Tài khoản"),
    ):
        _sheet(wb, title, [key, "Tên", *COUNT_HEADERS], _rows(rows))
    _sheet(
        wb,
        "Hồ sơ trễ hạn",
        [
            "Mã hồ sơ",
            "Lĩnh vực",
            "Thủ tục",
            "Đơn vị",
            "Nhận lúc",
            "Hẹn trả",
            "Có kết quả",
            "Số ngày làm việc trễ",
            "Nguyên nhân",
        ],
        [
            [
                x.code,
                x.field,
                x.procedure,
                x.unit,
                x.received_at,
                x.due_at,
                x.resolved_at,
                x.days_late,
                x.reason,
            ]
            for x in s.late
        ],
    )
    _sheet(
        wb,
        "So sánh",
        ["Kỳ", "Từ ngày", "Đến ngày", *COUNT_HEADERS],
        [
            [p.label_vi, p.start, p.end, *count_cells(k)]
            for p, k in (
                (data.period, c),
                (data.previous_period, data.previous),
                (data.last_year_period, data.last_year),
            )
        ],
    )
    _sheet(
        wb,
        "Chỉ số CCHC",
        ["Mã", "Chỉ số", "Tháng", "Kết quả", "Tổng số", "Tỷ lệ (%)"],
        [[v.code, v.name, v.month, v.value, v.total, v.rate] for v in data.indicators],
    )
    if data.bhyt is not None:
        b = data.bhyt
        _sheet(
            wb,
            "BHYT",
            [
                "Hạng",
                "Mã",
                "Đơn vị",
                "Dân số",
                "Tham gia BHYT",
                "Tỷ lệ (%)",
                "Chỉ tiêu (%)",
                "So tháng trước",
            ],
            [
                *[
                    [
                        u.rank,
                        u.code,
                        u.name,
                        u.population,
                        u.insured,
                        round(u.coverage, 2),
                        u.target,
                        u.change_points,
                    ]
                    for u in sorted(b.units, key=lambda u: u.rank)
                ],
                [None, "", b.name, b.population, b.insured, round(b.coverage, 2), b.target, b.change_points],
            ],
        )
    _digital_sheets(wb, data)
    wb.save(path)


def _digital_sheets(wb: Book, data: ReportData) -> None:
    """Issue 14's two sections: digitised dossiers (by field, by officer) and the citizens' ratings.

    Rates are empty cells, never 0, when the office had recorded no scan (no rating) by the period's end:
    "not measured" is not "nothing digitised" (the briefing's sections I.6 and I.7 say the same)."""
    g, r = data.digitization, data.ratings
    if g is not None:
        head = ["Mã", "Tên", "Tiếp nhận", "Số hóa đủ", "Tỷ lệ số hóa (%)", "Đã giải quyết", "Kết quả điện tử"]

        def line(x: Any) -> list[Any]:
            rate = x.rate if g.has_data else None
            return [x.key, x.label, x.received, x.digitized, rate, x.resolved, x.results_electronic]

        rows: list[list[Any]] = [
            ["", "Tổng số", g.received, g.digitized, g.rate, g.resolved, g.results_electronic],
            *[["Lĩnh vực: " + x.key, *line(x)[1:]] for x in g.by_field],
            *[["Cán bộ: " + x.key, *line(x)[1:]] for x in g.by_officer],
        ]
        _sheet(wb, "Số hóa hồ sơ", head, rows)
    if r is not None:
        head = [
            "Mã",
            "Tên",
            "Lượt đánh giá",
            "Hài lòng",
            "Bình thường",
            "Không hài lòng",
            "Tỷ lệ hài lòng (%)",
        ]

        def counts(key: str, name: str, c: Any) -> list[Any]:
            return [key, name, c.count, c.satisfied, c.neutral, c.unsatisfied, c.rate]

        rows = [
            counts("", "Tổng số", r.counts),
            *[counts("Thủ tục: " + p.code, p.name, p.counts) for p in r.worst],
            *[counts("Cán bộ: " + o.username, o.full_name, o.counts) for o in r.by_officer],
        ]
        _sheet(wb, "Đánh giá hài lòng", head, rows)
