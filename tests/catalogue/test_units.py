"""Units on a given day: the 2018 tree of Xuân Lộc until 30/6/2025, the seven communes of NQ 1662 after."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, Unit, UnitSuccessor
from onestop_desktop.db.models_stats import BhytTally, BhytTarget
from onestop_desktop.services.catalogue import catalogue, units
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.intake import checks
from onestop_desktop.services.intake import receiving as intake_receiving
from tests.conftest import login_as

COMMUNES_2018 = {
    "Thị trấn Gia Ray", "Xã Xuân Bắc", "Xã Suối Cao", "Xã Xuân Thành", "Xã Xuân Thọ", "Xã Xuân Trường",
    "Xã Xuân Hòa", "Xã Xuân Hưng", "Xã Xuân Tâm", "Xã Suối Cát", "Xã Xuân Hiệp", "Xã Xuân Phú",
    "Xã Xuân Định", "Xã Bảo Hòa", "Xã Lang Minh",
}  # fmt: skip
COMMUNES_2025 = {
    ("26425", "Xã Xuân Lộc"), ("26446", "Xã Xuân Hòa"), ("26434", "Xã Xuân Thành"), ("26428", "Xã Xuân Bắc"),
    ("26458", "Xã Xuân Phú"), ("26461", "Xã Xuân Định"), ("26359", "Xã Xuân Đông"),
}  # fmt: skip


@pytest.fixture
def loaded(db: Database) -> Database:
    with session_scope(db.factory) as s:
        catalogue.load_bundled_units(s)
    return db


@pytest.mark.parametrize(
    ("day", "province", "district", "communes"),
    [
        (date(2018, 10, 24), True, True, COMMUNES_2018),
        (date(2025, 6, 30), True, True, COMMUNES_2018),  # the last day of huyện Xuân Lộc
        (date(2025, 7, 1), True, False, {n for _c, n in COMMUNES_2025}),  # two tiers from 1/7/2025
        (date(2026, 12, 2), True, False, {n for _c, n in COMMUNES_2025}),
    ],
)
def test_list_units_on_a_day(
    loaded: Database, day: date, province: bool, district: bool, communes: set[str]
) -> None:
    with session_scope(loaded.factory) as s:
        got = catalogue.list_units(s, on=day)
    assert ("Tỉnh Đồng Nai" in {u.name for u in got}) is province
    assert ("Huyện Xuân Lộc" in {u.name for u in got}) is district
    assert {u.name for u in got if u.level in ("commune", "township")} == communes
    assert len({u.code for u in got}) == len(got), "a code names one unit on any day"


def test_2025_communes_are_directly_under_the_province(loaded: Database) -> None:
    with session_scope(loaded.factory) as s:
        new = [u for u in catalogue.list_units(s, on=date(2025, 7, 1)) if u.level == "commune"]
        province = s.scalar(select(Unit).where(Unit.code == "75"))
        assert province is not None
        assert {(u.code, u.name) for u in new} == COMMUNES_2025
        assert {u.parent_id for u in new} == {province.id}
        assert {u.valid_from for u in new} == {date(2025, 7, 1)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("gia ray", [("26425", False, "Gia Ray → nay thuộc xã Xuân Lộc")]),
        ("Thị trấn Gia Ray", [("26425", False, "Gia Ray → nay thuộc xã Xuân Lộc")]),
        ("Xuân Bắc", [("26428", False, "Xuân Bắc (cũ, đến 30/06/2025) → nay thuộc xã Xuân Bắc")]),
        ("xuan hung", [("26446", False, "Xuân Hưng → nay thuộc xã Xuân Hòa")]),
        ("26443", [("26446", False, "Xuân Hòa (cũ, đến 30/06/2025) → nay thuộc xã Xuân Hòa")]),
        ("bao hoa", [("26461", False, "Bảo Hòa → nay thuộc xã Xuân Định")]),
        (
            "xuân tâm",  # split: part to Xuân Đông (k.21), the rest to Xuân Hòa (k.25)
            [
                ("26446", True, "Xuân Tâm → một phần nay thuộc xã Xuân Hòa"),
                ("26359", True, "Xuân Tâm → một phần nay thuộc xã Xuân Đông"),
            ],
        ),
        ("xuan loc", []),  # the district has no successor record; xã Xuân Lộc itself is current
        ("", []),
    ],
)
def test_successors(loaded: Database, text: str, expected: list[tuple[str, bool, str]]) -> None:
    with session_scope(loaded.factory) as s:
        got = units.successors(s, text, on=date(2026, 12, 2))
    assert [(x.unit.code, x.part, x.hint) for x in got] == expected
    assert all(x.unit.valid_from == date(2025, 7, 1) for x in got)


def test_successors_name_their_legal_source(loaded: Database) -> None:
    with session_scope(loaded.factory) as s:
        (tam_dong,) = [x for x in units.successors(s, "xuan tam", date(2025, 7, 1)) if x.unit.code == "26359"]
        assert tam_dong.source == "NQ 1662/NQ-UBTVQH15, Điều 1 khoản 21"
        assert units.successors(s, "gia ray", date(2025, 6, 30)) == []  # still thị trấn Gia Ray that day


def test_unit_by_code_takes_the_day(loaded: Database) -> None:
    with session_scope(loaded.factory) as s:

        def name(code: str, day: date, fallback: bool = False) -> str | None:
            u = units.unit_by_code(s, code, day, fallback=fallback)
            return u.name if u else None

        assert name("26425", date(2018, 10, 24)) == "Thị trấn Gia Ray"
        assert name("26425", date(2025, 6, 30)) == "Thị trấn Gia Ray"
        assert name("26425", date(2025, 7, 1)) == "Xã Xuân Lộc"
        assert name("26446", date(2018, 10, 24)) == "Xã Xuân Hưng"
        assert name("26446", date(2026, 12, 2)) == "Xã Xuân Hòa"
        assert name("741", date(2026, 12, 2)) is None
        assert name("741", date(2026, 12, 2), fallback=True) == "Huyện Xuân Lộc"  # an office set to it
        assert name("26359", date(2018, 10, 24), fallback=True) is None  # never a later unit


def test_loading_twice_adds_nothing(loaded: Database) -> None:
    with session_scope(loaded.factory) as s:
        before = s.scalar(select(func.count(Unit.id))), s.scalar(select(func.count(UnitSuccessor.id)))
        assert catalogue.load_bundled_units(s) == 0
        after = s.scalar(select(func.count(Unit.id))), s.scalar(select(func.count(UnitSuccessor.id)))
    assert before == after == (24, 16)  # 17 + 7 units; 15 former units, Xuân Tâm twice


def test_an_older_list_is_completed_and_the_placeholder_keeps_its_row(db: Database) -> None:
    """Databases built before this list had xã Xuân Lộc under the made-up code 99425."""
    with session_scope(db.factory) as s:
        rows = catalogue._read_json("demo/units.json")
        old = [r for r in rows if r["valid_from"] < "2025-07-01"]
        placeholder = {**next(r for r in rows if r["name"] == "Xã Xuân Lộc"), "code": "99425"}
        placeholder.pop("successor_of")
        catalogue.load_units(s, [*old, placeholder])
        kept = s.scalar(select(Unit.id).where(Unit.code == "99425"))
        assert catalogue.load_bundled_units(s) == 6
        xl = units.unit_by_code(s, "26425", date(2026, 1, 1))
        assert xl is not None and xl.id == kept and xl.name == "Xã Xuân Lộc"
        assert s.scalar(select(Unit.id).where(Unit.code == "99425")) is None


def test_receipt_address_uses_the_unit_of_the_receipt_day(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    form = checks.IntakeForm(
        procedure_code="1.001193",
        applicant_name="Nguyễn Văn An",
        citizen_id="075090001234",
        phone="0912345678",
        street="Khu 1",
        address_unit_code="26425",
        documents=(DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),),
    )
    with session_scope(demo_db.factory) as s:
        old = intake_receiving.receive(s, clerk, form, received_at=datetime(2018, 10, 25, 9, 0))
        new = intake_receiving.receive(s, clerk, form, received_at=datetime(2026, 12, 2, 9, 0))
        assert old.receipt.applicant_address == "Khu 1, thị trấn Gia Ray, huyện Xuân Lộc, tỉnh Đồng Nai"
        assert new.receipt.applicant_address == "Khu 1, xã Xuân Lộc, tỉnh Đồng Nai"
        ids = {
            d.code: s.get(Unit, d.address_unit_id).name  # type: ignore[union-attr]
            for d in s.scalars(select(Dossier).where(Dossier.id.in_([old.registered.id, new.registered.id])))
        }
    assert sorted(ids.values()) == ["Thị trấn Gia Ray", "Xã Xuân Lộc"]


def test_demo_restart_keeps_the_2018_bhyt_figures(demo_db: Database) -> None:
    """The 2025 communes reuse 2018 codes: the BHYT demo step must not attach tallies to them."""
    from onestop_desktop.bootstrap import ensure_demo

    def counts() -> tuple[int | None, ...]:
        with session_scope(demo_db.factory) as s:
            return (
                s.scalar(select(func.count(BhytTally.id))),
                s.scalar(select(func.count(BhytTarget.id))),
                s.scalar(select(func.sum(BhytTally.insured))),
            )

    before = counts()
    # the story's database started again (the office of today, with its hamlets' tallies, has its own
    # tests: tests/demo/test_living_stats.py)
    assert ensure_demo(demo_db, living=False) is False
    assert counts() == before == (30, 16, before[2])
    with session_scope(demo_db.factory) as s:
        late = s.scalars(
            select(Unit.name)
            .join(BhytTally, BhytTally.unit_id == Unit.id)
            .where(Unit.valid_from >= date(2025, 1, 1))
        ).all()
    assert late == []
