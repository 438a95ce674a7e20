"""Checks on the shipped catalogue and demo data (resources/catalogue, resources/demo)."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "resources" / "catalogue"
DEMO = ROOT / "resources" / "demo"
JSON_FILES = [
    CATALOGUE / "fields.json",
    CATALOGUE / "procedures.json",
    DEMO / "units.json",
    DEMO / "bhyt_2018.json",
    DEMO / "indicators_2018.json",
]

GSO_2018 = {
    "26425": "Gia Ray",
    "26428": "Xuân Bắc",
    "26431": "Suối Cao",
    "26434": "Xuân Thành",
    "26437": "Xuân Thọ",
    "26440": "Xuân Trường",
    "26443": "Xuân Hòa",
    "26446": "Xuân Hưng",
    "26449": "Xuân Tâm",
    "26452": "Suối Cát",
    "26455": "Xuân Hiệp",
    "26458": "Xuân Phú",
    "26461": "Xuân Định",
    "26464": "Bảo Hòa",
    "26467": "Lang Minh",
}
QUOTED_RATES = {
    "26461": 93.94,  # Xuân Định
    "26458": 92.87,  # Xuân Phú
    "26437": 90.33,  # Xuân Thọ
    "26449": 75.14,  # Xuân Tâm
    "26443": 75.84,  # Xuân Hòa
    "26428": 75.68,  # Xuân Bắc
}
GROUPS = ["nld", "bhxh", "nsnn", "nsnn_ho_tro", "ho_gia_dinh"]


def load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for k, v in value.items():
            yield k
            yield from strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from strings(v)


def rate(insured: int, population: int) -> float:
    return round(insured / population * 100, 2)


@pytest.fixture(scope="module")
def procedures() -> list[dict[str, Any]]:
    return load(CATALOGUE / "procedures.json")


@pytest.fixture(scope="module")
def units() -> list[dict[str, Any]]:
    return load(DEMO / "units.json")


@pytest.fixture(scope="module")
def bhyt() -> dict[str, Any]:
    return load(DEMO / "bhyt_2018.json")


def snapshot(bhyt: dict[str, Any], day: str) -> dict[str, dict[str, Any]]:
    (snap,) = [s for s in bhyt["snapshots"] if s["date"] == day]
    return {row["unit"]: row for row in snap["units"]}


# --- all files -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", JSON_FILES, ids=lambda p: p.name)
def test_json_is_utf8_nfc_and_pretty(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    assert "\\u" not in raw, "write with ensure_ascii=False"
    assert "\n  " in raw or "\n " in raw, "pretty-printed"
    for s in strings(json.loads(raw)):
        assert unicodedata.normalize("NFC", s) == s, s


# --- catalogue -----------------------------------------------------------------------------------


def test_fields() -> None:
    fields = load(CATALOGUE / "fields.json")
    codes = [f["code"] for f in fields]
    assert len(fields) >= 8
    assert len(set(codes)) == len(codes)
    names = {f["code"]: f["name"] for f in fields}
    assert names["HT"] == "Hộ tịch"
    assert names["CT"] == "Chứng thực"
    assert names["DD"] == "Đất đai"
    assert names["XD"] == "Xây dựng"
    assert names["KD"] == "Đăng ký kinh doanh"
    assert names["LD"] == "Lao động - Thương binh và Xã hội"
    assert names["BT"] == "Bảo trợ xã hội"
    assert names["TP"] == "Tư pháp"


def test_procedures_shape(procedures: list[dict[str, Any]]) -> None:
    field_codes = {f["code"] for f in load(CATALOGUE / "fields.json")}
    assert len(procedures) >= 40
    codes = [p["code"] for p in procedures]
    assert len(set(codes)) == len(codes)
    names = [p["name"] for p in procedures]
    assert len(set(names)) == len(names)
    assert len({p["field"] for p in procedures}) >= 8
    keys = {
        "code", "name", "field", "level", "time_value", "time_unit",
        "fee", "online_level", "documents", "result",
    }  # fmt: skip
    for p in procedures:
        assert keys <= set(p) <= keys | {"source", "versions"}, p["code"]
        starts = [v["valid_from"] for v in p.get("versions", [])]
        assert starts == sorted(set(starts)), p["code"]  # later versions, in order, one per day
        for v in p.get("versions", []):
            assert set(v) <= {"valid_from", "source", "time_value", "time_unit", "fee", "online_level",
                              "result", "documents"} and v["source"].strip(), p["code"]  # fmt: skip
            assert all(set(d) == {"name", "kind", "count"} for d in v.get("documents", []))
        assert p["field"] in field_codes, p["code"]
        assert p["level"] in {"xa", "huyen"}
        assert isinstance(p["time_value"], int) and p["time_value"] >= 0
        assert p["time_unit"] in {"working-days", "calendar-days", "hours"}
        if p["time_value"] == 0:
            assert p["time_unit"] == "working-days", p["code"]
        assert isinstance(p["fee"], int) and p["fee"] >= 0
        assert p["online_level"] in {2, 3, 4}
        assert p["name"].strip() == p["name"] and p["result"].strip()
        assert 2 <= len(p["documents"]) <= 6, p["code"]
        for d in p["documents"]:
            assert set(d) == {"name", "kind", "count"}
            assert d["kind"] in {"original", "certified_copy", "photocopy"}
            assert isinstance(d["count"], int) and d["count"] >= 1
            assert d["name"].strip()
    assert {p["level"] for p in procedures} == {"xa", "huyen"}


@pytest.mark.parametrize(
    ("name", "level", "value", "unit", "fee"),
    [
        ("Đăng ký khai sinh", "xa", 0, "working-days", 0),
        ("Đăng ký kết hôn", "xa", 0, "working-days", 0),
        ("Đăng ký khai tử", "xa", 0, "working-days", 0),
        ("Cấp bản sao trích lục hộ tịch", "xa", 0, "working-days", 8000),
        ("Chứng thực bản sao từ bản chính", "xa", 0, "working-days", 2000),
        ("Chứng thực chữ ký", "xa", 0, "working-days", 10000),
        ("Chứng thực hợp đồng, giao dịch", "xa", 2, "working-days", 50000),
        ("Đăng ký thành lập hộ kinh doanh", "huyen", 3, "working-days", 100000),
        ("Cấp giấy phép xây dựng nhà ở riêng lẻ", "huyen", 15, "working-days", 75000),
        ("Hòa giải tranh chấp đất đai", "xa", 45, "calendar-days", 0),
        ("Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", "xa", 7, "working-days", 0),
        ("Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", "xa", 8, "working-days", 0),
    ],
)
def test_required_procedures(
    procedures: list[dict[str, Any]], name: str, level: str, value: int, unit: str, fee: int
) -> None:
    (p,) = [p for p in procedures if p["name"] == name]
    assert (p["level"], p["time_value"], p["time_unit"], p["fee"]) == (level, value, unit, fee)


def test_required_procedures_by_prefix(procedures: list[dict[str, Any]]) -> None:
    def one(prefix: str) -> dict[str, Any]:
        (p,) = [p for p in procedures if p["name"].startswith(prefix)]
        return p

    first = one("Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất")
    assert (first["time_value"], first["time_unit"], first["field"]) == (30, "working-days", "DD")
    transfer = one("Đăng ký biến động quyền sử dụng đất")
    assert "chuyển nhượng" in transfer["name"]
    assert (transfer["time_value"], transfer["time_unit"]) == (10, "working-days")
    monthly = one("Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng")
    assert monthly["field"] == "BT"
    (birth,) = [p for p in procedures if p["name"] == "Đăng ký khai sinh"]
    assert birth["code"] == "1.001193"


# --- units ---------------------------------------------------------------------------------------


def test_units_tree(units: list[dict[str, Any]]) -> None:
    keys = [(u["code"], u["valid_from"]) for u in units]
    assert len(set(keys)) == len(keys), "a code is unique per validity start (2025 codes reuse old ones)"
    for code in {u["code"] for u in units}:  # and never used by two units on the same day
        spans = sorted((u["valid_from"], u["valid_to"] or "9999-12-31") for u in units if u["code"] == code)
        assert all(a[1] < b[0] for a, b in zip(spans, spans[1:], strict=False)), code
    offices = [u["office_code"] for u in units]
    assert len(set(offices)) == len(offices)
    by_code = {u["code"]: u for u in units if u["valid_from"] < "2025-07-01"}  # the 2018 tree
    for u in units:
        required = {"code", "name", "short_name", "level", "parent", "valid_from", "valid_to", "office_code"}
        assert required <= set(u) <= required | {"source", "successor_of"}
        assert u["level"] in {"province", "district", "commune", "township"}
        assert u["parent"] is None or u["parent"] in {p["code"] for p in units}
        start = date.fromisoformat(u["valid_from"])
        if u["valid_to"] is not None:
            assert date.fromisoformat(u["valid_to"]) > start
        assert u["office_code"].endswith(".H19")
        assert u["name"].endswith(u["short_name"])
    province = by_code["75"]
    assert (province["name"], province["level"], province["parent"]) == ("Tỉnh Đồng Nai", "province", None)
    district = by_code["741"]
    assert (district["level"], district["parent"], district["valid_to"]) == ("district", "75", "2025-06-30")
    assert district["short_name"] == "Xuân Lộc"
    for code, name in GSO_2018.items():
        u = by_code[code]
        assert u["short_name"] == name
        assert u["parent"] == "741"
        assert u["level"] == ("township" if code == "26425" else "commune")
        assert u["valid_from"] <= "2004-01-01"
        assert u["valid_to"] == "2025-06-30"
    assert sum(1 for u in units if u["parent"] == "741") == 15


# NQ 1662/NQ-UBTVQH15 Điều 1 (khoản 21-27) and the codes of Công văn 1027/CTK-CSCL (25/6/2025)
UNITS_2025 = {
    "26425": (
        "Xuân Lộc",
        24,
        {"26425": False, "26437": False, "26440": False, "26452": False, "26455": False},
    ),
    "26446": ("Xuân Hòa", 25, {"26446": False, "26443": False, "26449": True}),
    "26434": ("Xuân Thành", 26, {"26431": False, "26434": False}),
    "26428": ("Xuân Bắc", 27, {"26428": False}),
    "26458": ("Xuân Phú", 23, {"26467": False, "26458": False}),
    "26461": ("Xuân Định", 22, {"26464": False, "26461": False}),
    "26359": ("Xuân Đông", 21, {"26449": True}),
}


def test_units_of_2025(units: list[dict[str, Any]]) -> None:
    new = {u["code"]: u for u in units if u["valid_from"] >= "2025-07-01"}
    assert set(new) == set(UNITS_2025)
    for code, (name, clause, former) in UNITS_2025.items():
        u = new[code]
        assert (u["name"], u["short_name"], u["level"], u["parent"]) == (f"Xã {name}", name, "commune", "75")
        assert (u["valid_from"], u["valid_to"]) == ("2025-07-01", None)
        assert u["source"] == f"NQ 1662/NQ-UBTVQH15, Điều 1 khoản {clause}"
        assert {s["code"]: s.get("part", False) for s in u["successor_of"]} == former
    # every 2018 commune of Xuân Lộc went somewhere; only Xuân Tâm was split (between Xuân Đông and Xuân Hòa)
    taken = [s["code"] for u in new.values() for s in u["successor_of"]]
    assert set(taken) == set(GSO_2018)
    assert [c for c in taken if taken.count(c) > 1] == ["26449", "26449"]


# --- BHYT ----------------------------------------------------------------------------------------


def test_bhyt_october_totals(bhyt: dict[str, Any]) -> None:
    oct_ = snapshot(bhyt, "2018-10-24")
    assert set(oct_) == set(GSO_2018)
    insured = sum(r["insured"] for r in oct_.values())
    population = sum(r["population"] for r in oct_.values())
    assert (insured, population) == (199_467, 240_986)
    assert rate(insured, population) == 82.77


def test_bhyt_quoted_rates_are_exact_and_extreme(bhyt: dict[str, Any]) -> None:
    oct_ = snapshot(bhyt, "2018-10-24")
    rates = {code: rate(r["insured"], r["population"]) for code, r in oct_.items()}
    for code, quoted in QUOTED_RATES.items():
        assert rates[code] == quoted, GSO_2018[code]
    for code, value in rates.items():
        if code not in QUOTED_RATES:
            assert 75.84 < value < 90.33, GSO_2018[code]
    ranked = sorted(rates, key=rates.__getitem__)
    assert set(ranked[:3]) == {"26449", "26443", "26428"}
    assert set(ranked[-3:]) == {"26461", "26458", "26437"}


def test_bhyt_populations_and_groups(bhyt: dict[str, Any]) -> None:
    assert [g["code"] for g in bhyt["groups"]] == GROUPS
    sep = snapshot(bhyt, "2018-09-24")
    oct_ = snapshot(bhyt, "2018-10-24")
    assert set(sep) == set(oct_)
    assert 25_000 <= oct_["26425"]["population"] <= 35_000
    for code, row in oct_.items():
        if code != "26425":
            assert 8_000 <= row["population"] <= 25_000, GSO_2018[code]
        assert sep[code]["population"] == row["population"]
    for snap in (sep, oct_):
        for code, row in snap.items():
            assert list(row["groups"]) == GROUPS
            assert all(isinstance(v, int) and v > 0 for v in row["groups"].values())
            assert sum(row["groups"].values()) == row["insured"], GSO_2018[code]
            assert 0 < row["insured"] < row["population"]


def test_bhyt_september_a_bit_lower(bhyt: dict[str, Any]) -> None:
    sep = snapshot(bhyt, "2018-09-24")
    oct_ = snapshot(bhyt, "2018-10-24")
    for code, row in oct_.items():
        gap = (row["insured"] - sep[code]["insured"]) / row["population"] * 100
        assert 0.2 <= gap <= 1.5, GSO_2018[code]
    assert sum(r["insured"] for r in sep.values()) < 199_467


def test_bhyt_targets(bhyt: dict[str, Any]) -> None:
    targets = bhyt["targets"]
    assert targets["district"] == 85.0
    assert set(targets["units"]) == set(GSO_2018)
    assert all(80 <= t <= 90 for t in targets["units"].values())


def test_bhyt_script_reproduces_file(tmp_path: Path) -> None:
    script = DEMO / "make_bhyt.py"
    copy = tmp_path / "make_bhyt.py"
    copy.write_text(script.read_text(encoding="utf-8"), encoding="utf-8")
    subprocess.run([sys.executable, str(copy)], check=True, capture_output=True)
    regenerated = (tmp_path / "bhyt_2018.json").read_text(encoding="utf-8")
    assert regenerated == (DEMO / "bhyt_2018.json").read_text(encoding="utf-8")


# --- indicators ----------------------------------------------------------------------------------


def test_indicators() -> None:
    data = load(DEMO / "indicators_2018.json")
    months = {m["month"]: m for m in data["months"]}
    sep, oct_ = months["2018-09"], months["2018-10"]
    assert (oct_["eoffice_accounts_active"], oct_["eoffice_accounts_total"]) == (655, 658)
    assert round(655 / 658 * 100, 1) == oct_["reported"]["eoffice_active_rate_pct"] == 99.5
    assert oct_["edocs_sent_received"] == 7_949
    assert sep["edocs_sent_received"] < oct_["edocs_sent_received"]
    assert sep["eoffice_accounts_active"] <= sep["eoffice_accounts_total"]
    assert oct_["dossiers_received"] == oct_["reported"]["dossiers_received"] == 6_092
    assert oct_["reported"]["dossiers_on_time_or_within_deadline"] == 6_000
    for m in (sep, oct_):
        assert m["period_start"] < m["period_end"]
        assert 0 < m["online_level3_procedures"] <= m["procedures_total"]
        assert m["online_level3_procedures_share_pct"] == round(
            m["online_level3_procedures"] / m["procedures_total"] * 100, 2
        )
        assert 0 < m["online_level3_dossiers"] <= m["dossiers_received"]
        assert m["online_level3_dossiers_share_pct"] == round(
            m["online_level3_dossiers"] / m["dossiers_received"] * 100, 2
        )
    assert sep["online_level3_procedures"] <= oct_["online_level3_procedures"]
