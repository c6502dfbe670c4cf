"""Sanity check of the gold labels in this folder (does not use the extractor).

    /work/main/.venv/bin/python bench/data/extract/check_labels.py

Checks every report_NN.json: it parses; unit/period/facts are present; codes, qualifiers and per_item are
valid; every evidence string occurs verbatim in report_NN.txt; the evidence contains a figure whose value
(Vietnamese number format, "triệu"/"tỷ" multipliers) equals the labelled value; the qualifier agrees with
the word just before that figure. Prints the number of facts and exits non-zero on any error.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = set(["propaganda_sessions", "propaganda_participants", "media_items", "banners", "training_courses", "training_participants", "fairs", "rural_markets", "booths", "participating_businesses", "event_revenue_vnd", "event_visitors", "trade_connection_events", "promotion_programs", "goods_delivered_tonnes", "ocop_products", "ocop_3_star", "ocop_4_star", "ocop_5_star", "ocop_producers", "ocop_stores", "viet_sale_points", "viet_goods_share_pct", "inspections", "violations_handled", "fines_vnd", "model_residential_areas", "clubs", "club_members", "commendations", "supervisions", "committee_budget_vnd"])
QUALIFIER_WORDS = {"khoảng": "about", "hơn": "more_than", "trên": "more_than", "gần": "less_than", "dưới": "less_than"}
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s+(?:triệu|tỷ))?")
PERIOD = re.compile(r"^(19|20)\d\d(-H1)?$")


def figures(evidence: str):
    for match in NUMBER.finditer(evidence):
        value = Decimal(match.group(1).replace(".", "") + ("." + match.group(2) if match.group(2) else ""))
        unit = (match.group(3) or "").strip()
        value *= {"triệu": 10**6, "tỷ": 10**9}.get(unit, 1)
        before = evidence[: match.start()].split()
        yield value, (before[-1].lower() if before else "")


def main() -> int:
    errors, total = [], 0
    for labels_path in sorted(HERE.glob("report_*.json")):
        name = labels_path.stem
        text = labels_path.with_suffix(".txt").read_text(encoding="utf-8")
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        if not labels.get("unit") or not PERIOD.match(str(labels.get("period", ""))):
            errors.append(f"{name}: bad unit/period")
        if name != "report_00":
            words = len(text.split())
            if not 500 <= words <= 1200:
                errors.append(f"{name}: {words} words")
        for number, fact in enumerate(labels["facts"]):
            where = f"{name} fact {number} ({fact.get('indicator')} {fact.get('value')})"
            if set(fact) != {"indicator", "value", "qualifier", "per_item", "evidence"}:
                errors.append(f"{where}: keys {sorted(fact)}")
                continue
            if fact["indicator"] not in CODES:
                errors.append(f"{where}: unknown indicator")
            if fact["qualifier"] not in {"exact", "about", "more_than", "less_than"}:
                errors.append(f"{where}: bad qualifier")
            if not isinstance(fact["per_item"], bool):
                errors.append(f"{where}: per_item not bool")
            if not isinstance(fact["value"], (int, float)) or isinstance(fact["value"], bool):
                errors.append(f"{where}: value not a number")
                continue
            if fact["evidence"] not in text:
                errors.append(f"{where}: evidence not found verbatim: {fact['evidence']!r}")
            matches = [word for value, word in figures(fact["evidence"]) if value == Decimal(str(fact["value"]))]
            if not matches:
                errors.append(f"{where}: value not in evidence {fact['evidence']!r}")
            elif QUALIFIER_WORDS.get(matches[0], "exact") != fact["qualifier"]:
                errors.append(f"{where}: qualifier {fact['qualifier']} but word before figure is {matches[0]!r}")
            total += 1
        evidences = [fact["evidence"] for fact in labels["facts"]]
        for evidence in set(evidences):
            if evidences.count(evidence) > 1:
                errors.append(f"{name}: evidence used twice: {evidence!r}")
    for error in errors:
        print("ERROR", error)
    print(f"{len(list(HERE.glob('report_*.json')))} label files, {total} facts, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
