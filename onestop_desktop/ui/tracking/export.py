"""Excel files of the deadline list and of the log book (form 06); PDF of the log book.

Plain functions with no Qt: the tab runs them on the task runner, off the GUI thread, each with its own
session (opened with the `SessionOpener` they are given). The log book's headers are the ones
`import dossiers` recognises, so an export imports back.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.states import DossierStatus, label_vi
from onestop_desktop.services.dossiers import CHANNEL_LABELS_VI
from onestop_desktop.services.tracking import countdown as tracking_countdown
from onestop_desktop.services.tracking import forms as tracking_forms
from onestop_desktop.services.tracking import query
from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter
from onestop_desktop.ui.context import SessionOpener

DATE_TIME = "dd/mm/yyyy hh:mm"
LIST_HEADERS = [
    ("STT", 6, None),
    ("Mã hồ sơ", 28, None),
    ("Tên tổ chức, cá nhân", 26, None),
    ("Tên thủ tục", 48, None),
    ("Lĩnh vực", 18, None),
    ("Đơn vị tiếp nhận", 20, None),
    ("Kênh tiếp nhận", 12, None),
    ("Ngày nhận", 17, DATE_TIME),
    ("Ngày hẹn trả", 17, DATE_TIME),
    ("Thời hạn còn lại", 18, None),
    ("Trạng thái", 22, None),
    ("Người đang xử lý", 22, None),
    ("Số CCCD", 15, None),
    ("Số điện thoại", 14, None),
    ("Địa chỉ", 40, None),
]
LOG_HEADERS = [
    ("STT", 6, None),
    ("Mã hồ sơ", 28, None),
    ("Tên thủ tục", 48, None),
    ("Tên tổ chức, cá nhân", 26, None),
    ("Địa chỉ", 40, None),
    ("Số điện thoại", 14, None),
    ("Ngày nhận", 17, DATE_TIME),
    ("Ngày hẹn trả", 17, DATE_TIME),
    ("Ngày chuyển xử lý", 17, DATE_TIME),
    ("Ngày giải quyết xong", 17, DATE_TIME),
    ("Ngày trả kết quả", 17, DATE_TIME),
    ("Trạng thái", 22, None),
    ("Ghi chú", 40, None),
]
Progress = Callable[[int, str], None]


class _Sheet:
    """A write-only worksheet (constant memory: the whole list of a big office can be exported)."""

    def __init__(self, wb: Workbook, title: str, headers: list[tuple[str, int, str | None]], caption: str):
        self.ws = wb.create_sheet(title)
        self.formats = [f for _h, _w, f in headers]
        for i, (_h, width, _f) in enumerate(headers, 1):
            self.ws.column_dimensions[get_column_letter(i)].width = width
        self.ws.freeze_panes = "A3"
        first = WriteOnlyCell(self.ws, value=caption)
        first.font = Font(bold=True, size=12)
        self.ws.append([first])
        fill = PatternFill("solid", fgColor="E8EEF7")
        head = []
        for h, _w, _f in headers:
            c = WriteOnlyCell(self.ws, value=h)
            c.font = Font(bold=True)
            c.fill = fill
            c.alignment = Alignment(wrap_text=True, vertical="center")
            head.append(c)
        self.ws.append(head)

    def append(self, values: list[Any]) -> None:
        row: list[Any] = []
        for v, fmt in zip(values, self.formats, strict=True):
            if fmt and v is not None:
                c = WriteOnlyCell(self.ws, value=v)
                c.number_format = fmt
                row.append(c)
            else:
                row.append(v)
        self.ws.append(row)


def export_list(
    sessions: SessionOpener,
    flt: TrackingFilter,
    sort: Sort,
    today: Today,
    calendar: WorkingCalendar,
    path: Path,
    progress: Progress | None = None,
    page: int = 5000,
) -> int:
    """Write the current view to .xlsx (Vietnamese headers, dates as real dates). Returns the row count."""
    wb = Workbook(write_only=True)
    caption = f"Danh sách hồ sơ – xuất ngày {today.now:%d/%m/%Y %H:%M}"
    ws = _Sheet(wb, "Hồ sơ", LIST_HEADERS, caption)
    days = tracking_countdown.DayCounter(calendar)
    with sessions() as s:
        total = query.count_rows(s, flt, today, calendar)
        n = 0
        while True:
            rows = query.query_rows(s, flt, sort, n, page, today, calendar, total=total)
            for r in rows:
                n += 1
                cd = tracking_countdown.countdown(
                    r.status, r.due_at, r.time_value, r.time_unit, today.now, days
                )
                ws.append(
                    [
                        n,
                        r.code,
                        r.applicant_name,
                        r.procedure_name,
                        r.field_name,
                        r.unit_name,
                        CHANNEL_LABELS_VI.get(r.channel, r.channel),
                        r.received_at,
                        r.due_at,
                        cd.text,
                        label_vi(DossierStatus(r.status)),
                        r.holder_name,
                        r.citizen_id,
                        r.phone,
                        r.address,
                    ]
                )
            if progress and total:
                progress(min(99, n * 100 // total), "")
            if len(rows) < page:
                break
    wb.save(path)
    return n


def export_log_book_xlsx(
    sessions: SessionOpener, start: date, end: date, path: Path, progress: Progress | None = None
) -> int:
    """Form 06 as a spreadsheet for the period; the same columns `import dossiers` reads."""
    with sessions() as s:
        data = tracking_forms.log_book_data(s, start, end)
    wb = Workbook(write_only=True)
    ws = _Sheet(wb, "Sổ theo dõi", LOG_HEADERS, f"SỔ THEO DÕI HỒ SƠ – {data.period_label}")
    for r in data.rows:
        ws.append(
            [
                r.seq,
                r.code,
                r.procedure_name,
                r.applicant,
                r.address,
                r.phone,
                r.received_at,
                r.due_at,
                r.transferred_at,
                r.resolved_at,
                r.returned_at,
                r.status,
                r.note,
            ]
        )
    wb.save(path)
    if progress:
        progress(100, "")
    return len(data.rows)


def export_log_book_pdf(sessions: SessionOpener, start: date, end: date, path: Path) -> int:
    from onestop_desktop.reports.forms import render_log_book

    with sessions() as s:
        data = tracking_forms.log_book_data(s, start, end)
    render_log_book(data, path)
    return len(data.rows)


def default_name(prefix: str, at: datetime) -> str:
    return f"{prefix}-{at:%Y%m%d-%H%M}"
