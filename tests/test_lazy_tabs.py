"""The program's window (lazy=True) shows at once and builds its other tabs right after the first paint;
a tab opened sooner is built then, and the result is the same window as one built all at once."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtCore import QSettings

from onestop_desktop.ui.context import AppContext


def _titles(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [window.tabs.tabText(i) for i in range(window.tabs.count())]


def test_lazy_window_ends_as_the_eager_one(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.main_window import MainWindow, _TabSlot

    eager = MainWindow(app_context)
    qtbot.addWidget(eager)
    lazy = MainWindow(app_context, lazy=True)
    qtbot.addWidget(lazy)
    waiting = [i for i in range(lazy.tabs.count()) if isinstance(lazy.tabs.widget(i), _TabSlot)]
    assert waiting == [1, 2, 3, 4]  # only the home page was built
    titles = [lazy.tabs.widget(i).tab_title() for i in waiting]
    assert titles == [eager.tabs.widget(i).tab_title() for i in waiting]
    assert "Tiếp nhận" in " ".join(_titles(lazy))  # translated titles from the start (Vietnamese default)
    lazy.show()
    qtbot.waitUntil(lambda: not any(isinstance(lazy.tabs.widget(i), _TabSlot) for i in range(5)), timeout=5e3)
    assert [type(lazy.tabs.widget(i)) for i in range(5)] == [type(eager.tabs.widget(i)) for i in range(5)]
    assert lazy.tabs.currentIndex() == 0  # building the others never moved the clerk


def test_a_tab_opened_before_it_was_built_is_built_then(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.main_window import MainWindow
    from onestop_desktop.ui.tracking.tab import TrackingTab

    window = MainWindow(app_context, lazy=True)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    window.tabs.setCurrentIndex(2)  # Alt+3 at once, before the idle build reached it
    qtbot.waitUntil(lambda: isinstance(window.tabs.widget(2), TrackingTab), timeout=3000)
    assert window.tabs.currentIndex() == 2
    tracking = window.tabs.widget(2)
    qtbot.waitUntil(lambda: tracking.filters.search.hasFocus(), timeout=3000)


def test_the_saved_tab_is_built_first(app_context: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.main_window import MainWindow, _TabSlot
    from onestop_desktop.ui.tracking.tab import TrackingTab

    QSettings().setValue("main/tab", 2)
    try:
        window = MainWindow(app_context, lazy=True)
        qtbot.addWidget(window)
        assert isinstance(window.tabs.widget(2), TrackingTab)
        assert isinstance(window.tabs.widget(1), _TabSlot)
        assert window.tabs.currentIndex() == 2
    finally:
        QSettings().remove("main/tab")


def test_start_up_does_not_load_the_other_tabs_code(demo_db_file: Path, tmp_path: Path) -> None:
    script = textwrap.dedent(
        """
        import sys
        from onestop_desktop.ui.app import create_app
        from onestop_desktop.bootstrap import open_database
        from onestop_desktop.ui.bus import Bus
        from onestop_desktop.ui.context import AppContext
        from onestop_desktop.ui.main_window import MainWindow
        from onestop_desktop.ui.tasks import TaskRunner
        from tests.conftest import login_as
        app = create_app()
        db = open_database(sys.argv[1])
        ctx = AppContext(db=db, actor=login_as(db, "canbo"), bus=Bus(), tasks=TaskRunner(), demo=True)
        w = MainWindow(ctx, lazy=True)
        w.show()
        print(*sorted(m for m in sys.modules if m.endswith(".tab") and m.startswith("onestop_desktop.ui.")))
        print(*sorted(m for m in ("matplotlib", "reportlab", "openpyxl") if m in sys.modules))
        """
    )
    copy = tmp_path / "demo.sqlite3"
    copy.write_bytes(demo_db_file.read_bytes())
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ONESTOP_DATA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", script, f"sqlite:///{copy}"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    tabs, heavy = (done.stdout.splitlines() + ["", ""])[:2]
    assert tabs == "", tabs  # the home page is not a tab module; the four tabs load after the paint
    assert heavy == "", heavy
