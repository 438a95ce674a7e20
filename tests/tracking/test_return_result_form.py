"""The result recorded as issued electronically (its PDF) or on paper (its scan) when it is returned:
the return and the file in one transaction, the details panel shows the form; a bad file saves nothing."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

pytest.importorskip("onestop_desktop.services.attachments.attach")
pytest.importorskip("onestop_desktop.services.attachments.scans")

from onestop_desktop.db.engine import session_scope  # noqa: E402
from onestop_desktop.db.models import Dossier  # noqa: E402
from onestop_desktop.db.models_files import Attachment, Rating  # noqa: E402
from onestop_desktop.domain.states import DossierStatus  # noqa: E402
from onestop_desktop.ui.rating.dialog import RatingDialog  # noqa: E402
from onestop_desktop.ui.tracking import actions  # noqa: E402
from onestop_desktop.ui.tracking.tab import TrackingTab  # noqa: E402

S = DossierStatus
NOW = datetime(2026, 11, 17, 9, 0)


def _png(path: Path, colour: str = "white") -> Path:
    from PIL import Image

    Image.new("RGB", (200, 280), colour).save(path, "PNG")
    return path


def _pdf(path: Path) -> Path:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (200, 280), "white").save(buf, "PDF")
    path.write_bytes(buf.getvalue())
    return path


@pytest.fixture
def tab(app_context: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> TrackingTab:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    t = TrackingTab(app_context, now=lambda: NOW)
    qtbot.addWidget(t)
    t.resize(1400, 800)
    t.show()
    return t


def _resolved(tab: TrackingTab, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr(actions, "prompt", lambda *_a: {"note": ""})
    for r in range(tab.model.rowCount()):
        item = tab.model.row_at(r)
        assert item is not None
        if item[0].status == int(S.PROCESSING):
            tab.table.selectRow(r)
            tab.details.buttons["resolve"].click()
            return int(item[0].id)
    raise AssertionError("no open dossier")


def _return_with(tab: TrackingTab, monkeypatch: pytest.MonkeyPatch, form: str, files: list[Path]) -> None:
    monkeypatch.setattr(actions, "prompt", lambda *_a: {"note": "", "form": form, "files": files})
    tab.details.buttons["return-result"].click()


def _dossier(tab: TrackingTab, dossier_id: int) -> tuple[int, str, list[tuple[str, str, str]]]:
    with session_scope(tab.ctx.db.factory) as s:
        d = s.get(Dossier, dossier_id)
        assert d is not None
        rows = s.execute(
            select(Attachment.role, Attachment.result_form, Attachment.name).where(
                Attachment.dossier_id == dossier_id, Attachment.removed_at.is_(None)
            )
        ).all()
        return d.status, d.result_form, [tuple(r) for r in rows]  # type: ignore[misc]


def test_result_issued_electronically(
    tab: TrackingTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dossier_id = _resolved(tab, monkeypatch)
    _return_with(tab, monkeypatch, "electronic", [_pdf(tmp_path / "ket-qua.pdf")])
    status, form, rows = _dossier(tab, dossier_id)
    assert status == int(S.RETURNED) and form == "electronic"
    assert len(rows) == 1 and rows[0][:2] == ("result", "electronic")
    dialog = tab.findChild(RatingDialog)
    assert dialog is not None and dialog.isVisible()  # the rating follows the return
    QTest.keyClick(dialog, Qt.Key.Key_1)
    html = tab.details.browser.toHtml()
    assert "Trả kết quả điện tử" in html and "Hài lòng" in html
    with session_scope(tab.ctx.db.factory) as s:
        assert s.scalar(select(Rating.level).where(Rating.dossier_id == dossier_id)) == "satisfied"


def test_result_on_paper_with_its_scan(
    tab: TrackingTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    dossier_id = _resolved(tab, monkeypatch)
    scans = [_png(tmp_path / "trang1.png"), _png(tmp_path / "trang2.png", "gray")]
    _return_with(tab, monkeypatch, "paper", scans)
    status, form, rows = _dossier(tab, dossier_id)
    assert status == int(S.RETURNED) and form == "paper"
    assert len(rows) == 1 and rows[0][:2] == ("result", "paper")  # two pages, one PDF
    assert "Trả kết quả giấy" in tab.details.browser.toHtml()


@pytest.mark.parametrize("bad", ["missing", "corrupt"])
def test_a_bad_file_saves_nothing(
    tab: TrackingTab, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, bad: str
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    dossier_id = _resolved(tab, monkeypatch)
    path = tmp_path / "ket-qua.pdf"
    if bad == "corrupt":
        path.write_bytes(b"not a pdf at all")
    _return_with(tab, monkeypatch, "electronic", [path])
    assert len(shown) == 1
    if bad == "missing":
        assert "Không đọc được tệp ket-qua.pdf" in shown[0]
    status, form, rows = _dossier(tab, dossier_id)
    assert (status, form, rows) == (int(S.RESOLVED), "", [])  # not returned: nothing half-way
    assert tab.findChild(RatingDialog) is None
