"""`onestop-desktop due-date`: the appointment date-time of a dossier, with its explanation."""

from __future__ import annotations

import argparse
import json
import sys

from onestop_desktop.commands.inputs import int_between, moment
from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "due-date",
        parents=[common],
        help=t("tính ngày hẹn trả kết quả", "compute the appointment date-time"),
    )
    p.add_argument(
        "--received",
        required=True,
        metavar="'YYYY-MM-DD HH:MM'",
        help=t("thời điểm nhận hồ sơ", "when the dossier was received"),
    )
    p.add_argument(
        "--days",
        type=int_between(0, 3650, "thời hạn", "the time"),
        help=t("thời hạn giải quyết", "statutory time (value)"),
    )
    p.add_argument(
        "--unit",
        choices=["working-days", "calendar-days", "hours"],
        default="working-days",
        help=t("đơn vị thời hạn", "unit of the statutory time"),
    )
    p.add_argument(
        "--procedure",
        metavar="CODE",
        help=t("lấy thời hạn theo mã thủ tục trong danh mục", "take the time from the catalogue"),
    )
    p.add_argument("--json", action="store_true", help=t("in kết quả dạng JSON", "print JSON"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
    from onestop_desktop.domain.fmt import fmt_datetime

    try:
        received = moment(args.received)
    except ValueError as exc:  # the form, the month, the day or the hour: the message says which
        print(t("Thời điểm nhận", "The received time") + f": {exc}", file=sys.stderr)
        return 2
    if args.procedure:
        from onestop_desktop.bootstrap import open_database
        from onestop_desktop.db.engine import session_scope
        from onestop_desktop.services.catalogue import catalogue

        db = open_database(database)
        with session_scope(db.factory) as s:
            proc = catalogue.get_procedure(s, args.procedure, on=received.date())  # the version of that day
            cal = catalogue.working_calendar(s)
        value, unit = proc.time_value, proc.time_unit
    else:
        if args.days is None:
            print(t("Cần --days hoặc --procedure.", "Give --days or --procedure."), file=sys.stderr)
            return 2
        cal, value, unit = WorkingCalendar(), args.days, TimeUnit(args.unit)
    due = cal.due(received, value, unit)
    if args.json:
        print(json.dumps(due.to_json(), ensure_ascii=False, indent=1))
    else:
        print(t("Hẹn trả kết quả", "Appointment") + f": {fmt_datetime(due.due)}")
        print(due.explain())
    return 0
