"""The dossiers of a living demo office: a commune centre's work from 1/7/2025 up to a given day.

Everything is relative to `today` (a seed from its ordinal): dossiers received on working days, handled
the way clerks do it through the program (the same events, notes and dossier columns as
`services.tracking.actions`), and nothing written after `today` 11:00 ("now" while the demo is opened).
The dossiers of the 2018 story are never touched.
"""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from onestop_desktop.db.models import Dossier, DossierEvent, DossierSequence, Field, Procedure, Unit, User
from onestop_desktop.domain.calendar import TimeUnit, WorkingCalendar
from onestop_desktop.domain.codes import make_dossier_code
from onestop_desktop.domain.fmt import fmt_date, fmt_datetime
from onestop_desktop.domain.states import Action, classify_result, next_status, timeliness_label_vi
from onestop_desktop.domain.states import DossierStatus as S
from onestop_desktop.domain.text import vi_name_sort_key
from onestop_desktop.services.catalogue import catalogue, versions
from onestop_desktop.services.demo.people import address, person
from onestop_desktop.services.dossiers import search_key
from onestop_desktop.services.tracking.actions import RESTORABLE

START = date(2025, 7, 1)  # two-tier local government: the commune took over the district's procedures
NOW = time(11, 0)  # on `today` nothing happens after this: the demo is opened in the morning
DAY_MINUTES = 480  # working minutes of an office day (07:00-11:30, 13:30-17:00)

FIELD_WEIGHT = {"CT": 34, "HT": 28, "DD": 13, "KD": 5, "XD": 3, "LD": 5, "BT": 6, "TP": 2}
POPULAR = {"1.001193": 5, "1.000894": 2, "1.000656": 2, "HT-04": 4, "HT-13": 4, "CT-01": 5, "CT-02": 3}
ONLINE_SHARE = 0.22  # of all dossiers, taken from the procedures with online level 3 or 4
LATE_SHARE = {"DD": 0.12, "XD": 0.08, "KD": 0.04, "BT": 0.04}
SUPPLEMENT_SHARE = {"DD": 0.10, "XD": 0.08, "KD": 0.05, "BT": 0.05}
WITHDRAW_SHARE = 0.005
LATE_REASONS = {
    "DD": [
        "Hồ sơ đất đai có sai sót về diện tích, phải đo đạc lại",
        "Chờ xác minh nguồn gốc sử dụng đất",
        "Chờ cơ quan thuế xác định nghĩa vụ tài chính",
    ],
    "XD": ["Chờ ý kiến thẩm định của cơ quan chuyên môn cấp tỉnh"],
    "BT": ["Chờ họp Hội đồng xét duyệt"],
}
DEFAULT_REASON = "Chờ xác minh thông tin của cơ quan có liên quan"
MISSING = {
    "DD": ["Bổ sung bản vẽ sơ đồ thửa đất", "Bổ sung hợp đồng chuyển nhượng có công chứng"],
    "XD": ["Bổ sung bản vẽ thiết kế mặt bằng, mặt đứng công trình"],
    "HT": ["Bổ sung giấy tờ chứng minh nơi cư trú"],
}
DEFAULT_MISSING = "Bổ sung bản sao giấy tờ tùy thân của người ủy quyền"

Row = dict[str, Any]
CONSTANT: Row = dict(email="", submitter_name=None, sets=1, book_number="01", source="demo", late_reason="")
CONSTANT.update(paused_at=None, resolved_at=None, returned_at=None, closed_at=None, apology_count=0)


def _at(day: date, minute: int) -> datetime:
    """The clock time `minute` working minutes after 07:00 of `day` (the lunch break skipped)."""
    if minute >= 270:  # morning is 07:00-11:30
        minute += 120
    return datetime.combine(day, time(7)) + timedelta(minutes=minute)


def _minute(at: datetime) -> int:
    """Working minutes after 07:00 of its day (the inverse of `_at`, clamped to office hours)."""
    m = at.hour * 60 + at.minute - 420
    if m >= 390:
        m -= 120
    elif m > 270:
        m = 270
    return max(0, min(m, DAY_MINUTES - 1))


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, datetime) else v


