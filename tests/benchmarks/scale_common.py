"""What the scale benchmarks share: the two backends (1,000,000 dossiers on SQLite and PostgreSQL), the
side-by-side timing of program and raw SQL, the results file, and the form a save benchmark saves.

The databases: bench_db.py (SQLite file) and bench_pg.py (its PostgreSQL twin), built once and cached
under /tmp/onestop-bench/. Results go to /tmp/onestop-bench/scale-results-<N>.json.
"""

from __future__ import annotations

import json
import os
import statistics
import time
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.periods import month, year
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import DocumentCount, NewDossier
from tests.benchmarks import raw_sql
from tests.benchmarks.bench_db import N
from tests.benchmarks.bench_pg import CACHE

ROOT = Path(__file__).resolve().parents[2]
RESULTS = CACHE / f"scale-results-{N}.json"
NOW = datetime(2026, 11, 17, 9, 0)
KEYSTROKE = "nguyen van"
SAVES = int(os.environ.get("ONESTOP_BENCH_SAVES", "200"))
STARTS = int(os.environ.get("ONESTOP_BENCH_STARTS", "5"))
TARGETS = {"save": 20.0, "month report figures": 30.0, "year report figures": 30.0, "cold start": 500.0}


# --- the two backends ------------------------------------------------------------------------------


class Backend:
    def __init__(self, name: str, url: str) -> None:
        self.name, self.url = name, url
        self.db: Database = open_database(url)
        self.raw = raw_sql.Raw(url)
        with session_scope(self.db.factory) as s:
            self.calendar = catalogue.working_calendar(s)
            self.unit = office.office_unit(s)
            # the generated data's last month (it ends on 1 November 2026) and the last full year before
            # it; the dossiers the save benchmark adds (dated today) must not move the periods
            latest = s.scalar(select(func.max(Dossier.received_at)).where(Dossier.source == "scale"))
        assert latest is not None
        self.month = month(latest.year, latest.month)
        self.year = year(latest.year - 1)

    def close(self) -> None:
        self.raw.close()
        self.db.engine.dispose()


# --- measuring and recording -----------------------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def record(backend: str, figure: str, entry: dict[str, Any]) -> None:
    data = json.loads(RESULTS.read_text()) if RESULTS.exists() else {}
    data.setdefault(backend, {})[figure] = {**entry, "at": time.strftime("%Y-%m-%d %H:%M:%S")}
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(data, indent=1, ensure_ascii=False))


def compare(
    benchmark: Any,
    backend: Backend,
    figure: str,
    program: Callable[[], Any],
    raw: Callable[[], Any],
    rounds: int,
) -> tuple[Any, Any]:
    """Time `program` with pytest-benchmark and `raw` in each round's (untimed) setup, interleaved."""
    prog_t: list[float] = []
    raw_t: list[float] = []
    out: list[Any] = [program(), raw()]  # warm caches alike

    def setup() -> None:
        t = time.perf_counter()
        out[1] = raw()
        raw_t.append(time.perf_counter() - t)

    def run() -> None:
        t = time.perf_counter()
        out[0] = program()
        prog_t.append(time.perf_counter() - t)

    benchmark.pedantic(run, setup=setup, rounds=rounds, iterations=1, warmup_rounds=0)
    p50, r50 = statistics.median(prog_t) * 1000, statistics.median(raw_t) * 1000
    entry = {
        "program_p50_ms": round(p50, 2),
        "program_p95_ms": round(pct(prog_t, 0.95) * 1000, 2),
        "raw_p50_ms": round(r50, 2),
        "raw_p95_ms": round(pct(raw_t, 0.95) * 1000, 2),
        "overhead_pct": round((p50 / r50 - 1) * 100, 1),
        "rounds": rounds,
    }
    benchmark.extra_info.update(entry)
    record(backend.name, figure, entry)
    return out[0], out[1]


def save_form(n: int) -> NewDossier:
    return NewDossier(
        procedure_code="1.001193",
        applicant_name="Nguyễn Văn An",
        citizen_id=f"0750900{n:05d}",
        phone="0912345678",
        address="Ấp Bình Hòa",
        address_unit_code="26428",
        documents=(
            DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),
            DocumentCount("Giấy chứng sinh", 1),
        ),
    )
