"""The rating in English: the dialog, the citizen's window and the service's refusals."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.errors import ServiceError
from onestop_desktop.services.ratings.record import record_rating
from onestop_desktop.ui.i18n import install_translators, say_error
from onestop_desktop.ui.rating.citizen import CitizenWindow
from onestop_desktop.ui.rating.dialog import RatingDialog
from tests.conftest import login_as
from tests.ratings.conftest import open_dossiers


@pytest.fixture
def english(app_context: Any) -> Iterator[None]:
    install_translators("en")
    try:
        yield
    finally:
        install_translators("vi")


def test_dialog_and_window_in_english(english: None, qtbot: Any) -> None:
    d = RatingDialog("X-1")
    qtbot.addWidget(d)
    assert d.windowTitle() == "Citizen's rating of dossier X-1"
    assert [b.text() for b in d.buttons.values()] == ["1\nSatisfied", "2\nNeutral", "3\nNot satisfied"]
    d.show()
    QTest.keyClick(d, Qt.Key.Key_3)
    assert d.reason_label.text() == "The citizen chose \u201cNot satisfied\u201d. Why? (optional)"
    w = CitizenWindow("X-1")
    qtbot.addWidget(w)
    assert w.title.text() == "Are you satisfied with the service you received?"
    assert [b.text() for b in w.buttons.values()] == ["Satisfied", "Neutral", "Not satisfied"]


def test_refusal_in_english(english: None, demo_db: Database) -> None:
    clerk = login_as(demo_db, "canbo")
    (code,) = open_dossiers(demo_db)
    with session_scope(demo_db.factory) as s, pytest.raises(ServiceError) as info:
        record_rating(s, clerk, code, "satisfied")
    assert say_error(info.value) == (
        f"Dossier {code} has not been returned (being processed): a rating is recorded only once the "
        "result has been returned to the citizen."
    )
