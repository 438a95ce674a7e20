"""The citizen's screen: the window itself on a given screen, the one-screen counter, and two screens
(Qt's offscreen platform given two fake screens, in a process of its own)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from sqlalchemy import select

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models_files import Rating
from onestop_desktop.ui.rating import citizen as citizen_module
from onestop_desktop.ui.rating.citizen import CitizenWindow, second_screen
from onestop_desktop.ui.rating.settings import (
    CitizenScreenToggle,
    citizen_screen_enabled,
    set_citizen_screen_enabled,
)
from onestop_desktop.ui.rating.step import ask_rating
from tests.ratings.conftest import open_dossiers, returned

ROOT = Path(__file__).resolve().parents[2]


def test_the_window_fills_the_screen_it_is_given_and_thanks(
    app_context: Any, qtbot: Any, monkeypatch: Any
) -> None:
    screen = QGuiApplication.primaryScreen()
    w = CitizenWindow("000.00.32.H19-181024-0001")
    qtbot.addWidget(w)
    w.show_on(screen)
    assert w.isVisible() and w.screen() is screen and w.geometry() == screen.geometry()
    assert w.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert w.testAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)  # the clerk keeps the keyboard
    assert [b.text() for b in w.buttons.values()] == ["Hài lòng", "Bình thường", "Không hài lòng"]
    assert w.buttons["satisfied"].font().pointSize() >= 16  # as large as an 800-px screen allows
    assert "hài lòng" in w.title.text()
    monkeypatch.setattr(citizen_module, "THANKS_MS", 10)
    with qtbot.waitSignal(w.chosen) as got:
        QTest.mouseClick(w.buttons["unsatisfied"], Qt.MouseButton.LeftButton)
    assert got.args == ["unsatisfied"]
    assert "Cảm ơn" in w.title.text() and not any(b.isEnabled() for b in w.buttons.values())
    qtbot.waitUntil(lambda: not w.isVisible(), timeout=2000)


def test_one_screen_the_counter_dialog_alone(app_context: Any, qtbot: Any) -> None:
    assert len(QGuiApplication.screens()) == 1 and second_screen() is None
    set_citizen_screen_enabled(True)
    assert citizen_screen_enabled()
    db: Database = app_context.db
    (code,) = open_dossiers(db)
    returned(db, app_context.actor, code)
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    dialog = ask_rating(parent, app_context, code)
    assert dialog.citizen is None and dialog.screen_note.isHidden()
    QTest.keyClick(dialog, Qt.Key.Key_1)
    with session_scope(db.factory) as s:
        r = s.scalars(select(Rating)).all()
        assert [(x.level, x.source) for x in r if x.reason == ""][-1] == ("satisfied", "counter")


def test_the_toggle_keeps_the_preference(app_context: Any, qtbot: Any) -> None:
    set_citizen_screen_enabled(False)
    t = CitizenScreenToggle()
    qtbot.addWidget(t)
    assert not t.isChecked() and "một màn hình" in t.toolTip()
    t.click()
    assert citizen_screen_enabled()
    assert CitizenScreenToggle().isChecked()


_TWO_SCREENS = {
    "synchronousWindowSystemEvents": False,
    "windowFrameMargins": False,
    "screens": [
        {"name": "counter", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, "dpr": 1},
        {"name": "citizen", "x": 1366, "y": 0, "width": 1024, "height": 600, "logicalDpi": 96, "dpr": 1},
    ],
}

_SCRIPT = textwrap.dedent(
    """
    import json, sys
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.ui.app import create_app
    from onestop_desktop.ui.bus import Bus
    from onestop_desktop.ui.context import AppContext
    from onestop_desktop.ui.tasks import TaskRunner
    from onestop_desktop.ui.rating.settings import set_citizen_screen_enabled
    from onestop_desktop.ui.rating.step import ask_rating
    from onestop_desktop.services.ratings.record import rating_of
    from PySide6.QtWidgets import QWidget
    from tests.ratings.conftest import open_dossiers, returned  # (tests.conftest would force one screen)
    from sqlalchemy import select
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.db.models import User
    from onestop_desktop.services.roles import actor_of

    app = create_app()
    db = open_database(sys.argv[1])
    with session_scope(db.factory) as s:
        actor = actor_of(s.scalar(select(User).where(User.username == "canbo")))
    ctx = AppContext(db=db, actor=actor, bus=Bus(), tasks=TaskRunner(synchronous=True))
    (code,) = open_dossiers(db)
    returned(db, actor, code)
    window = QWidget()
    window.setGeometry(100, 100, 800, 600)
    window.show()
    out = {"screens": [s.name() for s in app.screens()], "window_screen": window.screen().name()}
    set_citizen_screen_enabled(True)
    dialog = ask_rating(window, ctx, code)
    c = dialog.citizen
    if c is None:
        sys.exit(f"no citizen window: {out}")
    out["citizen"] = None if c is None else {
        "screen": c.screen().name(), "visible": c.isVisible(),
        "geometry": [c.geometry().x(), c.geometry().y(), c.geometry().width(), c.geometry().height()],
    }
    out["note_shown"] = not dialog.screen_note.isHidden()
    c.buttons["neutral"].click()  # the citizen touches "Bình thường" on their screen
    out["counter_level"] = dialog.level
    out["reason_asked"] = not dialog.reason.isHidden()
    dialog.reason.setText("Chờ lâu")
    dialog.save_button.click()
    with ctx.session() as s:
        r = rating_of(s, code)
    out["rating"] = [r.level, r.source, r.reason] if r else None
    print(json.dumps(out))
    """
)


def test_two_screens_the_citizen_answers_on_theirs(demo_db: Database, tmp_path: Path) -> None:
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(_TWO_SCREENS), encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "PYTHONPATH": str(ROOT)}
    url = str(demo_db.engine.url)
    demo_db.engine.dispose()
    run = subprocess.run(
        [sys.executable, "-c", _SCRIPT, url], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 0, run.stderr[-3000:]
    out = json.loads(run.stdout.strip().splitlines()[-1])
    assert sorted(out["screens"]) == ["citizen", "counter"] and out["window_screen"] == "counter"
    assert out["citizen"] == {"screen": "citizen", "visible": True, "geometry": [1366, 0, 1024, 600]}
    assert out["note_shown"] is True
    assert out["counter_level"] == "neutral" and out["reason_asked"] is True
    assert out["rating"] == ["neutral", "screen", "Chờ lâu"]