class Desk:
    """One run of the generator: the random stream, the calendar, the people and the rows written."""

    def __init__(
        self, rng: random.Random, cal: WorkingCalendar, today: date, clerks: list[User], now: time = NOW
    ) -> None:
        self.rng, self.cal, self.clerks = rng, cal, clerks
        self.now = datetime.combine(today, now)
        self.events: list[Row] = []

    def later(self, at: datetime, minutes: int) -> datetime:
        """`minutes` working minutes after `at`, inside office hours."""
        m, day = _minute(at) + minutes, at.date()
        if not self.cal.is_working_day(day):
            day, m = self.cal.next_working_day(day), minutes
        while m >= DAY_MINUTES:
            day, m = self.cal.next_working_day(day), m - DAY_MINUTES
        return _at(day, m)

    def on(self, day: date, low: int = 0, high: int = DAY_MINUTES - 10) -> datetime:
        return _at(day, self.rng.randint(low, high))

    def act(self, r: Row, action: Action, at: datetime, by: int, note: str, data: Row, **ch: Any) -> bool:
        """Apply one action the way `tracking.actions._transition` does; False (nothing written) after now."""
        at = max(at, r["updated_at"] + timedelta(minutes=1))
        if at > self.now:
            return False
        to = next_status(S(r["status"]), action)
        before = {k: _iso(r[k]) for k in RESTORABLE}
        r.update(ch, status=int(to), updated_at=at)
        self.event(r, by, at, action, before["status"], note, {**data, "before": before})
        return True

    def event(
        self, r: Row, by: int, at: datetime, action: Action, was: int | None, note: str, data: Row
    ) -> None:
        self.events.append(
            dict(
                dossier_id=r["id"],
                user_id=by,
                at=at,
                action=str(action),
                from_status=was,
                to_status=r["status"],
                note=note,
                data=data,
            )
        )

    # --- the actions, with the notes the program adds -------------------------------------------

    def transfer(self, r: Row, at: datetime, by: User, to: User) -> bool:
        data = {
            "from_user_id": by.id,
            "from_name": by.full_name,
            "from_department": r["holder_department"],
            "to_user_id": to.id,
            "to_name": to.full_name,
            "to_department": to.department,
        }
        note = f"Chuyển cho {to.full_name} ({to.department})."
        return self.act(
            r, Action.TRANSFER, at, by.id, note, data, holder_user_id=to.id, holder_department=to.department
        )

    def request_supplement(self, r: Row, at: datetime, missing: str) -> bool:
        at = max(at, r["updated_at"] + timedelta(minutes=1))
        note = f"{missing}\nTạm dừng tính thời hạn giải quyết từ {fmt_datetime(at)}."
        return self.act(
            r, Action.REQUEST_SUPPLEMENT, at, r["holder_user_id"], note, {"missing": missing}, paused_at=at
        )

    def receive_supplement(self, r: Row, at: datetime) -> bool:
        at = max(at, r["updated_at"] + timedelta(minutes=1))
        old, paused = r["due_at"], r["paused_at"]
        new, waited = self.cal.resume_after_pause(old, paused, at)
        note = (
            f"Chờ bổ sung từ {fmt_date(paused)} đến {fmt_date(at)}: {waited} ngày làm việc; "
            f"hẹn trả lùi từ {fmt_datetime(old)} sang {fmt_datetime(new)}."
            if waited
            else f"Chờ bổ sung từ {fmt_date(paused)} đến {fmt_date(at)}: không mất ngày làm việc nào, "
            f"giữ hẹn trả {fmt_datetime(old)}."
        )
        by = r["receiving_user_id"]
        return self.act(r, Action.RECEIVE_SUPPLEMENT, at, by, note, {}, due_at=new, paused_at=None)

    def apology(self, r: Row, at: datetime, new_due: datetime, reason: str) -> bool:
        old = r["due_at"]
        note = f"{reason}\nXin lỗi và hẹn lại: từ {fmt_datetime(old)} sang {fmt_datetime(new_due)}."
        data = {"old_due": old.isoformat(), "new_due": new_due.isoformat()}
        ch = dict(due_at=new_due, late_reason=reason, apology_count=r["apology_count"] + 1)
        return self.act(r, Action.APOLOGY, at, r["holder_user_id"], note, data, **ch)

    def resolve(self, r: Row, at: datetime, note: str = "") -> bool:
        at = max(at, r["updated_at"] + timedelta(minutes=1))
        t = timeliness_label_vi(classify_result(at, r["due_at"])).lower()
        extra = f"Giải quyết xong: {t} (hẹn trả {fmt_datetime(r['due_at'])})."
        note = f"{note}\n{extra}" if note else extra
        return self.act(r, Action.RESOLVE, at, r["holder_user_id"], note, {}, resolved_at=at)

    def return_result(self, r: Row, at: datetime, clerk: User) -> bool:
        at = max(at, r["updated_at"] + timedelta(minutes=1))
        t = timeliness_label_vi(classify_result(r["resolved_at"], r["due_at"])).lower()
        return self.act(r, Action.RETURN_RESULT, at, clerk.id, f"Đã trả kết quả: {t}.", {}, returned_at=at)

    def withdraw(self, r: Row, at: datetime) -> bool:
        note, by = "Công dân xin rút hồ sơ", r["receiving_user_id"]
        return self.act(r, Action.WITHDRAW, at, by, note, {}, closed_at=at, paused_at=None)

    # --- a dossier's life -------------------------------------------------------------------------

    def live(self, r: Row, field: str, officer: User | None, clerk: User) -> None:
        """Everything that happens to one dossier up to now, decided by the random stream."""
        rng = self.rng
        same_day = r["time_value"] == 0
        if officer is not None:
            gap = rng.randint(10, 40) if same_day else rng.randint(30, 240)
            if not self.transfer(r, self.later(r["received_at"], gap), clerk, officer):
                return
        if rng.random() < WITHDRAW_SHARE:
            self.withdraw(r, self.later(r["updated_at"], rng.randint(60, 3 * DAY_MINUTES)))
            return
        if not same_day and rng.random() < SUPPLEMENT_SHARE.get(field, 0.03):
            missing = rng.choice(MISSING.get(field, [DEFAULT_MISSING]))
            if not self.request_supplement(
                r, self.later(r["updated_at"], rng.randint(60, 2 * DAY_MINUTES)), missing
            ):
                return
            wait = rng.randint(1, 12) if rng.random() < 0.85 else rng.randint(15, 50)
            back = self.on(self.cal.add_working_days(r["paused_at"].date(), wait))
            if not self.receive_supplement(r, back):
                return
        if rng.random() < LATE_SHARE.get(field, 0.02):
            if not self.late(r, field):
                return
        elif not self.resolve(r, self.resolve_time(r)):
            return
        if rng.random() < 0.03 and r["channel"] != "online":
            return  # the applicant has not come for the result yet
        if r["channel"] == "online":
            ret = self.later(r["resolved_at"], rng.randint(5, 60))
        elif rng.random() < 0.6:
            ret = self.later(r["resolved_at"], rng.randint(20, 2 * DAY_MINUTES))
        else:
            ret = self.on(self.cal.add_working_days(r["resolved_at"].date(), rng.randint(1, 10)))
        self.return_result(r, ret, rng.choice(self.clerks))

    def resolve_time(self, r: Row) -> datetime:
        """Early or on time: the appointment day (about a third) or a working day before it."""
        due: datetime = r["due_at"]
        last: datetime = r["updated_at"]
        if r["time_value"] == 0:
            return min(self.later(last, self.rng.randint(20, 150)), due - timedelta(minutes=5))
        first = self.cal.next_working_day(last.date())
        if due.date() <= first or self.rng.random() < 0.33:
            return due - timedelta(minutes=self.rng.randint(0, 90))
        days = self.cal.working_days_between(first, due.date())  # working days after `first`, up to due
        return self.on(self.cal.add_working_days(first, self.rng.randint(0, max(0, days - 1))))

    def late(self, r: Row, field: str) -> bool:
        """A dossier that misses its appointment: an apology and a new date, or resolved late."""
        rng, cal = self.rng, self.cal
        reason = rng.choice(LATE_REASONS.get(field, [DEFAULT_REASON]))
        due = r["due_at"]
        if rng.random() < 0.5:
            letter = self.on(cal.add_working_days(due.date(), -1), 60, 400)
            if letter > r["updated_at"] and letter < due:
                new_due = datetime.combine(cal.add_working_days(due.date(), rng.randint(3, 10)), due.time())
                if not self.apology(r, letter, new_due, reason):
                    return False
                if rng.random() < 0.8:
                    return self.resolve(r, self.resolve_time(r))
                reason, due = "", new_due  # missed again: late on the new date too
        delay = rng.randint(1, 20) if field == "DD" else rng.randint(1, 8)
        return self.resolve(r, self.on(cal.add_working_days(due.date(), delay)), reason)


