"""The dated catalogue: the version of the receipt day decides time, fee and checklist, and stays."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, Procedure, ProcedureVersion
from onestop_desktop.domain.calendar import TimeUnit
from onestop_desktop.services.catalogue import catalogue, versions
from onestop_desktop.services.catalogue.versions import VersionValues
from onestop_desktop.services.dossiers import DocumentCount
from onestop_desktop.services.errors import ServiceError, ValidationFailed
from onestop_desktop.services.intake import checks, receiving
from tests.conftest import login_as

FIRST_LAND = "DD-01"  # Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất lần đầu
BIRTH = "1.001193"  # Đăng ký khai sinh


def _form(code: str) -> checks.IntakeForm:
    docs = (DocumentCount("Đơn đăng ký", 1),)
    return checks.IntakeForm(code, "Lê Văn Tám", "075090001234", "0912345678", street="Ấp 2",
                             address_unit_code="26428", documents=docs)  # fmt: skip


def test_first_land_registration_30_days_until_31_7_2024_then_20_working_days(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        before = receiving.receive(s, clerk, _form(FIRST_LAND), received_at=datetime(2024, 7, 31, 9, 0))
        after = receiving.receive(s, clerk, _form(FIRST_LAND), received_at=datetime(2024, 8, 1, 9, 0))
    with session_scope(demo_db.factory) as s:
        old, new = s.get(Dossier, before.registered.id), s.get(Dossier, after.registered.id)
        assert old is not None and new is not None
        assert (old.time_value, old.time_unit) == (30, "working-days")
        assert (new.time_value, new.time_unit) == (20, "working-days")
        assert old.procedure_version_id != new.procedure_version_id
        cal = catalogue.working_calendar(s)
        assert new.due_at == cal.due(new.received_at, 20, TimeUnit.WORKING_DAYS).due
        assert old.due_at == cal.due(old.received_at, 30, TimeUnit.WORKING_DAYS).due
        version = s.get(ProcedureVersion, new.procedure_version_id)
        assert version is not None and version.valid_from == date(2024, 8, 1)
        assert "101/2024/NĐ-CP" in version.source
    assert after.receipt.statutory_time == "20 ngày làm việc"
    assert before.receipt.statutory_time == "30 ngày làm việc"


def test_birth_checklist_2018_has_the_household_book_and_none_has_it_after_2022(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        birth_2018 = catalogue.get_procedure(s, BIRTH, on=date(2018, 10, 1))
        names_2018 = " | ".join(d.name for d in birth_2018.documents)
        assert "Sổ hộ khẩu" in names_2018 and "CMND" in names_2018
        birth_now = catalogue.get_procedure(s, BIRTH, on=date(2026, 12, 2))
        assert any("VNeID" in d.name and "Căn cước" in d.name for d in birth_now.documents)
        for day in (date(2023, 1, 1), date(2026, 12, 2)):
            procs = catalogue.list_procedures(s, on=day)
            assert len(procs) == len(catalogue.list_procedures(s, on=date(2018, 10, 1)))
            for p in procs:
                text = " ".join([p.name, p.result, *(d.name for d in p.documents)]).lower()
                assert "hộ khẩu" not in text, (day, p.code)
        last_day = catalogue.get_procedure(s, BIRTH, on=date(2022, 12, 31))
        assert any("Sổ hộ khẩu" in d.name for d in last_day.documents)  # valid until 31/12/2022


def test_no_checklist_asks_for_a_cmnd_after_2024(demo_db: Database) -> None:
    """The CMND was valid until 31/12/2024 (Luật Căn cước 2023): a 2026 receipt still listed it."""
    with session_scope(demo_db.factory) as s:
        then = catalogue.list_procedures(s, on=date(2024, 12, 31))
        assert sum(any("CMND" in d.name for d in p.documents) for p in then) == 21
        for day in (date(2025, 1, 1), date(2026, 12, 2)):
            for p in catalogue.list_procedures(s, on=day):
                text = " ".join(d.name for d in p.documents)
                assert "CMND" not in text and "minh nhân dân" not in text, (day, p.code)
        signature = catalogue.get_procedure(s, "CT-02", on=date(2026, 12, 2))
        assert any("thẻ Căn cước, thẻ Căn cước công dân" in d.name for d in signature.documents)


def test_2018_story_dossiers_keep_the_2018_version(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        land = s.scalar(select(Procedure).where(Procedure.code == FIRST_LAND))
        assert land is not None
        first = versions.version_on(s, land, date(2018, 10, 1))
        assert first is not None and first.valid_to == date(2024, 7, 31)
        rows = s.execute(
            select(Dossier.time_value, Dossier.procedure_version_id).where(Dossier.procedure_id == land.id)
        ).all()
        assert rows and {r for r in rows} == {(30, first.id)}
        unlinked = s.scalar(select(func.count(Dossier.id)).where(Dossier.procedure_version_id.is_(None)))
        assert unlinked == 0


def test_a_new_version_never_changes_a_received_dossier(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        got = receiving.receive(s, clerk, _form("DD-02"), received_at=datetime(2026, 11, 2, 9, 0))
    with session_scope(demo_db.factory) as s:
        p = s.scalar(select(Procedure).where(Procedure.code == "DD-02"))
        assert p is not None
        with pytest.raises(ServiceError) as err:  # it would end the version before the dossier's day
            versions.add_version(s, p, date(2026, 11, 1), VersionValues(7, "working-days", 0))
        assert "02/11/2026" in err.value.message and "03/11/2026" in err.value.message
    with session_scope(demo_db.factory) as s:
        p = s.scalar(select(Procedure).where(Procedure.code == "DD-02"))
        assert p is not None
        versions.add_version(s, p, date(2026, 11, 3), VersionValues(7, "working-days", 0), "Thử")
    with session_scope(demo_db.factory) as s:
        d = s.get(Dossier, got.registered.id)
        assert d is not None and d.time_value == 10 and d.due_at == got.registered.due.due
        v = s.get(ProcedureVersion, d.procedure_version_id)
        assert v is not None and v.time_value == 10 and v.valid_to == date(2026, 11, 2)
        assert catalogue.get_procedure(s, "DD-02", on=date(2026, 11, 3)).time_value == 7


def test_a_procedure_that_does_not_apply_that_day_is_refused(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        p = s.scalar(select(Procedure).where(Procedure.code == "TP-04"))
        assert p is not None
        versions.end_procedure(s, p, date(2026, 6, 30))
    with pytest.raises(ValidationFailed) as err, session_scope(demo_db.factory) as s:
        receiving.receive(s, login_as(demo_db, "canbo"), _form("TP-04"), received_at=datetime(2026, 7, 1, 9))
    assert "không áp dụng vào ngày 01/07/2026" in err.value.errors["procedure"]
    with session_scope(demo_db.factory) as s:
        assert "TP-04" not in {p.code for p in catalogue.list_procedures(s, on=date(2026, 7, 1))}
        assert "TP-04" in {p.code for p in catalogue.list_procedures(s, on=date(2026, 6, 30))}


def test_loading_the_bundled_catalogue_twice_adds_no_version(demo_db: Database) -> None:
    with session_scope(demo_db.factory) as s:
        n = s.scalar(select(func.count(ProcedureVersion.id)))
        assert catalogue.load_bundled_catalogue(s) == 0
        assert s.scalar(select(func.count(ProcedureVersion.id))) == n
