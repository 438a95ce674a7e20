"""The intake service without Qt: validation, receiving, guidance, refusal, drafts, lookup, search."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import CounterEvent, Dossier
from onestop_desktop.domain.text import nfc
from onestop_desktop.services.catalogue import catalogue
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.errors import PermissionDenied, ValidationFailed
from onestop_desktop.services.intake import checks, outcomes
from onestop_desktop.services.intake import drafts as intake_drafts
from onestop_desktop.services.intake import lookup as intake_lookup
from onestop_desktop.services.intake import receiving as intake_receiving
from onestop_desktop.services.roles import Actor
from tests.conftest import login_as

DOC = (DocumentCount("Tờ khai đăng ký khai sinh theo mẫu", 1),)
GOOD = checks.IntakeForm(
    procedure_code="1.001193",
    applicant_name="Nguyễn Văn An",
    citizen_id="075090001234",
    phone="0912345678",
    street="Ấp 1",
    address_unit_code="26428",
    documents=DOC,
)


@pytest.fixture
def clerk(demo_db: Database) -> Actor:
    return login_as(demo_db, "canbo")


def count(db: Database) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(func.count(Dossier.id))) or 0)


def test_receive_writes_dossier_with_receipt(demo_db: Database, clerk: Actor) -> None:
    at = datetime(2026, 4, 29, 9, 30)  # 5 working days over 30/4, 1/5 and the weekend
    form = checks.IntakeForm(**{**GOOD.__dict__, "procedure_code": "HT-10"})
    with session_scope(demo_db.factory) as s:
        proc = catalogue.get_procedure(s, "HT-10")
        got = intake_receiving.receive(s, clerk, form, received_at=at)
    assert got.registered.code == "000.00.32.H19-260429-0001"
    assert got.receipt.applicant_name == "Nguyễn Văn An"
    # 2026: the xã Xuân Bắc of 1/7/2025 (code 26428 reused), with no district any more
    assert got.receipt.applicant_address == "Ấp 1, xã Xuân Bắc, tỉnh Đồng Nai"
    assert got.receipt.procedure_name == proc.name
    assert got.receipt.officer_name
    assert got.registered.due.due > at
    assert "30/04, 01/05 (nghỉ lễ)" in got.registered.due.explain()
    assert got.receipt.statutory_time == "5 ngày làm việc"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"applicant_name": ""}, "applicant_name"),
        ({"applicant_name": "A" * 101}, "applicant_name"),
        ({"applicant_name": "Nguyễn 😀 An"}, "applicant_name"),
        ({"applicant_name": "Nguyen2"}, "applicant_name"),
        ({"citizen_id": ""}, "citizen_id"),
        ({"citizen_id": "07509000123"}, "citizen_id"),
        ({"citizen_id": "999090001234"}, "citizen_id"),
        ({"citizen_id": "07509000123x"}, "citizen_id"),
        ({"phone": "12345"}, "phone"),
        ({"phone": ""}, "phone"),
        ({"email": "a@b"}, "email"),
        ({"street": "", "address_unit_code": None}, "street"),
        ({"street": "Ấp 1 🏠"}, "street"),
        ({"street": "x" * 300}, "street"),
        ({"procedure_code": ""}, "procedure"),
        ({"procedure_code": "NOPE"}, "procedure"),
        ({"documents": ()}, "documents"),
        ({"documents": (DocumentCount("Tờ khai", 0, 0, 0),)}, "documents"),
        ({"documents": (DocumentCount("Tờ khai", 100),)}, "documents"),
        ({"sets": 0}, "sets"),
        ({"fee": -1}, "fee"),
        ({"on_behalf": True, "submitter_name": ""}, "submitter_name"),
        ({"address_unit_code": "00000"}, "address_unit"),
        ({"channel": "fax"}, "channel"),
    ],
)
def test_hand_picked_invalid_inputs_never_save(
    demo_db: Database, clerk: Actor, change: dict[str, Any], field: str
) -> None:
    before = count(demo_db)
    form = checks.IntakeForm(**{**GOOD.__dict__, **change})
    with pytest.raises(ValidationFailed) as err, session_scope(demo_db.factory) as s:
        intake_receiving.receive(s, clerk, form)
    assert field in err.value.errors
    assert all(isinstance(m, str) and m for m in err.value.errors.values())
    assert count(demo_db) == before


def test_birth_date_from_card_must_match_id(demo_db: Database, clerk: Actor) -> None:
    from datetime import date

    form = checks.IntakeForm(**{**GOOD.__dict__, "birth_date": date(1991, 1, 1)})
    with pytest.raises(ValidationFailed) as err, session_scope(demo_db.factory) as s:
        checks.check_form(s, form)
    assert "citizen_id" in err.value.errors


def test_mixed_nfd_nfc_is_stored_as_nfc(demo_db: Database, clerk: Actor) -> None:
    nfd_name = unicodedata.normalize("NFD", "Nguyễn") + " Văn " + unicodedata.normalize("NFD", "Ánh")
    form = checks.IntakeForm(**{**GOOD.__dict__, "applicant_name": nfd_name, "street": "ẤP " + "Bình Hòa"})
    with session_scope(demo_db.factory) as s:
        got = intake_receiving.receive(s, clerk, form)
        d = s.get(Dossier, got.registered.id)
        assert d is not None
        assert d.applicant_name == "Nguyễn Văn Ánh" == nfc(d.applicant_name)
        assert unicodedata.is_normalized("NFC", d.address)


def test_leader_may_receive_but_not_unknown_role(demo_db: Database) -> None:
    leader = login_as(demo_db, "lanhdao")
    with session_scope(demo_db.factory) as s:
        assert intake_receiving.receive(s, leader, GOOD).registered.code
    from onestop_desktop.services.roles import Role

    nobody = Actor(leader.user_id, "x", "X", Role.CLERK)
    object.__setattr__(nobody, "role", "guest")
    with pytest.raises(PermissionDenied), session_scope(demo_db.factory) as s:
        intake_receiving.receive(s, nobody, GOOD)


texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=0, max_size=120
) | st.sampled_from(["", " ", "😀", "Nguyễn\u0301", "\u200b", "A" * 500, "075090001234", "0912345678"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=texts, cid=texts, phone=texts, email=texts, street=texts)
def test_generated_inputs_never_crash_and_only_valid_data_is_saved(
    demo_db: Database, clerk: Actor, name: str, cid: str, phone: str, email: str, street: str
) -> None:
    form = checks.IntakeForm(**{**GOOD.__dict__, "applicant_name": name, "citizen_id": cid, "phone": phone,
                                "email": email, "street": street})  # fmt: skip
    try:
        with session_scope(demo_db.factory) as s:
            got = intake_receiving.receive(s, clerk, form)
            d = s.get(Dossier, got.registered.id)
            assert d is not None
            for value in (d.applicant_name, d.address, d.citizen_id, d.phone, d.email):
                assert unicodedata.is_normalized("NFC", value)
            assert d.citizen_id.isdigit() and len(d.citizen_id) in (9, 12)
            assert not any(unicodedata.category(ch) == "So" for ch in d.applicant_name + d.address)
            assert 2 <= len(d.applicant_name) <= 100
    except ValidationFailed as exc:
        assert exc.errors


def test_guidance_and_refusal_are_recorded_without_registering(demo_db: Database, clerk: Actor) -> None:
    before = count(demo_db)
    with session_scope(demo_db.factory) as s:
        sup = outcomes.record_guidance(
            s, clerk, GOOD, ["Giấy chứng sinh", " "], "Mang bản chính để đối chiếu"
        )
        ref = outcomes.record_refusal(s, clerk, GOOD, "Không thuộc thẩm quyền giải quyết của huyện")
        assert outcomes.count_counter_events(s, "guidance") == 1
        assert outcomes.count_counter_events(s, "refusal") == 1
        rows = s.scalars(select(CounterEvent).order_by(CounterEvent.id)).all()
    assert sup.missing == ("Giấy chứng sinh",)
    assert ref.reason.startswith("Không thuộc")
    assert rows[0].missing == ["Giấy chứng sinh"] and rows[1].kind == "refusal"
    assert count(demo_db) == before
    with pytest.raises(ValidationFailed), session_scope(demo_db.factory) as s:
        outcomes.record_refusal(s, clerk, GOOD, "   ")
    with pytest.raises(ValidationFailed), session_scope(demo_db.factory) as s:
        outcomes.record_guidance(s, clerk, GOOD, [])


def test_drafts_crud_per_user(demo_db: Database, clerk: Actor) -> None:
    other = login_as(demo_db, "lanhdao")
    with session_scope(demo_db.factory) as s:
        did = intake_drafts.save_draft(
            s, clerk, {"applicant_name": "Lê Thị Hoa", "procedure_label": "Đăng ký kết hôn"}
        )
        assert intake_drafts.save_draft(s, clerk, {"applicant_name": "Lê Thị Hoà"}, did) == did
    with session_scope(demo_db.factory) as s:
        drafts = intake_drafts.list_drafts(s, clerk)
        assert [d.label for d in drafts] == ["Lê Thị Hoà"]
        assert intake_drafts.list_drafts(s, other) == []
        assert intake_drafts.load_draft(s, clerk, did).payload["applicant_name"] == "Lê Thị Hoà"
        intake_drafts.delete_draft(s, other, did)  # not theirs: nothing happens
        assert intake_drafts.list_drafts(s, clerk)
        intake_drafts.delete_draft(s, clerk, did)
        assert intake_drafts.list_drafts(s, clerk) == []


def test_lookup_by_code_partial_phone_and_id(demo_db: Database, clerk: Actor) -> None:
    with session_scope(demo_db.factory) as s:
        code = intake_receiving.receive(s, clerk, GOOD).registered.code
    with session_scope(demo_db.factory) as s:
        full = intake_lookup.lookup(s, code.lower())
        assert full.exact is not None and full.exact.code == code
        partial = intake_lookup.lookup(s, "H19-1810")
        assert len(partial.candidates) > 1 and all("H19-1810" in d.code for d in partial.candidates)
        assert any(d.code == code for d in intake_lookup.lookup(s, "0912 345 678").candidates)
        assert any(d.code == code for d in intake_lookup.lookup(s, "075090001234").candidates)
        assert intake_lookup.lookup(s, "").candidates == ()
        assert intake_lookup.lookup(s, "😀").candidates == ()


def test_last_applicant_and_duplicate_warning(demo_db: Database, clerk: Actor) -> None:
    with session_scope(demo_db.factory) as s:
        first = intake_receiving.receive(s, clerk, GOOD).registered.code
    with session_scope(demo_db.factory) as s:
        info = intake_lookup.last_applicant(s, "0750 9000 1234")
        assert info is not None and info.last_code == first and info.address_unit_code == "26428"
        checked = checks.check_form(s, GOOD)
        assert first in str(checked.warnings["duplicate"])  # a warning, not a block
        assert intake_lookup.last_applicant(s, "079300000001") is None


@pytest.mark.parametrize(
    "query", ["khai sinh", "dang ky khai sinh", "ĐĂNG KÝ KHAI SINH", "Đăng  ký khai sinh"]
)
def test_search_is_accent_insensitive_and_ranks_by_use(demo_db: Database, query: str) -> None:
    with session_scope(demo_db.factory) as s:
        procs = catalogue.list_procedures(s)
        usage = intake_lookup.procedure_usage(s)
    found = intake_lookup.search_procedures(procs, query, usage)
    names = [p.name for p in found]
    assert "Đăng ký khai sinh" in names
    assert all("khai sinh" in n for n in names)
    if query != "khai sinh":  # the full name typed: that procedure first
        assert found[0].name == "Đăng ký khai sinh"
    else:  # same kind of match: the counter's most used first
        counts = [usage.get(p.code, 0) for p in found]
        assert counts == sorted(counts, reverse=True)
    assert intake_lookup.search_procedures(procs, "1.001193")[0].code == "1.001193"
    assert all(
        p.field_code == "CT" for p in intake_lookup.search_procedures(procs, "chung thuc", limit=100)[:1]
    )
    most = intake_lookup.search_procedures(procs, "", usage, limit=5)
    counts = [usage.get(p.code, 0) for p in most]
    assert counts == sorted(counts, reverse=True)
