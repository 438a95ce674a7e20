"""What a save costs once it survives a power cut: one dossier saved with `synchronous=FULL` (the
program's setting since issue 13) and with `NORMAL` (before), each beside the hand-written SQL doing the
same work (tests/benchmarks/raw_sql.py) at the same setting, all four interleaved round by round.

In WAL mode NORMAL syncs the WAL only at checkpoints, so the last commits may roll back after a power
loss; FULL syncs the WAL on every commit (https://www.sqlite.org/pragma.html#pragma_synchronous,
https://www.sqlite.org/wal.html). The difference is one fsync per save, so the figure depends on the
disk: the database lives in pytest's temporary folder, on the machine's real disk (not a tmpfs).

    .venv/bin/pytest tests/benchmarks/test_bench_save_durability.py --benchmark-only \\
        -o addopts="" -p no:cacheprovider
    .venv/bin/python -m tests.benchmarks.test_bench_save_durability   # the table of the last run

Results: /tmp/onestop-bench/save-durability.json.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import make_engine, make_session_factory, run_in_transaction, session_scope
from onestop_desktop.domain.text import vi_name_sort_key
from onestop_desktop.services import dossiers
from onestop_desktop.services.catalogue import catalogue, office
from tests.benchmarks import raw_sql
from tests.benchmarks.scale_common import save_form
from tests.conftest import login_as

RESULTS = Path("/tmp/onestop-bench/save-durability.json")
ROUNDS = int(os.environ.get("ONESTOP_BENCH_SAVES", "200"))
LEVELS = ("FULL", "NORMAL")


def _saved(url: str) -> int:
    conn = sqlite3.connect(url.split(":///", 1)[1])
    try:
        sql = "SELECT count(*) FROM dossiers WHERE citizen_id LIKE '0750900%'"
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def test_save_one_dossier_full_vs_normal(
    benchmark: Any, demo_db: Database, demo_db_file: Path, tmp_path: Path
) -> None:
    """pytest-benchmark times the program's save at FULL; the other three are timed in each round's setup."""
    clerk = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        calendar = catalogue.working_calendar(s)
        unit = office.office_unit(s)
    assert unit.office_code
    counter = itertools.count()
    before = _saved(demo_db.url)  # the demo's own dossiers with such numbers
    sort_key = vi_name_sort_key("Nguyễn Văn An")
    factories = {level: make_session_factory(make_engine(demo_db.url, synchronous=level)) for level in LEVELS}
    # The raw SQL writes its own copy of the same file (on the same disk): rows it writes by hand would
    # otherwise sit in the program's audit chain, which the program then has to account for.
    raw_file = tmp_path / "raw.sqlite3"
    src, dst = sqlite3.connect(demo_db_file), sqlite3.connect(raw_file)
    src.backup(dst)
    src.close()
    dst.close()
    raws = {level: raw_sql.Raw(f"sqlite:///{raw_file}") for level in LEVELS}
    for level, raw in raws.items():
        raw.conn.execute(f"PRAGMA synchronous={level}")
        assert raw.conn.execute("PRAGMA synchronous").fetchone()[0] == {"FULL": 2, "NORMAL": 1}[level]

    def program(level: str) -> Callable[[], int]:
        factory = factories[level]

        def save() -> int:
            form = save_form(next(counter))
            return run_in_transaction(factory, lambda s: dossiers.register(s, clerk, form, unit, calendar).id)

        return save

    def raw(level: str) -> Callable[[], int]:
        def save() -> int:
            assert unit.office_code
            form = save_form(next(counter))
            return raw_sql.save_dossier(
                raws[level], clerk.user_id, unit.office_code, unit.id, form, calendar, sort_key
            )

        return save

    runs = {f"program {level}": program(level) for level in LEVELS} | {
        f"raw SQL {level}": raw(level) for level in LEVELS
    }
    times: dict[str, list[float]] = {name: [] for name in runs}
    for work in runs.values():  # warm every connection and cache alike
        work()

    def timed(name: str) -> None:
        t = time.perf_counter()
        runs[name]()
        times[name].append(time.perf_counter() - t)

    def setup() -> None:
        for name in ("program NORMAL", "raw SQL FULL", "raw SQL NORMAL"):
            timed(name)

    try:
        benchmark.pedantic(lambda: timed("program FULL"), setup=setup, rounds=ROUNDS, iterations=1)
    finally:
        for r in raws.values():
            r.close()
        for f in factories.values():
            f.kw["bind"].dispose()
    entry = {
        name: {
            "p50_ms": round(statistics.median(values) * 1000, 2),
            "p95_ms": round(_pct(values, 0.95) * 1000, 2),
            "rounds": len(values),
        }
        for name, values in times.items()
    }
    benchmark.extra_info.update(entry)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**entry, "at": time.strftime("%Y-%m-%d %H:%M:%S")}, indent=1))
    saved = _saved(demo_db.url) + _saved(f"sqlite:///{raw_file}")  # every save landed
    assert saved - 2 * before == sum(len(v) for v in times.values()) + len(runs)


def table(data: dict[str, Any]) -> str:
    lines = ["| Save of one dossier | p50 | p95 |", "|---|---|---|"]
    for name in ("program FULL", "program NORMAL", "raw SQL FULL", "raw SQL NORMAL"):
        e = data[name]
        lines.append(f"| {name} | {e['p50_ms']:.2f} ms | {e['p95_ms']:.2f} ms |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(table(json.loads(RESULTS.read_text())))
