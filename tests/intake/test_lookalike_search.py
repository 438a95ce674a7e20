"""A name typed with the look-alike Ð (U+00D0) is found by its plain spelling: counter and tracking."""

from __future__ import annotations

from datetime import datetime

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.intake import checks
from onestop_desktop.services.intake import lookup as intake_lookup
from onestop_desktop.services.intake import receiving as intake_receiving
from onestop_desktop.services.tracking import query as tracking_query
from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter
from tests.conftest import login_as

CAL = WorkingCalendar()
ETH_NAME = "\u00d0\u1ed6 V\u0102N AN"  # "ÐỖ VĂN AN" with the Icelandic eth, not Đ (U+0110)


def test_eth_name_found_by_plain_spelling(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    form = checks.IntakeForm(
        procedure_code="1.001193",
        applicant_name=ETH_NAME,
        citizen_id="075090007777",
        phone="0912 345 777",
        street="Ấp 1",
        address_unit_code="26428",
        documents=(DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),),
    )
    with session_scope(demo_db.factory) as s:
        code = intake_receiving.receive(
            s, clerk, form, received_at=datetime(2026, 11, 23, 9, 0)
        ).registered.code
    assert ETH_NAME[0] == "\u00d0"
    for query in ("do van an", "Đỗ Văn An", "DO VAN"):
        with session_scope(demo_db.factory) as s:
            found = intake_lookup.lookup(s, query, limit=5000)
            rows = tracking_query.query_rows(
                s,
                TrackingFilter(quick="all", text=query),
                Sort(),
                0,
                20000,
                Today.at(datetime(2026, 11, 25, 9, 0), CAL),
                CAL,
            )
        assert code in {d.code for d in found.candidates}, query
        assert code in {r.code for r in rows}, query
