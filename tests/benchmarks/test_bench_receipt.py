"""Time from Save to the receipt PDF written: the intake service registers the dossier (code,
appointment, first event, audit) in its own transaction, then form 01 is rendered to a file.

Run: .venv/bin/pytest tests/benchmarks/test_bench_receipt.py --benchmark-only \
     -p no:cacheprovider -o addopts=""
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

from pypdf import PdfReader

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.reports.forms import render_receipt
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.intake import checks, receiving
from tests.conftest import login_as


def test_save_to_receipt_pdf(benchmark: Any, demo_db: Database, tmp_path: Path) -> None:
    clerk = login_as(demo_db, "canbo")
    counter = itertools.count()

    def save_and_print() -> Path:
        n = next(counter)
        form = checks.IntakeForm(
            procedure_code="1.001193",
            applicant_name="Nguyễn Văn An",
            citizen_id=f"0750900{n:05d}",
            phone="0912345678",
            street="Ấp Bình Hòa",
            address_unit_code="26428",
            documents=(
                DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),
                DocumentCount("Giấy chứng sinh", 1),
            ),
        )
        with session_scope(demo_db.factory) as s:
            received = receiving.receive(s, clerk, form)
        path = tmp_path / f"{received.registered.code}.pdf"
        render_receipt(received.receipt, path)
        return path

    path = benchmark.pedantic(save_and_print, rounds=30, iterations=1, warmup_rounds=2)
    assert "Nguyễn Văn An" in PdfReader(path).pages[0].extract_text()
