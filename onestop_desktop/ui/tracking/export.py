"""The tab's exports: the deadline list and the log book (form 06) as Excel, the log book as PDF.

Thin callers with no Qt: the tab runs them on the task runner, off the GUI thread, each with its own
session (opened with the `SessionOpener` they are given). The rows come from services
(`services.tracking.export_rows`, `forms.log_book_data`); the files are written by
`reports.export_tracking`, which `onestop-desktop export` uses too.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.reports.export_tracking import (
    Progress,
    default_name,
    list_caption,
    write_list,
    write_log_book,
    write_log_book_pdf,
)
from onestop_desktop.services.tracking import export_rows
from onestop_desktop.services.tracking import forms as tracking_forms
from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter
from onestop_desktop.ui.context import SessionOpener

__all__ = ["default_name", "export_list", "export_log_book_pdf", "export_log_book_xlsx"]


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
    with sessions() as s:
        total = export_rows.count(s, flt, today, calendar)
        lines = export_rows.list_lines(s, flt, sort, today, calendar, page, total)
        return write_list(lines, total, list_caption(today.now), path, progress)


def export_log_book_xlsx(
    sessions: SessionOpener, start: date, end: date, path: Path, progress: Progress | None = None
) -> int:
    """Form 06 as a spreadsheet for the period; the same columns `import dossiers` reads."""
    with sessions() as s:
        data = tracking_forms.log_book_data(s, start, end)
    return write_log_book(data, path, progress)


def export_log_book_pdf(sessions: SessionOpener, start: date, end: date, path: Path) -> int:
    with sessions() as s:
        data = tracking_forms.log_book_data(s, start, end)
    return write_log_book_pdf(data, path)
