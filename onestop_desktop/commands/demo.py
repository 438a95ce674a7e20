"""`onestop-desktop demo`: build the demo office of the source story in a database."""

from __future__ import annotations

import argparse

from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "demo",
        parents=[common],
        help=t(
            "tạo văn phòng mẫu (huyện Xuân Lộc, tháng 9-10/2018)",
            "build the demo office (Xuân Lộc district, Sept-Oct 2018)",
        ),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import ensure_demo, open_database

    db = open_database(database)
    built = ensure_demo(db)
    print(
        t(
            "Đã tạo dữ liệu mẫu" if built else "Dữ liệu mẫu đã có sẵn",
            "Demo data built" if built else "Demo data already present",
        )
        + f": {db.describe()}"
    )
    return 0
