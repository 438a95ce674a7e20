"""`onestop-desktop today`: the home page's figures, for scripts and a morning check."""

from __future__ import annotations

import argparse
import json

from onestop_desktop.commands.inputs import day
from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "today",
        parents=[common],
        help=t("số liệu hôm nay (như trang chủ)", "today's figures (as on the home page)"),
    )
    p.add_argument(
        "--day",
        metavar="YYYY-MM-DD",
        type=day,
        help=t("xem số liệu của một ngày khác", "the figures of another day"),
    )
    p.add_argument("--json", action="store_true", help=t("in kết quả dạng JSON", "print JSON"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.clock import now_local
    from onestop_desktop.commands.words import num
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.fmt import fmt_date
    from onestop_desktop.services.catalogue import catalogue
    from onestop_desktop.services.home import today_figures

    the_day = args.day or now_local().date()
    db = open_database(database)
    try:
        with session_scope(db.factory) as s:
            fig = today_figures(s, the_day, catalogue.working_calendar(s))
    finally:
        db.engine.dispose()
    if args.json:
        print(json.dumps(fig.to_json(), ensure_ascii=False, indent=1))
        return 0
    # the home page's words (resources/i18n/vi/shell.ts, HomePage), so both read the same
    rows = [
        (t("Tiếp nhận hôm nay", "Received today"), fig.received_today),
        (t("Đến hạn hôm nay", "Due today"), fig.due_today),
        (t("Đến hạn ngày làm việc tới", "Due next working day"), fig.due_next_working_day),
        (t("Quá hạn (chưa giải quyết)", "Overdue (open)"), fig.overdue),
        (t("Chờ bổ sung hồ sơ", "Waiting for a supplement"), fig.waiting_supplement),
        (t("Hồ sơ đang giải quyết", "Open dossiers"), fig.open_total),
        (t("Tổng số hồ sơ trong cơ sở dữ liệu", "Dossiers in the database"), fig.total),
    ]
    print(t("Số liệu ngày", "Figures of") + f" {fmt_date(the_day)}")
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"  {label.ljust(width)}  {num(value):>9}")
    return 0
