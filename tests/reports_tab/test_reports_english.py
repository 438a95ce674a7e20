"""The Reports tab's progress in either language: the steps of building and of writing the PDF."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from onestop_desktop.domain.messages import CATALOGUE, Msg
from onestop_desktop.ui.i18n import install_translators
from onestop_desktop.ui.reports.tab import ReportsTab
from tests.test_i18n_languages import VIETNAMESE, _fields

VI_BUILD = [
    "Đang tính số liệu hồ sơ…",
    "Đang so sánh với kỳ trước và cùng kỳ năm trước…",
    "Đang lập chuỗi số liệu theo tháng…",
    "Đang đọc chỉ số cải cách hành chính…",
    "Đang đọc số liệu BHYT…",
    "Đang đếm hồ sơ số hóa và đánh giá…",  # issue 14: digitised dossiers and ratings
    "Đã xong số liệu.",
]
VI_PDF = ["Đang vẽ biểu đồ hồ sơ…", "Đang vẽ biểu đồ BHYT…", "Đang ghi tệp PDF…", "Đã xong."]


@pytest.fixture
def english(qapp: Any) -> Iterator[None]:
    install_translators("en")
    yield
    install_translators("vi")


def built_labels(qtbot: Any, app_context: Any) -> tuple[ReportsTab, list[str]]:
    """Build October 2018 and note the progress label as each step arrives."""
    tab = ReportsTab(app_context)
    qtbot.addWidget(tab)
    tab.picker.set_period("month", 2018, 10)
    labels: list[str] = []
    tab._relay.progress.connect(lambda _p, _s: labels.append(tab.step_label.text()))  # after the tab's own
    tab.build()
    assert tab.data is not None and tab.data.totals.received == 6092
    return tab, labels


def test_progress_label_speaks_english(qtbot: Any, app_context: Any, english: None, tmp_path: Path) -> None:
    tab, labels = built_labels(qtbot, app_context)
    assert labels[0] == "Counting the dossiers…" and labels[-1] == "Drawing the charts…"
    assert len(labels) == len(VI_BUILD) + 1
    assert not any(VIETNAMESE.search(t) for t in labels), labels
    assert tab.step_label.text() == ""  # built: the label is cleared
    target = tmp_path / "briefing.pdf"
    tab.export("pdf", target)  # the PDF's steps go through the task's progress, worded in English
    assert target.stat().st_size > 10_000
    assert tab.step_label.text() == f"Saved: {target}"


def test_progress_label_keeps_the_vietnamese_steps(qtbot: Any, app_context: Any) -> None:
    _tab, labels = built_labels(qtbot, app_context)
    assert labels[:-1] == VI_BUILD
    assert labels[-1] == "Đang vẽ biểu đồ…"


def test_briefing_steps_are_messages_in_both_languages(app_context: Any) -> None:
    from onestop_desktop.domain.periods import parse_period
    from onestop_desktop.reports.briefing import render_briefing
    from onestop_desktop.services.reports.report_data import build_report

    with app_context.session() as s:
        data = build_report(s, parse_period("2018-10"))
    steps: list[tuple[int, Msg]] = []
    render_briefing(data, io.BytesIO(), progress=lambda p, m: steps.append((p, m)))
    assert [str(m) for _p, m in steps] == VI_PDF  # str(): the command line and logs stay Vietnamese
    assert [m.text("en") for _p, m in steps] == [
        "Drawing the dossier charts…",
        "Drawing the BHYT chart…",
        "Writing the PDF file…",
        "Done.",
    ]
    assert [p for p, _m in steps] == [45, 80, 92, 100]


def test_every_step_message_has_both_languages() -> None:
    import onestop_desktop.reports.briefing_sections  # noqa: F401  (registers the PDF steps)

    keys = [k for k in CATALOGUE if k.startswith(("report.step.", "briefing.step."))]
    assert len(keys) == len(VI_BUILD) + len(VI_PDF)
    assert sorted(str(CATALOGUE[k][0]) for k in keys) == sorted(VI_BUILD + VI_PDF)
    for key in keys:
        vi, en = CATALOGUE[key]
        assert isinstance(en, str) and _fields(en) == _fields(vi) and not VIETNAMESE.search(en), key


def test_built_report_on_screen_is_all_english(qtbot: Any, app_context: Any, english: None) -> None:
    """The summary's formula stayed Vietnamese ("trước hạn … / tổng số phải giải quyết") in English."""
    from tests.test_i18n_languages import _visible_texts

    tab, _labels = built_labels(qtbot, app_context)
    summary = tab.summary.text()
    assert "6,000 / 6,092 = 98.49%" in summary and "total to settle 6,092" in summary
    assert not VIETNAMESE.search(summary), summary
    data = tab.data
    assert data is not None
    # user data shown as written: names of fields, units, officers, late reasons, the office, BHYT units
    written = {r.label for r in (*data.stats.by_field, *data.stats.by_unit, *data.stats.by_officer)}
    written |= {d.reason for d in data.stats.late} | {data.office_name, data.parent_name, data.place}
    if data.bhyt is not None:
        written |= {data.bhyt.name} | {u.name for u in data.bhyt.units}
    written |= {w[:1].lower() + w[1:] for w in written} | {w.split(" ", 1)[-1] for w in written}
    found = []
    for where, text in _visible_texts(tab):
        for word in sorted(written - {""}, key=len, reverse=True):
            text = text.replace(word, "")
        if VIETNAMESE.search(text):
            found.append((where, text))
    assert found == []
    from tests.test_cli_english_output import VI_THOUSANDS

    shown = [text for _where, text in _visible_texts(tab)]
    assert not [t for t in shown if VI_THOUSANDS.search(t) or re.search(r"\d,\d\d %", t)]  # 6.092, 99,12 %
