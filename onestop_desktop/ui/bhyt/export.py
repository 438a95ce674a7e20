"""Export one month to Excel (.xlsx): the grid as shown, a total line and the figures' definitions.

Unit, group and office names are user text: the rows go through `services.safe_cells`, so none can
become a formula in the reader's spreadsheet.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from onestop_desktop.domain.fmt import fmt_date
from onestop_desktop.services.bhyt.coverage import MonthCoverage, month_label, people_needed
from onestop_desktop.services.bhyt.tallies import GroupInfo
from onestop_desktop.services.safe_cells import Book


def export_month(path: Path, m: MonthCoverage, groups: Sequence[GroupInfo]) -> Path:
    """Write the month to `path`; numbers stay numbers (Excel formats them), rates to two decimals."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Book()
    sheet = wb.sheet(f"BHYT {m.month.month:02d}-{m.month.year}")
    ws = sheet.ws
    cutoff = f" (số liệu đến ngày {fmt_date(m.cutoff)})" if m.cutoff else ""
    sheet.append(
        [f"TÌNH HÌNH THAM GIA BẢO HIỂM Y TẾ THÁNG {month_label(m.month)} – {m.parent_name.upper()}{cutoff}"]
    )
    sheet.append([])
    header = [
        "Hạng",
        "Mã đơn vị",
        "Tên đơn vị",
        "Dân số",
        "Số người tham gia BHYT",
        "Tỷ lệ bao phủ (%)",
        "Chỉ tiêu năm (%)",
        "Còn thiếu (người)",
        "Còn thiếu (điểm %)",
        "Tăng/giảm so với tháng trước (điểm %)",
        *(g.name for g in groups),
    ]
    sheet.append(header)
    for u in sorted(m.units, key=lambda u: u.rank):
        sheet.append(
            [
                u.rank,
                u.code,
                u.name,
                u.population,
                u.insured,
                round(u.coverage, 2),
                u.target,
                u.gap_people,
                round(u.gap_points, 2) if u.gap_points is not None else None,
                round(u.change_points, 2) if u.change_points is not None else None,
                *(u.groups.get(g.code) for g in groups),
            ]
        )
    change = m.coverage - m.previous_coverage if m.previous_coverage is not None else None
    sheet.append(
        [
            None,
            m.parent_code,
            f"Toàn {m.parent_name.lower()}" if m.parent_name else "Tổng cộng",
            m.population,
            m.insured,
            round(m.coverage, 2),
            m.target,
            people_needed(m.target, m.population, m.insured) if m.target is not None else None,
            round(m.target - m.coverage, 2) if m.target is not None else None,
            round(change, 2) if change is not None else None,
            *(sum(u.groups.get(g.code, 0) for u in m.units) for g in groups),
        ]
    )
    last = ws.max_row
    sheet.append([])
    sheet.append(["Tỷ lệ bao phủ = số người tham gia BHYT / dân số × 100; các số suy ra được tính khi xuất."])
    ws["A1"].font = Font(bold=True, size=13)
    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[3]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    for cell in ws[last]:
        cell.font = Font(bold=True)
    for row in ws.iter_rows(min_row=4, max_row=last):
        for cell in row:
            if isinstance(cell.value, int) and cell.column not in (1,):
                cell.number_format = "#,##0"
            elif isinstance(cell.value, float):
                cell.number_format = "0.00"
    widths = [6, 10, 22, 11, 14, 12, 12, 12, 12, 16] + [16] * len(groups)
    for i, w in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(i)].width = w
    ws.row_dimensions[3].height = 60
    ws.freeze_panes = "D4"
    wb.save(path)
    return path
