"""Plan importer quality (issue 15): does a plan written in another province's layout come out with every task,
its lead unit and its time windows right?

Reads every labelled plan in ``bench/data/plans`` (``<stem>.txt`` or ``<stem>.docx`` with ``<stem>.json``; the
label format is in that folder's README) the way the import page does (``plans.reading.read_lines`` then
``plans.importer.parse_plan``) and prints, per plan and per group, the share of gold tasks

- **found**: a parsed task with the same ref, else (refs differ when a document numbers oddly) a parsed task not
  matched yet whose text contains the gold text (folded: no diacritics, case, punctuation or spacing);
- **with the right lead**: the lead names compare equal once folded, abbreviations spelt out
  (``orgs.matching.normalise``: "UBMTTQ" = "Ủy ban Mặt trận Tổ quốc") and a trailing place dropped ("Sở Công
  Thương tỉnh Quảng Trị" = "Sở Công Thương", "Hội Liên hiệp Phụ nữ xã" = "Hội Liên hiệp Phụ nữ"); a different
  head ("Sở" alone, "Sở Y tế") is a different unit;
- **with the right time**: the same set of windows (inclusive day spans).

A task not found counts as wrong lead and wrong time. Tasks the importer makes that match no gold task are
counted as ``extra`` (shown, not scored).

The importer knows which names are organisations through ``is_organisation``; in the application that is the
committee's own agencies (``orgs.matching``). Here it is the standard member agencies of a province committee
(``orgs.catalogue.PROVINCE_AGENCIES``, current, former and absorbed names) with no place words: what a new
province's committee has on the day it imports its first plan. The plan year comes from the document only.

Groups: ``development`` (the plans the rules were written on) and ``unseen`` (``unseen_plan_*``, written by
someone else to the same contract and measured once). The last line is JSON:
{"tasks_found": ..., "lead_ok": ..., "when_ok": ..., "unseen_lead_ok": ..., "unseen_when_ok": ...}
where the first three are over the development plans; unseen values are null when no unseen plan is present.

    .venv/bin/python bench/plan_eval.py [-v]     # -v lists every miss
"""

from __future__ import annotations

import datetime
import json
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DATA = Path(__file__).resolve().parent / "data" / "plans"
# A place after a unit's name: "tỉnh Quảng Trị", "thành phố", "phường Thủ Dầu Một", "TP. Cần Thơ".
TRAILING_PLACE = re.compile(
    r"\s+(?:tỉnh|thành phố|tp\.?|huyện|quận|thị xã|xã|phường|thị trấn)(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^\s,;]*)*\s*$",
    re.IGNORECASE,
)


@dataclass
class Score:
    gold: int = 0
    found: int = 0
    lead: int = 0
    when: int = 0
    parent: int = 0
    extra: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "found", "lead", "when", "parent", "extra"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def share(self, name: str) -> float | None:
        return round(getattr(self, name) / self.gold, 3) if self.gold else None


def folded_words(text: str) -> str:
    from hangviet.lib.text import fold_diacritics

    return " ".join(re.sub(r"[^\w]+", " ", fold_diacritics(text)).split())


def unit_key(name: str) -> str:
    from hangviet.orgs.matching import normalise

    stripped = TRAILING_PLACE.sub("", name.strip(" .;,:")) or name
    return normalise(stripped)


def same_unit(gold: str, found: str) -> bool:
    return bool(found) and unit_key(gold) == unit_key(found)


def known_organisation() -> Callable[[str], bool]:
    """Whether a name is one of a new province committee's standard member agencies, as the application's matcher
    decides it (same normalisation, same threshold, the standing office by its words)."""
    from rapidfuzz import fuzz

    from hangviet.lib.text import fold_diacritics
    from hangviet.orgs.catalogue import PROVINCE_AGENCIES
    from hangviet.orgs.matching import STANDING_OFFICE, THRESHOLD, normalise

    names: set[str] = set()
    for tier, party in (("tỉnh", "Tỉnh ủy"), ("thành phố", "Thành ủy")):
        for spec in PROVINCE_AGENCIES:
            for name in (spec.name, spec.former_name, *spec.absorbed):
                if name:
                    names.add(normalise(name.format(tier=tier, party=party, place="")))

    def is_organisation(text: str) -> bool:
        folded = fold_diacritics(text)
        if STANDING_OFFICE.match(folded):
            return True
        wanted = normalise(text)
        return any(fuzz.token_sort_ratio(wanted, name) >= THRESHOLD for name in names)

    return is_organisation


