"""Reading, updating and compiling the Qt `.ts` translation files (no GUI needed).

Areas: each sub-package of `onestop_desktop/ui` is one area (its own .ts file), and the modules
directly in `ui/` form the area "shell". Several people can then translate at once.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

import PySide6

from onestop_desktop.paths import resource_path

UI_DIR = Path(__file__).resolve().parent / "ui"


def _tool(name: str) -> str:
    exe = Path(PySide6.__file__).resolve().parent / name
    if exe.exists():
        return str(exe)
    found = shutil.which(f"pyside6-{name}") or shutil.which(name)
    if not found:
        raise FileNotFoundError(f"Qt tool {name} not found")
    return found


def ts_dir() -> Path:
    return resource_path("i18n/vi")


def areas() -> dict[str, list[Path]]:
    result: dict[str, list[Path]] = {"shell": sorted(UI_DIR.glob("*.py"))}
    for sub in sorted(p for p in UI_DIR.iterdir() if p.is_dir() and (p / "__init__.py").exists()):
        result[sub.name] = sorted(sub.rglob("*.py"))
    return result


def ts_file(area: str) -> Path:
    return ts_dir() / f"{area}.ts"


def lupdate(files: list[Path], target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            _tool("lupdate"),
            *map(str, files),
            "-no-obsolete",
            "-locations",
            "none",
            "-target-language",
            "vi_VN",
            "-ts",
            str(target),
        ],
        check=True,
        capture_output=True,
    )


def update_area(area: str) -> Path:
    target = ts_file(area)
    lupdate(areas()[area], target)
    return target


def read_ts(area_or_path: str | Path) -> dict[tuple[str, str], str]:
    """(context, source) -> translation ('' when unfinished)."""
    path = area_or_path if isinstance(area_or_path, Path) else ts_file(area_or_path)
    if not path.exists():
        return {}
    out: dict[tuple[str, str], str] = {}
    for ctx in ET.parse(path).getroot().iter("context"):
        name = ctx.findtext("name") or ""
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            done = tr is not None and tr.get("type") not in ("unfinished", "vanished", "obsolete")
            out[(name, msg.findtext("source") or "")] = (tr.text or "") if done and tr is not None else ""
    return out


def fill(area: str, mapping: dict[str, dict[str, str]]) -> int:
    path = ts_file(area)
    tree = ET.parse(path)
    n = 0
    for ctx in tree.getroot().iter("context"):
        texts = mapping.get(ctx.findtext("name") or "", {})
        for msg in ctx.iter("message"):
            src = msg.findtext("source") or ""
            tr = msg.find("translation")
            if src in texts and texts[src] and tr is not None:
                tr.text = texts[src]
                tr.attrib.pop("type", None)
                n += 1
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return n


def missing_translations() -> list[tuple[str, str]]:
    """Every (context, source) in the interface code without a finished Vietnamese translation."""
    known: dict[tuple[str, str], str] = {}
    for ts in ts_dir().glob("*.ts"):
        known.update({k: v for k, v in read_ts(ts).items() if v})
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "all.ts"
        files = [f for fs in areas().values() for f in fs]
        lupdate(files, fresh)
        wanted = read_ts(fresh)
    return sorted(k for k in wanted if k not in known)


def compile_ts(ts: Path, qm: Path) -> None:
    qm.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run([_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, capture_output=True)
