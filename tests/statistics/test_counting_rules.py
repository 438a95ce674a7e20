"""Form II.06a counting rules on small hand-made data sets, one dossier per case."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest
from sqlalchemy import delete, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, DossierEvent, Field, Procedure, Unit, User
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.reports import statistics
from onestop_desktop.services.reports.counts import Counts

OCT = "2018-10"
NOV = "2018-11"


def dt(s: str) -> datetime:
    return datetime.fromisoformat(s)


@pytest.fixture
def base(db: Database, admin: Any) -> dict[str, int]:
    with session_scope(db.factory) as s:
        catalogue.load_bundled_units(s)
        catalogue.load_bundled_catalogue(s)
        dd = s.scalar(select(Field).where(Field.code == "DD"))
        ht = s.scalar(select(Field).where(Field.code == "HT"))
        assert dd is not None and ht is not None
        proc_dd = s.scalar(select(Procedure).where(Procedure.field_id == dd.id).limit(1))
        proc_ht = s.scalar(select(Procedure).where(Procedure.field_id == ht.id).limit(1))
        unit = s.scalar(select(Unit).where(Unit.code == "741"))
        user = s.scalar(select(User).where(User.username == "admin"))
        assert proc_dd and proc_ht and unit and user
        return {
            "proc_dd": proc_dd.id,
            "field_dd": dd.id,
            "proc_ht": proc_ht.id,
            "field_ht": ht.id,
            "unit": unit.id,
            "user": user.id,
        }


_seq = iter(range(1, 10_000))


def add(db: Database, ids: dict[str, int], **kw: Any) -> None:
    """Insert one dossier; kw overrides received_at, due_at, status, channel, resolved_at, closed_at …"""
    field = kw.pop("field", "dd")
    n = next(_seq)
    row: dict[str, Any] = dict(
        code=f"T-{n:05d}",
        procedure_id=ids[f"proc_{field}"],
        field_id=ids[f"field_{field}"],
        unit_id=ids["unit"],
        applicant_name="Nguyễn Văn An",
        applicant_sort="an",
        channel="direct",
        received_at=dt("2018-10-01 08:00"),
        due_at=dt("2018-10-05 17:00"),
        time_value=5,
        time_unit="working-days",
        status=4,
        receiving_user_id=ids["user"],
        updated_at=dt("2018-10-01 08:00"),
    )
    row.update(kw)
    row.setdefault("original_due_at", row["due_at"])
    with session_scope(db.factory) as s:
        s.add(Dossier(**row))


def counts(db: Database, period: str) -> Counts:
    with session_scope(db.factory) as s:
        return statistics.period_totals(s, parse_period(period))


def only(**nonzero: int) -> Counts:
    return Counts(**nonzero)


CASES: list[tuple[str, dict[str, Any], str, Counts]] = [
    (
        "resolved one day late",
        dict(resolved_at=dt("2018-10-08 09:00"), status=10),
        OCT,
        only(received_direct=1, resolved_late=1),
    ),
    (
        "resolved on the appointment day, later hour than due",
        dict(due_at=dt("2018-10-05 08:00"), resolved_at=dt("2018-10-05 16:30"), status=9),
        OCT,
        only(received_direct=1, resolved_on_time=1),
    ),
    (
        "resolved early",
        dict(resolved_at=dt("2018-10-03 10:00"), status=10),
        OCT,
        only(received_direct=1, resolved_early=1),
    ),
    (
        "withdrawn counts as resolved on time",
        dict(status=7, closed_at=dt("2018-10-12 10:00")),
        OCT,
        only(received_direct=1, resolved_on_time=1, withdrawn_or_stopped=1),
    ),
    (
        "stopped counts as resolved on time",
        dict(status=8, closed_at=dt("2018-10-09 10:00")),
        OCT,
        only(received_direct=1, resolved_on_time=1, withdrawn_or_stopped=1),
    ),
    (
        "waiting for supplement at the period end is within deadline even past the appointment",
        dict(status=5, due_at=dt("2018-10-20 17:00"), paused_at=dt("2018-10-15 09:00")),
        OCT,
        only(received_direct=1, in_progress_within=1, waiting_supplement=1),
    ),
    (
        "carried over from the previous period and resolved in it",
        dict(
            received_at=dt("2018-09-20 09:00"),
            due_at=dt("2018-10-04 17:00"),
            resolved_at=dt("2018-10-03 09:00"),
            status=10,
        ),
        OCT,
        only(carried_over=1, resolved_early=1),
    ),
    (
        "finished before the period: not counted",
        dict(
            received_at=dt("2018-09-10 09:00"),
            due_at=dt("2018-09-20 17:00"),
            resolved_at=dt("2018-09-19 09:00"),
        ),
        OCT,
        only(),
    ),
    (
        "withdrawn before the period: not counted",
        dict(received_at=dt("2018-09-10 09:00"), status=7, closed_at=dt("2018-09-28 09:00")),
        OCT,
        only(),
    ),
    (
        "received on the period's last day, still open, due next month",
        dict(received_at=dt("2018-10-31 15:30"), due_at=dt("2018-11-01 17:00")),
        OCT,
        only(received_direct=1, in_progress_within=1),
    ),
    (
        "due on the period's last day and still open: within deadline",
        dict(due_at=dt("2018-10-31 17:00")),
        OCT,
        only(received_direct=1, in_progress_within=1),
    ),
    (
        "open past its appointment at the period end: overdue",
        dict(due_at=dt("2018-10-30 17:00")),
        OCT,
        only(received_direct=1, in_progress_overdue=1),
    ),
    (
        "late across the period end: overdue in October",
        dict(due_at=dt("2018-10-10 17:00"), resolved_at=dt("2018-11-05 10:00"), status=10),
        OCT,
        only(received_direct=1, in_progress_overdue=1),
    ),
    (
        "late across the period end: carried over and resolved late in November",
        dict(due_at=dt("2018-10-10 17:00"), resolved_at=dt("2018-11-05 10:00"), status=10),
        NOV,
        only(carried_over=1, resolved_late=1),
    ),
    (
        "resolved next month within deadline: in progress within deadline",
        dict(due_at=dt("2018-11-10 17:00"), resolved_at=dt("2018-11-02 10:00"), status=9),
        OCT,
        only(received_direct=1, in_progress_within=1),
    ),
    ("online channel", dict(channel="online"), OCT, only(received_online=1, in_progress_overdue=1)),
    (
        "by post counts with in person",
        dict(channel="postal", due_at=dt("2018-11-02 17:00")),
        OCT,
        only(received_direct=1, in_progress_within=1),
    ),
    ("refused at the counter: not counted", dict(status=3, closed_at=dt("2018-10-01 08:10")), OCT, only()),
    ("registered online, not yet accepted: not counted", dict(status=1, channel="online"), OCT, only()),
    ("received after the period: not counted", dict(received_at=dt("2018-11-01 08:00")), OCT, only()),
    (
        "apology letter issued",
        dict(apology_count=1, resolved_at=dt("2018-10-08 09:00"), status=10),
        OCT,
        only(received_direct=1, resolved_late=1, apology_dossiers=1),
    ),
]


@pytest.mark.parametrize(("what", "row", "period", "expected"), CASES, ids=[c[0] for c in CASES])
def test_counting_rule(
    db: Database, base: dict[str, int], what: str, row: dict[str, Any], period: str, expected: Counts
) -> None:
    add(db, base, **row)
    got = counts(db, period)
    assert got == expected, what
    assert got.received == got.resolved + got.in_progress


def test_all_cases_together_add_up(db: Database, base: dict[str, int]) -> None:
    """The same rows in one database give the sum of the single cases (no row counted twice)."""
    for _what, row, p, _e in CASES:
        if p == OCT:  # the November case repeats an October row
            add(db, base, **dict(row))
    for period in (OCT, NOV):
        expected = sum((e for _w, _r, p, e in CASES if p == period), Counts())
        got = counts(db, period)
        if period == OCT:
            assert got == expected
        assert got.received == got.resolved + got.in_progress


def test_rates_and_formula(db: Database, base: dict[str, int]) -> None:
    add(db, base, resolved_at=dt("2018-10-03 10:00"), status=10)  # early
    add(db, base, resolved_at=dt("2018-10-05 10:00"), status=10)  # on time
    add(db, base, resolved_at=dt("2018-10-08 10:00"), status=10)  # late
    add(db, base, due_at=dt("2018-11-08 17:00"))  # within
    with session_scope(db.factory) as s:
        st = statistics.period_stats(s, parse_period(OCT))
    c = st.totals
    assert c.on_time_rate == 66.67  # 2 / 3
    assert c.on_time_or_within_rate == 75.0  # 3 / 4
    assert "3 / 4 = 75,00 %" in st.formula_vi
    # due Friday 5/10, resolved Monday 8/10: one working day late (three calendar days)
    assert st.late_count == 1 and st.late[0].days_late == 1


def test_breakdowns_and_late_list(db: Database, base: dict[str, int]) -> None:
    add(db, base, field="dd", resolved_at=dt("2018-10-08 09:00"), status=10, late_reason="Sai diện tích")
    add(db, base, field="dd", due_at=dt("2018-10-20 17:00"), late_reason="Chờ xác minh")
    add(db, base, field="ht", resolved_at=dt("2018-10-02 09:00"), status=10)
    with session_scope(db.factory) as s:
        st = statistics.period_stats(s, parse_period(OCT))
        s.execute(delete(DossierEvent))
    assert [(r.key, r.counts.received, r.counts.bad) for r in st.by_field] == [("DD", 2, 2), ("HT", 1, 0)]
    assert sum((r.counts for r in st.by_procedure), Counts()) == st.totals
    assert sum((r.counts for r in st.by_unit), Counts()) == st.totals
    assert [r.key for r in st.by_officer] == ["admin"]
    reasons = sorted(x.reason for x in st.late)
    assert reasons == ["Chờ xác minh", "Sai diện tích"]
    overdue = next(x for x in st.late if x.resolved_at is None)
    # due Saturday 20/10, still open on 31/10: 8 working days, as the deadline list counts them
    assert overdue.days_late == 8


def test_monthly_series(db: Database, base: dict[str, int]) -> None:
    add(
        db,
        base,
        received_at=dt("2018-09-28 09:00"),
        due_at=dt("2018-10-03 17:00"),
        resolved_at=dt("2018-10-04 09:00"),
        status=10,
    )
    add(db, base, resolved_at=dt("2018-10-02 09:00"), status=10)
    add(db, base, status=7, closed_at=dt("2018-11-02 09:00"))
    with session_scope(db.factory) as s:
        points = statistics.monthly_series(s, [parse_period(p) for p in ("2018-09", OCT, NOV)])
    assert [(p.received_new, p.resolved) for p in points] == [(1, 0), (2, 2), (0, 1)]
    refused = dict(status=3, closed_at=dt("2018-10-01 08:10"))
    add(db, base, **refused)
    with session_scope(db.factory) as s:
        again = statistics.monthly_series(s, [parse_period(OCT)])
    assert (again[0].received_new, again[0].resolved) == (2, 2)  # a refusal is neither


def _event(
    db: Database, code: str, at: str, action: str, was: int | None, to: int, undone: bool = False
) -> None:
    with session_scope(db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None
        s.add(
            DossierEvent(
                dossier_id=d.id,
                user_id=d.receiving_user_id,
                at=dt(at),
                action=action,
                from_status=was,
                to_status=to,
                undone_at=dt(at) if undone else None,
            )
        )


@pytest.mark.parametrize("undone", [False, True], ids=["paused", "pause undone"])
def test_waiting_at_the_end_is_judged_by_history_not_by_todays_status(
    db: Database, base: dict[str, int], undone: bool
) -> None:
    """Waiting on 31/10 and finished in November: October keeps counting it as waiting (the 2018 story's
    40 waiting dossiers, finished later by the living demo, once left October's figures)."""
    code = "T-WAIT-1"
    add(
        db,
        base,
        code=code,
        due_at=dt("2018-10-26 17:00"),
        resolved_at=dt("2018-11-20 10:00"),
        returned_at=dt("2018-11-21 10:00"),
        status=10,
    )
    _event(db, code, "2018-10-01 08:00", "accept", None, 2)
    _event(db, code, "2018-10-02 08:00", "transfer", 2, 4)
    _event(db, code, "2018-10-15 09:00", "request_supplement", 4, 5, undone=undone)
    _event(db, code, "2018-11-05 09:00", "receive_supplement", 5, 4)
    _event(db, code, "2018-11-20 10:00", "resolve", 4, 9)
    october = counts(db, OCT)
    if undone:  # never waiting: on 31/10 it was simply past its appointment
        assert october == only(received_direct=1, in_progress_overdue=1)
    else:
        assert october == only(received_direct=1, in_progress_within=1, waiting_supplement=1)
    assert counts(db, NOV).waiting_supplement == 0
    with session_scope(db.factory) as s:
        late = {x.code for x in statistics.period_stats(s, parse_period(OCT)).late}
    assert (code in late) is undone
