"""BHYT fixtures: a small database with the unit tree, the office unit 741 and the demo tallies."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.roles import Actor


@pytest.fixture
def bhyt_db(db: Database) -> Iterator[Database]:
    from onestop_desktop.services.catalogue import catalogue, office
    from onestop_desktop.services.demo import bhyt as bhyt_demo
    from onestop_desktop.services.roles import Role
    from onestop_desktop.services.safety import accounts

    with session_scope(db.factory) as s:
        catalogue.load_bundled_units(s)
        office.put_setting(s, "office.unit_code", "741")
        bhyt_demo.build_demo_step(s)
        accounts.create_first_admin(s, "quantri", "Lê Quốc Toàn", "matkhau123")
    from tests.conftest import login_as

    admin = login_as(db, "quantri")
    with session_scope(db.factory) as s:
        accounts.create_user(s, admin, "canbo", "Nguyễn Thị Hồng Nhung", Role.CLERK, "matkhau123")
        accounts.create_user(s, admin, "lanhdao", "Trần Văn Bình", Role.LEADER, "matkhau123")
    yield db


@pytest.fixture
def clerk(bhyt_db: Database) -> Actor:
    from tests.conftest import login_as

    return login_as(bhyt_db, "canbo")


@pytest.fixture
def leader(bhyt_db: Database) -> Actor:
    from tests.conftest import login_as

    return login_as(bhyt_db, "lanhdao")


OCTOBER = [  # (code, name, population, insured) of the demo October, for building sheets
    ("26425", "Thị trấn Gia Ray", 30412, 25929),
    ("26428", "Xã Xuân Bắc", 17286, 13082),
]


def write_xlsx(path: Path, rows: Sequence[Sequence[Any]], merges: Sequence[str] = ()) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    for row in rows:
        ws.append(list(row))
    for m in merges:
        ws.merge_cells(m)
    wb.save(path)
    return path
