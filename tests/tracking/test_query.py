"""The deadline list query: filters in SQL, Vietnamese sorting, paging, quick counts, saved filters."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.domain.calendar import WorkingCalendar
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.domain.text import fold, vi_name_sort_key
from onestop_desktop.services.tracking import countdown as tracking_countdown
from onestop_desktop.services.tracking import query as tracking_query
from onestop_desktop.services.tracking import saved_filters
from onestop_desktop.services.tracking.filters import Sort, Today, TrackingFilter
from tests.conftest import login_as

CAL = WorkingCalendar()
NOW = Today.at(datetime(2026, 11, 24, 9, 0), CAL)


def _rows(db: Database, flt: TrackingFilter, sort: Sort | None = None, offset: int = 0, limit: int = 500):  # type: ignore[no-untyped-def]
    with session_scope(db.factory) as s:
        return tracking_query.query_rows(s, flt, sort or Sort(), offset, limit, NOW, CAL)


def test_quick_filters_and_counts(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        counts = tracking_query.quick_counts(s, TrackingFilter(), NOW, CAL)
        for q, n in counts.items():
            assert tracking_query.count_rows(s, TrackingFilter(quick=q), NOW, CAL) == n
    assert counts["all"] == 10343 and counts["open"] == 84 and counts["supplement"] == 40
    assert counts["overdue"] == 84 - 40  # "today" is 2026: every running dossier from 2018 is late
    assert all(
        r.status == int(DossierStatus.WAITING_SUPPLEMENT)
        for r in _rows(demo_db, TrackingFilter(quick="supplement"))
    )


def test_free_text_is_accent_insensitive_over_name_code_id_phone(demo_db: Database) -> None:
    target = _rows(demo_db, TrackingFilter(quick="all"), limit=1)[0]
    family = target.applicant_name.split()[0]
    for query in (family.upper(), fold(family), target.code[-11:], target.citizen_id[-6:], target.phone[-5:]):
        rows = _rows(demo_db, TrackingFilter(quick="all", text=query), limit=20000)
        assert target.id in {r.id for r in rows}, query
    with session_scope(demo_db.factory) as s:
        expected = {
            i for (i,) in s.execute(select(Dossier.id).where(Dossier.search_key.like(f"%{fold(family)}%")))
        }
    assert {r.id for r in _rows(demo_db, TrackingFilter(quick="all", text=family), limit=20000)} == expected
    assert _rows(demo_db, TrackingFilter(quick="all", text="zzzkhongco")) == []


def test_sort_by_name_in_vietnamese_order_and_paging(demo_db: Database) -> None:
    flt = TrackingFilter(quick="all")
    page1 = _rows(demo_db, flt, Sort("applicant"), 0, 300)
    page2 = _rows(demo_db, flt, Sort("applicant"), 300, 300)
    keys = [vi_name_sort_key(r.applicant_name) for r in page1 + page2]
    assert keys == sorted(keys)
    assert not {r.id for r in page1} & {r.id for r in page2}
    desc = _rows(demo_db, flt, Sort("due", descending=True), 0, 50)
    assert [r.due_at for r in desc] == sorted((r.due_at for r in desc), reverse=True)


def test_field_unit_date_and_due_within_filters(demo_db: Database) -> None:
    sample = _rows(demo_db, TrackingFilter(quick="all"), limit=1)[0]
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, sample.id)
        assert d is not None
        field_id, unit_id = d.field_id, d.unit_id
    rows = _rows(
        demo_db,
        TrackingFilter(
            quick="all",
            field_id=field_id,
            unit_id=unit_id,
            received_from=date(2018, 10, 1),
            received_to=date(2018, 10, 5),
        ),
        limit=5000,
    )
    assert rows and all(r.field_name == sample.field_name and r.unit_name == sample.unit_name for r in rows)
    assert all(date(2018, 10, 1) <= r.received_at.date() <= date(2018, 10, 5) for r in rows)
    soon = Today.at(datetime(2018, 10, 29, 8, 0), CAL)
    with session_scope(demo_db.factory) as s:
        n = tracking_query.count_rows(s, TrackingFilter(quick="open", due_within_days=2), soon, CAL)
        assert n >= tracking_query.quick_counts(s, TrackingFilter(), soon, CAL)["due_soon"]


def test_saved_filters_round_trip(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    flt = TrackingFilter(quick="overdue", text="nguyễn", due_from=date(2018, 10, 1), statuses=(4,))
    with session_scope(demo_db.factory) as s:
        saved_filters.save_filter(s, clerk, "Quá hạn đất đai", flt, Sort("applicant", True))
        saved_filters.save_filter(s, clerk, "Quá hạn đất đai", flt, Sort("due"))  # overwrite, not duplicate
    with session_scope(demo_db.factory) as s:
        saved = saved_filters.list_filters(s, clerk)
        assert [(f.name, f.filter, f.sort) for f in saved] == [("Quá hạn đất đai", flt, Sort("due"))]
        saved_filters.delete_filter(s, clerk, saved[0].id)
        assert saved_filters.list_filters(s, clerk) == []


def test_countdown_texts() -> None:
    days = tracking_countdown.DayCounter(CAL)
    now = datetime(2026, 11, 17, 9, 0)  # Tuesday
    c = tracking_countdown.countdown(4, datetime(2026, 11, 19, 9, 0), 5, "working-days", now, days)
    assert (c.text, c.level) == ("còn 2 ngày", "ok")
    c = tracking_countdown.countdown(4, datetime(2026, 11, 18, 9, 0), 5, "working-days", now, days)
    assert (c.text, c.level) == ("còn 1 ngày", "soon")
    c = tracking_countdown.countdown(4, datetime(2026, 11, 12, 9, 0), 5, "working-days", now, days)
    assert (c.text, c.level) == ("quá hạn 3 ngày", "overdue")
    c = tracking_countdown.countdown(4, datetime(2026, 11, 17, 17, 0), 0, "working-days", now, days)
    assert (c.text, c.level) == ("còn 8 giờ", "soon")
    assert (
        tracking_countdown.countdown(5, datetime(2026, 11, 19), 5, "working-days", now, days).level
        == "paused"
    )
    assert tracking_countdown.countdown(10, datetime(2026, 11, 19), 5, "working-days", now, days).text == ""


def test_day_counter_equals_the_calendar() -> None:
    import random

    days = tracking_countdown.DayCounter(CAL)
    rng = random.Random(5)
    for _ in range(300):
        a = date(2017, 1, 1) + timedelta(days=rng.randint(0, 3650))
        b = a + timedelta(days=rng.randint(-900, 900))
        assert days.between(a, b) == CAL.working_days_between(a, b), (a, b)


def test_short_words_join_their_neighbour_for_the_trigram_index(demo_db: Database) -> None:
    from onestop_desktop.services.tracking.filters import fts_phrases

    assert fts_phrases(["nguyen", "va"]) == (["nguyen va"], [])
    assert fts_phrases(["le", "van", "an"]) == (["le van an"], [])
    assert fts_phrases(["le", "an"]) == (["le an"], [])
    assert fts_phrases(["le"]) == ([], ["le"])
    assert fts_phrases(["0912", "nguyen"]) == (["0912", "nguyen"], [])
    rows = _rows(demo_db, TrackingFilter(quick="all", text="Nguyễn Va"), limit=20000)
    assert rows and all("nguyen va" in fold(r.applicant_name) for r in rows)


def test_the_transfer_list_is_in_vietnamese_name_order_and_names_departments(demo_db: Database) -> None:
    from onestop_desktop.services.tracking.query import holders

    with session_scope(demo_db.factory) as s:
        people = holders(s)
    names = [label.split(" – ")[0] for _, label in people]
    assert names == sorted(names, key=vi_name_sort_key)  # by given name: "Bình" before "Đức" before "Thịnh"
    assert "Phạm Đức Thịnh – Phòng Tài nguyên và Môi trường" in [label for _, label in people]
    givens = [n.split()[-1] for n in names]
    assert givens.index(min(givens, key=vi_name_sort_key)) == 0
