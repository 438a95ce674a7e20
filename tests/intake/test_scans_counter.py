"""Scans at the counter: dropped on a checklist line, picked with Ctrl+O, reordered in the strip, saved
with the dossier in one transaction, marked on the checklist and on the receipt; the size guard."""

from __future__ import annotations

import io
import os
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from sqlalchemy import func, select

from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.db.models_files import Attachment
from onestop_desktop.services.attachments.attach import list_attachments, read_content
from onestop_desktop.services.catalogue.office import put_setting
from onestop_desktop.ui.intake import pdfs
from onestop_desktop.ui.intake.attach_dialog import AttachScansDialog
from onestop_desktop.ui.intake.tab import IntakeTab
from tests.intake.scan_helpers import drop, fill, jpeg, page_widths, text_of

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    calls: list[Path] = []
    monkeypatch.setattr(pdfs, "open_pdf", lambda _parent, path, _title: calls.append(Path(path)))
    return calls


@pytest.fixture
def tab(qtbot: Any, app_context: Any, opened: list[Path]) -> IntakeTab:
    w = IntakeTab(app_context)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    fill(w)
    return w


def _line_point(tab: IntakeTab, line: int) -> Any:
    t = tab.form.documents
    return t.visualRect(t.model().index(line - 1, 0)).center()


def _dossiers(ctx: Any) -> int:
    with session_scope(ctx.db.factory) as s:
        return int(s.scalar(select(func.count()).select_from(Dossier)) or 0)


def test_dropped_files_go_on_the_line_under_the_mouse_and_are_saved_with_the_dossier(
    tab: IntakeTab, app_context: Any, opened: list[Path], tmp_path: Path
) -> None:
    table = tab.form.documents
    files = [jpeg(tmp_path / "to-khai-1.jpg", 300), jpeg(tmp_path / "to-khai-2.jpg", 400)]
    event = drop(table.viewport(), files, _line_point(tab, 2))
    assert event.isAccepted()
    assert table.current_line() == 2  # the line the files were dropped on
    mark = table.item(1, table.SCAN_COLUMN)
    assert mark.text() == "+ 2"
    assert "2" in mark.data(Qt.ItemDataRole.AccessibleTextRole)
    assert table.item(0, table.SCAN_COLUMN).text() == ""  # the other lines are untouched
    before = _dossiers(app_context)
    tab.save()
    assert tab.saved is not None and _dossiers(app_context) == before + 1
    code = tab.saved.registered.code
    with session_scope(app_context.db.factory) as s:
        infos = list_attachments(s, code)
        assert [(i.document, i.pages) for i in infos] == [(2, 2)]
        assert page_widths(read_content(s, infos[0].sha256)) == [216, 288]  # 300 and 400 px at 100 dpi
        d = s.scalar(select(Dossier).where(Dossier.code == code))
        assert d is not None and d.digitized_at is None  # lines 1 and 3 have no scan
    assert mark.text() == "✔ 2"
    assert "1/3" in tab.banner.text() or "1 of 3" in tab.banner.text()  # "Scans attached: 1 of 3 documents"
    # the receipt (Thông tư 03/2025's form 01 today) says which papers were digitised
    text = text_of(opened[-1])
    assert "Đã số" in text and "Có" in text and "Không" in text


def test_file_picker_ctrl_o_and_every_line_scanned_makes_the_dossier_digitised(
    tab: IntakeTab, app_context: Any, opened: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tab.form.documents
    chosen: list[list[str]] = []
    for i in range(3):
        chosen.append([str(jpeg(tmp_path / f"giay-{i}.jpg", 200 + 50 * i))])
    asked: list[str] = []

    def fake_open(parent: Any, title: str, folder: str, pattern: str) -> tuple[list[str], str]:
        asked.append(pattern)
        return chosen.pop(0), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    for line in (1, 2, 3):
        table.setFocus()
        table.setCurrentCell(line - 1, 1)
        QTest.keyClick(table, Qt.Key.Key_O, CTRL)
        assert table.item(line - 1, table.SCAN_COLUMN).text() == "+ 1"
    assert asked and "*.jpg" in asked[0] and "*.pdf" in asked[0]
    tab.save()
    assert tab.saved is not None
    with session_scope(app_context.db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == tab.saved.registered.code))
        assert d is not None and d.digitized_at is not None
    text = text_of(opened[-1])
    assert text.count("Có") >= 3 and "Không" not in text.replace("Không thu", "")  # the fee line


