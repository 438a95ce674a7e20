"""The living demo office: a commune centre's dossiers from 1/7/2025 up to a given day."""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from onestop_desktop.bootstrap import Database, open_database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent, DossierSequence, Unit, User
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.codes import parse_dossier_code
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.domain.states import (
    OPEN_STATUSES,
    RUNNING_STATUSES,
    Action,
    DossierStatus,
    next_status,
)
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.demo.today import NOW, START, build_today_dossiers
from onestop_desktop.services.home import today_figures
from onestop_desktop.services.reports import statistics
from onestop_desktop.services.tracking.filters import Today, TrackingFilter
from onestop_desktop.services.tracking.query import quick_counts

S = DossierStatus
MONDAY = date(2026, 11, 30)
SATURDAY = date(2026, 11, 28)
CENTRE = "Trung tâm phục vụ hành chính công xã Xuân Lộc"


def _tet_eve(cal: WorkingCalendar) -> date:
    """The last working day before the Tết holiday of 2026 (Tết Bính Ngọ, 17/02/2026)."""
    d = date(2026, 2, 17)
    while not cal.is_working_day(d):
        d -= timedelta(days=1)
    return d


def _commune(s: Session) -> Unit:
    unit = s.scalar(select(Unit).where(Unit.code == "26425", Unit.valid_from == START))
    assert unit is not None and unit.office_code
    return unit


def _user(s: Session, username: str, name: str, department: str, unit: Unit) -> User:
    u = User(
        username=username,
        full_name=name,
        role="clerk",
        password_hash="-",
        department=department,
        unit_id=unit.id,
        created_at=datetime(2025, 7, 1, 7, 0),
    )
    s.add(u)
    s.flush()
    return u


def _office(path: Path, today: date, now: time = NOW) -> tuple[Database, int]:
    """A fresh database with the bundled units and catalogue, two clerks, two officers, built for `today`."""
    database = open_database(f"sqlite:///{path}")
    with session_scope(database.factory) as s:
        catalogue.load_bundled_units(s)
        catalogue.load_bundled_catalogue(s)
        unit = _commune(s)
        clerks = [
            _user(s, "tn1", "Nguyễn Thị Lan", CENTRE, unit),
            _user(s, "tn2", "Trần Văn Hùng", CENTRE, unit),
        ]
        land = _user(s, "dc", "Lê Văn Tâm", "Công chức địa chính - xây dựng", unit)
        justice = _user(s, "tp", "Phạm Thị Hoa", "Công chức tư pháp - hộ tịch", unit)
        officers = {"DD": land, "XD": land, "HT": justice, "CT": justice}
        n = build_today_dossiers(s, today, unit, clerks, officers, now)
    return database, n


@pytest.fixture(scope="module")
def monday(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, int]]:
    database, n = _office(tmp_path_factory.mktemp("monday") / "office.sqlite3", MONDAY)
    yield database, n
    database.engine.dispose()


def _figures_agree(s: Session, day: date) -> None:
    cal = catalogue.working_calendar(s)
    fig = today_figures(s, day, cal)
    counts = quick_counts(s, TrackingFilter(), Today.at(datetime.combine(day, NOW), cal), cal)
    assert fig.overdue == counts["overdue"]
    assert fig.waiting_supplement == counts["supplement"]
    assert fig.open_total == counts["open"]
    assert fig.total == counts["all"]
    assert fig.due_today + fig.due_next_working_day == counts["due_soon"]


def _events_by_dossier(s: Session) -> dict[int, list[DossierEvent]]:
    out: dict[int, list[DossierEvent]] = {}
    for e in s.scalars(select(DossierEvent).order_by(DossierEvent.dossier_id, DossierEvent.id)):
        out.setdefault(e.dossier_id, []).append(e)
    return out


