"""The demo office of the source story: Xuân Lộc district (Đồng Nai), September and October 2018.

Deterministic (a fixed random seed) and idempotent (a settings key records what was built).
October 2018: 6,092 dossiers to handle (carried over + new), of which 6,000 resolved early/on time
or still within deadline, and 92 late or overdue, most of them in land (đất đai).
"""

from __future__ import annotations

import random
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from onestop_desktop.db.models import (
    Unit,
    User,
)
from onestop_desktop.services.catalogue import catalogue, office
from onestop_desktop.services.demo import bhyt as demo_bhyt
from onestop_desktop.services.demo import commune
from onestop_desktop.services.demo import indicators as demo_indicators
from onestop_desktop.services.demo.acting import demo_admin
from onestop_desktop.services.demo.people import person
from onestop_desktop.services.demo.story import OFFICERS, _make_dossiers
from onestop_desktop.services.roles import Role
from onestop_desktop.services.safety.accounts import hash_password

DEMO_PASSWORD = "Demo@2018"
DEMO_ACCOUNTS = (
    ("canbo", "Nguyễn Thị Hồng Nhung", Role.CLERK, "Bộ phận một cửa huyện"),
    ("lanhdao", "Trần Văn Bình", Role.LEADER, "Lãnh đạo UBND huyện"),
    ("quantri", "Lê Quốc Toàn", Role.ADMIN, "Văn phòng HĐND và UBND huyện"),
)
DEMO_KEY = "demo.built"
DEMO_VERSION = "1"


def build_demo(session: Session, today: date | None = None) -> bool:
    """Build the demo office in this database; returns False when it was already there.

    With `today` (a day from 1/7/2025 on) the office of today is added too: the commune centre and its
    dossiers up to that day (`services.demo.commune`); without it the demo is the 2018 story alone.
    """
    if office.get_setting(session, DEMO_KEY) == DEMO_VERSION:
        catalogue.load_bundled_units(session)  # units added since the demo was built (2025 communes)
        for step in (demo_bhyt.build_demo_step, demo_indicators.build_demo_step):
            step(session)
        if today is not None:
            commune.build_office_of_today(session, today)
        return False
    catalogue.load_bundled_units(session)
    catalogue.load_bundled_catalogue(session)
    district = session.scalar(select(Unit).where(Unit.code == "741"))
    assert district is not None
    users = _make_users(session, district)
    office.save_office(
        session,
        demo_admin(session),  # the demo acts as its own administrator: services refuse no actor
        office.OfficeSettings(
            name="UBND huyện Xuân Lộc",
            parent_name="UBND tỉnh Đồng Nai",
            department="Bộ phận tiếp nhận và trả kết quả",
            place="Xuân Lộc",
            address="Số 267, đường Hùng Vương, khu 1, thị trấn Gia Ray, huyện Xuân Lộc, tỉnh Đồng Nai",
            phone="0251 3871113",
            unit_code="741",
            book_number="01",
            return_place="Bộ phận tiếp nhận và trả kết quả huyện Xuân Lộc",
        ),
    )
    _make_dossiers(session, users)
    office.put_setting(session, DEMO_KEY, DEMO_VERSION)
    session.flush()
    for step in (demo_bhyt.build_demo_step, demo_indicators.build_demo_step):
        step(session)
    if today is not None:
        commune.build_office_of_today(session, today)
    return True


def _make_users(session: Session, district: Unit) -> dict[str, User]:
    pw = hash_password(DEMO_PASSWORD)  # one hash for every demo account: the password is public anyway
    made: dict[str, User] = {u.username: u for u in session.scalars(select(User))}

    def add(username: str, name: str, role: Role, dept: str, unit: Unit) -> None:
        if username not in made:
            u = User(
                username=username,
                full_name=name,
                role=role.value,
                password_hash=pw,
                department=dept,
                unit_id=unit.id,
                created_at=datetime(2018, 1, 2, 8, 0),
            )
            session.add(u)
            made[username] = u

    for username, name, role, dept in DEMO_ACCOUNTS:
        add(username, name, role, dept, district)
    add("canbo2", "Phạm Văn Đức", Role.CLERK, "Bộ phận một cửa huyện", district)
    for username, name, dept in OFFICERS.values():
        add(username, name, Role.CLERK, dept, district)
    rng = random.Random(741)
    for unit in session.scalars(select(Unit).where(Unit.parent_id == district.id).order_by(Unit.code)):
        name = person(rng)[0]
        add(f"cb.{unit.code}", name, Role.CLERK, f"Công chức một cửa {unit.name}", unit)
    session.flush()
    return made


def demo_accounts() -> list[tuple[str, str, str]]:
    """(username, password, role label) of the accounts shown on the demo login dialog."""
    return [(u, DEMO_PASSWORD, r.value) for u, _n, r, _d in DEMO_ACCOUNTS]
