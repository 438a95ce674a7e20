"""What the commands read from the user: numbers in range, months, days, date-times and input files."""

from __future__ import annotations

import argparse
import re
import zipfile
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from onestop_desktop.prefs import t


def int_between(low: int, high: int, vi: str, en: str) -> Callable[[str], int]:
    """An argparse type: a whole number from `low` to `high`; `vi`/`en` say what the number counts."""

    from onestop_desktop.domain.fmt import fmt_int

    def parse(text: str) -> int:
        try:
            value = int(text.strip().replace(".", "").replace("_", ""))  # 1.000.000 as Vietnamese write it
        except ValueError:
            raise argparse.ArgumentTypeError(
                t(
                    f"{vi} phải là một số nguyên, không phải “{text}”",
                    f"{en} must be a whole number, not “{text}”",
                )
            ) from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(
                t(
                    f"{vi} phải từ {fmt_int(low)} đến {fmt_int(high)}, không phải {fmt_int(value)}",
                    f"{en} must be from {low:,} to {high:,}, not {value:,}",
                )
            )
        return value

    parse.__name__ = "int"
    return parse


def day(text: str) -> date:
    """An argparse type: a day, 24/10/2018 or 2018-10-24; says whether the month or the day does not exist."""
    from onestop_desktop.domain.days import parse_day

    try:
        return parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None


def period(text: str) -> str:
    """An argparse type: a report period (2018-10, 2018-Q4, 2018, 2018-09-15..2018-10-14), checked before the
    command starts (`--demo report --period 2018-02-30` built the demo database, then refused the period)."""
    from onestop_desktop.domain.periods import parse_period

    try:
        parse_period(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None
    return text


def month(text: str) -> date:
    """An argparse type: the first day of a month written 2018-11 or 11/2018."""
    from onestop_desktop.domain.periods import parse_period

    try:
        period = parse_period(text)
    except ValueError as exc:
        period = None
        if re.fullmatch(
            r"\s*(\d{4}-\d{1,2}|\d{1,2}/\d{4})\s*", text
        ):  # the form of a month: say what is wrong
            raise argparse.ArgumentTypeError(str(exc).rstrip(".")) from None
    if period is None or period.kind != "month":
        raise argparse.ArgumentTypeError(
            t(
                f"“{text}” không phải một tháng: ghi dạng 2018-11 hoặc 11/2018",
                f"“{text}” is not a month: write it as 2018-11 or 11/2018",
            )
        )
    return period.start


_DATETIME = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4})(?:[ T](\d{1,2}):(\d{1,2}))?$")


def moment(text: str) -> datetime:
    """A date-time, 'YYYY-MM-DD HH:MM' (or 24/10/2018 08:00); ValueError names the part that is wrong."""
    try:
        return datetime.fromisoformat(text.strip())  # every form it reads, seconds and 'T' included
    except ValueError:
        pass
    m = _DATETIME.match(" ".join(text.split()))
    if m is None:
        raise ValueError(
            t(
                f"“{text}” không phải thời điểm: ghi dạng 'YYYY-MM-DD HH:MM', ví dụ '2018-10-15 08:00'.",
                f"“{text}” is not a date-time: write it as 'YYYY-MM-DD HH:MM', e.g. '2018-10-15 08:00'.",
            )
        )
    from onestop_desktop.domain.days import parse_day

    the_day = parse_day(m[1])
    hour, minute = int(m[2] or 0), int(m[3] or 0)
    if hour > 23 or minute > 59:
        raise ValueError(
            t(
                f"Không có giờ {hour:02d}:{minute:02d}: giờ từ 00:00 đến 23:59.",
                f"There is no time {hour:02d}:{minute:02d}: times run from 00:00 to 23:59.",
            )
        )
    return datetime(the_day.year, the_day.month, the_day.day, hour, minute)


