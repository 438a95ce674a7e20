"""Attaching a 20-page scan at 300 dpi: the time from the clerk's "Attach" to the moment the clerk can go
on (issue 14, "Speed"), beside two baselines.

The scan: 20 A4 pages at 300 dpi (2480 x 3508 pixels): white paper with scanner noise and lines of "text",
greyscale JPEG at quality 85, dpi 300 (what an office scanner's "300 dpi, JPEG" makes; ~0.35 MB a page).
Each round's pages differ by a few bytes after the first page's end marker (set before the clock starts),
so every round stores a new file: the content-addressed store never gets to skip the write. One demo
dossier per round, so the per-dossier limit (200 MB) never refuses.

Timed, round by round, interleaved on the same disk (pytest's temporary folder: ext4 on this machine):
- program: `scans.prepare` (20 JPEGs -> one PDF with img2pdf, page count, SHA-256) + `attach.attach` (size
  guard, the file into the store: tmp, fsync, rename, fsync of the folder; the rows, digitized_at, the
  audit entry) + the commit (synchronous=FULL, the rows' seals). Its halves are reported too: the window
  runs `prepare` on a worker thread when the pages arrive, `attach + commit` in a task on "Save";
- by hand: the same work with no program around it (img2pdf, SHA-256, tmp + fsync + rename + fsync of the
  folder, one INSERT by sqlite3 with synchronous=FULL);
- raw: the pages' bytes written as one plain file + fsync, one INSERT by sqlite3 (WAL, synchronous=FULL):
  the least any durable save of those bytes costs.

    .venv/bin/pytest tests/benchmarks/test_bench_attach.py --benchmark-only -o addopts="" \\
        -p no:cacheprovider -s
    .venv/bin/python -m tests.benchmarks.test_bench_attach   # the table of the last run

Results: /tmp/onestop-bench/attach.json.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment
from onestop_desktop.services.attachments import attach, scans
from tests.conftest import login_as

RESULTS = Path("/tmp/onestop-bench/attach.json")
ROUNDS = int(os.environ.get("ONESTOP_BENCH_ATTACH_ROUNDS", "12"))
WARM = 2  # rounds run first and not counted (imports, caches)
PAGES, SIZE = 20, (2480, 3508)
NAMES = {
    "program": "program: prepare + attach + commit",
    "prepare": "  prepare (worker thread)",
    "attach + commit": "  attach + commit (task)",
    "by hand": "by hand: img2pdf, hash, tmp + fsync + rename, insert",
    "raw": "raw: write + fsync + insert",
}


def scanned_page(seed: int) -> bytes:
    """A scanned A4 page: white paper, lines of "text", scanner noise; greyscale JPEG, quality 85."""
    from PIL import Image

    rnd = random.Random(seed)
    w, h = SIZE
    img = Image.effect_noise((w, h), 12).point(lambda v: 235 + v // 20)
    ink = Image.new("L", (w, h), 30)
    mask = Image.new("L", (w, h), 0)
    for y in range(300, h - 300, 70):
        x = 250
        while x < w - 250:
            word = rnd.randint(60, 260)
            mask.paste(255, (x, y, min(x + word, w - 250), y + 28))
            x += word + rnd.randint(25, 45)
    img.paste(ink, (0, 0), mask)
    out = io.BytesIO()
    img.save(out, format="JPEG", quality=85, dpi=(300, 300))
    return out.getvalue()


def _raw_db(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE files (name TEXT PRIMARY KEY, size INTEGER, pages INTEGER, at TEXT)")
    return conn


def _insert(conn: sqlite3.Connection, name: str, size: int) -> None:
    conn.execute("BEGIN")
    conn.execute("INSERT INTO files VALUES (?, ?, ?, datetime('now'))", (name, size, PAGES))
    conn.execute("COMMIT")


def _durable_write(path: Path, data: bytes) -> None:
    with open(path, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())


def _raw(conn: sqlite3.Connection, folder: Path, n: int, pages: list[bytes]) -> None:
    data = b"".join(pages)
    _durable_write(folder / f"scan-{n}.bin", data)
    _insert(conn, f"scan-{n}", len(data))


def _by_hand(conn: sqlite3.Connection, folder: Path, pages: list[bytes]) -> None:
    import img2pdf

    pdf = bytes(img2pdf.convert(pages))
    sha = hashlib.sha256(pdf).hexdigest()
    partial = folder / f"{sha}.partial"
    _durable_write(partial, pdf)
    os.replace(partial, folder / sha)
    fd = os.open(folder, os.O_RDONLY)
    os.fsync(fd)
    os.close(fd)
    _insert(conn, sha, len(pdf))


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_attach_a_20_page_scan_at_300_dpi(benchmark: Any, demo_db: Database, tmp_path: Path) -> None:
    clerk = login_as(demo_db, "canbo")
    total = ROUNDS + WARM
    with session_scope(demo_db.factory) as s:
        codes = list(
            s.scalars(
                select(Dossier.code)
                .where(func.json_array_length(Dossier.documents) >= 1)
                .order_by(Dossier.id.desc())
                .limit(total)
            )
        )
    assert len(codes) == total
    base = [scanned_page(i) for i in range(PAGES)]
    scan_mb = sum(map(len, base)) / 1024 / 1024
    (tmp_path / "raw").mkdir()
    (tmp_path / "by-hand").mkdir()
    raw_db, hand_db = _raw_db(tmp_path / "raw.sqlite3"), _raw_db(tmp_path / "by-hand.sqlite3")
    times: dict[str, list[float]] = {name: [] for name in NAMES}
    state = {"round": 0}

    def timed(name: str, work: Callable[[], object]) -> None:
        t = time.perf_counter()
        work()
        times[name].append(time.perf_counter() - t)

    def setup() -> tuple[tuple[list[bytes], str], dict[str, Any]]:
        n = state["round"]
        state["round"] += 1
        pages = [base[0] + n.to_bytes(4, "big"), *base[1:]]  # bytes after the end marker: a new file
        timed("raw", lambda: _raw(raw_db, tmp_path / "raw", n, pages))
        timed("by hand", lambda: _by_hand(hand_db, tmp_path / "by-hand", pages))
        return (pages, codes[n]), {}

    def program(pages: list[bytes], code: str) -> None:
        t0 = time.perf_counter()
        files = [scans.IncomingFile(f"trang-{i + 1:02d}.jpg", p) for i, p in enumerate(pages)]
        scan = scans.prepare(files, "Giấy tờ 20 trang.pdf")
        t1 = time.perf_counter()
        with session_scope(demo_db.factory) as s:
            attach.attach(s, clerk, code, 1, scan)
        t2 = time.perf_counter()
        times["prepare"].append(t1 - t0)
        times["attach + commit"].append(t2 - t1)
        times["program"].append(t2 - t0)
        assert scan.pages == PAGES

    try:
        benchmark.pedantic(program, setup=setup, rounds=total, iterations=1, warmup_rounds=0)
    finally:
        raw_db.close()
        hand_db.close()
    for values in times.values():
        del values[:WARM]
    entry: dict[str, Any] = {
        name: {
            "p50_ms": round(statistics.median(v) * 1000, 1),
            "p95_ms": round(_pct(v, 0.95) * 1000, 1),
            "rounds": len(v),
        }
        for name, v in times.items()
    }
    entry["scan"] = {"pages": PAGES, "size": f"{SIZE[0]}x{SIZE[1]}", "mb": round(scan_mb, 1)}
    benchmark.extra_info.update(entry)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**entry, "at": time.strftime("%Y-%m-%d %H:%M:%S")}, indent=1))
    print("\n" + table(entry))
    with session_scope(demo_db.factory) as s:  # every round landed, each a file of its own, whole
        rows = s.scalars(select(Attachment)).all()
        assert len(rows) == total and len({r.sha256 for r in rows}) == total
        store = attach.store_of(s)
        assert store is not None and all(store.verify(r.sha256) for r in rows[-2:])
        assert attach.list_attachments(s, codes[0])[0].pages == PAGES


def table(data: dict[str, Any]) -> str:
    scan = data["scan"]
    head = f"Attach {scan['pages']} pages {scan['size']} ({scan['mb']:.1f} MB of JPEG)"
    lines = [f"| {head} | p50 | p95 | rounds |", "|---|---|---|---|"]
    for name, label in NAMES.items():
        e = data[name]
        lines.append(f"| {label} | {e['p50_ms']:.1f} ms | {e['p95_ms']:.1f} ms | {e['rounds']} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(json.loads(RESULTS.read_text())))