def _received_per_day(rng: random.Random, cal: WorkingCalendar, day: date, today: date) -> int:
    long_break = (cal.next_working_day(day) - day).days >= 6  # the day before Tết: people go home
    n = rng.randint(8, 15) if long_break else rng.randint(25, 45)
    return max(1, n // 2) if day == today else n  # today: a morning's worth so far


def build_today_dossiers(
    session: Session,
    today: date,
    unit: Unit,
    clerks: list[User],
    officers: dict[str, User] | None = None,
    now: time = NOW,
) -> int:
    """Insert the dossiers `unit` received from 1/7/2025 up to `today` with their events; returns how many.

    `clerks` receive at the counter and return results; `officers` (field code -> user), when given, get
    the dossiers of their field by a transfer, otherwise the receiving clerk handles the dossier.
    """
    if today < START:
        return 0
    office_code = unit.office_code
    assert office_code and clerks
    rng = random.Random(today.toordinal())
    cal = catalogue.working_calendar(session)
    officers = officers or {}
    procs = list(
        session.scalars(
            select(Procedure)
            .options(versions.loaded())
            .where(Procedure.level.in_(("xa", "huyen")), Procedure.active.is_(True))
            .order_by(Procedure.code)
        )
    )
    fields = {f.id: f.code for f in session.scalars(select(Field))}
    per_field = {c: sum(1 for p in procs if fields[p.field_id] == c) for c in fields.values()}
    weights = [
        FIELD_WEIGHT.get(fields[p.field_id], 1) * POPULAR.get(p.code, 1) / per_field[fields[p.field_id]]
        for p in procs
    ]
    capable = sum(
        w for p, w in zip(procs, weights, strict=True) if versions.on_day(p, today).online_level >= 3
    ) / sum(weights)
    online_p = min(0.9, ONLINE_SHARE / capable) if capable else 0.0
    documents = {  # per catalogue version: the checklist of the receipt day
        v.id: [
            {
                "name": d.name,
                "originals": d.count if d.kind == "original" else 0,
                "certified_copies": d.count if d.kind == "certified_copy" else 0,
                "photocopies": d.count if d.kind == "photocopy" else 0,
            }
            for d in v.documents
        ]
        for p in procs
        for v in p.versions
    }
    book_key = f"book:{office_code}:01"
    seqs: dict[tuple[str, date], int] = {
        (s.office_code, s.day): s.last_seq
        for s in session.scalars(
            select(DossierSequence).where(
                DossierSequence.office_code.in_((office_code, book_key)),
                DossierSequence.day >= START.replace(month=1),
            )
        )
    }
    next_id = (session.scalar(select(Dossier.id).order_by(Dossier.id.desc()).limit(1)) or 0) + 1
    office = Desk(rng, cal, today, clerks, now)
    rows: list[Row] = []
    day = START if cal.is_working_day(START) else cal.next_working_day(START)
    while day <= today:
        n = _received_per_day(rng, cal, day, today)
        latest = _minute(datetime.combine(today, now)) - 10 if day == today else DAY_MINUTES - 10
        if latest < 0:
            n = 0  # opened before the office opens: nothing received yet today
        for minute in sorted(rng.randint(0, latest) for _ in range(n)):
            p = rng.choices(procs, weights)[0]
            field = fields[p.field_id]
            received = _at(day, minute)
            v = versions.on_day(p, day)
            due = cal.due(received, v.time_value, TimeUnit(v.time_unit))
            seq = seqs[(office_code, day)] = seqs.get((office_code, day), 0) + 1
            year = date(day.year, 1, 1)
            book = seqs[(book_key, year)] = seqs.get((book_key, year), 0) + 1
            code = make_dossier_code(office_code, day, seq)
            name, cid, phone = person(rng)
            clerk = rng.choice(clerks)
            online = v.online_level >= 3 and rng.random() < online_p
            channel = "online" if online else ("postal" if rng.random() < 0.01 else "direct")
            r: Row = {
                **CONSTANT,
                "id": next_id,
                "code": code,
                "procedure_id": p.id,
                "procedure_version_id": v.id,
                "field_id": p.field_id,
                "unit_id": unit.id,
                "applicant_name": name,
                "applicant_sort": vi_name_sort_key(name),
                "citizen_id": cid,
                "phone": phone,
                "address": address(rng, unit.name),
                "address_unit_id": unit.id,
                "channel": channel,
                "received_at": received,
                "due_at": due.due,
                "original_due_at": due.due,
                "time_value": v.time_value,
                "time_unit": v.time_unit,
                "status": int(S.ACCEPTED),
                "documents": documents[v.id],
                "fee": v.fee,
                "receiving_user_id": clerk.id,
                "holder_user_id": clerk.id,
                "holder_department": clerk.department,
                "search_key": search_key(code, name, cid, phone),
                "book_sequence": book,
                "updated_at": received,
            }
            next_id += 1
            office.event(
                r, clerk.id, received, Action.ACCEPT, None, due.explain(), {"due": due.due.isoformat()}
            )
            officer = officers.get(field)
            office.live(r, field, officer if officer is not None and officer.id != clerk.id else None, clerk)
            rows.append(r)
        day = cal.next_working_day(day)
    if not rows:
        return 0
    session.execute(insert(Dossier), rows)
    if session.get_bind().dialect.name == "postgresql":
        # ids were given explicitly (events need them): move the id sequence past them
        session.execute(
            text("SELECT setval(pg_get_serial_sequence('dossiers', 'id'), (SELECT MAX(id) FROM dossiers))")
        )
    session.execute(insert(DossierEvent), office.events)
    for (code_key, seq_day), last_seq in seqs.items():
        session.merge(DossierSequence(office_code=code_key, day=seq_day, last_seq=last_seq))
    session.flush()
    return len(rows)
