"""The deadline list and the log book (form 06) as Excel workbooks, and the log book as a PDF.

No Qt and no database: the tab (ui/tracking/export.py) and `onestop-desktop export` hand in what the
services give (`services.tracking.export_rows`, `services.tracking.forms.log_book_data`). The log book's
headers are the ones `import dossiers` recognises, so an export imports back. Every cell goes through
`services.safe_cells`: names, addresses and notes stay text, never formulas.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.utils import get_column_letter

from onestop_desktop.services.form_data import LogBookData
from onestop_desktop.services.safe_cells import Book, Sheet
from onestop_desktop.services.tracking.export_rows import ListLine

__all__ = [
    "LIST_HEADERS",
    "LOG_HEADERS",
    "default_name",
    "list_caption",
    "write_list",
    "write_log_book",
    "write_log_book_pdf",
]

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


class _Table:
    """A write-only sheet (constant memory: the whole list of a big office can be exported)."""

    def __init__(self, book: Book, title: str, headers: list[tuple[str, int, str | None]], caption: str):
        self.sheet: Sheet = book.sheet(title)
        self.formats = [f for _h, _w, f in headers]
        for i, (_h, width, _f) in enumerate(headers, 1):
            self.sheet.ws.column_dimensions[get_column_letter(i)].width = width
        self.sheet.ws.freeze_panes = "A3"
        self.sheet.append([self.sheet.styled(caption, bold=True, size=12)])
        self.sheet.append(
            [self.sheet.styled(h, bold=True, fill="E8EEF7", wrap=True) for h, _w, _f in headers]
        )

    def append(self, values: list[Any]) -> None:
        self.sheet.append(
            [
                self.sheet.styled(v, number_format=fmt) if fmt and v is not None else v
                for v, fmt in zip(values, self.formats, strict=True)
            ]
        )


def list_caption(now: datetime) -> str:
    return f"Danh sách hồ sơ – xuất ngày {now:%d/%m/%Y %H:%M}"


def write_list(
    lines: Iterable[ListLine], total: int, caption: str, path: Path, progress: Progress | None = None
) -> int:
    """The list (Vietnamese headers, dates as real dates) to `path`; returns the number of dossiers."""
    n = 0
    with Book(write_only=True) as book:
        table = _Table(book, "Hồ sơ", LIST_HEADERS, caption)
        for r in lines:
            n += 1
            table.append(
                [
                    r.seq,
                    r.code,
                    r.applicant_name,
                    r.procedure_name,
                    r.field_name,
                    r.unit_name,
                    r.channel,
                    r.received_at,
                    r.due_at,
                    r.time_left,
                    r.status,
                    r.holder_name,
                    r.citizen_id,
                    r.phone,
                    r.address,
                ]
            )
            if progress and total and n % 1000 == 0:
                progress(min(99, n * 100 // total), "")
        book.save(path)
    if progress:
        progress(100, "")
    return n


def write_log_book(data: LogBookData, path: Path, progress: Progress | None = None) -> int:
    """Form 06 as a spreadsheet; the same columns `import dossiers` reads. Returns the number of rows."""
    with Book(write_only=True) as book:
        table = _Table(book, "Sổ theo dõi", LOG_HEADERS, f"SỔ THEO DÕI HỒ SƠ – {data.period_label}")
        for r in data.rows:
            table.append(
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
        book.save(path)
    if progress:
        progress(100, "")
    return len(data.rows)


def write_log_book_pdf(data: LogBookData, path: Path) -> int:
    """Form 06 as a PDF, written beside `path` and renamed when complete; returns the number of rows."""
    from onestop_desktop.reports.forms import render_log_book

    part = path.with_name(f".{path.name}.part")
    try:
        render_log_book(data, part)
        os.replace(part, path)
    except OSError as exc:
        part.unlink(missing_ok=True)
        raise type(exc)(exc.errno, exc.strerror, str(path)) from exc
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return len(data.rows)


def default_name(prefix: str, at: datetime) -> str:
    return f"{prefix}-{at:%Y%m%d-%H%M}"
