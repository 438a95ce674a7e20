"""Which texts and templates rule on a given day (table-driven, around 1/7/2025 and 15/9/2025)."""

from __future__ import annotations

from datetime import date

import pytest

from onestop_desktop.domain.legal import (
    ND_61_2018,
    ND_118_2025,
    TT_01_2018,
    TT_03_2025,
    FormKind,
    NoTemplate,
    advanced_online_services,
    form_template,
    one_stop_decree,
    online_level_label,
)

K = FormKind


@pytest.mark.parametrize(
    ("day", "kind", "number", "circular"),
    [
        (date(2018, 10, 24), K.RECEIPT, 1, TT_01_2018),  # the 2018 story keeps its forms
        (date(2018, 10, 24), K.APOLOGY, 4, TT_01_2018),
        (date(2018, 10, 24), K.CONTROL_SLIP, 5, TT_01_2018),
        (date(2018, 10, 24), K.LOG_BOOK, 6, TT_01_2018),
        (date(2025, 6, 30), K.RECEIPT, 1, TT_01_2018),  # last day of the old decree
        (date(2025, 7, 1), K.RECEIPT, 1, TT_01_2018),  # new decree, old circular still the templates
        (date(2025, 9, 14), K.CONTROL_SLIP, 5, TT_01_2018),
        (date(2025, 9, 15), K.CONTROL_SLIP, 6, TT_03_2025),  # Thông tư 03/2025 in force
        (date(2025, 9, 15), K.LOG_BOOK, 7, TT_03_2025),
        (date(2025, 9, 15), K.STOP_NOTICE, 5, TT_03_2025),
        (date(2026, 12, 1), K.RECEIPT, 1, TT_03_2025),
        (date(2026, 12, 1), K.SUPPLEMENT, 2, TT_03_2025),
        (date(2026, 12, 1), K.REFUSAL, 3, TT_03_2025),
        (date(2026, 12, 1), K.APOLOGY, 4, TT_03_2025),
    ],
)
def test_template_in_force(day: date, kind: FormKind, number: int, circular: object) -> None:
    tpl = form_template(kind, day)
    assert (tpl.number, tpl.circular) == (number, circular)
    assert tpl.label == f"Mẫu số {number:02d} – {tpl.circular.number}"


def test_titles_change_where_the_circulars_differ() -> None:
    assert form_template(K.APOLOGY, date(2025, 9, 14)).title == "Phiếu xin lỗi và hẹn lại ngày trả kết quả"
    assert (
        form_template(K.APOLOGY, date(2025, 9, 15)).title
        == "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết"
    )
    assert (
        form_template(K.RECEIPT, date(2018, 1, 1)).title == form_template(K.RECEIPT, date(2026, 1, 1)).title
    )


def test_no_stop_notice_before_the_2025_circular() -> None:
    with pytest.raises(NoTemplate, match="Thông tư 01/2018/TT-VPCP"):
        form_template(K.STOP_NOTICE, date(2025, 9, 14))


@pytest.mark.parametrize(
    ("day", "decree"),
    [
        (date(2018, 10, 24), ND_61_2018),
        (date(2025, 6, 30), ND_61_2018),
        (date(2025, 7, 1), ND_118_2025),
        (date(2026, 12, 1), ND_118_2025),
    ],
)
def test_decree_of_the_one_stop_mechanism(day: date, decree: object) -> None:
    assert one_stop_decree(day) == decree


def test_every_day_has_exactly_one_template_set() -> None:
    """The circulars' spans touch without a gap or an overlap."""
    assert TT_01_2018.valid_to is not None
    assert (TT_03_2025.valid_from - TT_01_2018.valid_to).days == 1
    assert ND_61_2018.valid_to is not None
    assert (ND_118_2025.valid_from - ND_61_2018.valid_to).days == 1


@pytest.mark.parametrize(
    ("level", "day", "label"),
    [
        (3, date(2018, 10, 31), "Mức độ 3"),
        (4, date(2022, 7, 31), "Mức độ 4"),
        (4, date(2022, 8, 1), "Toàn trình"),  # Nghị định 42/2022 in force
        (3, date(2022, 8, 1), "Một phần"),
        (2, date(2026, 12, 1), "Một phần"),
        (1, date(2026, 12, 1), "Chỉ cung cấp thông tin"),
    ],
)
def test_online_service_levels_follow_the_date(level: int, day: date, label: str) -> None:
    assert online_level_label(level, day) == label


def test_online_level_out_of_scale_is_refused() -> None:
    with pytest.raises(ValueError):
        online_level_label(5, date(2026, 1, 1))


def test_the_briefing_pushes_the_services_of_its_period() -> None:
    assert advanced_online_services(date(2018, 10, 31)) == "mức độ 3, 4"
    assert advanced_online_services(date(2026, 11, 30)) == "toàn trình và một phần"


def test_online_indicator_names_take_the_terms_of_their_period() -> None:
    from onestop_desktop.services.reports.indicators import DEFAULT_DEFS, name_in_period

    names = {code: name for code, name, _ in DEFAULT_DEFS}
    old = names["online_level3_dossiers"]
    assert name_in_period("online_level3_dossiers", old, date(2018, 10, 31)) == old
    assert "toàn trình" in name_in_period("online_level3_dossiers", old, date(2026, 11, 30))
    assert name_in_period("online_level3_dossiers", "Tên do quản trị đặt", date(2026, 11, 30)) == (
        "Tên do quản trị đặt"
    )
