"""`onestop-desktop export dossiers|logbook`: the tracking tab's two exports from the command line.

Each test runs the command as a user would (cli.main) on a copy of the demo office and opens the file
it wrote: the rows are the ones the tracking list shows for the same filter, the log book holds the
dossiers received in the period, the PDF has pages with Vietnamese text, and bad input is one sentence.
"""

from __future__ import annotations

import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from onestop_desktop.bootstrap import open_database
from onestop_desktop.cli import main
from onestop_desktop.clock import now_local
from onestop_desktop.db.engine import session_scope
from onestop_desktop.domain.states import DossierStatus
from onestop_desktop.services.catalogue.catalogue import list_fields, list_procedures, working_calendar
from onestop_desktop.services.tracking import export_rows
from onestop_desktop.services.tracking.filters import Today, TrackingFilter

OCT_2018 = (date(2018, 10, 1), date(2018, 10, 31))


@pytest.fixture(scope="module")
def office(demo_db_file: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the demo office, shared by the module's tests: the export commands only read it."""
    path = tmp_path_factory.mktemp("office") / "office.sqlite3"
    shutil.copyfile(demo_db_file, path)
    return path


def run(argv: list[str], capsys: pytest.CaptureFixture[str], lang: str = "vi") -> tuple[int, str, str]:
    try:
        code = main(["--lang", lang, *argv])
    except SystemExit as exc:  # argparse's refusals
        code = int(exc.code or 0)
    out = capsys.readouterr()
    return code, out.out, out.err


def sheet_rows(path: Path) -> list[tuple[object, ...]]:
    """The data rows of an export (a caption line and the header line come first)."""
    ws = load_workbook(path, read_only=True).worksheets[0]
    return [r for r in ws.iter_rows(min_row=3, values_only=True) if any(v is not None for v in r)]


def expected_count(office: Path, flt: TrackingFilter) -> int:
    """What the tracking list shows for `flt` now (the tab's own query)."""
    db = open_database(f"sqlite:///{office}")
    try:
        with session_scope(db.factory) as s:
            cal = working_calendar(s)
            return export_rows.count(s, flt, Today.at(now_local(), cal), cal)  # the clock the command uses
    finally:
        db.engine.dispose()


def ids_of(office: Path) -> tuple[int, int]:
    db = open_database(f"sqlite:///{office}")
    try:
        with session_scope(db.factory) as s:
            field = next(f.id for f in list_fields(s) if f.code == "HT")
            proc = next(p.id for p in list_procedures(s, include_inactive=True) if p.code == "1.001193")
    finally:
        db.engine.dispose()
    return field, proc


@pytest.mark.parametrize(
    ("argv", "flt"),
    [
        ([], {"quick": "all"}),
        (["--period", "2018-10"], {"quick": "all", "received": OCT_2018}),
        (["--period", "2018-10", "--only", "overdue"], {"quick": "overdue", "received": OCT_2018}),
        (["--only", "open"], {"quick": "open"}),
        (["--status", "resolved", "--status", "10", "--field", "ht"], {"statuses": (9, 10), "field": True}),
        (["--procedure", "1.001193", "--channel", "online"], {"procedure": True, "channel": "online"}),
        (["--search", "nguyen van", "--period", "2018-Q4"], {"text": "nguyen van", "q4": True}),
    ],
    ids=["all", "period", "overdue", "open", "status-field", "procedure-channel", "search"],
)
def test_dossiers_rows_are_the_tracking_list(
    office: Path, tmp_path: Path, argv: list[str], flt: dict[str, object], capsys: pytest.CaptureFixture[str]
) -> None:
    field_id, proc_id = ids_of(office)
    received = flt.get("received") or ((date(2018, 10, 1), date(2018, 12, 31)) if flt.get("q4") else None)
    want = TrackingFilter(
        quick=str(flt.get("quick", "all")),
        statuses=flt.get("statuses", ()),  # type: ignore[arg-type]
        field_id=field_id if flt.get("field") else None,
        procedure_id=proc_id if flt.get("procedure") else None,
        channel=flt.get("channel"),  # type: ignore[arg-type]
        text=str(flt.get("text", "")),
        received_from=received[0] if received else None,  # type: ignore[index]
        received_to=received[1] if received else None,  # type: ignore[index]
    )
    expected = expected_count(office, want)
    out = tmp_path / "ho-so.xlsx"
    code, said, err = run(["export", "dossiers", str(out), *argv, "--database", str(office)], capsys)
    assert code == 0, err
    rows = sheet_rows(out)
    assert len(rows) == expected > 0
    assert f"{expected:,}".replace(",", ".") in said and str(out) in said
    assert [r[0] for r in rows] == list(range(1, expected + 1))  # STT
    if received:  # every row's receipt day inside the period (column "Ngày nhận")
        assert all(received[0] <= r[7].date() <= received[1] for r in rows)  # type: ignore[union-attr,index]


def test_dossiers_of_a_month_are_the_database_s(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Checked against plain SQL, not the program's own query: the same codes, none missing, none extra."""
    con = sqlite3.connect(office)
    codes = {
        c
        for (c,) in con.execute(
            "SELECT code FROM dossiers WHERE received_at >= '2018-10-01' AND received_at < '2018-11-01'"
        )
    }
    resolved = {
        c
        for (c,) in con.execute(
            "SELECT code FROM dossiers WHERE received_at >= '2018-10-01' AND received_at < '2018-11-01' "
            "AND status = ?",
            (int(DossierStatus.RESOLVED),),
        )
    }
    con.close()
    out = tmp_path / "m.xlsx"
    assert (
        run(["export", "dossiers", str(out), "--period", "2018-10", "--database", str(office)], capsys)[0]
        == 0
    )
    assert {r[1] for r in sheet_rows(out)} == codes
    run(
        [
            "export",
            "dossiers",
            str(out),
            "--period",
            "10/2018",
            "--status",
            "resolved",
            "--database",
            str(office),
        ],
        capsys,
    )
    assert {r[1] for r in sheet_rows(out)} == resolved


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_logbook_xlsx_holds_the_dossiers_received_in_the_period(
    office: Path, tmp_path: Path, lang: str, capsys: pytest.CaptureFixture[str]
) -> None:
    con = sqlite3.connect(office)
    codes = [
        c
        for (c,) in con.execute(
            "SELECT code FROM dossiers WHERE received_at >= '2018-10-01' AND received_at < '2018-11-01' "
            "ORDER BY received_at, id"
        )
    ]
    con.close()
    out = tmp_path / "so.xlsx"
    code, said, err = run(
        ["export", "logbook", str(out), "--period", "2018-10", "--database", str(office)], capsys, lang
    )
    assert code == 0, err
    assert [r[1] for r in sheet_rows(out)] == codes
    head = [
        c.value
        for c in next(load_workbook(out, read_only=True).worksheets[0].iter_rows(min_row=2, max_row=2))
    ]
    assert head[:4] == [
        "STT",
        "Mã hồ sơ",
        "Tên thủ tục",
        "Tên tổ chức, cá nhân",
    ]  # what `import dossiers` reads
    assert ("Wrote" if lang == "en" else "Đã ghi") in said


def test_logbook_pdf_has_pages_and_vietnamese_text(
    office: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "so.pdf"
    argv = ["export", "logbook", str(out), "--period", "2018-10-01..2018-10-01", "--database", str(office)]
    code, said, err = run(argv, capsys)
    assert code == 0, err
    assert out.read_bytes().startswith(b"%PDF-")
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    first = reader.pages[0].extract_text()
    assert "SỔ THEO DÕI HỒ SƠ" in first
    assert "Từ ngày 01/10/2018 đến ngày 01/10/2018" in first
    assert not list(tmp_path.glob(".*.part"))  # the temporary file was renamed, none left beside


def test_export_reads_only_a_missing_database_is_never_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "onestop.sqlite3"
    for argv in (
        ["export", "dossiers", str(tmp_path / "a.xlsx")],
        ["export", "logbook", str(tmp_path / "a.pdf"), "--period", "2018-10"],
    ):
        for lang in ("vi", "en"):
            code, _out, err = run([*argv, "--database", str(missing)], capsys, lang)
            assert code == 2
            assert ("Không tìm thấy cơ sở dữ liệu" if lang == "vi" else "not found") in err
    assert list(tmp_path.iterdir()) == []  # no database, no export


@pytest.mark.slow
def test_demo_is_honoured(
    demo_db_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    monkeypatch.setenv("ONESTOP_DATA_DIR", str(data))
    monkeypatch.delenv("ONESTOP_DATABASE_URL", raising=False)
    shutil.copyfile(demo_db_file, data / "demo.sqlite3")
    out = tmp_path / "demo.xlsx"
    code, _said, err = run(["--demo", "export", "dossiers", str(out), "--period", "2018-10"], capsys)
    assert code == 0, err
    assert len(sheet_rows(out)) == expected_count(
        demo_db_file, TrackingFilter(quick="all", received_from=OCT_2018[0], received_to=OCT_2018[1])
    )
    assert not (data / "onestop.sqlite3").exists()  # the office's own database was not touched


@pytest.mark.parametrize("lang", ["vi", "en"])
@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["dossiers", "{tmp}"], ("thư mục", "folder")),
        (["dossiers", "{tmp}/ho-so.csv"], (".xlsx", ".xlsx")),
        (["logbook", "{tmp}/so.docx", "--period", "2018-10"], (".pdf", ".pdf")),
        (["dossiers", "{tmp}/no/such/ho-so.xlsx"], ("Không có thư mục", "no folder")),
        (["logbook", "{tmp}/so.pdf", "--period", "2018-02-30"], ("28 ngày", "28 days")),
        (["logbook", "{tmp}/so.pdf", "--period", "2018-13"], ("--period", "--period")),
        (["logbook", "{tmp}/so.pdf"], ("--period", "--period")),
        (["dossiers", "{tmp}/a.xlsx", "--status", "done"], ("trạng thái", "status")),
        (["dossiers", "{tmp}/a.xlsx", "--field", "ZZ"], ("ZZ", "ZZ")),
        (["dossiers", "{tmp}/a.xlsx", "--procedure", "9.999999"], ("9.999999", "9.999999")),
        (["dossiers", "/proc/a.xlsx"], ("/proc/a.xlsx", "/proc/a.xlsx")),
    ],
)
def test_bad_input_is_one_sentence_and_nothing_written(
    office: Path,
    tmp_path: Path,
    argv: list[str],
    words: tuple[str, str],
    lang: str,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = set(tmp_path.iterdir())
    full = ["export", *(a.format(tmp=tmp_path) for a in argv), "--database", str(office)]
    code, out, err = run(full, capsys, lang)
    assert code == 2, (out, err)
    assert "Traceback" not in out + err
    lines = [ln for ln in err.splitlines() if ln.strip() and not ln.startswith((" ", "cách dùng", "usage"))]
    assert len(lines) == 1, err
    assert words[lang == "en"] in lines[0], lines[0]
    assert set(tmp_path.iterdir()) == before


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_help_in_both_languages(lang: str, capsys: pytest.CaptureFixture[str]) -> None:
    for kind in ("dossiers", "logbook"):
        code, out, _err = run(["export", kind, "-h"], capsys, lang)
        assert code == 0
        if lang == "vi":
            assert out.startswith("cách dùng:") and "tùy chọn" in out and "hiện trợ giúp này rồi thoát" in out
            assert "2018-Q4" in out and ("hồ sơ" in out)
        else:
            assert out.startswith("usage:") and "options:" in out and "show this help message" in out
            assert "dossiers" in out and "hồ sơ" not in out
    code, out, _err = run(["export", "-h"], capsys, lang)
    assert ("sổ theo dõi" if lang == "vi" else "log book") in out


def test_a_failed_write_leaves_no_half_file(tmp_path: Path) -> None:
    """The workbook is written beside the target and renamed; when the rename fails nothing is left."""
    from onestop_desktop.services.safe_cells import Book

    target = tmp_path / "taken.xlsx"
    target.mkdir()
    (target / "inside").write_text("keep")
    book = Book()
    book.sheet("A").append(["x"])
    with pytest.raises(OSError) as err:
        book.save(target)
    assert err.value.filename == str(target)  # the sentence names the file the user asked for
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.xlsx"]


@pytest.mark.filterwarnings("error::pytest.PytestUnraisableExceptionWarning")
def test_rows_failing_half_way_leave_no_file_and_no_noise(tmp_path: Path) -> None:
    """A database error in the middle of the list: no workbook, and the streamed sheet is closed at once
    (left to the garbage collector it printed "Exception ignored in … _write_rows" on stderr)."""
    import gc

    from onestop_desktop.reports.export_tracking import write_list

    def lines():  # type: ignore[no-untyped-def]
        yield from ()
        raise sqlite3.OperationalError("disk I/O error")

    target = tmp_path / "list.xlsx"
    with pytest.raises(sqlite3.OperationalError):
        write_list(lines(), 10, "Danh sách", target)
    gc.collect()
    assert list(tmp_path.iterdir()) == []
