"""Recording the citizen's rating: only after the return, one per dossier, replaced with an audit entry."""

from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier, User
from onestop_desktop.db.models_files import Rating
from onestop_desktop.db.models_stats import AuditEntry
from onestop_desktop.domain.ratings import LEVELS, level_label
from onestop_desktop.services.errors import NotFound, PermissionDenied, ServiceError, ValidationFailed
from onestop_desktop.services.ratings.record import rating_of, record_rating
from onestop_desktop.services.tracking import actions
from tests.conftest import login_as
from tests.ratings.conftest import AT, open_dossiers, returned


def _ratings(db: Database) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(func.count()).select_from(Rating)) or 0)


def test_rating_recorded_after_return_rates_the_returning_officer(demo_db: Database) -> None:
    clerk, other = login_as(demo_db, "canbo"), login_as(demo_db, "canbo2")
    (code,) = open_dossiers(demo_db)
    returned(demo_db, clerk, code, returner=other)
    later = datetime(2026, 11, 24, 10, 0)
    with session_scope(demo_db.factory) as s:
        info = record_rating(s, clerk, code, "satisfied", "  Nhanh, chu đáo ", at=later)
    assert (info.level, info.reason, info.source, info.replaced) == (
        "satisfied",
        "Nhanh, chu đáo",
        "counter",
        False,
    )
    assert info.officer_user_id == other.user_id and info.officer_name == "Phạm Văn Đức"
    assert info.recorded_by == "canbo" and info.rated_at == later
    with session_scope(demo_db.factory) as s:
        got = rating_of(s, code)
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None
        row = s.scalar(select(Rating).where(Rating.dossier_id == d.id))
        assert row is not None and row.procedure_id == d.procedure_id and row.recorded_by == clerk.user_id
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity == "rating")).all()
        assert [(e.entity_id, e.action) for e in entry] == [(code, "rate")]
    assert got == info


def test_refused_before_return_and_nothing_saved(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    (code,) = open_dossiers(demo_db)
    before = _ratings(demo_db)
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as info:
        record_rating(s, clerk, code, "satisfied")
    assert "chưa trả kết quả" in str(info.value) and "đang giải quyết" in str(info.value)
    assert info.value.msg is not None
    assert "has not been returned" in info.value.msg.text("en")
    # resolved but not yet handed over: still refused
    with session_scope(demo_db.factory) as s:
        dossier_id = s.scalar(select(Dossier.id).where(Dossier.code == code))
        assert dossier_id is not None
        actions.resolve(s, clerk, dossier_id, at=AT)
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError):
        record_rating(s, clerk, code, "neutral")
    assert _ratings(demo_db) == before


def test_second_rating_replaces_the_first_and_is_audited(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    (code,) = open_dossiers(demo_db)
    returned(demo_db, clerk, code)
    with session_scope(demo_db.factory) as s:
        record_rating(s, clerk, code, "satisfied", at=datetime(2026, 11, 24, 9, 40))
    with session_scope(demo_db.factory) as s:
        again = record_rating(s, clerk, code, "unsatisfied", "Phải chờ lâu", source="screen")
    assert again.replaced and again.level == "unsatisfied" and again.source == "screen"
    with session_scope(demo_db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None
        assert s.scalar(select(func.count()).select_from(Rating).where(Rating.dossier_id == d.id)) == 1
        entries = s.scalars(
            select(AuditEntry).where(AuditEntry.entity == "rating").order_by(AuditEntry.id)
        ).all()
        assert [e.action for e in entries] == ["rate", "rate-again"]
        assert entries[1].before is not None and entries[1].before["level"] == "satisfied"
        assert entries[1].after is not None and entries[1].after["level"] == "unsatisfied"
        assert "Hài lòng" in entries[1].note
    with session_scope(demo_db.factory) as s:
        got = rating_of(s, code)
    assert got is not None and got.level == "unsatisfied" and got.reason == "Phải chờ lâu"


def test_bad_input_is_one_clear_sentence(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    (code,) = open_dossiers(demo_db)
    returned(demo_db, clerk, code)
    cases = [
        (dict(level="great"), "Mức đánh giá không hợp lệ"),
        (dict(level="satisfied", source="web"), "Nguồn đánh giá không hợp lệ"),
        (dict(level="neutral", reason="x" * 1001), "Lý do quá dài"),
    ]
    for kwargs, words in cases:
        with session_scope(demo_db.factory) as s, pytest.raises(ValidationFailed) as info:
            record_rating(s, clerk, code, **kwargs)  # type: ignore[arg-type]
        assert words in str(info.value)
    with session_scope(demo_db.factory) as s, pytest.raises(NotFound):
        record_rating(s, clerk, "KHONG-CO", "satisfied")
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as early:
        record_rating(s, clerk, code, "satisfied", at=datetime(2026, 11, 24, 8, 0))
    assert "trước khi trả kết quả" in str(early.value)
    with session_scope(demo_db.factory) as s:
        assert rating_of(s, code) is None


def test_a_disabled_account_cannot_record(demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    (code,) = open_dossiers(demo_db)
    returned(demo_db, clerk, code)
    with session_scope(demo_db.factory) as s:
        u = s.get(User, clerk.user_id)
        assert u is not None
        u.active = False
    with session_scope(demo_db.factory) as s, pytest.raises(PermissionDenied):
        record_rating(s, clerk, code, "satisfied")


def test_levels_have_both_wordings() -> None:
    assert LEVELS == ("satisfied", "neutral", "unsatisfied")
    assert [level_label(x) for x in LEVELS] == ["Hài lòng", "Bình thường", "Không hài lòng"]
    assert [level_label(x, "en") for x in LEVELS] == ["Satisfied", "Neutral", "Not satisfied"]
