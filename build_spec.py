"""Build the one-folder PyInstaller bundle: `python build_spec.py [--dist DIR]`.

Fonts, translations (compiled to .qm here), catalogue and demo data, the Alembic migrations and the
`holidays` package's data travel inside it; the other Qt bindings are excluded (PyInstaller aborts
when two are importable). On Windows run the same command in a venv with the package installed; the
result is `dist/onestop-desktop/onestop-desktop.exe`.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent
SEP = os.pathsep


def compile_translations(target: Path) -> Path:
    """Copy resources/ and put the compiled .qm beside each .ts (the bundle has no lrelease)."""
    sys.path.insert(0, str(ROOT))
    from onestop_desktop.i18n_files import compile_ts

    staged = target / "resources"
    shutil.copytree(ROOT / "resources", staged, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    for ts in (staged / "i18n" / "vi").glob("*.ts"):
        compile_ts(ts, ts.with_suffix(".qm"))
    return staged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dist", default=str(ROOT / "dist"), help="output folder")
    parser.add_argument("--work", default=str(ROOT / "build"), help="PyInstaller's work folder")
    args = parser.parse_args(argv)

    import PyInstaller.__main__

    with tempfile.TemporaryDirectory() as tmp:
        resources = compile_translations(Path(tmp))
        migrations = ROOT / "onestop_desktop" / "db" / "migrations"
        entry = Path(tmp) / "onestop_desktop_main.py"
        entry.write_text("from onestop_desktop.cli import main\nraise SystemExit(main())\n", encoding="utf-8")
        PyInstaller.__main__.run(
            [
                str(entry),
                "--name",
                "onestop-desktop",
                "--onedir",
                "--noconfirm",
                "--clean",
                "--log-level",
                "WARN",
                "--distpath",
                args.dist,
                "--workpath",
                args.work,
                "--specpath",
                tmp,
                "--paths",
                str(ROOT),
                "--add-data",
                f"{resources}{SEP}resources",
                "--add-data",
                f"{migrations}{SEP}onestop_desktop/db/migrations",
                "--collect-submodules",
                "onestop_desktop",
                "--collect-data",
                "holidays",
                "--collect-submodules",
                "holidays",
                "--hidden-import",
                "sqlalchemy.dialects.sqlite",
                "--hidden-import",
                "sqlalchemy.dialects.postgresql",
                "--hidden-import",
                "PySide6.QtPdf",
                "--hidden-import",
                "PySide6.QtPrintSupport",
                "--hidden-import",
                "matplotlib.backends.backend_qtagg",
                "--hidden-import",
                "matplotlib.backends.backend_agg",
                *[
                    a
                    for name in ("PyQt5", "PyQt6", "PySide2", "tkinter", "IPython")
                    for a in ("--exclude-module", name)
                ],
            ]
        )
    exe = (
        Path(args.dist)
        / "onestop-desktop"
        / ("onestop-desktop.exe" if os.name == "nt" else "onestop-desktop")
    )
    print(f"built {exe}")
    return 0 if exe.exists() else 1


if __name__ == "__main__":
    raise SystemExit(main())
