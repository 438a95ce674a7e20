"""The BHYT tab of the office of today: xã Xuân Lộc's hamlets for the current month, the commune's total
last."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from onestop_desktop.bootstrap import Database
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.fmt import fmt_int
from onestop_desktop.services.bhyt import coverage
from onestop_desktop.ui.bhyt import model as M
from onestop_desktop.ui.bhyt.tab import BhytTab
from tests.conftest import login_as
from tests.demo.living_builds import MONDAY, open_living


@pytest.fixture
def living_tab(qtbot, qapp, tmp_path_factory: pytest.TempPathFactory) -> Iterator[BhytTab]:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.app import create_app
    from onestop_desktop.ui.bus import Bus
    from onestop_desktop.ui.context import AppContext
    from onestop_desktop.ui.tasks import TaskRunner

    db: Database = open_living(tmp_path_factory, MONDAY)
    create_app()
    ctx = AppContext(
        db=db, actor=login_as(db, "canbo"), bus=Bus(), tasks=TaskRunner(synchronous=True), demo=True
    )
    t = BhytTab(ctx)
    qtbot.addWidget(t)
    t.resize(1360, 760)
    t.show()
    qtbot.waitExposed(t)
    yield t
    db.engine.dispose()


def test_the_current_month_shows_the_hamlets_and_the_commune(
    living_tab: BhytTab, qtmodeltester, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    t = living_tab
    assert t.picker.month() == date(2026, 11, 1) and t.picker.count() == 2 + 17  # 2018 and 07/2025-11/2026
    assert "Xã Xuân Lộc, tháng 11/2026" in t.summary.text() and "30/11/2026" in t.summary.text()
    rows = t.proxy.rowCount()
    assert rows == 30  # 29 hamlets, then the commune
    names = [t.proxy.index(r, M.UNIT).data() for r in range(rows)]
    assert "Khu phố 1" in names and "Ấp Thọ An" in names and "Ấp Hiệp Thành" in names
    assert names[-1] == "Toàn xã Xuân Lộc"
    with session_scope(t.ctx.db.factory) as s:
        m = coverage.month_coverage(s, MONDAY)
    assert t.proxy.index(rows - 1, M.POPULATION).data() == fmt_int(m.population)
    assert t.proxy.index(rows - 1, M.INSURED).data() == fmt_int(sum(u.insured for u in m.units))
    assert f"{fmt_int(m.insured)}/{fmt_int(m.population)}" in t.summary.text()
    total = t.proxy.mapToSource(t.proxy.index(rows - 1, M.INSURED))
    assert not t.model.flags(total) & Qt.ItemFlag.ItemIsEditable  # the sum is corrected in its rows
    assert t.model.flags(t.proxy.mapToSource(t.proxy.index(0, M.POPULATION))) & Qt.ItemFlag.ItemIsEditable
    assert t.proxy.index(rows - 1, M.UNIT).data(Qt.ItemDataRole.FontRole).bold()
    t.sort_combo.setCurrentIndex(3)  # by name: the total still last
    assert t.proxy.index(rows - 1, M.UNIT).data() == "Toàn xã Xuân Lộc"
    t.table.selectRow(rows - 1)  # the commune's own trend: every month since 07/2025 up to November
    assert t.chart.points and t.chart.points[-1][0] == date(2026, 11, 1)
    values = [v for _m, v in t.chart.points]
    assert values == sorted(values)
    qtmodeltester.check(t.model, force_py=True)
    t.sort_combo.setCurrentIndex(0)
    shot = tmp_path / "bhyt_hamlets.png"
    assert t.grab().save(str(shot)) and shot.stat().st_size > 10_000


def test_the_tracking_unit_filter_offers_receiving_units_not_hamlets(living_tab: BhytTab, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The hamlets exist for the BHYT tallies; no dossier is ever received by one."""
    from sqlalchemy import select

    from onestop_desktop.db.models import Unit
    from onestop_desktop.ui.tracking.tab import TrackingTab

    tab = TrackingTab(living_tab.ctx)
    qtbot.addWidget(tab)
    names = {tab.filters.unit.itemText(i) for i in range(tab.filters.unit.count())}
    assert "Xã Xuân Lộc" in names
    with session_scope(living_tab.ctx.db.factory) as s:
        hamlets = set(s.scalars(select(Unit.name).where(Unit.level == "hamlet")))
    assert len(hamlets) == 29 and not hamlets & names
