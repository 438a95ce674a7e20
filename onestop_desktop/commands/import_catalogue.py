"""`onestop-desktop import catalogue FILE --effective DAY [--dry-run]`: a published list as a new version."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from onestop_desktop.commands.signin import sign_in, user_help
from onestop_desktop.commands.words import say_error
from onestop_desktop.prefs import t


def _day(text: str) -> date:
    from onestop_desktop.domain.fmt import parse_vi_date

    try:
        return parse_vi_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def register(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = kinds.add_parser(
        "catalogue",
        parents=[common],
        help=t(
            "nhập danh mục thủ tục do tỉnh công bố làm phiên bản mới từ một ngày (xem trước với --dry-run)",
            "import a published list of procedures as a new version from a day (preview with --dry-run)",
        ),
    )
    p.add_argument("file", metavar="FILE", type=Path, help=t("tệp .xlsx như tệp xuất danh mục", ".xlsx file"))
    p.add_argument(
        "--effective",
        required=True,
        type=_day,
        metavar="YYYY-MM-DD",
        help=t("ngày danh mục mới bắt đầu áp dụng", "the day the new list takes effect"),
    )
    p.add_argument(
        "--source",
        default="",
        metavar=t("CĂN_CỨ", "BASIS"),
        help=t("căn cứ, ví dụ “Quyết định 1234/QĐ-UBND ngày …”", "legal basis, e.g. the decision"),
    )
    p.add_argument(
        "--keep-unlisted",
        action="store_true",
        help=t("giữ các thủ tục không có trong tệp", "keep the procedures that are not in the file"),
    )
    p.add_argument(
        "--dry-run",
        action="store_true",
        help=t("chỉ xem trước thay đổi, không ghi gì", "only preview the changes, write nothing"),
    )
    p.add_argument("--user", metavar="USERNAME", help=user_help())
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.commands.words import num, say
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.fmt import fmt_date
    from onestop_desktop.domain.messages import Msg, msg
    from onestop_desktop.services.catalogue import list_import
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety import backup

    if not args.file.exists():
        print(t(f"Không có tệp {args.file}.", f"No such file: {args.file}."))
        return 2
    db = open_database(database)
    actor = sign_in(db.url, args.user, "ghi rõ người nhập danh mục", "who imports")
    try:
        with session_scope(db.factory) as s:
            plan = list_import.preview_list(
                s, actor, args.file, args.effective, args.source, end_unlisted=not args.keep_unlisted
            )
        day = fmt_date(plan.effective)
        labels = {list_import.NEW: "cat.plan.new", list_import.CHANGED: "cat.plan.changed",
                  list_import.UNLISTED: "cat.plan.unlisted"}  # fmt: skip
        for c in plan.changes:
            if c.status in labels:
                print(f"{say(msg(labels[c.status]))} – {c.code} {c.name}")
                for line in c.lines:
                    print(f"    {say(line)}")
        kinds = {"new": list_import.NEW, "changed": list_import.CHANGED, "unchanged": list_import.UNCHANGED,
                 "unlisted": list_import.UNLISTED}  # fmt: skip
        counts = {key: num(plan.count(kind)) for key, kind in kinds.items()}
        print(say(msg("cat.plan.summary", day=day, **counts)))
        if plan.rejected:
            print(t("Không nhập gì: có dòng bị từ chối.", "Nothing imported: rows were rejected."))
            for refusal in plan.rejected:
                print(say(refusal) if isinstance(refusal, Msg) else refusal)
            return 1
        if args.dry_run:
            print(t("Chỉ xem trước (--dry-run): chưa ghi gì.", "Preview only (--dry-run): nothing written."))
            return 0
        backup.backup_before(db.url, "before-import")
        with session_scope(db.factory) as s:  # one transaction: every new version or none
            report = list_import.apply_list(s, actor, plan)
    except ServiceError as exc:
        print(say_error(exc), file=sys.stderr)
        return 1
    finally:
        db.engine.dispose()
    print(
        t(
            f"Đã ghi phiên bản danh mục từ ngày {day}: {report.added} thủ tục mới, "
            f"{report.changed} thay đổi, {report.ended} ngừng áp dụng.",
            f"Catalogue version from {day} written: {report.added} new, {report.changed} changed, "
            f"{report.ended} ended.",
        )
    )
    return 0
