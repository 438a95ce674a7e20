"""The demo's October 2018 report reproduces the source story (district news item of 25/10/2018)."""

from __future__ import annotations

import json

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.services.reports import counts as statistics_counts
from onestop_desktop.services.reports import statistics
from onestop_desktop.services.reports.report_data import ReportData, build_report
from onestop_desktop.services.reports.summary import summary_sentences


@pytest.fixture(scope="module")
def october(demo_db_file) -> ReportData:  # type: ignore[no-untyped-def]
    from onestop_desktop.bootstrap import open_database

    db = open_database(f"sqlite:///{demo_db_file}")
    with session_scope(db.factory) as s:
        data = build_report(s, parse_period("2018-10"))
    db.engine.dispose()
    return data


def test_dossier_figures_of_the_article(october: ReportData) -> None:
    c = october.totals
    assert c.received == 6092
    assert (c.carried_over, c.received_new) == (1349, 4743)
    assert c.good == 6000  # resolved early / on time + still within deadline
    assert c.bad == 92
    assert c.on_time_or_within_rate == 98.49  # 6,000 / 6,092; the article printed 98.63
    assert "6.000 / 6.092 = 98,49 %" in october.stats.formula_vi
    assert c.received == c.resolved + c.in_progress
    assert c.received_new == c.received_online + c.received_direct
    land = next(r for r in october.stats.by_field if r.key == "DD")
    assert land.counts.bad == 62  # lateness concentrates in land
    assert october.stats.late_count == 92 and len(october.stats.late) == 92
    assert all(x.reason for x in october.stats.late)


def test_breakdowns_sum_to_totals(october: ReportData) -> None:
    s = october.stats
    for rows in (s.by_field, s.by_procedure, s.by_unit, s.by_officer):
        assert sum((r.counts for r in rows), statistics_counts.Counts()) == s.totals


def test_indicators_of_the_article(october: ReportData) -> None:
    acc = october.indicator("eoffice_accounts_active")
    docs = october.indicator("edocs_sent_received")
    assert acc is not None and docs is not None
    assert (acc.value, acc.total, acc.rate) == (655, 658, 99.54)
    assert docs.value == 7949


def test_bhyt_of_the_article(october: ReportData) -> None:
    b = october.bhyt
    assert b is not None
    assert (b.insured, b.population) == (199467, 240986)
    assert round(b.coverage, 2) == 82.77
    rates = {u.name.split(" ", 1)[1]: round(u.coverage, 2) for u in b.units}
    assert rates["Xuân Định"] == 93.94
    assert rates["Xuân Phú"] == 92.87
    assert rates["Xuân Thọ"] == 90.33
    assert rates["Xuân Tâm"] == 75.14
    assert rates["Xuân Hòa"] == 75.84
    assert rates["Xuân Bắc"] == 75.68
    assert [u.name for u in b.top] == ["Xã Xuân Định", "Xã Xuân Phú", "Xã Xuân Thọ"]
    assert {u.name for u in b.bottom} == {"Xã Xuân Tâm", "Xã Xuân Hòa", "Xã Xuân Bắc"}
    assert b.change_points is not None and b.change_points > 0  # up on last month
    text = " ".join(summary_sentences(october))
    assert "199.467/240.986" in text and "82,77 %" in text and "Xuân Định 93,94 %" in text


def test_json_shape(october: ReportData) -> None:
    j = json.loads(json.dumps(october.to_json(), ensure_ascii=False))
    assert j["period"]["start"] == "2018-10-01" and j["period"]["end"] == "2018-10-31"
    keys = {
        "received",
        "carried_over",
        "received_online",
        "received_direct",
        "resolved",
        "resolved_early",
        "resolved_on_time",
        "resolved_late",
        "in_progress",
        "in_progress_within",
        "in_progress_overdue",
        "on_time_rate",
        "on_time_or_within_rate",
    }
    assert keys <= set(j["dossiers"])
    assert j["dossiers"]["received"] == 6092 and j["dossiers"]["on_time_or_within_rate"] == 98.49
    assert j["by_field"] and all(keys | {"field"} <= set(r) for r in j["by_field"])
    assert sum(r["received"] for r in j["by_field"]) == 6092
    for rate in (j["dossiers"]["on_time_rate"], *(r["on_time_rate"] for r in j["by_field"])):
        assert rate is None or round(rate, 2) == rate
    assert j["indicators"]["eoffice_accounts_active"] == 655
    assert j["indicators"]["edocs_sent_received"] == 7949
    if j["bhyt"] is not None:
        assert {"insured", "population", "coverage", "units"} <= set(j["bhyt"])
        assert j["bhyt"]["coverage"] == 82.77
        for u in j["bhyt"]["units"]:
            assert {"code", "name", "insured", "population", "coverage", "target"} <= set(u)


@pytest.mark.parametrize("code", ["2018-09", "2018-Q4", "2018", "2018-09-15..2018-10-14", "2018-11"])
def test_identities_hold_for_every_period(demo_db: Database, code: str) -> None:
    with session_scope(demo_db.factory) as s:
        st = statistics.period_stats(s, parse_period(code))
    c = st.totals
    assert c.received == c.resolved + c.in_progress
    assert c.received == c.carried_over + c.received_online + c.received_direct
    assert c.good + c.bad == c.received
    assert sum((r.counts for r in st.by_field), statistics_counts.Counts()) == c


def test_carried_over_equals_previous_in_progress(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        sept = statistics.period_totals(s, parse_period("2018-09"))
        octo = statistics.period_totals(s, parse_period("2018-10"))
    assert octo.carried_over == sept.in_progress == 1349


@pytest.mark.parametrize("code", ["2018-09", "2018-10", "2018-09-15..2018-10-14", "2018-11"])
def test_both_index_paths_count_the_same(demo_db: Database, code: str) -> None:
    """Carried-over dossiers are found through received_at or resolved_at: the same rows either way."""
    from sqlalchemy import select

    period = parse_period(code)
    with session_scope(demo_db.factory) as s:
        results = []
        for by_received in (True, False):
            sub = statistics._scope(period, by_received)
            row = s.execute(select(*statistics._columns(period, sub.c))).one()
            results.append(statistics._counts(row))
        assert results[0] == results[1] == statistics.period_totals(s, period)