def windows_of(pairs: list[list[str]]) -> set[tuple[datetime.date, datetime.date]]:
    return {(datetime.date.fromisoformat(a), datetime.date.fromisoformat(b)) for a, b in pairs}


def score_plan(path: Path, is_organisation: Callable[[str], bool]) -> Score:
    from hangviet.plans.importer import parse_plan
    from hangviet.plans.reading import read_lines

    labels = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    parsed = parse_plan(read_lines(path.read_bytes(), path.name), is_organisation=is_organisation)
    tasks = list(parsed.tasks)
    score = Score(gold=len(labels["tasks"]))
    used: set[int] = set()
    matched: list[tuple[dict, object | None]] = []
    for gold in labels["tasks"]:
        index = next((i for i, task in enumerate(tasks) if i not in used and task.ref == gold["ref"]), None)
        matched.append((gold, index))
        if index is not None:
            used.add(index)
    for position, (gold, index) in enumerate(matched):
        if index is None:
            wanted = folded_words(gold["text"])
            index = next(
                (i for i, task in enumerate(tasks) if i not in used and wanted in folded_words(task.content)), None
            )
            if index is not None:
                used.add(index)
                matched[position] = (gold, index)
    for gold, index in matched:
        if index is None:
            score.misses.append(f"  {gold['ref']}: not found ({gold['text'][:50]})")
            continue
        task = tasks[index]
        score.found += 1
        if same_unit(gold["lead"], task.lead):
            score.lead += 1
        else:
            score.misses.append(f"  {gold['ref']}: lead {task.lead!r}, gold {gold['lead']!r}")
        found_windows = {(window.start, window.end) for window in task.windows}
        if found_windows == windows_of(gold["windows"]):
            score.when += 1
        else:
            shown = ", ".join(window.iso for window in task.windows) or "none"
            score.misses.append(f"  {gold['ref']}: when {shown} ({task.when_text!r}), gold {gold['windows']}")
        if getattr(task, "parent", None) == gold["parent"]:
            score.parent += 1
    score.extra = len(tasks) - len(used)
    score.misses += [f"  extra {tasks[i].ref}: {tasks[i].content[:60]!r}" for i in range(len(tasks)) if i not in used]
    return score


def main() -> None:
    verbose = "-v" in sys.argv[1:]
    is_organisation = known_organisation()
    plans = sorted(
        path
        for path in [*DATA.glob("*.txt"), *DATA.glob("*.docx")]
        if path.with_suffix(".json").exists() and (path.stem.startswith(("plan_", "unseen_plan_")))
    )
    groups: dict[str, Score] = {"development": Score(), "unseen": Score()}
    print(f"{'plan':34} {'tasks':>5} {'found':>6} {'lead':>6} {'when':>6} {'parent':>6} {'extra':>5}")
    for path in plans:
        score = score_plan(path, is_organisation)
        groups["unseen" if path.stem.startswith("unseen_") else "development"].add(score)
        print(
            f"{path.stem:34} {score.gold:5} {score.share('found'):6} {score.share('lead'):6} "
            f"{score.share('when'):6} {score.share('parent'):6} {score.extra:5}"
        )
        if verbose:
            print("\n".join(score.misses))
    for name, score in groups.items():
        if score.gold:
            print(
                f"{name}: {score.gold} tasks, found {score.share('found')}, lead {score.share('lead')}, "
                f"when {score.share('when')}, parent {score.share('parent')}, extra {score.extra}"
            )
    development, unseen = groups["development"], groups["unseen"]
    print(
        json.dumps(
            {
                "tasks_found": development.share("found"),
                "lead_ok": development.share("lead"),
                "when_ok": development.share("when"),
                "unseen_tasks_found": unseen.share("found"),
                "unseen_lead_ok": unseen.share("lead"),
                "unseen_when_ok": unseen.share("when"),
            }
        )
    )


if __name__ == "__main__":
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")
    import django

    django.setup()
    main()
