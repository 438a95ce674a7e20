"""The house keeps its shape: no module over 400 lines (docs/ARCHITECTURE.md; the import contracts are
checked by `lint-imports` in scripts/run-tests.sh)."""

from __future__ import annotations

from pathlib import Path

import onestop_desktop

PACKAGE = Path(onestop_desktop.__file__).resolve().parent
MAX_LINES = 400


def test_no_module_over_400_lines() -> None:
    too_long = {
        str(p.relative_to(PACKAGE)): n
        for p in PACKAGE.rglob("*.py")
        if "migrations" not in p.parts and (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert too_long == {}, f"split these by what they are about: {too_long}"


def test_every_folder_is_a_package() -> None:
    """A folder without __init__.py would escape setuptools' package list and the import contracts."""
    missing = [
        str(d.relative_to(PACKAGE))
        for d in PACKAGE.rglob("*")
        if d.is_dir()
        and "migrations" not in d.parts  # Alembic's script folder, loaded by path
        and any(d.glob("*.py"))
        and not (d / "__init__.py").exists()
    ]
    assert missing == []
