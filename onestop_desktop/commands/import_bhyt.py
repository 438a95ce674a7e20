"""`onestop-desktop import bhyt FILE --month 2018-11 [--replace]`: the monthly BHYT sheet, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from onestop_desktop.commands.inputs import day, month
from onestop_desktop.commands.signin import sign_in, user_help
from onestop_desktop.commands.words import language, say, say_error
from onestop_desktop.prefs import t


def register(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = kinds.add_parser(
        "bhyt",
        parents=[common],
        help=t(
            "nhập số liệu BHYT của tháng từ Excel/CSV "
            "(Mã xã, Tên xã, Dân số, Số người tham gia BHYT, các nhóm)",
            "import a month of BHYT figures from Excel/CSV (unit code, name, population, insured, groups)",
        ),
    )
    p.add_argument("file", metavar="FILE", type=Path, help=t("tệp .xlsx hoặc .csv", ".xlsx or .csv file"))
    p.add_argument(
        "--month",
        required=True,
        type=month,
        metavar="YYYY-MM",
        help=t("tháng của số liệu", "month of the data"),
    )
    p.add_argument(
        "--cutoff",
        type=day,
        metavar="DD/MM/YYYY",
        help=t("ngày chốt số liệu (mặc định ngày 24 của tháng)", "data as of (default: the 24th)"),
    )
    p.add_argument(
        "--replace",
        action="store_true",
        help=t(
            "thay số liệu đã có của tháng (số cũ được giữ trong lịch sử)",
            "replace the month's figures (the old ones stay in the history)",
        ),
    )
    p.add_argument("--user", metavar="USERNAME", help=user_help())
    p.add_argument(
        "--parent",
        metavar="CODE",
        help=t(
            "mã đơn vị cấp trên (mặc định đơn vị của cơ quan)", "parent unit code (default: the office's)"
        ),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.fmt import fmt_date
    from onestop_desktop.services.bhyt import coverage, tallies
    from onestop_desktop.services.bhyt import sheet_import as bhyt_import
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety import backup

    if not args.file.exists():
        print(t(f"Không có tệp {args.file}.", f"No such file: {args.file}."))
        return 2
    db = open_database(database)
    actor = sign_in(db.url, args.user, "ghi rõ người nhập số liệu", "who imports")
    try:
        sheet = bhyt_import.read_sheet(args.file)
        with session_scope(db.factory) as s:
            groups = tallies.list_groups(s)
            header, mapping = bhyt_import.guess_mapping(sheet, groups, bhyt_import.remembered_mapping(s))
            check = bhyt_import.check_sheet(s, sheet, header, mapping, args.month, args.parent)
            if not check.ok and all(p.line == 0 for p in check.problems):  # no header, or no rows
                reason = " ".join(say(m) for m in check.report_msgs())
                print(t("Không nhập gì", "Nothing imported") + f": {reason}", file=sys.stderr)
                return 1
            if not check.ok:
                print(t("Không nhập gì: có dòng bị từ chối.", "Nothing imported: rows were rejected."))
                print(check.report(language()))
                return 1
            if bhyt_import.month_has_data(s, args.month) and not args.replace:
                print(
                    t(
                        f"Tháng {coverage.month_label(args.month)} đã có số liệu; thêm --replace để thay "
                        "(số cũ được giữ trong lịch sử). Không nhập gì.",
                        f"{coverage.month_label(args.month)} already has figures; add --replace. "
                        "Nothing imported.",
                    )
                )
                return 3
            cutoff = args.cutoff or bhyt_import.default_cutoff(args.month)
            backup.backup_before(db.url, "before-import")
            n = bhyt_import.apply_import(
                s, actor, check, args.month, cutoff, source=args.file.name, replace=args.replace
            )
            bhyt_import.remember_mapping(s, bhyt_import.header_texts(sheet, header, mapping))
            summary = bhyt_import.describe(check)
    except ServiceError as exc:
        print(say_error(exc), file=sys.stderr)
        return 1
    finally:
        db.engine.dispose()
    label = coverage.month_label(args.month)
    print(
        t(
            f"Đã nhập {n} đơn vị, tháng {label} (số liệu đến {fmt_date(cutoff)}): {summary}",
            f"Imported {n} units for {label} (as of {fmt_date(cutoff)}): {summary}",
        )
    )
    if check.report():
        print(check.report())
    return 0
