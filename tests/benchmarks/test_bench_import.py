"""A 200,000-row old log book imported while a counter keeps saving dossiers; beside it, the same rows
inserted by hand-written SQL (sqlite3 executemany) in the same run.

Target: the import in under a minute, a counter's save never waiting for the whole import (it waited
186 s, then failed with "database is locked", when the import wrote row by row in one transaction).
Figures: read_check (read and check the workbook, no lock), write (stage the rows, then the one write
transaction), write_lock (from the write's first statement on the office's file to its commit: what a
counter may wait), index (search keys still pending: none on SQLite, written with the rows), total;
the counter's longest and median wait; peak RSS of the process.

Run: .venv/bin/pytest tests/benchmarks/test_bench_import.py --benchmark-only \
     -p no:cacheprovider -o addopts="" -s
The workbook is generated once (openpyxl write_only) and cached in /tmp/onestop-bench/.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import sqlite3
import statistics
import threading
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import event, func, select

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import run_in_transaction, session_scope
from onestop_desktop.db.models import Dossier, Procedure
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.dossiers import DocumentCount, NewDossier, register
from onestop_desktop.services.safety import audit_check
from onestop_desktop.services.tracking import logbook_import, logbook_write
from tests.conftest import login_as

N = int(os.environ.get("ONESTOP_BENCH_IMPORT_N", "200000"))
CACHE = Path(os.environ.get("ONESTOP_BENCH_DIR", "/tmp/onestop-bench"))
HEADERS = ["Mã hồ sơ", "Tên thủ tục", "Tên tổ chức, cá nhân", "Địa chỉ", "Số điện thoại", "Số CCCD",
           "Ngày nhận", "Ngày hẹn trả", "Ngày trả kết quả"]  # fmt: skip
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ"]
MIDDLE = ["Văn", "Thị", "Minh", "Ngọc", "Hữu", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Giang", "Hà", "Khánh", "Lan", "Mai", "Nam", "Phúc", "Quân"]


def log_book(procedures: list[str]) -> Path:
    """The generated workbook (cached: writing 200,000 rows takes about 15 s)."""
    path = CACHE / f"logbook-{N}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    CACHE.mkdir(parents=True, exist_ok=True)
    rnd = random.Random(2026)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Sổ")
    ws.append(["SỔ THEO DÕI HỒ SƠ (dữ liệu thử)"])
    ws.append(HEADERS)
    for i in range(N):
        received = datetime(2019, 1, 2, 7, 30) + timedelta(
            days=rnd.randrange(2000), minutes=rnd.randrange(540)
        )
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        returned = received + timedelta(days=rnd.randrange(1, 10)) if rnd.random() < 0.9 else None
        phone = f"0912{rnd.randrange(10**6):06d}"
        cid = f"0750{rnd.randrange(80, 100)}{rnd.randrange(10**6):06d}"  # born 1980-1999 in Đồng Nai
        ws.append([f"SO-{i:07d}", rnd.choice(procedures), name, "Ấp Bình Hòa, xã Xuân Bắc", phone, cid,
                   received, received + timedelta(days=10), returned])  # fmt: skip
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.rename(path)
    return path


def copy_db(src: Database, target: Path) -> Database:
    a, b = sqlite3.connect(str(src.url).split(":///", 1)[1]), sqlite3.connect(target)
    a.backup(b)
    a.close()
    b.close()
    return open_database(f"sqlite:///{target}")


class Counter(threading.Thread):
    """A clerk at the counter: saves a dossier through `dossiers.register` every 0.2 s, timing each save."""

    def __init__(self, db: Database) -> None:
        super().__init__(daemon=True)
        self.db, self.stop, self.waits, self.errors = db, threading.Event(), list[float](), list[str]()
        with session_scope(db.factory) as s:
            self.actor = login_as(db, "canbo")
            self.calendar = catalogue.working_calendar(s)
            code = s.scalar(select(Procedure.code).where(Procedure.active).order_by(Procedure.id).limit(1))
            assert code is not None
            self.procedure = code

    def run(self) -> None:
        n = 0
        while not self.stop.is_set():
            form = NewDossier(self.procedure, f"Người Quầy {chr(65 + n % 26)}", "075090000123", "0912345678",
                              documents=(DocumentCount("Tờ khai", originals=1),))  # fmt: skip
            t0 = time.perf_counter()
            try:
                run_in_transaction(
                    self.db.factory,
                    lambda s, f=form: register(s, self.actor, f, office.office_unit(s), self.calendar).code,
                )
            except Exception as exc:  # noqa: BLE001 - the benchmark reports it
                self.errors.append(type(exc).__name__)
            self.waits.append(time.perf_counter() - t0)
            n += 1
            time.sleep(0.2)


def raw_insert(db_path: Path, plan: logbook_import.ImportPlan, user_id: int, unit_id: int) -> float:
    """The same rows, dossiers + their events, by sqlite3 executemany in one transaction (search keys
    written with them, as a careful engineer would; no audit seals)."""
    const = {"unit_id": unit_id, "email": "", "channel": "direct", "documents": "[]",
             "receiving_user_id": user_id, "holder_user_id": user_id, "holder_department": "",
             "source": "import",
             "updated_at": now_local().isoformat(" "), "sets": 1, "apology_count": 0, "book_number": "",
             "book_sequence": 0}  # fmt: skip
    rows = [logbook_write._dossier_params(p, const) for p in plan.rows]
    for r in rows:
        for k in ("received_at", "due_at", "original_due_at", "resolved_at", "returned_at", "closed_at"):
            r[k] = r[k].isoformat(" ") if r[k] else None
    cols = list(rows[0])
    conn = sqlite3.connect(db_path, timeout=15)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    t0 = time.perf_counter()
    with conn:
        first = (conn.execute("SELECT coalesce(max(id), 0) FROM dossiers").fetchone()[0]) + 1
        conn.executemany(f"INSERT INTO dossiers ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                         [tuple(r[c] for c in cols) for r in rows])  # fmt: skip
        conn.executemany(
            "INSERT INTO dossier_events (dossier_id, user_id, at, action, to_status, note, data) "
            "VALUES (?, ?, ?, 'import', ?, '', '{}')",
            [(first + i, user_id, const["updated_at"], r["status"]) for i, r in enumerate(rows)],
        )
    conn.close()
    return time.perf_counter() - t0


def test_import_200000_rows_while_a_counter_saves(benchmark: Any, demo_db: Database, tmp_path: Path) -> None:
    with session_scope(demo_db.factory) as s:
        names = [p.name for p in s.scalars(select(Procedure).where(Procedure.active))]
    path = log_book(names)
    clerk = login_as(demo_db, "canbo")
    figures: dict[str, float] = {}

    def run() -> logbook_import.ImportPlan:
        db = copy_db(demo_db, tmp_path / f"run-{len(figures)}.sqlite3")
        counter = Counter(db)
        counter.start()
        with session_scope(db.factory) as s:
            head = audit_check.entry_count(s)  # the demo's entries, keyed under its own data folder
        rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        t0 = time.perf_counter()
        with session_scope(db.factory) as s:
            plan = logbook_import.plan_import(s, path)
        t1 = time.perf_counter()
        assert plan.ok, plan.report()[:2000]
        locked: list[float] = []
        importer = threading.current_thread()

        def first_write(_c: Any, _cur: Any, statement: str, *_args: Any) -> None:
            # the import's first statement on the office's file (the counter's own saves excepted)
            if (
                not locked
                and threading.current_thread() is importer
                and statement.startswith("INSERT INTO main.")
            ):
                locked.append(time.perf_counter())

        event.listen(db.engine, "before_cursor_execute", first_write)
        with session_scope(db.factory) as s:  # as the window and the command line call it
            logbook_import.apply_plan(s, clerk.user_id, plan, path.name, defer_search=True)
        t2 = time.perf_counter()
        event.remove(db.engine, "before_cursor_execute", first_write)
        logbook_import.index_pending(lambda: session_scope(db.factory))
        t3 = time.perf_counter()
        time.sleep(0.5)
        counter.stop.set()
        counter.join()
        figures.update(read_check=t1 - t0, write=t2 - t1, write_lock=t2 - locked[0], index=t3 - t2,
                       total=t3 - t0, peak_rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                       rss_before_mb=rss0 / 1024, longest_wait=max(counter.waits),
                       median_wait=statistics.median(counter.waits),
                       saves=len(counter.waits), failed_saves=len(counter.errors))  # fmt: skip
        with session_scope(db.factory) as s:
            imported = s.scalar(select(func.count()).where(Dossier.source == "import"))
            assert imported == N
            assert [f for f in audit_check.verify_chain(s) if f.entry_id > head] == []
            unit_id = office.office_unit(s).id
        db.engine.dispose()
        raw = copy_db(demo_db, tmp_path / "raw.sqlite3")
        raw.engine.dispose()
        figures["raw_sql_write"] = raw_insert(tmp_path / "raw.sqlite3", plan, clerk.user_id, unit_id)
        return plan

    benchmark.pedantic(run, rounds=1, iterations=1)
    print("\n" + "\n".join(f"{k}: {v:.2f}" for k, v in figures.items()))
    benchmark.extra_info.update(figures)
    assert figures["failed_saves"] == 0
    shutil.rmtree(tmp_path, ignore_errors=True)
