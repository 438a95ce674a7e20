"""Typed user preferences shared by the window and the command line (a small JSON file)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields

from onestop_desktop.paths import data_dir

LANGUAGES = ("vi", "en")


@dataclass
class Prefs:
    language: str = "vi"
    backup_folder: str = ""
    scanner_folder: str = ""  # where the office's scanner software drops its files (the intake tray)


def _file() -> os.PathLike[str]:
    return data_dir() / "preferences.json"


def load() -> Prefs:
    try:
        raw = json.loads(open(_file(), encoding="utf-8").read())
    except (OSError, ValueError):
        raw = {}
    known = {f.name for f in fields(Prefs)}
    prefs = Prefs(**{k: v for k, v in raw.items() if k in known})
    env = os.environ.get("ONESTOP_LANG")
    if env in LANGUAGES:
        prefs.language = env
    if prefs.language not in LANGUAGES:
        prefs.language = "vi"
    return prefs


def save(prefs: Prefs) -> None:
    path = _file()
    tmp = f"{os.fspath(path)}.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(asdict(prefs), fh, ensure_ascii=False, indent=1)
    os.replace(tmp, path)


def t(vi: str, en: str) -> str:
    """Pick the text for the interface language (command-line help and messages)."""
    return en if load().language == "en" else vi
