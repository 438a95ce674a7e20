"""The scanner folder: a file still being written is not offered; once its size is stable it waits in the
tray, F4 puts it on the current line, and after the save it leaves the folder for `da-dinh-kem`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from onestop_desktop import prefs
from onestop_desktop.db.engine import session_scope
from onestop_desktop.services.attachments.attach import list_attachments
from onestop_desktop.ui.intake import pdfs, scanner_tray
from onestop_desktop.ui.intake.scanner_folder import DONE_FOLDER, ScannerWatcher
from onestop_desktop.ui.intake.tab import IntakeTab
from onestop_desktop.ui.tasks import TaskRunner
from tests.intake.scan_helpers import fill, jpeg


class Clock:
    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def test_a_file_is_offered_only_once_its_size_stopped_changing(qapp: Any, tmp_path: Path) -> None:
    clock = Clock()
    watcher = ScannerWatcher(TaskRunner(synchronous=True), stable_ms=2000, clock=clock)
    watcher.set_folder(tmp_path)
    whole = jpeg(tmp_path / "scan-0001.jpg", 300).read_bytes()
    growing = tmp_path / "scan-0002.jpg"
    growing.write_bytes(whole[:100])  # the scanner has started writing
    (tmp_path / "notes.txt").write_text("not a scan")
    (tmp_path / "~scan.tmp.pdf").write_bytes(b"%PDF-")  # the scanner's temporary file
    watcher.poll()
    assert watcher.ready() == []  # nothing is complete yet: seen once
    clock.t += 2.5
    growing.write_bytes(whole[:2000])  # still growing
    watcher.poll()
    assert [f.name for f in watcher.ready()] == ["scan-0001.jpg"]
    clock.t += 1.0
    growing.write_bytes(whole)  # finished
    watcher.poll()
    assert [f.name for f in watcher.ready()] == ["scan-0001.jpg"]  # not stable for long enough
    clock.t += 2.5
    watcher.poll()
    assert [f.name for f in watcher.ready()] == ["scan-0001.jpg", "scan-0002.jpg"]
    assert watcher.ready()[1].size == len(whole)
    empty = tmp_path / "scan-0003.jpg"
    empty.write_bytes(b"")
    clock.t += 5
    watcher.poll()
    watcher.poll()
    assert "scan-0003.jpg" not in [f.name for f in watcher.ready()]  # an empty file is never complete


def test_unreachable_folder_says_so(qapp: Any, tmp_path: Path) -> None:
    watcher = ScannerWatcher(TaskRunner(synchronous=True))
    watcher.set_folder(tmp_path / "no-such-share")
    assert watcher.error and watcher.ready() == []


@pytest.fixture
def tab(qtbot: Any, app_context: Any, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> IntakeTab:
    monkeypatch.setattr(pdfs, "open_pdf", lambda *_a: None)
    folder = tmp_path / "scanner"
    folder.mkdir()
    p = prefs.load()
    p.scanner_folder = str(folder)
    prefs.save(p)
    w = IntakeTab(app_context)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    fill(w)
    return w


def test_f4_puts_the_scanner_file_on_the_current_line_and_the_save_moves_it_away(
    tab: IntakeTab, app_context: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "scanner"
    watcher = tab.scans.watcher
    assert watcher.folder == folder and watcher.timer.isActive()
    clock = Clock()
    watcher.clock = clock
    first = jpeg(folder / "scan-0001.jpg", 300)
    second = jpeg(folder / "scan-0002.jpg", 400)
    watcher.poll()
    clock.t += 3
    watcher.poll()
    tray = tab.scans.panel.tray
    assert tray.list.count() == 2
    assert tray.selected() == [first]  # the oldest file is offered first
    assert "2" in tray.status.text()
    table = tab.form.documents
    table.setFocus()
    table.setCurrentCell(0, 1)
    QTest.keyClick(table, Qt.Key.Key_F4)
    assert table.item(0, table.SCAN_COLUMN).text() == "+ 1"
    assert table.current_line() == 2  # the next paper to scan
    assert tray.selected() == [second]
    QTest.keyClick(table, Qt.Key.Key_F4)
    assert table.item(1, table.SCAN_COLUMN).text() == "+ 1"
    assert tray.list.count() == 0
    tab.save()
    assert tab.saved is not None
    with session_scope(app_context.db.factory) as s:
        infos = list_attachments(s, tab.saved.registered.code)
    assert [(i.document, i.name) for i in infos] == [(1, "scan-0001.pdf"), (2, "scan-0002.pdf")]
    assert not first.exists() and (folder / DONE_FOLDER / "scan-0001.jpg").exists()
    assert (folder / DONE_FOLDER / "scan-0002.jpg").exists()


def test_removing_a_scan_gives_its_file_back_to_the_tray(tab: IntakeTab, tmp_path: Path) -> None:
    folder = tmp_path / "scanner"
    watcher = tab.scans.watcher
    clock = Clock()
    watcher.clock = clock
    jpeg(folder / "scan-0001.jpg", 300)
    watcher.poll()
    clock.t += 3
    watcher.poll()
    tab.form.documents.setCurrentCell(0, 1)
    tab.scans.panel.take_from_scanner()
    assert tab.scans.panel.tray.list.count() == 0
    tab.form.documents.setCurrentCell(0, 1)
    tab.scans.panel.remove_button.click()
    assert not tab.scans.basket
    assert tab.scans.panel.tray.list.count() == 1


def test_the_scanner_folder_is_chosen_once_and_remembered(
    tab: IntakeTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "may-quet"
    other.mkdir()
    monkeypatch.setattr(scanner_tray, "choose_folder", lambda _parent, _current: str(other))
    tab.scans.panel.tray.folder_button.click()
    assert prefs.load().scanner_folder == str(other)
    assert tab.scans.watcher.folder == other


def test_f4_before_any_scanner_folder_asks_for_it(
    tab: IntakeTab, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walkthrough: F4 with no scanner folder chosen did nothing visible; it now opens the folder chooser."""
    p = prefs.load()
    p.scanner_folder = ""
    prefs.save(p)
    tab.scans.watcher.set_folder("")
    asked: list[str] = []
    folder = tmp_path / "may-quet-moi"
    folder.mkdir()
    monkeypatch.setattr(
        scanner_tray, "choose_folder", lambda _parent, current: asked.append(current) or str(folder)
    )
    tab.scans.panel.take_from_scanner()
    assert asked == [""]
    assert prefs.load().scanner_folder == str(folder) and tab.scans.watcher.folder == folder
