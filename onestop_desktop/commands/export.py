"""`onestop-desktop export dossiers|logbook FILE`: the tracking tab's two exports, without the window.

`export dossiers FILE.xlsx` writes the deadline list (the tab's "Export to Excel") for the filters given;
`export logbook FILE.xlsx|FILE.pdf --period P` writes form 06, the log book of the dossiers received in
the period. Both only read: a mistyped --database is refused, never created (cli.READ_ONLY_COMMANDS).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onestop_desktop.commands import inputs
from onestop_desktop.prefs import t

QUICK = {"open": "open", "overdue": "overdue", "due-soon": "due_soon", "supplement": "supplement"}
CHANNELS = ("direct", "online", "postal")
# The statuses by the words a script types (the national system's codes 1–10 are accepted too).
STATUS_WORDS = {
    "registered-online": 1,
    "accepted": 2,
    "refused": 3,
    "processing": 4,
    "waiting-supplement": 5,
    "waiting-financial": 6,
    "withdrawn": 7,
    "stopped": 8,
    "resolved": 9,
    "returned": 10,
}
SORT_KEYS = ("due", "received", "code", "applicant", "procedure", "field", "unit", "status", "holder")


def output_file(*suffixes: str) -> Callable[[str], Path]:
    """An argparse type: a file the command may write, checked before anything is opened or built."""

    def parse(text: str) -> Path:
        path = Path(text).expanduser()
        if path.is_dir():
            raise argparse.ArgumentTypeError(
                t(f"{path} là một thư mục: ghi tên tệp, ví dụ {path / ('ho-so' + suffixes[0])}",
                  f"{path} is a folder: give a file name, e.g. {path / ('dossiers' + suffixes[0])}")
            )  # fmt: skip
        if path.suffix.lower() not in suffixes:
            raise argparse.ArgumentTypeError(
                t(f"Tệp {path.name} phải có đuôi {' hoặc '.join(suffixes)}",
                  f"The file {path.name} must end in {' or '.join(suffixes)}")
            )  # fmt: skip
        folder = path.parent
        if not folder.is_dir():
            raise argparse.ArgumentTypeError(
                t(f"Không có thư mục {folder} (chương trình không tự tạo thư mục này)",
                  f"There is no folder {folder} (the program does not create it)")
            )  # fmt: skip
        if not os.access(folder, os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
            raise argparse.ArgumentTypeError(
                t(f"Không có quyền ghi {path}: chọn thư mục khác, hoặc nhờ quản trị cấp quyền",
                  f"No permission to write {path}: choose another folder, or ask for the permission")
            )  # fmt: skip
        return path

    parse.__name__ = "file"
    return parse


def status(text: str) -> int:
    """An argparse type: a status word (processing, resolved…) or its national code 1–10."""
    word = text.strip().lower().replace("_", "-")
    if word in STATUS_WORDS:
        return STATUS_WORDS[word]
    if word.isdigit() and 1 <= int(word) <= 10:
        return int(word)
    raise argparse.ArgumentTypeError(
        t(f"không có trạng thái “{text}” (chọn: {', '.join(STATUS_WORDS)}, hoặc mã 1–10)",
          f"there is no status “{text}” (choose: {', '.join(STATUS_WORDS)}, or a code 1–10)")
    )  # fmt: skip


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "export",
        parents=[common],
        help=t(
            "xuất danh sách hồ sơ hoặc sổ theo dõi hồ sơ (như thẻ Theo dõi)",
            "export the dossier list or the log book (as the Tracking tab does)",
        ),
    )
    kinds = p.add_subparsers(dest="kind", metavar=t("LOẠI", "KIND"), required=True)
    d = kinds.add_parser(
        "dossiers",
        parents=[common],
        help=t("danh sách hồ sơ ra tệp Excel, theo bộ lọc", "the dossier list to Excel, filtered"),
    )
    d.add_argument(
        "out",
        type=output_file(".xlsx"),
        metavar=t("TỆP.xlsx", "FILE.xlsx"),
        help=t("tệp Excel sẽ ghi (ghi đè nếu đã có)", "the Excel file to write (replaced if there)"),
    )
    inputs.add_period_option(
        d, "chỉ hồ sơ nhận trong kỳ", "only dossiers received in the period", required=False
    )
    d.add_argument(
        "--only",
        choices=list(QUICK),
        help=t(
            "chỉ hồ sơ đang giải quyết (open), quá hạn (overdue), sắp đến hạn (due-soon) hoặc chờ bổ sung "
            "(supplement); mặc định: mọi hồ sơ",
            "only open, overdue, due-soon or waiting-for-supplement dossiers; default: every dossier",
        ),
    )
    d.add_argument(
        "--status",
        type=status,
        action="append",
        metavar=t("TRẠNG_THÁI", "STATUS"),
        help=t(
            f"trạng thái (lặp lại được): {', '.join(STATUS_WORDS)}, hoặc mã 1–10",
            f"status (may repeat): {', '.join(STATUS_WORDS)}, or a code 1–10",
        ),
    )
    d.add_argument("--field", metavar=t("MÃ", "CODE"), help=t("mã lĩnh vực", "field code"))
    d.add_argument(
        "--procedure", metavar=t("MÃ", "CODE"), help=t("mã thủ tục, ví dụ 1.001193", "procedure code")
    )
    d.add_argument("--channel", choices=CHANNELS, help=t("kênh tiếp nhận", "channel of receipt"))
    d.add_argument(
        "--search",
        metavar=t("CHỮ", "TEXT"),
        help=t(
            "tìm theo mã, tên, số CCCD hoặc số điện thoại (không dấu cũng được)",
            "search the code, name, citizen ID or phone (accents optional)",
        ),
    )
    d.add_argument(
        "--sort", choices=SORT_KEYS, default="due", help=t("sắp xếp theo (mặc định: due)", "sort by")
    )
    d.set_defaults(func=run_dossiers)
    b = kinds.add_parser(
        "logbook",
        parents=[common],
        help=t(
            "sổ theo dõi hồ sơ (mẫu 06) của một kỳ, Excel hoặc PDF", "the log book (form 06), Excel or PDF"
        ),
    )
    b.add_argument(
        "out",
        type=output_file(".xlsx", ".pdf"),
        metavar=t("TỆP", "FILE"),
        help=t("tệp .xlsx hoặc .pdf sẽ ghi (ghi đè nếu đã có)", "the .xlsx or .pdf file to write"),
    )
    inputs.add_period_option(b, "hồ sơ nhận trong kỳ", "dossiers received in the period", required=True)
    b.set_defaults(func=run_logbook)


def _open(database: str | None) -> Any:
    from onestop_desktop.bootstrap import database_url, open_database
    from onestop_desktop.services.safety.integrity import refuse_if_damaged

    refuse_if_damaged(database_url(database))  # an export of a damaged file must not look like any other
    return open_database(database)


def run_dossiers(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.clock import now_local
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.reports.export_tracking import list_caption, write_list
    from onestop_desktop.services.catalogue import catalogue
    from onestop_desktop.services.tracking import export_rows
    from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter

    period = parse_period(args.period) if args.period else None
    flt = TrackingFilter(
        quick=QUICK[args.only] if args.only else "all",
        statuses=tuple(dict.fromkeys(args.status or ())),
        channel=args.channel,
        text=args.search or "",
    )
    db = _open(database)
    try:
        with session_scope(db.factory) as s:
            flt = export_rows.filter_by_codes(
                s,
                flt,
                field_code=args.field,
                procedure_code=args.procedure,
                received=(period.start, period.end) if period else None,
            )
            calendar = catalogue.working_calendar(s)
            today = Today.at(now_local(), calendar)
            total = export_rows.count(s, flt, today, calendar)
            lines = export_rows.list_lines(s, flt, Sort(args.sort), today, calendar, total=total)
            n = write_list(lines, total, list_caption(today.now), args.out)
    finally:
        db.engine.dispose()
    _written(n, args.out)
    return 0


def run_logbook(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.reports.export_tracking import write_log_book, write_log_book_pdf
    from onestop_desktop.services.tracking.forms import log_book_data

    period = parse_period(args.period)
    db = _open(database)
    try:
        with session_scope(db.factory) as s:
            data = log_book_data(s, period.start, period.end)
    finally:
        db.engine.dispose()
    if args.out.suffix.lower() == ".pdf":
        n = write_log_book_pdf(data, args.out)
    else:
        n = write_log_book(data, args.out)
    _written(n, args.out)
    return 0


def _written(n: int, path: Path) -> None:
    from onestop_desktop.domain.fmt import fmt_int

    print(
        t(f"Đã ghi {fmt_int(n)} hồ sơ vào {path}.", f"Wrote {n:,} dossier{'s' if n != 1 else ''} to {path}."),
        file=sys.stdout,
    )
