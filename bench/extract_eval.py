"""Extraction quality and speed (issue: reading reports people already wrote).

Runs the extractor over the labelled sets in ``bench/data/extract*`` (``*.txt`` with gold labels in a sibling
``*.json``; see ``bench/data/extract/README.md``) and prints precision and recall per group, per indicator and
(with ``-v``) per report, then the throughput on .txt reports on one core. A predicted fact matches a gold fact
when the indicator, the value and the per-item flag agree (each gold fact matches at most once); qualifiers are
scored separately.

    .venv/bin/python bench/extract_eval.py [-v]

Groups reported apart. ``development``: ``report_00``, the real Trà Vinh report the rules were written on.
``tuning``: ``report_01``–``06``, ``extract_fresh/fresh_*`` and ``extract_events/events_*``, each measured once
untouched (precision 0.921 / recall 0.771, 0.899 / 0.822, 0.861 / 0.886) and then used to improve the rules;
``events`` is the last of them shown alone. ``unseen``: ``extract_unseen/unseen_*``, written by someone who never
saw the extractor or its errors, measured at every round but never tuned on. ``unseen2``:
``extract_unseen2/*`` when the folder exists, reports written after the event and media round, measured once.
The last line is JSON over all reports: {"precision": ..., "recall": ..., "docs_per_s": ..., "unseen_precision":
..., "unseen_recall": ..., "unseen2_precision": ..., "unseen2_recall": ..., "reports": ..., "gold_facts": ...}
(unseen2 figures are null without the folder).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

HERE = Path(__file__).resolve().parent / "data"
DEVELOPMENT = {"extract/report_00"}
# (group, folder): every ``*.txt`` with a sibling ``.json`` of gold labels in the folder belongs to the group.
SOURCES = [
    ("tuning", HERE / "extract"),
    ("tuning", HERE / "extract_fresh"),
    ("tuning", HERE / "extract_events"),
    ("unseen", HERE / "extract_unseen"),
    ("unseen2", HERE / "extract_unseen2"),
]


def key(fact: dict) -> tuple[str, Decimal, bool]:
    return fact["indicator"], Decimal(str(fact["value"])).normalize(), bool(fact["per_item"])


def score(pairs: list[tuple[list[dict], list[dict]]]) -> tuple[Counter, Counter, Counter, int, int]:
    true_positive, predicted, gold = Counter(), Counter(), Counter()
    qualifiers_right = qualifiers_total = 0
    for found, expected in pairs:
        remaining = Counter(key(fact) for fact in expected)
        qualifier_of = {key(fact): fact.get("qualifier", "exact") for fact in expected}
        for fact in found:
            predicted[fact["indicator"]] += 1
            if remaining[key(fact)] > 0:
                remaining[key(fact)] -= 1
                true_positive[fact["indicator"]] += 1
                qualifiers_total += 1
                qualifiers_right += fact["qualifier"] == qualifier_of[key(fact)]
        for fact in expected:
            gold[fact["indicator"]] += 1
    return true_positive, predicted, gold, qualifiers_right, qualifiers_total


def ratio(a: int, b: int) -> float:
    return round(a / b, 3) if b else 1.0


def main(verbose: bool = False) -> None:
    from hangviet.ingest.extract import extract
    from hangviet.ingest.reading import read_document

    reports: list[tuple[str, Path]] = [
        (group, path)
        for group, folder in SOURCES
        for path in sorted(folder.glob("*.txt"))
        if path.with_suffix(".json").exists()
    ]
    results: dict[str, tuple[list[dict], list[dict]]] = {}
    group_of: dict[str, str] = {}
    for group, path in reports:
        name = f"{path.parent.name}/{path.stem}"
        labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        found = extract(read_document(path.read_bytes(), path.name).passages).as_dict()["facts"]
        results[name] = (found, labels["facts"])
        group_of[name] = "development" if name in DEVELOPMENT else group
    groups = {
        "all": list(results),
        **{g: [n for n in results if group_of[n] == g] for g in ("development", "tuning", "unseen", "unseen2")},
        "events": [n for n in results if n.startswith("extract_events/")],
    }
    summary: dict[str, tuple[float, float]] = {}
    for name, subset in groups.items():
        if not subset:
            continue
        tp, predicted, gold, q_right, q_total = score([results[n] for n in subset])
        summary[name] = (ratio(sum(tp.values()), sum(predicted.values())), ratio(sum(tp.values()), sum(gold.values())))
        print(
            f"{name}: {len(subset)} reports, precision {summary[name][0]}, recall {summary[name][1]}, "
            f"qualifier accuracy {ratio(q_right, q_total)}"
        )
        if name == "all":
            for code in sorted(set(predicted) | set(gold)):
                print(
                    f"  {code:28} precision {ratio(tp[code], predicted[code]):5}"
                    f"  recall {ratio(tp[code], gold[code]):5}  (found {predicted[code]}, gold {gold[code]})"
                )
    if verbose:
        for name, (found, expected) in results.items():
            tp, predicted, gold, _r, _t = score([(found, expected)])
            print(
                f"  {name:28} precision {ratio(sum(tp.values()), sum(predicted.values()))}"
                f"  recall {ratio(sum(tp.values()), sum(gold.values()))}"
            )
    texts = [path.read_bytes() for _group, path in reports] * 20
    started = time.perf_counter()
    for number, content in enumerate(texts):
        extract(read_document(content, f"{number}.txt").passages)
    docs_per_s = len(texts) / (time.perf_counter() - started)
    unseen = summary.get("unseen", (None, None))
    unseen2 = summary.get("unseen2", (None, None))
    print(
        json.dumps(
            {
                "precision": summary["all"][0],
                "recall": summary["all"][1],
                "docs_per_s": round(docs_per_s, 1),
                "unseen_precision": unseen[0],
                "unseen_recall": unseen[1],
                "unseen2_precision": unseen2[0],
                "unseen2_recall": unseen2[1],
                "reports": len(reports),
                "gold_facts": sum(len(gold) for _found, gold in results.values()),
            }
        )
    )


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
    import django

    django.setup()
    main(verbose="-v" in sys.argv)
