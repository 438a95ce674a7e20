"""argparse's own words (usage, errors, titles) in the interface language; its errors as one line."""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, NoReturn

from onestop_desktop.prefs import t

# argparse builds its messages from these gettext templates (Lib/argparse.py, Python 3.11-3.13); the
# Vietnamese keeps every %-placeholder of the English. English needs no table: the templates are English.
VIETNAMESE = {
    "usage: ": "cách dùng: ",
    "positional arguments": "đối số",
    "options": "tùy chọn",
    "optional arguments": "tùy chọn",
    "subcommands": "lệnh",
    "show this help message and exit": "hiện trợ giúp này rồi thoát",
    "show program's version number and exit": "in phiên bản rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "không hiểu đối số: %s",
    "the following arguments are required: %s": "thiếu đối số bắt buộc: %s",
    "one of the arguments %s is required": "cần một trong các đối số: %s",
    "expected one argument": "thiếu giá trị",
    "expected at most one argument": "chỉ nhận nhiều nhất một giá trị",
    "expected at least one argument": "cần ít nhất một giá trị",
    "expected %s argument": "cần %s giá trị",
    "expected %s arguments": "cần %s giá trị",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "không có lựa chọn %(value)r (chọn một trong: %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "giá trị %(value)r không phải %(type)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ignored explicit argument %r": "không nhận giá trị %r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "tùy chọn %(option)s mơ hồ: có thể là %(matches)s"
    ),
    "unexpected option string: %s": "không chờ tùy chọn %s",
    "unknown parser %(parser_name)r (choices: %(choices)s)": (
        "không có lệnh %(parser_name)r (chọn: %(choices)s)"
    ),
    "can't open '%(filename)s': %(error)s": "không mở được '%(filename)s': %(error)s",
}
# `invalid %(type)s value` names the Python type: say what the user must type instead.
TYPE_WORDS = {"int": ("một số nguyên", "a whole number"), "float": ("một số", "a number")}


def _gettext(message: str | None) -> Any:
    if message is None or t("vi", "en") == "en":
        return message
    return VIETNAMESE.get(message, message)


def _ngettext(singular: str, plural: str, n: int) -> str:
    return str(_gettext(singular if n == 1 else plural))


@contextmanager
def translated() -> Iterator[None]:
    """Inside the block argparse speaks the interface language (it looks `_` up in its module each call)."""
    saved: dict[str, Callable[..., Any]] = {name: getattr(argparse, name) for name in ("_", "ngettext")}
    argparse._ = _gettext  # type: ignore[attr-defined]
    argparse.ngettext = _ngettext  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for name, fn in saved.items():
            setattr(argparse, name, fn)


def _reword(message: str) -> str:
    """`invalid int value: 'ba'` names a Python type: say what to type instead."""

    def vi(m: re.Match[str]) -> str:
        return f"không phải {TYPE_WORDS.get(m[1], (m[1], m[1]))[0]}"

    def en(m: re.Match[str]) -> str:
        return f"{m[2]} is not {TYPE_WORDS.get(m[1], (m[1], 'a ' + m[1]))[1]}"

    message = re.sub(r"không phải (\w+)$", vi, message)
    return re.sub(r"invalid (\w+) value: (.+)$", en, message)


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose error is one line in the interface language that says what to do next."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        with translated():  # section titles and -h are made here
            super().__init__(*args, **kwargs)

    def parse_args(self, args: Any = None, namespace: Any = None) -> Any:
        with translated():  # "unrecognized arguments" is worded here, outside parse_known_args
            return super().parse_args(args, namespace)

    def parse_known_args(self, args: Any = None, namespace: Any = None) -> Any:
        with translated():
            known, extras = super().parse_known_args(args, namespace)
        for action in self._actions:  # an empty FILE or CODE ("") is a slip of the shell, never meant
            value = getattr(known, action.dest, None)
            if not action.option_strings and isinstance(value, str) and not value.strip():
                name = action.metavar or action.dest
                self.error(t(f"{name} trống: ghi một giá trị", f"{name} is empty: give a value"))
        return known, extras

    def format_help(self) -> str:
        with translated():
            return super().format_help()

    def format_usage(self) -> str:
        with translated():
            return super().format_usage()

    def error(self, message: str) -> NoReturn:
        with translated():
            self.print_usage(sys.stderr)
            hint = t(f"Xem «{self.prog} -h».", f"See «{self.prog} -h».")
            text = _gettext("%(prog)s: error: %(message)s\n") % {
                "prog": self.prog,
                "message": f"{_reword(message).rstrip('.')}. {hint}",
            }
        self.exit(2, text)