# The files each `import KIND` reads; a kind not listed is only checked for being a readable file.
IMPORT_SUFFIXES = {
    "dossiers": (".xlsx", ".xlsm", ".csv"),
    "bhyt": (".xlsx", ".xlsm", ".csv", ".txt"),
    "catalogue": (".xlsx", ".xlsm"),
}
OLD_ENCODINGS_READ = {"bhyt"}  # its reader falls back to Windows-1258 on its own


def file_problem(path: Path, kind: str = "") -> str | None:
    """Why `path` cannot be read as the input of `import kind` (one sentence), or None when it can."""
    if not path.exists():
        return t(
            f"Không tìm thấy tệp {path}: kiểm tra tên và thư mục.", f"File {path} not found: check its name."
        )
    if path.is_dir():
        return t(f"{path} là một thư mục: ghi tên một tệp.", f"{path} is a folder: give the name of a file.")
    suffixes = IMPORT_SUFFIXES.get(kind)
    if suffixes and path.suffix.lower() not in suffixes:
        return t(
            f"Tệp {path.name} không đọc được: chỉ nhận tệp {', '.join(suffixes)} "
            "(trong Excel: Lưu thành .xlsx).",
            f"Cannot read {path.name}: only {', '.join(suffixes)} files (in Excel: Save As .xlsx).",
        )
    try:
        with open(path, "rb") as fh:
            head = fh.read(1 << 16)
    except OSError as exc:
        return t(
            f"Không đọc được tệp {path}: {exc.strerror or exc}; kiểm tra quyền đọc tệp.",
            f"Cannot read {path}: {exc.strerror or exc}; check the file's permissions.",
        )
    if not head:
        return t(f"Tệp {path} rỗng (0 byte): chọn đúng tệp đã lưu.", f"File {path} is empty (0 bytes).")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _workbook_problem(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return _text_problem(path, head, kind)
    return None


def _workbook_problem(path: Path) -> str | None:
    resave = t(
        "mở bằng Excel rồi Lưu thành “Sổ làm việc Excel (.xlsx)”", "open it in Excel and save as .xlsx"
    )
    if not zipfile.is_zipfile(path):
        return t(
            f"Tệp {path.name} không phải sổ Excel .xlsx (có thể là CSV hay .xls đổi tên): {resave}.",
            f"{path.name} is not an .xlsx workbook (perhaps a renamed CSV or .xls): {resave}.",
        )
    with zipfile.ZipFile(path) as z:
        if "xl/workbook.xml" not in z.namelist():
            return t(
                f"Tệp {path.name} là tệp nén nhưng không phải sổ Excel .xlsx: {resave}.",
                f"{path.name} is a zip archive but not an .xlsx workbook: {resave}.",
            )
    return None


def _text_problem(path: Path, head: bytes, kind: str) -> str | None:
    resave = t(
        "trong Excel, Lưu thành “CSV UTF-8 (phân cách bằng dấu phẩy)”", "in Excel, save as “CSV UTF-8”"
    )
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in head:
        return t(
            f"Tệp {path.name} được lưu dạng UTF-16 (Văn bản Unicode): {resave}.",
            f"{path.name} is saved as UTF-16 (Unicode Text): {resave}.",
        )
    if kind in OLD_ENCODINGS_READ:
        return None
    try:
        path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        return t(
            f"Tệp {path.name} dùng bảng mã cũ (Windows-1258, TCVN3…), không phải UTF-8: {resave}.",
            f"{path.name} uses an old encoding (Windows-1258, TCVN3…), not UTF-8: {resave}.",
        )
    return None


PERIOD_FORMS = "2018-10, 2018-Q4, 2018, 2018-09-15..2018-10-14"  # what `period` accepts, as examples


def add_period_option(parser: argparse.ArgumentParser, what_vi: str, what_en: str, *, required: bool) -> None:
    """`--period`, checked as `period` before the command starts: "what: 2018-10, 2018-Q4, …"."""
    parser.add_argument(
        "--period",
        required=required,
        type=period,
        metavar=t("KỲ", "PERIOD"),
        help=t(f"{what_vi}: {PERIOD_FORMS}", f"{what_en}: {PERIOD_FORMS}"),
    )
