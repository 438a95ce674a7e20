"""Translations: Qt `.ts` files under resources/i18n/vi, one per interface area.

python scripts/i18n.py update          refresh every area's .ts from the source (keeps translations)
python scripts/i18n.py todo [AREA]     print the untranslated strings as JSON {context: {source: ""}}
python scripts/i18n.py fill AREA F     fill translations from a JSON file {context: {source: text}}
python scripts/i18n.py check           exit 1 and list every visible string without Vietnamese
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from onestop_desktop.i18n_files import (  # noqa: E402
    areas,
    fill,
    missing_translations,
    read_ts,
    update_area,
)


def main(argv: list[str]) -> int:
    cmd = argv[0] if argv else "check"
    if cmd == "update":
        for area in argv[1:] or list(areas()):
            update_area(area)
        return 0
    if cmd == "todo":
        chosen = argv[1:] or list(areas())
        out: dict[str, dict[str, str]] = {}
        for area in chosen:
            for (ctx, src), text in read_ts(area).items():
                if not text:
                    out.setdefault(ctx, {})[src] = ""
        print(json.dumps(out, ensure_ascii=False, indent=1))
        return 0
    if cmd == "fill":
        n = fill(argv[1], json.loads(Path(argv[2]).read_text(encoding="utf-8")))
        print(f"filled {n}")
        return 0
    if cmd == "check":
        missing = missing_translations()
        for ctx, src in missing:
            print(f"{ctx}: {src!r}")
        return 1 if missing else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
