"""Sentences for the user as a message id with parameters, put into words at the edge (vi or en)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from onestop_desktop.domain.fmt import fmt_num

__all__ = ["CATALOGUE", "LANGUAGES", "Msg", "Num", "Text", "define", "msg", "plural_en"]

LANGUAGES = ("vi", "en")

# English text: one string, or (singular, plural) when the sentence counts something: the parameter "n"
# picks the form. Vietnamese has one form ("3 hồ sơ", "1 hồ sơ").
EnglishForms = str | tuple[str, str]

_catalogue: dict[str, tuple[str, EnglishForms]] = {}
CATALOGUE: Mapping[str, tuple[str, EnglishForms]] = MappingProxyType(_catalogue)


def define(key: str, vi: str, en: EnglishForms) -> str:
    """Register the two wordings of message `key` (placeholders `{name}`); returns the key."""
    known = _catalogue.get(key)
    if known is not None and known != (vi, en):
        raise ValueError(f"message {key!r} defined twice with different texts")
    _catalogue[key] = (vi, en)
    return key


def plural_en(n: int, one: str, other: str) -> str:
    return one if n == 1 else other


def _number(value: int, language: str) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if language == "vi" else grouped


@dataclass(frozen=True)
class Num:
    """A number parameter: "6.092", "98,63 %" in Vietnamese; "6,092", "98.63%" in English."""

    value: float
    decimals: int = 0
    percent: bool = False

    def text(self, language: str) -> str:
        vi = fmt_num(self.value, self.decimals)
        if language == "vi":
            return f"{vi} %" if self.percent else vi
        en = vi.translate(str.maketrans(".,", ",."))
        return f"{en}%" if self.percent else en


@dataclass(frozen=True)
class Text:
    """A parameter already worded in both languages (a period's name, say)."""

    vi: str
    en: str

    def text(self, language: str) -> str:
        return self.en if language == "en" else self.vi


@dataclass(frozen=True)
class Msg:
    """A message id and its parameters; parameters may be messages themselves (rendered alike)."""

    key: str
    params: tuple[tuple[str, object], ...] = ()

    def text(self, language: str = "vi") -> str:
        vi, en = _catalogue[self.key]
        values = dict(self.params)
        if language == "en":
            count = values.get("n", 0)
            template = en if isinstance(en, str) else plural_en(count if isinstance(count, int) else 0, *en)
        else:
            template = vi
        shown: dict[str, str] = {}
        for name, value in values.items():
            if isinstance(value, Msg | Num | Text):
                shown[name] = value.text(language)
            elif isinstance(value, int) and not isinstance(value, bool):
                shown[name] = _number(value, language)
            else:
                shown[name] = str(value)
        return template.format(**shown)

    def __str__(self) -> str:
        """Vietnamese, the program's first language (command line, printed documents)."""
        return self.text("vi")


def msg(key: str, **params: object) -> Msg:
    if key not in _catalogue:
        raise KeyError(f"unknown message {key!r}")
    return Msg(key, tuple(params.items()))
