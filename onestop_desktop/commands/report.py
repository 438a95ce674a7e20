"""`onestop-desktop report`: the briefing of a period as JSON, PDF and/or Excel, or a short summary."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from onestop_desktop.commands import inputs
from onestop_desktop.prefs import t


def register(
    sub: argparse._SubParsersAction[argparse.ArgumentParser], common: argparse.ArgumentParser
) -> None:
    p = sub.add_parser(
        "report",
        parents=[common],
        help=t(
            "lập báo cáo CCHC và BHYT của một kỳ (JSON, PDF, Excel)",
            "build the reform and BHYT report of a period (JSON, PDF, Excel)",
        ),
    )
    inputs.add_period_option(
        p,
        "kỳ báo cáo (tháng, quý, năm hoặc khoảng ngày)",
        "the period (month, quarter, year or range)",
        required=True,
    )
    p.add_argument("--pdf", metavar=t("TỆP", "FILE"), help=t("ghi báo cáo PDF", "write the PDF briefing"))
    p.add_argument("--xlsx", metavar=t("TỆP", "FILE"), help=t("ghi tệp Excel", "write the Excel workbook"))
    p.add_argument(
        "--json",
        metavar=t("TỆP", "FILE"),
        help=t("ghi số liệu JSON (“-” để in ra màn hình)", "write the JSON figures (“-” for stdout)"),
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace, database: str | None) -> int:
    from onestop_desktop.bootstrap import open_database
    from onestop_desktop.db.engine import session_scope
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.services.reports.report_data import build_report

    try:
        period = parse_period(args.period)
    except ValueError as exc:  # the month, the day or the form: the message says which
        print(t("Kỳ báo cáo", "Period") + f" (--period): {exc}", file=sys.stderr)
        return 2
    from onestop_desktop.bootstrap import database_url
    from onestop_desktop.services.safety.integrity import refuse_if_damaged

    # A report from a damaged file must not look like any other report: quick_check first (about 50 ms
    # for the demo's 24 MB, ~3 s per GB; files over 200 MB get the structural check), and any damage
    # SQLite meets while reading is worded by failures.py as a damaged file.
    refuse_if_damaged(database_url(database))
    db = open_database(database)
    with session_scope(db.factory) as s:
        data = build_report(s, period)
    if args.json:
        text = json.dumps(data.to_json(), ensure_ascii=False, indent=1)
        if args.json == "-":
            print(text)
        else:
            with _writing(Path(args.json)) as target:
                target.write_text(text + "\n", encoding="utf-8")
    if args.pdf:
        from onestop_desktop.reports.briefing import render_briefing

        with _writing(Path(args.pdf)) as target:
            render_briefing(data, target)
    if args.xlsx:
        from onestop_desktop.reports.export_xlsx import write_xlsx

        with _writing(Path(args.xlsx)) as target:
            write_xlsx(data, target)
    if args.json != "-":
        _summary(data)
        for label, path in ((t("PDF", "PDF"), args.pdf), ("Excel", args.xlsx), ("JSON", args.json)):
            if path:
                print(f"{label}: {path}")
    return 0


@contextmanager
def _writing(path: Path) -> Iterator[Path]:
    """A file the report writes: on a full disk or a read-only folder, no half file, and the real cause."""
    from onestop_desktop.services.safety.causes import raise_explained

    try:
        yield path
    except OSError as exc:
        with suppress(OSError):  # a read-only folder keeps what it had
            path.unlink(missing_ok=True)
        raise_explained(exc, path)
        raise


def _summary(data: object) -> None:
    """The figures in the interface language (words and numbers); the PDF and workbook stay Vietnamese."""
    from onestop_desktop.commands.words import num, pct, say, say_text
    from onestop_desktop.services.reports.report_data import ReportData
    from onestop_desktop.services.reports.summary import period_text

    assert isinstance(data, ReportData)
    c = data.totals
    print(t("Kỳ báo cáo", "Period") + f": {say_text(period_text(data.period))}")
    print(
        t("Hồ sơ phải giải quyết", "Dossiers to handle")
        + f": {num(c.received)} ({t('kỳ trước chuyển sang', 'carried over')} {num(c.carried_over)}"
        + f", {t('mới', 'new')} {num(c.received_new)})"
    )
    print(t("Đúng hạn hoặc trong hạn", "On time or within deadline") + f": {say(data.stats.formula)}")
    if c.on_time_rate is not None:
        print(t("Tỷ lệ giải quyết đúng hạn", "On-time rate") + f": {pct(c.on_time_rate)}")
    if data.bhyt is not None:
        b = data.bhyt
        print(f"BHYT: {num(b.insured)} / {num(b.population)} = {pct(b.coverage)}")
    if (g := data.digitization) is not None:
        rate = (
            pct(g.rate)
            if g.rate is not None
            else t("chưa đo (chưa ghi bản quét nào)", "not measured (no scan yet)")
        )
        print(
            t("Số hóa hồ sơ", "Digitised dossiers")
            + f": {num(g.digitized)} / {num(g.received)} = {rate}; "
            + t("kết quả điện tử", "results issued electronically")
            + f" {num(g.results_electronic)}"
        )
    if (r := data.ratings) is not None:
        print(
            t("Đánh giá của người dân", "Citizens' ratings")
            + f": {num(r.counts.count)} ("
            + t("hài lòng", "satisfied")
            + f" {num(r.counts.satisfied)}, "
            + t("bình thường", "neutral")
            + f" {num(r.counts.neutral)}, "
            + t("không hài lòng", "not satisfied")
            + f" {num(r.counts.unsatisfied)})"
            + (f" = {pct(r.rate)}" if r.rate is not None else "")
        )
