"""Imports take a safety copy first, and imported dossiers carry audit entries `audit verify` accepts."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.bootstrap import Database
from onestop_desktop.cli import main
from onestop_desktop.db.engine import sqlite_file
from onestop_desktop.services.safety import backup
from tests.bhyt.conftest import (
    bhyt_db,  # noqa: F401  (fixture)
    write_xlsx,
)
from tests.bhyt.test_import import plain_rows
from tests.tracking.test_import import GOOD, _xlsx


def _backups(database: Database) -> list[backup.BackupInfo]:
    path = sqlite_file(database.url)
    assert path is not None
    return backup.list_backups(backup.default_folder(path))


def test_dossier_import_is_backed_up_and_audited(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    url = demo_db.url
    assert _backups(demo_db) == []
    assert (
        main(
            [
                "--database",
                url,
                "import",
                "dossiers",
                "--user",
                "canbo",
                str(_xlsx(tmp_path / "so.xlsx", GOOD)),
            ]
        )
        == 0
    )
    copies = _backups(demo_db)
    assert [c.reason for c in copies] == ["before-import"]
    assert copies[0].dossiers == 10_343  # the copy holds the data as it was before the import
    capsys.readouterr()
    assert main(["audit", "verify", "--database", url]) == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    # imported dossiers are sealed as rows (no per-dossier snapshot): the rows are checked against the log
    assert "Dòng dữ liệu đối chiếu với nhật ký" in out and "Không phát hiện sai lệch" in out


def test_imported_dossier_edited_behind_the_back_is_found(
    demo_db: Database, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    monkeypatch.setenv("ONESTOP_PASSWORD", "Demo@2018")
    url = demo_db.url
    assert (
        main(
            [
                "--database",
                url,
                "import",
                "dossiers",
                "--user",
                "canbo",
                str(_xlsx(tmp_path / "so.xlsx", GOOD)),
            ]
        )
        == 0
    )
    demo_db.engine.dispose()
    path = sqlite_file(url)
    assert path is not None
    conn = sqlite3.connect(path)
    conn.execute("UPDATE dossiers SET applicant_name = 'Người Khác' WHERE code = 'CU-2017-0002'")
    conn.commit()
    conn.close()
    capsys.readouterr()
    assert main(["audit", "verify", "--database", url]) == 1
    assert "(CU-2017-0002): đã bị sửa ngoài chương trình" in capsys.readouterr().out


def test_bhyt_import_is_backed_up(
    bhyt_db: Database,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ONESTOP_PASSWORD", "matkhau123")
    good = write_xlsx(tmp_path / "good.xlsx", plain_rows())
    assert (
        main(
            ["import", "bhyt", str(good), "--month", "2018-11", "--user", "canbo", "--database", bhyt_db.url]
        )
        == 0
    )
    assert [c.reason for c in _backups(bhyt_db)] == ["before-import"]


def test_backup_before_does_nothing_without_a_file() -> None:
    assert backup.backup_before("sqlite://") is None
    assert backup.backup_before("postgresql://nobody@localhost/none") is None
