"""`onestop-desktop demo`: build the demo office of the source story in a database."""

from __future__ import annotations

import argparse

from onestop_desktop.commands.inputs import int_between
from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "demo",
        parents=[common],
        help=t(
            "tạo dữ liệu mẫu: huyện Xuân Lộc tháng 9-10/2018 và Trung tâm Phục vụ hành chính công "
            "xã Xuân Lộc từ 1/7/2025 đến hôm nay",
            "build the demo: Xuân Lộc district in Sept-Oct 2018 and the public administration service "
            "centre of Xuân Lộc commune from 1/7/2025 up to today",
        ),
    )
    p.add_argument(
        "--scale",
        type=int_between(1, 10_000_000, "số hồ sơ thêm", "the number of dossiers"),
        metavar="N",
        help=t(
            "thêm N hồ sơ sinh ngẫu nhiên (thử tải), ví dụ 1000000",
            "add N generated dossiers (load testing), e.g. 1000000",
        ),
    )
    p.add_argument(
        "--years",
        type=int_between(1, 100, "số năm", "the number of years"),
        default=5,
        help=t("số năm trải hồ sơ sinh ra", "years to spread them over"),
    )
    p.add_argument(
        "--units",
        type=int_between(1, 1000, "số đơn vị", "the number of units"),
        default=15,
        help=t("số đơn vị tiếp nhận", "number of receiving units"),
    )
    p.add_argument(
        "--seed",
        type=int_between(0, 2**31 - 1, "hạt giống", "the seed"),
        default=1,
        help=t("hạt giống ngẫu nhiên", "random seed"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import ensure_demo, open_database

    db = open_database(database)
    # --scale generates its own years of synthetic offices: on the 2018 story alone, so the benchmark
    # database does not depend on the day it is built
    built = ensure_demo(db, living=not getattr(args, "scale", None))
    print(
        t(
            "Đã tạo dữ liệu mẫu" if built else "Dữ liệu mẫu đã có sẵn",
            "Demo data built" if built else "Demo data already present",
        )
        + f": {db.describe()}"
    )
    if getattr(args, "scale", None):
        return _scale(db, args)
    return 0


def _scale(db: object, args: argparse.Namespace) -> int:
    import time

    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.services.demo import scale

    started = time.perf_counter()
    last = [-1]

    def progress(pct: int, _text: str) -> None:
        if pct // 10 != last[0]:
            last[0] = pct // 10
            print(f"  {pct} %", flush=True)

    with session_scope(db.factory) as s:  # type: ignore[attr-defined]
        result = scale.generate(s, args.scale, args.years, args.units, args.seed, progress=progress)
    with db.engine.connect() as conn:  # type: ignore[attr-defined]
        conn.exec_driver_sql("ANALYZE")  # fresh planner statistics after a bulk load
    print(
        t(
            f"Đã thêm {result.dossiers} hồ sơ ({result.start:%d/%m/%Y}–{result.end:%d/%m/%Y}, "
            f"{result.units} đơn vị) trong {time.perf_counter() - started:.0f} giây",
            f"Added {result.dossiers} dossiers ({result.start:%d/%m/%Y}–{result.end:%d/%m/%Y}, "
            f"{result.units} units) in {time.perf_counter() - started:.0f} s",
        )
    )
    return 0