def _check_lives(s: Session, today: date) -> None:
    """Every dossier's events follow the state machine in time order, as the program writes them."""
    now = datetime.combine(today, NOW)
    events = _events_by_dossier(s)
    for d in s.scalars(select(Dossier)):
        evs = events[d.id]
        first, rest = evs[0], evs[1:]
        assert (first.action, first.from_status, first.to_status) == ("accept", None, int(S.ACCEPTED))
        assert first.at == d.received_at and first.data == {"due": d.original_due_at.isoformat()}
        status = S.ACCEPTED
        for prev, e in zip(evs, rest, strict=False):
            assert prev.at <= e.at <= now, d.code
            assert e.from_status == int(status) == e.data["before"]["status"], d.code
            status = next_status(status, Action(e.action))
            assert e.to_status == int(status), d.code
        assert d.status == int(status), d.code
        assert d.apology_count == sum(e.action == "apology" for e in evs)
        for e in evs:
            if e.action == "apology":
                assert e.data["before"]["due_at"] == e.data["old_due"] < e.data["new_due"]
        last = evs[-1]
        if status is S.WAITING_SUPPLEMENT:
            assert last.action == "request-supplement" and d.paused_at == last.at
        else:
            assert d.paused_at is None
        if status in (S.RESOLVED, S.RETURNED):
            resolved = next(e for e in evs if e.action == "resolve")
            assert d.resolved_at == resolved.at
        else:
            assert d.resolved_at is None
        assert (d.returned_at is not None) == (status is S.RETURNED)
        assert (d.closed_at == last.at) if status is S.WITHDRAWN else d.closed_at is None


def test_an_ordinary_monday_shows_work_of_the_day(monday: tuple[Database, int]) -> None:
    database, n = monday
    with session_scope(database.factory) as s:
        cal = catalogue.working_calendar(s)
        fig = today_figures(s, MONDAY, cal)
        assert fig.total == n > 0
        assert fig.received_today > 0
        assert fig.due_today > 0
        assert fig.due_next_working_day > 0
        assert fig.overdue > 0
        assert fig.waiting_supplement > 0
        assert fig.open_total < n // 10  # months of work behind: almost everything is finished
        _figures_agree(s, MONDAY)
        late_letters = list(s.scalars(select(Dossier).where(Dossier.apology_count > 0)))
        assert late_letters and all(d.late_reason and d.due_at > d.original_due_at for d in late_letters)


def test_dossiers_follow_the_state_machine(monday: tuple[Database, int]) -> None:
    database, _n = monday
    with session_scope(database.factory) as s:
        _check_lives(s, MONDAY)


def test_receipts_appointments_codes_and_channels(monday: tuple[Database, int]) -> None:
    database, n = monday
    with session_scope(database.factory) as s:
        cal = catalogue.working_calendar(s)
        office_code = _commune(s).office_code
        rows = list(s.scalars(select(Dossier)))
        assert len({d.code for d in rows}) == n
        per_day: Counter[date] = Counter()
        for d in rows:
            parts = parse_dossier_code(d.code)
            assert parts.unit_code == office_code and parts.day == d.received_at.date()
            assert cal.is_working_day(parts.day) and START <= parts.day <= MONDAY
            due = cal.due(d.received_at, d.time_value, TimeUnit(d.time_unit)).due
            assert d.original_due_at == due
            per_day[parts.day] += 1
        assert all(d.received_at.time() <= NOW for d in rows if d.received_at.date() == MONDAY)
        seq = {r.day: r.last_seq for r in s.scalars(select(DossierSequence)) if r.office_code == office_code}
        assert seq == dict(per_day)
        online = sum(d.channel == "online" for d in rows) / n
        assert 0.15 <= online <= 0.30
        # the day before Tết is quieter than the other days of its week
        eve = _tet_eve(cal)
        week = [eve - timedelta(days=i) for i in range(1, 5)]
        assert 0 < per_day[eve] < min(per_day[d] for d in week if cal.is_working_day(d))
        # old dossiers are finished, mostly early or on time
        old = [d for d in rows if d.original_due_at.date() < date(2026, 6, 1)]
        assert all(S(d.status) not in RUNNING_STATUSES for d in old)
        done = [d for d in old if d.resolved_at is not None]
        late = sum(d.resolved_at is not None and d.resolved_at.date() > d.due_at.date() for d in done)
        assert 0 < late < len(done) * 0.1


