"""The BHYT sheet import in the English interface: row problems, refusals and the summary in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox

from onestop_desktop.domain.messages import CATALOGUE
from onestop_desktop.services.bhyt import sheet_import as bhyt_import
from onestop_desktop.services.bhyt import tallies
from onestop_desktop.services.errors import ValidationFailed
from onestop_desktop.ui.bhyt.import_dialog import ImportDialog
from onestop_desktop.ui.i18n import install_translators, say_error
from tests.bhyt.conftest import write_xlsx
from tests.bhyt.test_import import plain_rows
from tests.test_i18n_languages import VIETNAMESE, _fields

NOV = date(2018, 11, 1)
# The old Vietnamese sentences, word for word (the unit names are left out of the sheet's bad rows so
# that the English report holds no Vietnamese letter at all).
VI_REPORT = [
    "Dòng 5 (26434): Số người tham gia BHYT (999.999) không được lớn hơn dân số (9.873). "
    "Tổng số người theo các nhóm (8.043) phải bằng số người tham gia BHYT (999.999).",
    "Dòng 7 (26440): Dân số: “abc” không phải là số nguyên hợp lệ (ví dụ đúng: 199.467).",
    "Dòng 8 (26443): thiếu dân số",
    "Dòng 9 (26446): Dân số: “1.5” không phải là số nguyên.",
    "Dòng 17 (99999): không có đơn vị mã 99999 thuộc Huyện Xuân Lộc",
]
EN_REPORT = [
    "Row 5 (26434): The number of people insured (999,999) cannot be larger than the population (9,873). "
    "The groups add up to 8,043 people; they must equal the number of people insured (999,999).",
    "Row 7 (26440): Population: “abc” is not a valid whole number (write it like 199.467).",
    "Row 8 (26443): population missing",
    "Row 9 (26446): Population: “1.5” is not a whole number.",
]


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    install_translators("en")
    yield
    install_translators("vi")


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def fake(_parent: Any, _title: str, text: str, *_a: Any, **_k: Any) -> QMessageBox.StandardButton:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", fake)
    return shown


def bad_sheet(tmp_path: Path) -> Path:
    rows = plain_rows()
    rows[4][1], rows[4][3] = None, 999999  # line 5: insured above the population, groups do not add up
    rows[6][1], rows[6][2] = None, "abc"  # line 7: not a number
    rows[7][1], rows[7][2] = None, None  # line 8: no population
    rows[8][1], rows[8][2] = None, 1.5  # line 9: not a whole number
    rows.append(["99999", None, 1, 1])  # line 17: no such unit
    return write_xlsx(tmp_path / "bad.xlsx", rows)


def dialog_for(qtbot: Any, app_context: Any, path: Path, readable: bool = True) -> ImportDialog:
    dialog = ImportDialog(app_context, NOV)
    qtbot.addWidget(dialog)
    dialog.load(path)
    assert (dialog.check is not None) is readable
    return dialog


def test_bad_rows_are_reported_in_english(
    qtbot: Any, app_context: Any, english: None, tmp_path: Path
) -> None:
    dialog = dialog_for(qtbot, app_context, bad_sheet(tmp_path))
    assert dialog.check is not None and [p.line for p in dialog.check.problems] == [5, 7, 8, 9, 17]
    text = dialog.report.toPlainText()
    lines = text.splitlines()
    assert lines[0] == "Nothing can be imported until these rows are corrected:"
    assert lines[1:5] == EN_REPORT
    assert lines[5].startswith("Row 17 (99999): there is no unit with the code 99999 in ")
    assert not VIETNAMESE.search("\n".join(lines[:5])), text
    assert not dialog.import_button.isEnabled()


def test_bad_rows_keep_the_old_vietnamese_sentences(qtbot: Any, app_context: Any, tmp_path: Path) -> None:
    dialog = dialog_for(qtbot, app_context, bad_sheet(tmp_path))
    assert dialog.report.toPlainText().splitlines()[1:] == VI_REPORT
    assert dialog.check is not None and dialog.check.report() == "\n".join(VI_REPORT)  # command line


def test_ready_summary_and_month_exists_in_english(
    qtbot: Any, app_context: Any, english: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "t11.xlsx", plain_rows())
    dialog = dialog_for(qtbot, app_context, path)
    assert dialog.report.toPlainText() == (
        "Ready to import: 15 units, population 240,986, insured 200,067 (83.02%)."
    )
    dialog.do_import()
    assert dialog.imported == 15
    asked: list[str] = []
    monkeypatch.setattr(
        "onestop_desktop.ui.bhyt.import_dialog.confirm", lambda _p, _t, text: asked.append(text) or False
    )
    again = dialog_for(qtbot, app_context, path)
    again.do_import()
    assert asked == [
        "The month 11/2018 already has figures for 15 units. Importing again replaces them "
        "(the old figures are kept in the history).\nReplace them?"
    ]
    assert again.imported == 0


def test_month_exists_in_vietnamese(
    qtbot: Any, app_context: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_xlsx(tmp_path / "t11.xlsx", plain_rows())
    dialog_for(qtbot, app_context, path).do_import()
    asked: list[str] = []
    monkeypatch.setattr(
        "onestop_desktop.ui.bhyt.import_dialog.confirm", lambda _p, _t, text: asked.append(text) or False
    )
    dialog_for(qtbot, app_context, path).do_import()
    assert asked[0].startswith(
        "Tháng 11/2018 đã có số liệu của 15 đơn vị. "
        "Nhập lại sẽ thay các số này (số cũ được giữ trong lịch sử)."
    )


def test_unreadable_file_is_refused_in_the_interface_language(
    qtbot: Any, app_context: Any, tmp_path: Path, warnings: list[str]
) -> None:
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"this is not a workbook")
    install_translators("en")
    try:
        dialog_for(qtbot, app_context, broken, readable=False)
        dialog_for(qtbot, app_context, tmp_path / "missing.csv", readable=False)
    finally:
        install_translators("vi")
    dialog_for(qtbot, app_context, broken, readable=False)
    assert [w.split(":")[0] for w in warnings] == [
        "Cannot read the file hong.xlsx",
        "Cannot read the file missing.csv",
        "Không đọc được tệp hong.xlsx",
    ]


def test_refused_import_says_why_in_both_languages(app_context: Any, english: None, tmp_path: Path) -> None:
    header_only = bhyt_import.read_sheet(write_xlsx(tmp_path / "empty.xlsx", plain_rows()[:1]))
    with app_context.session() as s:
        groups = tallies.list_groups(s)
        header, mapping = bhyt_import.guess_mapping(header_only, groups)
        check = bhyt_import.check_sheet(s, header_only, header, mapping, NOV)
        with pytest.raises(ValidationFailed) as refused:
            bhyt_import.apply_import(
                s, app_context.actor, check, NOV, date(2018, 11, 24), source="empty.xlsx"
            )
    assert say_error(refused.value).startswith(
        "No row of figures was found under the header row.\nNo figures for:"
    )
    assert str(refused.value).startswith(
        "Không tìm thấy dòng số liệu nào dưới dòng tiêu đề.\nKhông có số liệu của:"
    )


def test_every_sheet_message_has_both_languages() -> None:
    keys = [k for k in CATALOGUE if k.startswith("bhyt.sheet.")]
    assert len(keys) > 20
    for key in keys:
        vi, en = CATALOGUE[key]
        for form in (en,) if isinstance(en, str) else en:
            assert _fields(form) == _fields(vi) and not VIETNAMESE.search(form), key


def test_a_missing_column_is_not_called_row_0(bhyt_db: Any, tmp_path: Path) -> None:
    """A problem of the whole sheet read "Row 0 (): No column chosen for “Population”."."""
    from onestop_desktop.db.engine import session_scope

    rows = [["Xã", "Có thẻ"]] + [[r[1], r[3]] for r in plain_rows()[1:]]
    path = write_xlsx(tmp_path / "no-population.xlsx", rows)
    with session_scope(bhyt_db.factory) as s:
        sheet = bhyt_import.read_sheet(path)
        check = bhyt_import.check_sheet(s, sheet, 0, {"name": 0, "insured": 1}, NOV)
    texts = [m.text("en") for m in check.report_msgs()]
    assert "No column chosen for “Population”." in texts, texts
    assert not any(t.startswith(("Row 0", "Dòng 0")) for t in texts + check.report().splitlines())
