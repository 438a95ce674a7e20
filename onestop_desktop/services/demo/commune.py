"""The demo's office of today: the public administration service centre of xã Xuân Lộc.

Since 1/7/2025 there are no districts (Nghị quyết 1662/NQ-UBTVQH15, Điều 1 khoản 24: thị trấn Gia Ray
and the xã Xuân Thọ, Xuân Trường, Suối Cát and Xuân Hiệp form xã Xuân Lộc, code 26425); a commune
receives dossiers at its Trung tâm Phục vụ hành chính công (Nghị định 118/2025/NĐ-CP, Điều 1). The demo
keeps the 2018 district office as the office's identity until 30/6/2025, makes the centre the current
one, and adds its dossiers from 1/7/2025 up to the day the demo is built (`services.demo.today`), so the
program opened today looks like an ordinary working day. The 2018 story is not touched.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from onestop_desktop.clock import now_local, today_local
from onestop_desktop.db.models import Dossier, DossierEvent, Field, User
from onestop_desktop.domain.states import DossierStatus as S
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.catalogue.office import OfficeSettings, PastIdentity
from onestop_desktop.services.catalogue.units import unit_by_code
from onestop_desktop.services.demo import bhyt_today, indicators_today, ratings_today, scans_today
from onestop_desktop.services.demo.acting import demo_admin
from onestop_desktop.services.demo.story import OFFICERS
from onestop_desktop.services.demo.today import (
    DAY_MINUTES,
    DEFAULT_REASON,
    LATE_REASONS,
    NOW,
    START,
    Desk,
    Row,
    build_today_dossiers,
)
from onestop_desktop.services.tracking.actions import RESTORABLE

TODAY_KEY = "demo.today_built"  # the day the living part was built (its data are relative to it)
DISTRICT_UNTIL = date(2025, 6, 30)
CENTRE = OfficeSettings(
    name="UBND xã Xuân Lộc",
    parent_name="UBND tỉnh Đồng Nai",
    department="Trung tâm Phục vụ hành chính công xã Xuân Lộc",
    place="Xuân Lộc",
    address="Số 267, đường Hùng Vương, xã Xuân Lộc, tỉnh Đồng Nai",
    phone="0251 3871113",
    unit_code="26425",
    book_number="01",
    return_place="Trung tâm Phục vụ hành chính công xã Xuân Lộc",
)
CENTRE_CLERKS = ("canbo", "canbo2")  # the counter's clerks of 2018 work at the commune centre now


def built_on(session: Session) -> date | None:
    """The day the living part was built, if it was."""
    raw = office.get_setting(session, TODAY_KEY)
    return date.fromisoformat(raw) if raw else None


def build_office_of_today(session: Session, today: date) -> int:
    """Make the commune centre the office of `today` and add its dossiers; 0 when already there."""
    if built_on(session) is not None or today < START:
        return 0
    past = office.get_office(session)
    if past.unit_code != CENTRE.unit_code:
        history = [p for p in office.office_history(session) if p.valid_to < DISTRICT_UNTIL]
        admin = demo_admin(session)
        office.set_office_history(session, admin, [*history, PastIdentity(DISTRICT_UNTIL, past)])
        office.save_office(session, admin, CENTRE)
    unit = unit_by_code(session, CENTRE.unit_code, on=today)
    if unit is None:
        raise LookupError(f"no unit {CENTRE.unit_code} on {today}")
    users = {u.username: u for u in session.scalars(select(User))}
    clerks = [users[name] for name in CENTRE_CLERKS]
    officers = {field: users[username] for field, (username, _n, _d) in OFFICERS.items() if username in users}
    settle_story(session, today, clerks)  # the story's dossiers still open in 2018 are finished then
    # built on the real today: nothing after this very minute (else the morning of the pinned day)
    now = now_local().time() if today == today_local() else NOW
    n = build_today_dossiers(session, today, unit, clerks, officers, now)
    scans_today.build_scans_today(session, datetime.combine(today, now))  # issue 14: scans, results
    ratings_today.build_ratings_today(session, datetime.combine(today, now))  # and the citizens' ratings
    bhyt_today.build_bhyt_today(session, today)  # by hamlet; then the indicators, read from the dossiers
    indicators_today.build_indicators_today(session, today)
    office.put_setting(session, TODAY_KEY, today.isoformat())
    session.flush()
    return n


def settle_story(session: Session, today: date, clerks: list[User]) -> int:
    """Finish the 2018 story's dossiers left open at the end of October 2018, as clerks would have in
    the following weeks (late, with their reasons): opened today, the office then has no dossier
    "overdue by 2,900 days" nor one "waiting for a supplement since 2018". October's figures do not move:
    the statistics count what was open, overdue or waiting on 31/10/2018 by each dossier's history.
    """
    rng = random.Random(20181101)
    cal = catalogue.working_calendar(session)
    desk = Desk(rng, cal, today, clerks)
    open_codes = [int(s) for s in (S.ACCEPTED, S.PROCESSING, S.WAITING_SUPPLEMENT, S.WAITING_FINANCIAL)]
    story = list(
        session.scalars(
            select(Dossier)
            .where(Dossier.received_at < datetime.combine(START, time()), Dossier.status.in_(open_codes))
            .order_by(Dossier.id)
        )
    )
    columns = [c.name for c in Dossier.__table__.columns]
    for d in story:
        r: Row = {c: getattr(d, c) for c in columns}
        r["updated_at"] = max(r.get("updated_at") or r["received_at"], datetime(2018, 10, 31, 17))
        if r["status"] == int(S.WAITING_SUPPLEMENT):
            # the citizen brings the missing papers within a few weeks; the clock resumes then
            paused = r["paused_at"] or r["updated_at"]
            start = max(paused.date(), date(2018, 11, 1))
            desk.receive_supplement(r, desk.on(cal.add_working_days(start, rng.randint(2, 15))))
        field = session.get(Field, d.field_id)
        code = field.code if field is not None else ""
        reason = d.late_reason or rng.choice(LATE_REASONS.get(code, [DEFAULT_REASON]))
        after = max(r["due_at"].date(), r["updated_at"].date(), date(2018, 11, 1))
        when = desk.on(cal.add_working_days(after, rng.randint(1, 12)))
        desk.resolve(r, when, reason if when.date() > r["due_at"].date() else "")
        if r["resolved_at"] is not None:
            desk.return_result(r, desk.later(r["resolved_at"], rng.randint(30, 3 * DAY_MINUTES)), clerks[0])
        for c in RESTORABLE + ("updated_at",):
            if c in r:
                setattr(d, c, r[c])
    if desk.events:
        session.execute(insert(DossierEvent), desk.events)
    session.flush()
    return len(story)