def test_the_day_before_tet(tmp_path: Path) -> None:
    eve = _tet_eve(WorkingCalendar())
    database, n = _office(tmp_path / "office.sqlite3", eve)
    try:
        with session_scope(database.factory) as s:
            cal = catalogue.working_calendar(s)
            assert eve == _tet_eve(cal) and cal.next_working_day(eve) > eve + timedelta(days=6)
            fig = today_figures(s, eve, cal)
            assert fig.total == n and fig.received_today > 0
            _figures_agree(s, eve)
            _check_lives(s, eve)
    finally:
        database.engine.dispose()


def _fingerprint(s: Session) -> str:
    rows = s.execute(
        select(
            Dossier.code, Dossier.status, Dossier.due_at, Dossier.resolved_at, Dossier.applicant_name
        ).order_by(Dossier.code)
    ).all()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_a_saturday_receives_nothing_and_the_same_day_gives_the_same_office(tmp_path: Path) -> None:
    prints, codes = [], []
    for i in range(2):
        database, _n = _office(tmp_path / f"office{i}.sqlite3", SATURDAY)
        try:
            with session_scope(database.factory) as s:
                cal = catalogue.working_calendar(s)
                fig = today_figures(s, SATURDAY, cal)
                assert fig.received_today == 0 and fig.total > 0
                _figures_agree(s, SATURDAY)
                prints.append(_fingerprint(s))
                codes.append(list(s.scalars(select(Dossier.code).order_by(Dossier.id))))
        finally:
            database.engine.dispose()
    assert codes[0] == codes[1] and prints[0] == prints[1]


def test_the_2018_story_is_untouched(demo_db: Database) -> None:
    periods = [parse_period("2018-09"), parse_period("2018-10")]

    def story(s: Session) -> tuple[object, ...]:
        rows = s.execute(
            select(Dossier.id, Dossier.code, Dossier.status, Dossier.due_at, Dossier.resolved_at)
            .where(Dossier.received_at < datetime(2019, 1, 1))
            .order_by(Dossier.id)
        ).all()
        return (
            *(statistics.period_totals(s, p) for p in periods),
            hashlib.sha256(repr(rows).encode()).digest(),
        )

    with session_scope(demo_db.factory) as s:
        before = story(s)
        unit = _commune(s)
        clerks = list(s.scalars(select(User).where(User.username.in_(("cb.26425", "cb.26428")))))
        assert len(clerks) == 2
        n = build_today_dossiers(s, MONDAY, unit, clerks)
        assert n > 0
    with session_scope(demo_db.factory) as s:
        assert story(s) == before
        fig = today_figures(s, MONDAY, catalogue.working_calendar(s))
        assert fig.received_today > 0 and fig.open_total > 0
        assert {
            S(x) for x in s.scalars(select(Dossier.status).where(Dossier.unit_id == unit.id))
        } & OPEN_STATUSES
        _figures_agree(s, MONDAY)


@pytest.mark.parametrize("now", [time(6, 55), time(9, 0)])
def test_nothing_happens_after_now(tmp_path: Path, now: time) -> None:
    """Built at 06:55 the office has received nothing yet today; at 09:00 nothing is dated later."""
    database, _n = _office(tmp_path / "now.sqlite3", MONDAY, now)
    moment = datetime.combine(MONDAY, now)
    with session_scope(database.factory) as s:
        latest = s.scalar(select(func.max(DossierEvent.at)))
        today = s.scalar(
            select(func.count())
            .select_from(Dossier)
            .where(Dossier.received_at >= datetime.combine(MONDAY, time()))
        )
    database.engine.dispose()
    assert latest is not None and latest <= moment
    assert (today == 0) if now < time(7, 10) else (today or 0) > 0
