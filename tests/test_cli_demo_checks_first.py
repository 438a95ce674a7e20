"""`--demo` builds the demo database only when the arguments hold: a bad period is refused first."""

from __future__ import annotations

from pathlib import Path

import pytest

from onestop_desktop.cli import main


@pytest.mark.parametrize("period", ["2018-02-30", "2018-13", "2018-Q5", "tháng mười"])
def test_a_bad_period_is_refused_before_the_demo_is_built(
    period: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`--demo report --period 2018-02-30` spent a minute building the demo database, then refused."""
    monkeypatch.setenv("ONESTOP_DATA_DIR", str(tmp_path))
    with pytest.raises(SystemExit) as stop:  # argparse refuses the value: nothing has started
        main(["--demo", "report", "--period", period])
    code = stop.value.code
    err = capsys.readouterr().err
    assert code == 2
    assert "--period" in err and "Traceback" not in err
    assert "Đang tạo dữ liệu mẫu" not in err
    assert not list(tmp_path.rglob("*.sqlite3"))  # no database was made, demo or office
