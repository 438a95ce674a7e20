"""The citizen's rating of the service, given when the result is returned (issue 14).

Three levels, kept in the database by key: ``satisfied``, ``neutral``, ``unsatisfied``.

Where the wording comes from
----------------------------
- Quyết định 766/QĐ-TTg (23/6/2022), Bộ chỉ số chỉ đạo, điều hành và đánh giá chất lượng phục vụ người
  dân, doanh nghiệp trong thực hiện thủ tục hành chính, dịch vụ công theo thời gian thực trên môi trường
  điện tử: its fifth group, "Mức độ hài lòng", scores an office on the indicator "Tỷ lệ hài lòng trong
  tiếp nhận, giải quyết TTHC" (the published summaries give it 6 of the group's 18 points, against the
  targets of Nghị quyết 76/NQ-CP of 15/7/2021), fed by the citizens' assessments collected through the
  national public service portal and the province's system. We could not read the decision's annex
  itself; the summaries we found name the indicator but **define no rating levels**.
- Nghị định 118/2025/NĐ-CP (the one-stop mechanism, replacing 61/2018): the texts found for this work do
  not fix a scale for the counter's rating either.
- What the portals show: the ministries' survey pages ask on five levels ("Rất hài lòng / Hài lòng /
  Bình thường / Không hài lòng / Rất không hài lòng", e.g. dichvucong.mic.gov.vn/Pages/DanhGia.aspx);
  the provinces' per-dossier pages (e.g. dichvucong.thuathienhue.gov.vn/mucdo-hailong) rate twelve
  criteria of one dossier.

So no text we found defines the three levels: we keep the issue's keys and word them with the middle
three words of the portals' five-level scale: "Hài lòng", "Bình thường", "Không hài lòng". This is our
choice, not a rule: a province that asks for other words changes the labels here, never the stored keys.

The satisfied rate in the reports is satisfied / ratings collected (neutral counts as not satisfied).
It is the program's own figure, not QĐ 766's score, which the national system computes from its data.
"""

from __future__ import annotations

from typing import Final

from onestop_desktop.domain.messages import Msg, define, msg

__all__ = [
    "LEVELS",
    "NEUTRAL",
    "SATISFIED",
    "SOURCES",
    "UNSATISFIED",
    "is_level",
    "level_label",
    "level_msg",
    "satisfied_rate",
]

SATISFIED: Final = "satisfied"
NEUTRAL: Final = "neutral"
UNSATISFIED: Final = "unsatisfied"
LEVELS: Final = (SATISFIED, NEUTRAL, UNSATISFIED)

# Where a rating was given: the clerk's dialog at the counter, the citizen's own screen, the demo office.
SOURCES: Final = ("counter", "screen", "demo")

_WORDING: Final = {
    SATISFIED: ("Hài lòng", "Satisfied"),
    NEUTRAL: ("Bình thường", "Neutral"),
    UNSATISFIED: ("Không hài lòng", "Not satisfied"),
}
for _key, (_vi, _en) in _WORDING.items():
    define(f"rating.level.{_key}", _vi, _en)


def is_level(value: str) -> bool:
    return value in LEVELS


def level_msg(level: str) -> Msg:
    """The level's label as a message (worded in the interface language at the edge)."""
    if level not in _WORDING:
        raise ValueError(f"unknown rating level {level!r}")
    return msg(f"rating.level.{level}")


def level_label(level: str, language: str = "vi") -> str:
    """The level's label in `language` ("vi" or "en")."""
    return level_msg(level).text(language)


def satisfied_rate(satisfied: int, count: int) -> float | None:
    """Satisfied ratings as a percentage of ratings collected, two decimals; None without ratings."""
    return round(100.0 * satisfied / count, 2) if count else None
