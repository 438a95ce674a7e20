"""Importing an old log book: good file, a bad row (nothing imported, reported), re-import adds nothing."""

from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import session_scope
from onestop_desktop.db.models import Dossier
from onestop_desktop.services.tracking import logbook_import
from tests.conftest import login_as

HEADERS = [
    "STT",
    "Mã hồ sơ",
    "Tên thủ tục",
    "Tên tổ chức, cá nhân",
    "Địa chỉ",
    "Số điện thoại",
    "Ngày nhận",
    "Ngày hẹn trả",
    "Ngày trả kết quả",
]
GOOD = [
    [
        1,
        "CU-2017-0001",
        "Chứng thực bản sao từ bản chính",
        "Nguyễn Văn An",
        "Xuân Định",
        "0912345678",
        datetime(2017, 3, 6, 8, 0),
        datetime(2017, 3, 6, 17, 0),
        datetime(2017, 3, 6, 16, 0),
    ],
    [
        2,
        "CU-2017-0002",
        "Thủ tục đăng ký khai sinh",
        "Trần Thị Bé",
        "Xuân Phú",
        "",
        "06/03/2017",
        "07/03/2017",
        "",
    ],
    [
        3,
        "CU-2017-0003",
        "cap giay phep xay dung nha o rieng le",
        "Lê Văn Cường",
        "Gia Ray",
        "",
        "2017-03-07",
        "2017-03-28 09:00",
        None,
    ],
    [
        4,
        "CU-2017-0004",
        "Đăng ký thành lập hộ kinh doanh",
        "Phạm Thị Dung",
        "Xuân Thọ",
        "",
        42801.5,
        42806,
        42805,
    ],
]


def _xlsx(path: Path, rows: list[list[object]], headers: list[str] = HEADERS) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.append(["SỔ THEO DÕI HỒ SƠ NĂM 2017"])
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def _count(db: Database) -> int:
    with session_scope(db.factory) as s:
        return int(s.scalar(select(func.count()).select_from(Dossier)) or 0)


def test_good_file_then_reimport_adds_nothing(demo_db: Database, tmp_path: Path) -> None:
    user = login_as(demo_db, "canbo")
    path = _xlsx(tmp_path / "so.xlsx", GOOD)
    before = _count(demo_db)
    with session_scope(demo_db.factory) as s:
        result = logbook_import.import_file(s, user.user_id, path)
    assert (result.imported, result.existing, result.rejected) == (4, 0, ())
    assert _count(demo_db) == before + 4
    with session_scope(demo_db.factory) as s:
        d = s.scalar(select(Dossier).where(Dossier.code == "CU-2017-0001"))
        assert d is not None and d.status == 10 and d.returned_at == datetime(2017, 3, 6, 16, 0)
        assert d.procedure.code == "CT-01"  # exact match wins over the longer CT-08
        assert s.scalar(select(Dossier.status).where(Dossier.code == "CU-2017-0003")) == 4
        kd = s.scalar(select(Dossier).where(Dossier.code == "CU-2017-0004"))
        assert kd is not None and kd.received_at == datetime(2017, 3, 7, 12, 0)  # Excel serial 42801.5
        assert [e.action for e in kd.events] == ["import"]
    with session_scope(demo_db.factory) as s:
        again = logbook_import.import_file(s, user.user_id, path)
    assert (again.imported, again.existing) == (0, 4)
    assert _count(demo_db) == before + 4


