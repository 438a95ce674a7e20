"""`onestop-desktop import dossiers FILE.xlsx|csv`: an old log book, all or nothing."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from onestop_desktop.commands.imports import add_progress_flag, progress_printer
from onestop_desktop.commands.signin import sign_in, user_help
from onestop_desktop.commands.words import say_error
from onestop_desktop.prefs import t


def register(
    kinds: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = kinds.add_parser(
        "dossiers",
        parents=[common],
        help=t(
            "nhập sổ theo dõi hồ sơ cũ từ Excel/CSV (Mã hồ sơ, Tên thủ tục, Tên tổ chức, cá nhân, "
            "Ngày nhận, Ngày hẹn trả, Ngày trả kết quả…)",
            "import an old dossier log book from Excel/CSV (code, procedure, applicant, dates…)",
        ),
    )
    p.add_argument("file", metavar="FILE", type=Path, help=t("tệp .xlsx hoặc .csv", ".xlsx or .csv file"))
    p.add_argument("--user", metavar="USERNAME", help=user_help())
    p.add_argument(
        "--check",
        action="store_true",
        help=t("chỉ kiểm tra, không ghi gì", "check only, write nothing"),
    )
    add_progress_flag(p)
    p.set_defaults(func=run)


def _words(stage: str, done: int, total: int) -> str:
    from onestop_desktop.domain.messages import Num, msg
    from onestop_desktop.prefs import load

    return msg(f"logbook.stage.{stage}", done=Num(done), total=Num(total)).text(load().language)


def run(args: argparse.Namespace, database: str | None) -> int:

    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.errors import ServiceError
    from onestop_desktop.services.safety import backup
    from onestop_desktop.services.tracking import logbook_import

    if not args.file.exists():
        print(t(f"Không có tệp {args.file}.", f"No such file: {args.file}."))
        return 2
    db = open_database(database)
    actor = None if args.check else sign_in(db.url, args.user, "ghi rõ người nhập sổ", "who imports")
    progress = progress_printer(args.progress, _words)
    try:
        if not args.check:  # an earlier import cut short before its search keys were written
            logbook_import.index_pending(lambda: session_scope(db.factory))
        with session_scope(db.factory) as s:
            plan = logbook_import.plan_import(s, args.file, progress=progress)
            if progress is not None:
                print(file=sys.stderr)  # the progress line ends here
            if not plan.ok:
                print(
                    t(
                        f"Không nhập gì: {len(plan.rejected)} dòng bị từ chối.",
                        f"Nothing imported: {len(plan.rejected)} rows rejected.",
                    )
                )
                print(plan.report())
                return 1
            if args.check:
                print(
                    t(
                        f"Tệp hợp lệ: {len(plan.rows)} hồ sơ mới, {plan.existing} đã có.",
                        f"File is valid: {len(plan.rows)} new dossiers, {plan.existing} already present.",
                    )
                )
                return 0
            backup.backup_before(db.url, "before-import")
            assert actor is not None  # signed in above unless --check
            n = logbook_import.apply_plan(s, actor.user_id, plan, args.file.name, progress, defer_search=True)
        # the search keys in short transactions of their own: the counters save in between
        logbook_import.index_pending(lambda: session_scope(db.factory), progress)
    except ServiceError as exc:
        print(say_error(exc), file=sys.stderr)
        return 1
    finally:
        db.engine.dispose()
    print(
        t(
            f"Đã nhập {n} hồ sơ; {plan.existing} hồ sơ đã có từ trước được bỏ qua.",
            f"Imported {n} dossiers; {plan.existing} already present were skipped.",
        )
    )
    return 0