def test_reorder_with_ctrl_arrows_and_delete_a_page_changes_the_saved_pdf(
    tab: IntakeTab, app_context: Any, tmp_path: Path
) -> None:
    table = tab.form.documents
    table.setCurrentCell(0, 1)
    pages = [jpeg(tmp_path / f"p{i}.jpg", w) for i, w in enumerate((100, 200, 300))]
    drop(tab.scans.panel, pages)  # on the panel: the current line takes them
    strip = tab.scans.panel.strip
    assert strip.count() == 3 and strip.isVisibleTo(tab)
    strip.setFocus()
    strip.setCurrentRow(0)
    QTest.keyClick(strip, Qt.Key.Key_Right, CTRL)  # first page becomes the second
    assert strip.order() == [1, 0, 2]
    strip.setCurrentRow(2)
    QTest.keyClick(strip, Qt.Key.Key_Delete)  # the third page is dropped
    assert strip.order() == [1, 0]
    assert strip.item(0).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Trang 1/2") or strip.item(
        0
    ).data(Qt.ItemDataRole.AccessibleTextRole).startswith("Page 1 of 2")
    assert table.item(0, table.SCAN_COLUMN).text() == "+ 2"
    # a drag inside the strip moves the row in its model (QListWidget's internal move) like this:
    from PySide6.QtCore import QModelIndex

    assert strip.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert strip.order() == [0, 1] and tab.scans.basket.get(1).order == [0, 1]  # type: ignore[union-attr]
    assert strip.model().moveRow(QModelIndex(), 1, QModelIndex(), 0)
    assert tab.scans.basket.get(1).order == [1, 0]  # type: ignore[union-attr]
    tab.save()
    assert tab.saved is not None
    with session_scope(app_context.db.factory) as s:
        (info,) = list_attachments(s, tab.saved.registered.code)
        assert info.pages == 2
        assert page_widths(read_content(s, info.sha256)) == [144, 72]


