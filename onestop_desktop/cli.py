"""Command line: `onestop-desktop` opens the window; subcommands do the office's work without it.

`--database URL` is accepted before or after a subcommand's name. Help follows the interface
language (preferences, or ONESTOP_LANG=en).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from onestop_desktop import __version__
from onestop_desktop.commands.parser_language import Parser
from onestop_desktop.prefs import LANGUAGES, t

# Each module in onestop_desktop/commands has `register(subparsers, common)`; its parser sets `func`.
COMMAND_MODULES = [
    "demo",
    "today",
    "print_form",
    "due_date",
    "imports",
    "report",
    "export",
    "screenshots",
    "backup",
    "audit",
    "attach",
]


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):  # type: ignore[no-untyped-def]
        super().add_usage(usage, actions, groups, prefix or t("cách dùng: ", "usage: "))


def common_options() -> argparse.ArgumentParser:
    common = Parser(add_help=False)
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
    common.add_argument(
        "--lang",
        choices=LANGUAGES,
        default=argparse.SUPPRESS,
        help=t("ngôn ngữ giao diện", "interface language"),
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = Parser(
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
    words = list(sys.argv[1:] if argv is None else argv)
    with _language(_lang_of(words)):
        parser = build_parser()
        args = parser.parse_args(words)
        database = _installed_driver(getattr(args, "database", None))
        if args.command is None:
            from onestop_desktop.ui.app import run_gui

            return run_gui(database=database, demo=args.demo)
        return _run(args, database)


def _installed_driver(database: str | None) -> str | None:
    """`postgresql://…` with the PostgreSQL driver this program installs (psycopg2), when SQLAlchemy's
    default one (psycopg 3) is missing: the user names the server, not the driver."""
    from importlib.util import find_spec

    if database and database.startswith("postgresql://") and find_spec("psycopg") is None:
        if find_spec("psycopg2") is not None:
            return "postgresql+psycopg2://" + database.removeprefix("postgresql://")
    return database


def _lang_of(words: list[str]) -> str | None:
    """--lang before argparse reads anything: its usage and its errors are in that language too."""
    for i, word in enumerate(words):
        if word == "--":
            break
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and i + 1 < len(words):
            return words[i + 1]
    return None


@contextmanager
def _language(lang: str | None) -> Iterator[None]:
    """The interface language for this run only (a test calling main() leaves the next one as it was)."""
    if lang not in LANGUAGES:
        yield
        return
    saved = os.environ.get("ONESTOP_LANG")
    os.environ["ONESTOP_LANG"] = str(lang)
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("ONESTOP_LANG", None)
        else:
            os.environ["ONESTOP_LANG"] = saved


def _say(text: str) -> None:
    print(" ".join(text.split()), file=sys.stderr)  # one line, whatever the message held


def _run(args: argparse.Namespace, database: str | None) -> int:
    """The command, with every failure turned into one sentence on stderr and a non-zero exit."""
    from onestop_desktop.commands import failures

    try:
        if (problem := _input_problem(args, database)) is not None:
            _say(problem)
            return failures.BAD_INPUT
        if args.demo and database is None:
            database = _demo_database()  # `--demo report …` reports the demo office, built on first use
        return int(args.func(args, database))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `… | head` closed the pipe: nothing left to tell
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - Python flushes stdout once more at exit
        return 1
    except Exception as exc:  # the last word: a sentence, never a traceback
        message, code = failures.describe(exc, database or "")
        _say(message)
        return code


def _input_problem(args: argparse.Namespace, database: str | None) -> str | None:
    """What is wrong with the database or the input file named, before the command starts."""
    from onestop_desktop.commands.inputs import file_problem

    if database is not None or not args.demo:
        if (problem := _database_problem(args, database)) is not None:
            return problem
    file = getattr(args, "file", None)
    if args.command in INPUT_FILE_COMMANDS and file is not None:
        return file_problem(file, getattr(args, "kind", "") or "")
    return None


# Commands that only read: they never create a database (a mistyped path would otherwise give an
# empty office and an all-zero report with exit 0).
READ_ONLY_COMMANDS = {
    "report", "export", "today", "print", "audit", "backup", "check", "screenshots", "attach", "attachments"
}  # fmt: skip
INPUT_FILE_COMMANDS = {"import", "restore"}  # their FILE is checked before the command opens anything


def _reads_only(args: argparse.Namespace) -> bool:
    if args.command == "due-date":
        return bool(getattr(args, "procedure", None))
    return args.command in READ_ONLY_COMMANDS


def _database_problem(args: argparse.Namespace, database: str | None) -> str | None:
    """A SQLite path that names a folder, sits in a missing folder, or is missing for a command that reads."""
    from onestop_desktop.bootstrap import database_file, database_url

    url = database_url(database)
    path = database_file(url)
    if path is None:
        return _server_url_problem(url)
    if path.is_dir():
        return t(
            f"{path} là một thư mục: --database cần tên tệp cơ sở dữ liệu, ví dụ {path / 'onestop.sqlite3'}.",
            f"{path} is a folder: --database needs a database file, e.g. {path / 'onestop.sqlite3'}.",
        )
    if database is not None and not path.parent.is_dir():
        return t(
            f"Không có thư mục {path.parent}: kiểm tra --database (chương trình không tự tạo thư mục này).",
            f"There is no folder {path.parent}: check --database (the program does not create it).",
        )
    # screenshots without --database builds its own demo in a temporary folder (the README's command)
    builds_own = args.command == "screenshots" and database is None
    if _reads_only(args) and not path.exists() and not builds_own:
        return t(
            f"Không tìm thấy cơ sở dữ liệu {path}. Kiểm tra đường dẫn, hoặc dùng --demo.",
            f"Database {path} not found. Check the path, or use --demo.",
        )
    return None


def _server_url_problem(url: str) -> str | None:
    """A server URL that SQLAlchemy cannot read, or whose kind of database it does not know."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(url).get_dialect()
    except ArgumentError:
        return t(
            f"«{url}» không phải địa chỉ cơ sở dữ liệu: ghi đường dẫn tệp SQLite, hoặc URL dạng "
            "postgresql://người_dùng@máy:cổng/tên.",
            f"«{url}» is not a database address: give a SQLite file path, or a URL like "
            "postgresql://user@host:port/name.",
        )
    return None


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
