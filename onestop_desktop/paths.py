"""Where things live: bundled resources (checkout or PyInstaller bundle) and the user's data folder."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir

APP_NAME = "OneStopDesktop"
APP_AUTHOR = "OneStop"


def resources_root() -> Path:
    """The `resources/` folder, from a checkout, an installed package or the PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    override = os.environ.get("ONESTOP_RESOURCES")
    if override:
        return Path(override)
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(relative: str) -> Path:
    """Path of a bundled resource file, e.g. ``resource_path("fonts/DejaVuSans.ttf")``."""
    return resources_root() / relative


def data_dir() -> Path:
    """The user's data folder (created on demand); ONESTOP_DATA_DIR overrides it (tests, portable use)."""
    override = os.environ.get("ONESTOP_DATA_DIR")
    path = Path(override) if override else Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def forms_dir() -> Path:
    """Where the printed forms are written (the user's data folder); created on first use."""
    path = data_dir() / "forms"
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_database_path() -> Path:
    return data_dir() / "onestop.sqlite3"


def demo_database_path() -> Path:
    return data_dir() / "demo.sqlite3"
