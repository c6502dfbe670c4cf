"""Checks the labels of this set against the contract (README.md here): every task's text, lead and coordinating
units are written verbatim in its document (a "when" joining several times with "; " part by part), refs are
Roman-numbered parts joined with dots, parents name another task of the same plan, windows are valid inclusive
ISO date pairs inside sane years.

    .venv/bin/python bench/data/plans/check_labels.py
"""

from __future__ import annotations

import datetime
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent.parent))
REF = re.compile(r"^[IVX]{1,4}(\.(?:[IVX]{1,4}|[0-9a-zđ]{1,3}))*$")


def document_text(path: Path) -> str:
    from hangviet.plans.reading import read_lines

    return " ".join(" ".join(line.cells) or line.text for line in read_lines(path.read_bytes(), path.name))


def problems_of(stem: Path) -> list[str]:
    source = next(p for p in (stem.with_suffix(".txt"), stem.with_suffix(".docx")) if p.exists())
    text = " ".join(unicodedata.normalize("NFC", document_text(source)).split())
    labels = json.loads(stem.with_suffix(".json").read_text(encoding="utf-8"))
    refs = [task["ref"] for task in labels["tasks"]]
    problems = [f"duplicate ref {ref}" for ref in set(refs) if refs.count(ref) > 1]
    for task in labels["tasks"]:
        where = f"{stem.name} {task['ref']}"
        if not REF.match(task["ref"]):
            problems.append(f"{where}: ref not in the contract's form")
        if task["parent"] is not None and task["parent"] not in refs:
            problems.append(f"{where}: parent {task['parent']} is not a task")
        for name in [task["text"], task["lead"], *task["coordinating"], *(task["when"] or "").split("; ")]:
            if name and name not in text:
                problems.append(f"{where}: not verbatim in the document: {name!r}")
        for start, end in task["windows"]:
            first, last = datetime.date.fromisoformat(start), datetime.date.fromisoformat(end)
            if last < first or not 2000 < first.year < 2100:
                problems.append(f"{where}: bad window {start}..{end}")
    return problems


def main() -> int:
    stems = sorted({path.with_suffix("") for path in HERE.glob("*.json")})
    problems = [problem for stem in stems for problem in problems_of(stem)]
    print("\n".join(problems) or f"{len(stems)} plans, labels consistent")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
