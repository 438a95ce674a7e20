"""`onestop-desktop import KIND FILE`: all-or-nothing imports (legacy log books, BHYT sheets, catalogue).

Each kind lives in its own module with `register(subparsers, common)`; see KIND_MODULES.
"""

from __future__ import annotations

import argparse
import importlib

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
