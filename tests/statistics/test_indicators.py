"""Monthly reform indicators: leaders enter them, every change is audited, history and periods."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.services.errors import PermissionDenied, ValidationFailed
from onestop_desktop.services.reports import indicators
from tests.conftest import login_as

OCT = date(2018, 10, 1)


def test_demo_values(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        values = indicators.to_json(indicators.period_indicators(s, parse_period("2018-10")))
    assert values["eoffice_accounts_active"] == 655
    assert values["eoffice_accounts_active_total"] == 658
    assert values["eoffice_accounts_active_rate"] == 99.54
    assert values["edocs_sent_received"] == 7949
    assert values["online_level3_procedures"] == 62


def test_quarter_sums_counts_and_takes_latest_ratio(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        q3 = indicators.to_json(indicators.period_indicators(s, parse_period("2018-Q3")))
        both = indicators.to_json(indicators.period_indicators(s, parse_period("2018-09-01..2018-10-31")))
    assert q3["edocs_sent_received"] == 7612
    assert both["edocs_sent_received"] == 7612 + 7949
    assert both["eoffice_accounts_active"] == 655  # the latest month's ratio


def test_leader_enters_clerk_refused_and_audited(demo_db: Database) -> None:
    leader, clerk = login_as(demo_db, "lanhdao"), login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        with pytest.raises(PermissionDenied):
            indicators.set_value(s, clerk, "edocs_sent_received", OCT, 8000)
    with session_scope(demo_db.factory) as s:
        v = indicators.set_value(s, leader, "edocs_sent_received", OCT, 8000)
        assert v.value == 8000 and v.entered_by == "Trần Văn Bình"
        nov = indicators.set_value(s, leader, "eoffice_accounts_active", date(2018, 11, 20), 657, 658)
        assert nov.month == date(2018, 11, 1) and nov.rate == 99.85
    with session_scope(demo_db.factory) as s:
        entries = s.scalars(select(AuditEntry).where(AuditEntry.entity == "indicator")).all()
        assert {(e.entity_id, e.action) for e in entries} == {
            ("edocs_sent_received:2018-10-01", "update"),
            ("eoffice_accounts_active:2018-11-01", "create"),
        }
        before = next(e for e in entries if e.action == "update").before
        assert before == {"value": 7949.0, "total": None}
        hist = indicators.history(s, "eoffice_accounts_active")
    assert [(h.month.month, h.value) for h in hist] == [(9, 651), (10, 655), (11, 657)]


@pytest.mark.parametrize(
    ("value", "total", "field"),
    [(-1, 658, "value"), (700, 658, "value"), (655, None, "total"), (655, 0, "total")],
)
def test_validation(demo_db: Database, value: float, total: float | None, field: str) -> None:
    leader = login_as(demo_db, "lanhdao")
    with session_scope(demo_db.factory) as s:
        with pytest.raises(ValidationFailed) as info:
            indicators.set_value(s, leader, "eoffice_accounts_active", OCT, value, total)
    assert field in info.value.errors
