"""The return dialog: how the result was issued, and its file chosen with the picker."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.ui.tracking import result_dialog
from onestop_desktop.ui.tracking.result_dialog import ReturnDialog, form_label
from tests.helpers import type_text


@pytest.fixture
def dialog(app_context: Any, qtbot: Any) -> ReturnDialog:
    d = ReturnDialog("Trả kết quả hồ sơ X")
    qtbot.addWidget(d)
    d.show()
    return d


def test_not_recorded_by_default(dialog: ReturnDialog) -> None:
    assert dialog.none_radio.isChecked() and not dialog.pick.isEnabled()
    type_text(dialog.text, "Đã ký nhận")
    assert dialog.problem() == ""
    assert dialog.values() == {"note": "Đã ký nhận", "form": "", "files": []}


def test_electronic_needs_a_pdf(
    dialog: ReturnDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    asked: list[tuple[str, str]] = []
    pdf, jpg = tmp_path / "ket-qua.pdf", tmp_path / "anh.jpg"

    def picker(_parent: object, title: str, pattern: str) -> list[Path]:
        asked.append((title, pattern))
        return [jpg] if len(asked) == 1 else [pdf]

    monkeypatch.setattr(result_dialog, "pick_files", picker)
    dialog.electronic_radio.click()
    assert dialog.pick.isEnabled() and "PDF" in dialog.pick.text()
    assert "Chọn bản PDF" in dialog.problem()  # nothing chosen yet
    dialog.pick.click()
    assert asked[0] == ("Bản PDF của kết quả", "Tệp PDF (*.pdf)")
    assert "tệp PDF" in dialog.problem()  # a photo is not the electronic result
    dialog.pick.click()
    assert dialog.problem() == "" and dialog.chosen.text() == "ket-qua.pdf"
    assert dialog.values() == {"note": "", "form": "electronic", "files": [pdf]}
    dialog.buttons.accepted.emit()
    assert dialog.result() == ReturnDialog.DialogCode.Accepted


def test_paper_takes_scans_and_switching_forgets_the_other_files(
    dialog: ReturnDialog, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    scans = [tmp_path / "trang1.jpg", tmp_path / "trang2.png"]
    monkeypatch.setattr(result_dialog, "pick_files", lambda *_a: scans)
    dialog.paper_radio.click()
    dialog.buttons.accepted.emit()
    assert "bản quét" in dialog.error.text() and dialog.isVisible()  # refused, stays open
    dialog.pick.click()
    assert dialog.values()["files"] == scans and dialog.chosen.text() == "trang1.jpg, trang2.png"
    dialog.electronic_radio.click()
    assert dialog.values()["files"] == []
    dialog.none_radio.click()
    assert dialog.values() == {"note": "", "form": "", "files": []}


def test_form_labels(app_context: Any) -> None:
    assert form_label("electronic").startswith("Trả kết quả điện tử")
    assert form_label("paper").startswith("Trả kết quả giấy")
    assert form_label("") == "Không ghi nhận"
