"""Today's demo office carries scans, results and ratings: consistent, stored, plausible, never late."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, time

import pytest
from pypdf import PdfReader
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment, Rating, StoredFile
from onestop_desktop.domain.periods import parse_period
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services.attachments.attach import store_of
from onestop_desktop.services.demo.today import START
from onestop_desktop.services.reports.report_data import build_report
from tests.demo.living_builds import MONDAY, open_living

NOW = datetime.combine(MONDAY, time(11, 0))
SINCE = datetime.combine(START, time())


@pytest.fixture(scope="module")
def living(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_living(tmp_path_factory, MONDAY)
    yield db
    db.engine.dispose()


def test_files_are_few_stored_and_whole(living: Database) -> None:
    with session_scope(living.factory) as s:
        store = store_of(s)
        files = list(s.scalars(select(StoredFile)))
        assert store is not None  # a SQLite file: the store beside it
        assert 20 <= len(files) <= 300  # one per document name and per field's result, whatever the count
        for f in files[:40]:
            assert store.verify(f.sha256) and f.media_type == "application/pdf" and f.content is None
            assert len(PdfReader(io.BytesIO(store.read(f.sha256))).pages) == f.pages == 1
        named = set(s.scalars(select(Attachment.sha256).distinct()))
        assert named <= {f.sha256 for f in files}


def test_digitised_means_every_line_scanned(living: Database) -> None:
    with session_scope(living.factory) as s:
        lines = dict(
            s.execute(
                select(Attachment.dossier_id, func.count(func.distinct(Attachment.document)))
                .where(Attachment.role == "document", Attachment.removed_at.is_(None))
                .group_by(Attachment.dossier_id)
            ).all()
        )
        rows = s.execute(
            select(Dossier.id, Dossier.documents, Dossier.digitized_at, Dossier.received_at)
        ).all()
        story = [r for r in rows if r.received_at < SINCE]
        assert story and all(r.id not in lines and r.digitized_at is None for r in story)  # 2018: no scan
        today = [r for r in rows if r.received_at >= SINCE]
        digitised = [r for r in today if r.digitized_at is not None]
        assert all(lines.get(r.id) == len(r.documents) for r in digitised)
        assert all(lines.get(r.id, 0) < len(r.documents) for r in today if r.digitized_at is None)
        assert 0.85 <= len(digitised) / len(today) <= 0.99
        last = s.scalar(select(func.max(Attachment.added_at)))
        assert last is not None and last <= NOW


def test_results_electronic_or_paper(living: Database) -> None:
    with session_scope(living.factory) as s:
        forms = dict(
            s.execute(
                select(Dossier.result_form, func.count())
                .where(Dossier.received_at >= SINCE, Dossier.resolved_at.is_not(None))
                .group_by(Dossier.result_form)
            ).all()
        )
        results = s.scalar(select(func.count()).where(Attachment.role == "result"))
        assert forms.get("electronic", 0) > 0 and forms.get("paper", 0) > 0
        assert results == forms["electronic"] + forms["paper"]


def test_ratings_of_returned_results_with_a_plausible_mix(living: Database) -> None:
    with session_scope(living.factory) as s:
        rated = s.execute(
            select(Rating.level, Dossier.status, Rating.rated_at, Dossier.returned_at).join(
                Dossier, Dossier.id == Rating.dossier_id
            )
        ).all()
        returned = s.scalar(
            select(func.count()).where(
                Dossier.status == int(DossierStatus.RETURNED), Dossier.received_at >= SINCE
            )
        )
    assert rated and all(r.status == int(DossierStatus.RETURNED) for r in rated)
    assert all(r.returned_at < r.rated_at <= NOW for r in rated)
    assert returned is not None and 0.6 <= len(rated) / returned <= 0.9
    levels = [r.level for r in rated]
    share = levels.count("satisfied") / len(levels)
    assert 0.75 <= share <= 0.95 and levels.count("neutral") and levels.count("unsatisfied")


def test_the_report_of_last_month_has_both_sections(living: Database) -> None:
    with session_scope(living.factory) as s:
        j = build_report(s, parse_period("2026-10")).to_json()
    g, r = j["digitization"], j["ratings"]
    assert g["received"] > 300 and g["rate"] is not None and 85 <= g["rate"] <= 99
    assert 0 < g["results_electronic"] < g["received"]
    assert r["count"] > 200 and r["rate"] is not None and 75 <= r["rate"] <= 95
    assert r["count"] == r["satisfied"] + r["neutral"] + r["unsatisfied"]
    assert j["ratings_detail"]["worst_procedures"]["procedures"]