def test_a_bad_row_imports_nothing_and_is_reported(demo_db: Database, tmp_path: Path) -> None:
    user = login_as(demo_db, "canbo")
    rows = GOOD + [
        [5, "CU-2017-0005", "Thủ tục không có thật", "Võ Văn E", "", "", "08/03/2017", "09/03/2017", ""],
        [6, "CU-2017-0006", "Chứng thực", "Võ Văn F", "", "", "31/02/2017", "09/03/2017", ""],
        [7, "CU-2017-0007", "Đăng ký khai sinh", "", "", "", "08/03/2017", "01/03/2017", ""],
    ]
    path = _xlsx(tmp_path / "bad.xlsx", rows)
    before = _count(demo_db)
    with session_scope(demo_db.factory) as s:
        result = logbook_import.import_file(s, user.user_id, path)
    assert result.imported == 0 and _count(demo_db) == before
    reasons = {r.row: r.reason for r in result.rejected}
    assert set(reasons) == {7, 8, 9}  # spreadsheet rows (title and header come first)
    assert "không tìm thấy thủ tục" in reasons[7]
    assert "Ngày nhận không đúng dạng ngày" in reasons[8] and "khớp với" in reasons[8]
    assert "thiếu tên tổ chức, cá nhân" in reasons[9] and "trước ngày nhận" in reasons[9]


def test_headers_without_diacritics_in_a_csv(demo_db: Database, tmp_path: Path) -> None:
    user = login_as(demo_db, "canbo")
    path = tmp_path / "so.csv"
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f, delimiter=";")
        w.writerow(["MA HO SO", "ten thu tuc", "TEN TO CHUC, CA NHAN", "Ngay nhan", "Ngay hen tra"])
        w.writerow(["CSV-1", "Đăng ký kết hôn", "Hồ Thị G", "10/04/2017 09:30", "10/04/2017 17:00"])
    with session_scope(demo_db.factory) as s:
        result = logbook_import.import_file(s, user.user_id, path)
    assert result.imported == 1


def test_exported_log_book_imports_back_as_already_present(demo_db: Database, tmp_path: Path) -> None:
    from datetime import date

    from onestop_desktop.ui.context import open_session
    from onestop_desktop.ui.tracking.export import export_log_book_xlsx

    path = tmp_path / "log.xlsx"
    n = export_log_book_xlsx(lambda: open_session(demo_db), date(2018, 10, 1), date(2018, 10, 3), path)
    user = login_as(demo_db, "canbo")
    with session_scope(demo_db.factory) as s:
        result = logbook_import.import_file(s, user.user_id, path)
    assert n > 100 and (result.imported, result.existing, result.rejected) == (0, n, ())


def test_cli_exit_codes(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    url = str(demo_db.url)
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    bad = _xlsx(tmp_path / "bad.xlsx", [*GOOD, [5, "X-1", "Không có", "A", "", "", "01/01/2017", "", ""]])
    assert main(["--database", url, "import", "dossiers", "--user", "canbo", str(bad)]) == 1
    out = capsys.readouterr().out
    assert "Dòng 7" in out
    good = _xlsx(tmp_path / "good.xlsx", GOOD)
    assert main(["--database", url, "import", "dossiers", "--user", "canbo", str(good)]) == 0
    assert main(["--database", url, "import", "dossiers", "--user", "canbo", str(good)]) == 0
    assert "0 hồ sơ" in capsys.readouterr().out.splitlines()[-1]


def test_import_dialog(app_context, qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from onestop_desktop.ui.tracking.import_dialog import ImportDialog

    changed: list[str] = []
    app_context.bus.data_changed.connect(changed.append)
    dialog = ImportDialog(app_context)
    qtbot.addWidget(dialog)
    bad = _xlsx(tmp_path / "bad.xlsx", [*GOOD, [5, "X-1", "Không có", "A", "", "", "01/01/2017", "", ""]])
    dialog.load(bad)
    assert dialog.combos["procedure"].currentData() == 2  # recognised from the header
    assert not dialog.import_button.isEnabled()
    assert "Dòng 7" in dialog.report.toPlainText()
    dialog.load(_xlsx(tmp_path / "good.xlsx", GOOD))
    assert dialog.import_button.isEnabled() and dialog.preview.rowCount() == 4
    before = _count(app_context.db)
    dialog.import_button.click()
    assert _count(app_context.db) == before + 4 and changed == ["dossiers"]
