"""Sanity check of the gold labels in this folder (stdlib only, does not use the extractor).

    python3 bench/data/extract_events/validate.py

Same checks as ``bench/data/extract/check_labels.py``, plus: each evidence string occurs exactly once in its
report, "nghìn" is a multiplier, and each report has 600–1,200 words. Exits non-zero on any error.
"""

from __future__ import annotations

import json
import re
import sys
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
CODES = {
    "propaganda_sessions", "propaganda_participants", "media_items", "banners", "training_courses",
    "training_participants", "fairs", "rural_markets", "booths", "participating_businesses", "event_revenue_vnd",
    "event_visitors", "trade_connection_events", "promotion_programs", "goods_delivered_tonnes", "ocop_products",
    "ocop_3_star", "ocop_4_star", "ocop_5_star", "ocop_producers", "ocop_stores", "viet_sale_points",
    "viet_goods_share_pct", "inspections", "violations_handled", "fines_vnd", "model_residential_areas", "clubs",
    "club_members", "commendations", "supervisions", "committee_budget_vnd",
}  # fmt: skip
QUALIFIER_WORDS = {"khoảng": "about", "hơn": "more_than", "trên": "more_than", "gần": "less_than", "dưới": "less_than"}
NUMBER = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(\s+(?:nghìn|triệu|tỷ))?")
MULTIPLIER = {"nghìn": 10**3, "triệu": 10**6, "tỷ": 10**9}


def figures(evidence: str):
    for match in NUMBER.finditer(evidence):
        value = Decimal(match.group(1).replace(".", "") + ("." + match.group(2) if match.group(2) else ""))
        value *= MULTIPLIER.get((match.group(3) or "").strip(), 1)
        before = evidence[: match.start()].split()
        yield value, (before[-1].lower() if before else "")


def main() -> int:
    errors, total = [], 0
    paths = sorted(HERE.glob("*.json"))
    for labels_path in paths:
        name = labels_path.stem
        text = labels_path.with_suffix(".txt").read_text(encoding="utf-8")
        labels = json.loads(labels_path.read_text(encoding="utf-8"))
        if not labels.get("unit") or not re.match(r"^(19|20)\d\d(-H1)?$", str(labels.get("period", ""))):
            errors.append(f"{name}: bad unit/period")
        if not 600 <= len(text.split()) <= 1200:
            errors.append(f"{name}: {len(text.split())} words")
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
            if text.count(fact["evidence"]) != 1:
                errors.append(f"{where}: evidence occurs {text.count(fact['evidence'])} times: {fact['evidence']!r}")
            matches = [word for value, word in figures(fact["evidence"]) if value == Decimal(str(fact["value"]))]
            if not matches:
                errors.append(f"{where}: value not in evidence {fact['evidence']!r}")
            elif QUALIFIER_WORDS.get(matches[0], "exact") != fact["qualifier"]:
                errors.append(f"{where}: qualifier {fact['qualifier']} but word before figure is {matches[0]!r}")
            total += 1
        evidences = [fact["evidence"] for fact in labels["facts"]]
        errors.extend(f"{name}: evidence used twice: {e!r}" for e in set(evidences) if evidences.count(e) > 1)
    for error in errors:
        print("ERROR", error)
    print(f"{len(paths)} label files, {total} facts, {len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
