"""Build resources/demo/bhyt_2018.json: demo BHYT coverage for Xuân Lộc, Sept and Oct 2018.

Deterministic (fixed seed, no inputs). Run from anywhere:
    .venv/bin/python resources/demo/make_bhyt.py

What is real and what is invented:
- Real (news item of 25/10/2018): district total 199,467 insured of 240,986 residents on 24/10/2018
  (82.77 %), and six commune rates: Xuân Định 93.94, Xuân Phú 92.87, Xuân Thọ 90.33 (highest),
  Xuân Tâm 75.14, Xuân Hòa 75.84, Xuân Bắc 75.68 (lowest).
- Invented: every per-unit population, the other nine units' rates, the group split, September,
  and the 2018 targets. They are shaped to respect the real figures exactly.
"""

from __future__ import annotations

import json
import random
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

OUT = Path(__file__).with_name("bhyt_2018.json")

TOTAL_POPULATION = 240_986
TOTAL_INSURED_OCT = 199_467

# Unit code -> resident population (source date below); Lang Minh takes the remainder.
POPULATION = {
    "26425": 30_412,  # Thị trấn Gia Ray
    "26428": 17_286,  # Xuân Bắc
    "26431": 9_154,  # Suối Cao
    "26434": 9_873,  # Xuân Thành
    "26437": 14_562,  # Xuân Thọ
    "26440": 17_905,  # Xuân Trường
    "26443": 12_478,  # Xuân Hòa
    "26446": 21_637,  # Xuân Hưng
    "26449": 22_914,  # Xuân Tâm
    "26452": 15_096,  # Suối Cát
    "26455": 18_745,  # Xuân Hiệp
    "26458": 15_318,  # Xuân Phú
    "26461": 13_792,  # Xuân Định
    "26464": 12_406,  # Bảo Hòa
}
POPULATION["26467"] = TOTAL_POPULATION - sum(POPULATION.values())  # Lang Minh

# Rates quoted in the article (percent, 2 decimals): must come out exactly.
FIXED_RATES = {
    "26461": "93.94",
    "26458": "92.87",
    "26437": "90.33",
    "26449": "75.14",
    "26443": "75.84",
    "26428": "75.68",
}
# Starting rates for the other units; scaled together so the district total is exact.
FREE_RATES = {
    "26425": 85.4,
    "26431": 79.6,
    "26434": 81.2,
    "26440": 83.4,
    "26446": 80.7,
    "26452": 86.1,
    "26455": 82.3,
    "26464": 78.9,
    "26467": 81.7,
}
LOW, HIGH = Decimal("75.84"), Decimal("90.33")

GROUPS = [
    ("nld", "Nhóm do người lao động và người sử dụng lao động đóng"),
    ("bhxh", "Nhóm do tổ chức bảo hiểm xã hội đóng"),
    ("nsnn", "Nhóm do ngân sách nhà nước đóng"),
    ("nsnn_ho_tro", "Nhóm được ngân sách nhà nước hỗ trợ mức đóng"),
    ("ho_gia_dinh", "Nhóm tham gia bảo hiểm y tế theo hộ gia đình"),
]
# Base shares of the insured by group (household group takes the remainder).
BASE_SHARES = {"nld": 0.21, "bhxh": 0.05, "nsnn": 0.25, "nsnn_ho_tro": 0.17}
TOWNSHIP_SHARES = {"nld": 0.31, "bhxh": 0.06, "nsnn": 0.17, "nsnn_ho_tro": 0.15}

DISTRICT_TARGET = 85.0


def rate2(insured: int, population: int) -> Decimal:
    """Coverage percent rounded half-up to 2 decimals (same as float round() for our data)."""
    value = Decimal(insured) * 100 / Decimal(population)
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def insured_for(population: int, rate: str) -> int:
    """An insured count whose rounded rate equals `rate` exactly."""
    n = int((Decimal(population) * Decimal(rate) / 100).to_integral_value(ROUND_HALF_UP))
    assert rate2(n, population) == Decimal(rate)
    assert round(n / population * 100, 2) == float(rate)
    return n


def october_insured() -> dict[str, int]:
    insured = {code: insured_for(POPULATION[code], r) for code, r in FIXED_RATES.items()}
    remaining = TOTAL_INSURED_OCT - sum(insured.values())
    start = {c: POPULATION[c] * r / 100 for c, r in FREE_RATES.items()}
    factor = remaining / sum(start.values())
    free = {c: round(v * factor) for c, v in start.items()}
    free["26425"] += remaining - sum(free.values())  # integer residue to the largest unit
    insured.update(free)
    for code in FREE_RATES:
        r = rate2(insured[code], POPULATION[code])
        assert LOW < r < HIGH, (code, r)
    assert sum(insured.values()) == TOTAL_INSURED_OCT
    return insured


def split_groups(code: str, total: int, rng: random.Random) -> dict[str, int]:
    base = TOWNSHIP_SHARES if code == "26425" else BASE_SHARES
    out = {g: int(total * share * rng.uniform(0.9, 1.1)) for g, share in base.items()}
    out["ho_gia_dinh"] = total - sum(out.values())
    assert out["ho_gia_dinh"] > 0
    return out


def scale_groups(groups: dict[str, int], total: int) -> dict[str, int]:
    """September split: the same mix, household group absorbing the difference."""
    old = sum(groups.values())
    out = {g: v * total // old for g, v in groups.items() if g != "ho_gia_dinh"}
    out["ho_gia_dinh"] = total - sum(out.values())
    return out


def target_for(rate: Decimal) -> float:
    half_points = round((float(rate) + 2.5) * 2) / 2
    return min(90.0, max(80.0, half_points))


def build() -> dict[str, object]:
    rng = random.Random(2018)
    oct_insured = october_insured()
    codes = sorted(POPULATION)
    oct_rows, sep_rows = [], []
    for code in codes:
        pop = POPULATION[code]
        ins = oct_insured[code]
        groups = split_groups(code, ins, rng)
        oct_rows.append({"unit": code, "population": pop, "insured": ins, "groups": groups})
        drop = rng.uniform(0.35, 1.25)
        sep_ins = round(pop * (ins * 100 / pop - drop) / 100)
        gap = ins * 100 / pop - sep_ins * 100 / pop
        assert 0.2 <= gap <= 1.5, (code, gap)
        sep_rows.append(
            {"unit": code, "population": pop, "insured": sep_ins, "groups": scale_groups(groups, sep_ins)}
        )
    targets = {code: target_for(rate2(oct_insured[code], POPULATION[code])) for code in codes}
    return {
        "district": "741",
        "year": 2018,
        "population_source_date": "2018-06-30",
        "groups": [{"code": c, "name": n} for c, n in GROUPS],
        "targets": {"district": DISTRICT_TARGET, "units": targets},
        "snapshots": [
            {"date": "2018-09-24", "units": sep_rows},
            {"date": "2018-10-24", "units": oct_rows},
        ],
    }


def main() -> None:
    data = build()
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
