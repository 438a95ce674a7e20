"""The dossiers of the 2018 story: September's carry-over and October's 6,092, with 92 late or overdue."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session, selectinload

from onestop_desktop.db.models import (
    Dossier,
    DossierEvent,
    DossierSequence,
    Field,
    Procedure,
    ProcedureVersion,
    Unit,
    User,
)
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.codes import make_dossier_code
from onestop_desktop.domain.states import DossierStatus as S
from onestop_desktop.domain.text import vi_name_sort_key
from onestop_desktop.services.catalogue import catalogue, versions
from onestop_desktop.services.demo.people import address, person
from onestop_desktop.services.dossiers import search_key

OFFICERS = {  # field code -> (username, name, department) at the district
    "DD": ("cv.tnmt", "Phạm Đức Thịnh", "Phòng Tài nguyên và Môi trường"),
    "XD": ("cv.ktht", "Võ Thanh Sơn", "Phòng Kinh tế - Hạ tầng"),
    "KD": ("cv.tckh", "Đặng Thị Thu Hà", "Phòng Tài chính - Kế hoạch"),
    "HT": ("cv.tuphap", "Bùi Ngọc Anh", "Phòng Tư pháp"),
    "LD": ("cv.ldtbxh", "Hồ Thị Mai", "Phòng Lao động - Thương binh và Xã hội"),
}

FIELD_WEIGHT = {"CT": 40, "HT": 22, "DD": 12, "KD": 5, "XD": 3, "LD": 5, "BT": 5, "TP": 2}

BAD_QUOTA = {"DD": 62, "XD": 11, "KD": 7, "HT": 5, "BT": 4, "LD": 3}  # 92 late or overdue in October

LATE_REASONS = {
    "DD": [
        "Hồ sơ đất đai có sai sót về diện tích, phải đo đạc lại",
        "Chờ xác minh nguồn gốc sử dụng đất",
        "Sai lệch thông tin thửa đất giữa hồ sơ và bản đồ địa chính",
    ],
    "XD": ["Chờ ý kiến thẩm định của phòng chuyên môn"],
    "KD": ["Chờ xác minh địa điểm kinh doanh"],
    "HT": ["Chờ xác minh thông tin hộ tịch ở nơi cư trú trước đây"],
    "BT": ["Chờ họp Hội đồng xét duyệt"],
    "LD": ["Chờ xác nhận của cơ quan quân sự"],
}

OCT_TOTAL = 6092

OCT_START, OCT_END = date(2018, 10, 1), date(2018, 10, 31)

SEPT_NEW = 5600


@dataclass
class _Plan:
    row: dict[str, Any]
    field: str
    events: list[dict[str, Any]]


def _at(day: date, minutes_after_seven: int) -> datetime:
    """A clock time inside office hours, `minutes_after_seven` working minutes after 07:00."""
    if minutes_after_seven >= 270:  # morning is 07:00-11:30
        minutes_after_seven += 120
    return datetime.combine(day, time(7)) + timedelta(minutes=minutes_after_seven)


def _working_days(cal: WorkingCalendar, start: date, end: date) -> list[date]:
    days, d = [], start
    while d <= end:
        if cal.is_working_day(d):
            days.append(d)
        d += timedelta(days=1)
    return days


def _make_dossiers(session: Session, users: dict[str, User]) -> None:
    rng = random.Random(20181025)
    cal = catalogue.working_calendar(session)
    procs = list(
        session.scalars(
            select(Procedure)
            .options(selectinload(Procedure.versions).selectinload(ProcedureVersion.documents))
            .order_by(Procedure.code)
        )
    )
    fields = {f.id: f.code for f in session.scalars(select(Field))}
    district = session.scalar(select(Unit).where(Unit.code == "741"))
    assert district is not None
    communes = list(session.scalars(select(Unit).where(Unit.parent_id == district.id).order_by(Unit.code)))
    weights = [
        FIELD_WEIGHT.get(fields[p.field_id], 1) / max(1, sum(1 for q in procs if q.field_id == p.field_id))
        for p in procs
    ]
    seqs: dict[tuple[str, date], int] = {}
    book: dict[str, int] = {}
    next_id = (session.scalar(select(Dossier.id).order_by(Dossier.id.desc()).limit(1)) or 0) + 1

    def new(day_pool: list[date]) -> _Plan:
        nonlocal next_id
        p = rng.choices(procs, weights)[0]
        f = fields[p.field_id]
        unit = district if p.level != "xa" else rng.choice(communes)
        assert unit.office_code
        day = rng.choice(day_pool)
        v = versions.pick(p.versions, day)  # the catalogue of that day (2018: the first version)
        assert v is not None
        received = _at(day, rng.randint(0, 470))
        due = cal.due(received, v.time_value, TimeUnit(v.time_unit))
        key = (unit.office_code, day)
        seqs[key] = seqs.get(key, 0) + 1
        code = make_dossier_code(unit.office_code, day, seqs[key])
        book[unit.office_code] = book.get(unit.office_code, 0) + 1
        name, cid, phone = person(rng)
        clerk = (
            users["canbo" if rng.random() < 0.6 else "canbo2"]
            if unit is district
            else users[f"cb.{unit.code}"]
        )
        channel = (
            "online"
            if v.online_level >= 3 and rng.random() < 0.12
            else ("postal" if rng.random() < 0.02 else "direct")
        )
        row = dict(
            id=next_id,
            code=code,
            procedure_id=p.id,
            procedure_version_id=v.id,
            field_id=p.field_id,
            unit_id=unit.id,
            applicant_name=name,
            applicant_sort=vi_name_sort_key(name),
            citizen_id=cid,
            phone=phone,
            email="",
            address=address(rng, unit.name),
            address_unit_id=unit.id,
            submitter_name=None,
            channel=channel,
            received_at=received,
            due_at=due.due,
            original_due_at=due.due,
            time_value=v.time_value,
            time_unit=v.time_unit,
            status=int(S.PROCESSING),
            documents=[
                {
                    "name": d.name,
                    "originals": 1 if d.kind == "original" else 0,
                    "certified_copies": 1 if d.kind == "certified_copy" else 0,
                    "photocopies": 1 if d.kind == "photocopy" else 0,
                }
                for d in v.documents
            ],
            sets=1,
            fee=v.fee,
            receiving_user_id=clerk.id,
            holder_user_id=clerk.id,
            holder_department=clerk.department,
            paused_at=None,
            resolved_at=None,
            returned_at=None,
            closed_at=None,
            late_reason="",
            apology_count=0,
            search_key=search_key(code, name, cid, phone),
            book_number="01",
            book_sequence=book[unit.office_code],
            source="demo",
            updated_at=received,
        )
        next_id += 1
        events = [
            dict(
                dossier_id=row["id"],
                user_id=clerk.id,
                at=received,
                action="accept",
                from_status=None,
                to_status=int(S.ACCEPTED),
                note=due.explain(),
                data={},
            )
        ]
        officer = users[OFFICERS[f][0]] if (unit is district and f in OFFICERS) else clerk
        handover = received + timedelta(hours=1) if v.time_value else received + timedelta(minutes=20)
        events.append(
            dict(
                dossier_id=row["id"],
                user_id=clerk.id,
                at=handover,
                action="transfer",
                from_status=int(S.ACCEPTED),
                to_status=int(S.PROCESSING),
                note="",
                data={"to_user_id": officer.id, "to_department": officer.department},
            )
        )
        row["holder_user_id"] = officer.id
        row["holder_department"] = officer.department
        return _Plan(row, f, events)

    def finish(plan: _Plan, at: datetime, late_reason: str = "") -> None:
        r = plan.row
        at = max(at, r["received_at"] + timedelta(minutes=30))
        r["resolved_at"] = at
        r["late_reason"] = late_reason
        ret = at + timedelta(hours=rng.choice([0, 1, 2, 24, 48]))
        returned = rng.random() < 0.93
        r["status"] = int(S.RETURNED if returned else S.RESOLVED)
        r["returned_at"] = ret if returned else None
        holder = r["holder_user_id"]
        plan.events.append(
            dict(
                dossier_id=r["id"],
                user_id=holder,
                at=at,
                action="resolve",
                from_status=int(S.PROCESSING),
                to_status=int(S.RESOLVED),
                note=late_reason,
                data={},
            )
        )
        if returned:
            plan.events.append(
                dict(
                    dossier_id=r["id"],
                    user_id=r["receiving_user_id"],
                    at=ret,
                    action="return",
                    from_status=int(S.RESOLVED),
                    to_status=int(S.RETURNED),
                    note="",
                    data={},
                )
            )
        r["updated_at"] = ret

    def resolve_by(plan: _Plan, latest: date, on_time_share: float = 0.25, earliest: date = date.min) -> None:
        """Resolve early or on time, between `earliest` and `latest`, by the appointment date."""
        r = plan.row
        due_day = r["due_at"].date()
        start = max(r["received_at"].date(), earliest)
        last = min(due_day, latest)
        if due_day <= latest and (rng.random() < on_time_share or start >= due_day):
            finish(
                plan, datetime.combine(due_day, r["due_at"].time()) - timedelta(minutes=rng.randint(0, 90))
            )
            return
        choices = _working_days(cal, start, last - timedelta(days=1)) or [start]
        day = rng.choice(choices)
        finish(plan, _at(day, rng.randint(60, 470)))

    sept_days = _working_days(cal, date(2018, 9, 1), date(2018, 9, 30))
    oct_days = _working_days(cal, OCT_START, OCT_END)
    sept = [new(sept_days) for _ in range(SEPT_NEW)]
    carried = [p for p in sept if p.row["due_at"].date() >= OCT_START]
    for p in sept:
        if p.row["due_at"].date() < OCT_START:
            resolve_by(p, date(2018, 9, 30))
    october = carried + [new(oct_days) for _ in range(OCT_TOTAL - len(carried))]
    _settle_october(october, cal, rng, resolve_by, finish)
    carried_ids = {p.row["id"] for p in carried}
    plans = sept + [p for p in october if p.row["id"] not in carried_ids]
    rows = [p.row for p in plans]
    session.execute(insert(Dossier), rows)
    if session.get_bind().dialect.name == "postgresql":
        # ids were given explicitly (events need them): move the id sequence past them
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT MAX(id) FROM dossiers))")
        )
    session.execute(insert(DossierEvent), [e for p in plans for e in p.events])
    for (office_code, day), last_seq in seqs.items():
        session.merge(DossierSequence(office_code=office_code, day=day, last_seq=last_seq))
    for office_code, n in book.items():
        session.merge(DossierSequence(office_code=f"book:{office_code}:01", day=date(2018, 1, 1), last_seq=n))
    session.flush()


def _settle_october(
    october: list[_Plan],
    cal: WorkingCalendar,
    rng: random.Random,
    resolve_by: Callable[..., None],
    finish: Callable[..., None],
) -> None:
    """Decide each October dossier's fate so that exactly 92 end late or overdue."""
    bad: set[int] = set()
    for f, quota in BAD_QUOTA.items():
        pool = [p for p in october if p.field == f and p.row["due_at"].date() < OCT_END]
        for p in rng.sample(pool, quota):
            bad.add(p.row["id"])
    supplement_pool = [p for p in october if p.row["id"] not in bad and p.row["due_at"].date() > OCT_END]
    waiting = {p.row["id"] for p in rng.sample(supplement_pool, 40)}
    for p in october:
        r = p.row
        due_day = r["due_at"].date()
        if r["id"] in bad:
            reason = rng.choice(LATE_REASONS[p.field])
            late_day = cal.add_working_days(due_day, rng.randint(1, 4))
            if late_day <= OCT_END and rng.random() < 0.6:
                finish(p, _at(late_day, rng.randint(30, 450)), reason)
            else:
                r["late_reason"] = reason  # still open at the end of October: overdue
        elif r["id"] in waiting:
            paused = _at(cal.add_working_days(max(r["received_at"].date(), date(2018, 10, 20)), 1), 120)
            r["status"] = int(S.WAITING_SUPPLEMENT)
            r["paused_at"] = paused
            p.events.append(
                dict(
                    dossier_id=r["id"],
                    user_id=r["holder_user_id"],
                    at=paused,
                    action="request_supplement",
                    from_status=int(S.PROCESSING),
                    to_status=int(S.WAITING_SUPPLEMENT),
                    note="Bổ sung bản sao giấy tờ chứng minh nơi cư trú",
                    data={},
                )
            )
        elif rng.random() < 0.005:
            first = max(r["received_at"].date(), OCT_START)
            at = _at(rng.choice(_working_days(cal, first, max(first, min(due_day, OCT_END))) or [first]), 200)
            at = max(at, r["received_at"] + timedelta(hours=1))
            r["status"], r["closed_at"] = int(S.WITHDRAWN), at
            p.events.append(
                dict(
                    dossier_id=r["id"],
                    user_id=r["receiving_user_id"],
                    at=at,
                    action="withdraw",
                    from_status=int(S.PROCESSING),
                    to_status=int(S.WITHDRAWN),
                    note="Công dân xin rút hồ sơ",
                    data={},
                )
            )
        elif due_day <= OCT_END or rng.random() < 0.5:
            resolve_by(p, OCT_END, earliest=OCT_START)
        else:  # still within deadline at the end of October, resolved in November
            november = _working_days(cal, OCT_END + timedelta(days=1), due_day) or [due_day]
            day = rng.choice(november)
            if day == due_day:
                finish(p, r["due_at"] - timedelta(minutes=rng.randint(0, 90)))
            else:
                finish(p, _at(day, rng.randint(30, 450)))