def test_viewer_dialog_reorders_and_drops_then_keeps_the_pages(
    tab: IntakeTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from onestop_desktop.ui.intake.scan_viewer import ScanViewerDialog

    tab.form.documents.setCurrentCell(0, 1)
    tab.scans.panel.add_to_line(1, [jpeg(tmp_path / f"v{i}.jpg", 100 * (i + 1)) for i in range(3)])
    seen: list[str] = []

    def drive(self: ScanViewerDialog) -> int:
        assert self.page.pixmap() is not None and not self.page.pixmap().isNull()  # page 1 shown large
        self.strip.setCurrentRow(2)
        QTest.keyClick(self.strip, Qt.Key.Key_Left, CTRL)
        QTest.keyClick(self.strip, Qt.Key.Key_Left, CTRL)  # the last page first
        self.strip.setCurrentRow(1)
        QTest.keyClick(self.strip, Qt.Key.Key_Delete)
        seen.append(self.count_label.text())
        self.accept()
        return int(self.result())

    monkeypatch.setattr(ScanViewerDialog, "exec", drive)
    QTest.keyClick(tab.form.documents, Qt.Key.Key_F8)
    pending = tab.scans.basket.get(1)
    assert pending is not None and pending.order == [2, 1]
    assert seen and "2" in seen[0] and "3" in seen[0]
    assert page_widths(pending.final().pdf) == [216, 144]


def test_size_guard_shows_the_limit_and_saves_nothing(
    tab: IntakeTab, app_context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with session_scope(app_context.db.factory) as s:
        put_setting(s, "attachments.max_file_mb", "0.1")  # 100 KB (decimal megabytes, as size_text says them)
    tab.scans.refresh_limits()
    assert "100 KB" in tab.scans.panel.limits_label.text()
    noise = Image.frombytes("RGB", (256, 256), os.urandom(256 * 256 * 3))
    buf = io.BytesIO()
    noise.save(buf, format="PNG")
    big = tmp_path / "big.png"
    big.write_bytes(buf.getvalue())
    drop(tab.form.documents.viewport(), [big], _line_point(tab, 1))
    assert "font-weight: bold" in tab.scans.panel.limits_label.styleSheet()  # shown before saving
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    before = _dossiers(app_context)
    tab.save()
    assert tab.saved is None and _dossiers(app_context) == before  # nothing saved half-way
    assert warned and "100 KB" in warned[0] and "big.pdf" in warned[0]
    assert tab.form.isEnabled()


def test_store_unreachable_receives_alone_on_request_then_ctrl_shift_a_attaches(
    tab: IntakeTab, app_context: Any, opened: list[Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the shared store should be")
    with session_scope(app_context.db.factory) as s:
        put_setting(s, "attachments.store", str(blocked))
    drop(tab.form.documents.viewport(), [jpeg(tmp_path / "a.jpg", 300)], _line_point(tab, 1))
    asked: list[str] = []

    def answer(_p: Any, _t: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)
    before = _dossiers(app_context)
    tab.save()
    assert asked and "Ctrl+Shift+A" in asked[0]
    assert tab.saved is not None and _dossiers(app_context) == before + 1  # received alone
    assert "Ctrl+Shift+A" in tab.banner.text()
    code = tab.saved.registered.code
    with session_scope(app_context.db.factory) as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
        put_setting(s, "attachments.store", "")  # the share is back
    monkeypatch.setattr(AttachScansDialog, "exec", lambda self: (self.attach(), self.result())[1])
    tab.attach_scans()  # Ctrl+Shift+A: the scans the save could not attach come along
    with session_scope(app_context.db.factory) as s:
        assert [(i.document, i.pages) for i in list_attachments(s, code)] == [(1, 1)]
    assert tab.form.documents.item(0, tab.form.documents.SCAN_COLUMN).text() == "✔ 1"
    assert not tab.scans.basket


def test_new_dossier_and_another_procedure_forget_the_scans(tab: IntakeTab, tmp_path: Path) -> None:
    drop(tab.form.documents.viewport(), [jpeg(tmp_path / "a.jpg", 300)], _line_point(tab, 1))
    assert tab.scans.basket
    fill(tab, "Đăng ký kết hôn")  # the checklist's lines change: its scans no longer apply
    assert not tab.scans.basket
    drop(tab.form.documents.viewport(), [jpeg(tmp_path / "b.jpg", 300)], _line_point(tab, 1))
    tab.new_dossier()
    assert not tab.scans.basket and tab.scans.panel.strip.count() == 0


def test_an_unreadable_file_is_refused_in_words(
    tab: IntakeTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "notes.pdf"
    bad.write_text("not a scan at all")
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: warned.append(text))
    drop(tab.form.documents.viewport(), [bad], _line_point(tab, 1))
    assert warned and "notes.pdf" in warned[0] and "Traceback" not in warned[0]
    assert not tab.scans.basket


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_scans_speak_the_interface_language(
    qtbot: Any, app_context: Any, opened: list[Path], tmp_path: Path, lang: str
) -> None:
    from onestop_desktop.ui.i18n import install_translators

    install_translators(lang)
    try:
        w = IntakeTab(app_context)
        qtbot.addWidget(w)
        fill(w)
        panel = w.scans.panel
        table = w.form.documents
        texts = {
            "vi": ("Thêm tệp… (Ctrl+O)", "Bản quét", "Chưa quét", "2 trang"),
            "en": ("Add files… (Ctrl+O)", "Scans", "Not scanned", "2 pages"),
        }[lang]
        assert panel.add_button.text() == texts[0]
        assert table.horizontalHeaderItem(table.SCAN_COLUMN).text() == texts[1]
        assert table.item(0, table.SCAN_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole) == texts[2]
        table.setCurrentCell(0, 1)
        panel.add_to_line(1, [jpeg(tmp_path / "a.jpg", 100), jpeg(tmp_path / "b.jpg", 120)])
        assert panel.status.text().startswith(texts[3])
        assert texts[3] in table.item(0, table.SCAN_COLUMN).data(Qt.ItemDataRole.AccessibleTextRole)
    finally:
        install_translators("vi")
