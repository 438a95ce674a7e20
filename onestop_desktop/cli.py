"""Command line: `onestop-desktop` opens the window; subcommands do the office's work without it.

`--database URL` is accepted before or after a subcommand's name. Help follows the interface
language (preferences, or ONESTOP_LANG=en).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from onestop_desktop import __version__
from onestop_desktop.prefs import t
from onestop_desktop.services.errors import ServiceError

# Each module in onestop_desktop/commands has `register(subparsers, common)`; its parser sets `func`.
COMMAND_MODULES = [
    "demo",
    "today",
    "print_form",
    "due_date",
    "imports",
    "report",
    "screenshots",
    "backup",
    "audit",
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix or t("cách dùng: ", "usage: "))


def common_options() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--database",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=t(
            "cơ sở dữ liệu (URL SQLAlchemy hoặc đường dẫn tệp SQLite); mặc định: ONESTOP_DATABASE_URL "
            "hoặc tệp trong thư mục dữ liệu người dùng",
            "database (SQLAlchemy URL or SQLite file path); default: ONESTOP_DATABASE_URL or a file "
            "in the user data folder",
        ),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = argparse.ArgumentParser(
        prog="onestop-desktop",
        parents=[common],
        description=t(
            "OneStop Desktop: phần mềm bộ phận một cửa (tiếp nhận, theo dõi hồ sơ, BHYT, báo cáo).",
            "OneStop Desktop: one-stop-shop office program (intake, tracking, BHYT, reports).",
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"onestop-desktop {__version__}",
        help=t("in phiên bản rồi thoát", "print the version and exit"),
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t(
            "mở cửa sổ trên cơ sở dữ liệu mẫu (tách riêng dữ liệu thật)",
            "open the window on the demo database (kept apart from real data)",
        ),
    )
    parser.add_argument("--lang", choices=["vi", "en"], help=t("ngôn ngữ giao diện", "interface language"))
    sub = parser.add_subparsers(dest="command", metavar=t("LỆNH", "COMMAND"))
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"onestop_desktop.commands.{name}")
        module.register(sub, common)
    _localise(parser)
    return parser


def _localise(parser: argparse.ArgumentParser) -> None:
    """argparse's own words (section titles, -h) in the interface language, for every subcommand."""
    parser.formatter_class = _Formatter
    parser._optionals.title = t("tùy chọn", "options")
    parser._positionals.title = t("đối số", "positional arguments")
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            action.help = t("hiện trợ giúp này rồi thoát", "show this help message and exit")
        if isinstance(action, argparse._SubParsersAction):
            for child in set(action.choices.values()):
                _localise(child)


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if getattr(args, "lang", None):
        import os

        os.environ["ONESTOP_LANG"] = args.lang
    database = getattr(args, "database", None)
    if args.command is None:
        from onestop_desktop.ui.app import run_gui

        return run_gui(database=database, demo=args.demo)
    if args.demo and database is None:
        database = _demo_database()  # `--demo report …` reports the demo office, built on first use
    elif _reads_only(args) and (missing := _missing_file(database)) is not None:
        print(
            t(
                f"Không tìm thấy cơ sở dữ liệu {missing}. Kiểm tra đường dẫn, hoặc dùng --demo.",
                f"Database {missing} not found. Check the path, or use --demo.",
            ),
            file=sys.stderr,
        )
        return 2
    from sqlalchemy.exc import DatabaseError, OperationalError

    try:
        return int(args.func(args, database))
    except ServiceError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    except (DatabaseError, OperationalError):  # not a database, damaged, locked or unreachable
        print(
            t(
                "Không mở được cơ sở dữ liệu: tệp không phải cơ sở dữ liệu, đã hỏng, đang bị khóa hoặc máy "
                "chủ không trả lời. Kiểm tra --database, hoặc chạy «onestop-desktop check».",
                "Cannot open the database: the file is not a database, is damaged or locked, or the server "
                "does not answer. Check --database, or run «onestop-desktop check».",
            ),
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        return 130


# Commands that only read: they never create a database (a mistyped path would otherwise give an
# empty office and an all-zero report with exit 0).
READ_ONLY_COMMANDS = {"report", "today", "print", "audit"}


def _reads_only(args: argparse.Namespace) -> bool:
    if args.command == "due-date":
        return bool(getattr(args, "procedure", None))
    return args.command in READ_ONLY_COMMANDS


def _missing_file(database: str | None) -> str | None:
    """The SQLite file `database` names when it does not exist; None for an existing file or a server."""
    from onestop_desktop.bootstrap import database_file, database_url

    path = database_file(database_url(database))
    return str(path) if path is not None and not path.exists() else None


def _demo_database() -> str:
    from onestop_desktop.bootstrap import database_url, ensure_demo, open_database

    url = database_url(demo=True)
    if _missing_file(url) is not None:
        print(t("Đang tạo dữ liệu mẫu…", "Building the demo data…"), file=sys.stderr)
    db = open_database(url)
    try:
        ensure_demo(db)  # cheap once built; adds what a newer version brings (the office of today)
    finally:
        db.engine.dispose()
    return url
