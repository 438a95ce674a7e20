"""Every page of the briefing carries the audit chain's head in small type: a paper anchor."""

from __future__ import annotations

import io

from pypdf import PdfReader

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.reports.briefing import render_briefing
from onestop_desktop.services import audit
from onestop_desktop.services.reports.report_data import build_report


def test_every_briefing_page_prints_the_head(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        data = build_report(s, parse_period("2018-10"))
        head = audit.format_head(audit.chain_head(s))
    assert data.audit_head == head and head.split(":")[0] != "0"
    buf = io.BytesIO()
    render_briefing(data, buf)
    pages = PdfReader(io.BytesIO(buf.getvalue())).pages
    assert len(pages) >= 2
    for page in pages:
        text = "".join(page.extract_text().split())  # the 64-digit code may wrap in extraction
        assert f"Đầuchuỗinhậtkýkiểmtra:{head}" in text
