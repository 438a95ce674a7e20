"""`onestop-desktop import KIND FILE`: all-or-nothing imports (legacy log books, BHYT sheets, catalogue).

Each kind lives in its own module with `register(subparsers, common)`; see KIND_MODULES.
"""

from __future__ import annotations

import argparse
import importlib
import sys
import time
from collections.abc import Callable

from onestop_desktop.prefs import t

KIND_MODULES = ["import_dossiers", "import_bhyt", "import_catalogue"]


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help=t(
            "nhập dữ liệu từ Excel/CSV (tất cả hoặc không gì cả)", "import Excel/CSV data (all or nothing)"
        ),
    )
    kinds = p.add_subparsers(dest="kind", metavar=t("LOẠI", "KIND"), required=True)
    for name in KIND_MODULES:
        try:
            module = importlib.import_module(f"onestop_desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"onestop_desktop.commands.{name}":
                raise
            continue
        module.register(kinds, common)


def add_progress_flag(p: argparse.ArgumentParser) -> None:
    """`--progress`: show how far the import is on stderr (shown anyway when stderr is a terminal)."""
    p.add_argument(
        "--progress",
        action="store_true",
        help=t(
            "hiện tiến độ trên stderr (tự hiện khi chạy trong cửa sổ dòng lệnh)",
            "show progress on stderr (shown anyway in a terminal)",
        ),
    )


def progress_printer(
    wanted: bool, words: Callable[[str, int, int], str], every: float = 0.5
) -> Callable[[str, int, int], None] | None:
    """A `progress(stage, done, total)` writing one updated line to stderr at most every `every` s;
    None (silent) unless `wanted` or stderr is a terminal: pipes and tests stay quiet."""
    if not (wanted or sys.stderr.isatty()):
        return None
    last = [0.0]

    def show(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < every and not (total and done >= total):
            return
        last[0] = now
        end = "\n" if stage == "write" and total and done >= total else ""
        print(f"\r{words(stage, done, total)}", end=end, file=sys.stderr, flush=True)

    return show
