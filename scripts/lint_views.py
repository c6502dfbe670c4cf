#!/usr/bin/env python3
"""Lint step of `make lint`: views and the API reach scoped data only through the access gates, and never write.

Fails (exit 1, ``file:line: message``) on, in any ``views.py`` (or ``views_*.py``, or module of a ``views/``
package) and in
``hangviet/api/``:
- an ORM call on a scoped model (one that belongs to an organisation: ``Report.objects...``,
  ``get_object_or_404(Report, ...)``) — the app's ``access.py`` gate or ``queries.py`` must fetch it;
- a write (``.save()``, ``.delete()``, ``.create()``, ``.update()``, ``bulk_create``, ``get_or_create``,
  ``update_or_create``) — changes of state belong in the app's ``actions.py``.

Known exceptions are listed in ``scripts/lint_views_baseline.txt`` by a stable key (file, function, call), so
that a new one fails and the list only shrinks. ``--update-baseline`` rewrites it (review the diff).
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASELINE = Path(__file__).with_name("lint_views_baseline.txt")
# Models whose rows belong to an organisation (directly or through a report, plan, document or upload).
SCOPED_MODELS = frozenset(
    {
        "Organisation",
        "OrganisationName",
        "Membership",
        "Person",
        "UserRole",
        "AreaAssignment",
        "Report",
        "ReportValue",
        "ReportText",
        "WarningNote",
        "Attachment",
        "ValueChange",
        "Reminder",
        "Plan",
        "Task",
        "TaskProgress",
        "Document",
        "DocumentVersion",
        "Addressee",
        "IncomingEntry",
        "IncomingCounter",
        "IngestDocument",
        "Deadline",
        "Producer",
        "ProducerAlias",
        "Place",
        "Event",
        "EventGroup",
        "EventOrganiser",
        "OcopProduct",
        "OcopRecognition",
        "OcopRegistration",
        "SalePoint",
        "ModelArea",
        "Club",
        # campaign (issue 12): media, commendations, budgets
        "MediaOutlet",
        "MediaItem",
        "MediaQuota",
        "MediaReminder",
        "OutdoorAsset",
        "AwardScheme",
        "CommendationProposal",
        "Nomination",
        "Award",
        "BudgetAllocation",
        "BudgetSpend",
        "Contribution",
        "ConsumerReport",
        "ReportStep",
        "Route",
        "Survey",
        "Question",
        "Response",
        "Answer",
        "Programme",
        "Visit",
        "Finding",
        "Recommendation",
        "MarketCase",
        "Meeting",
        "MeetingDocument",
        "CaseTotal",
        "Notification",
    }
)
WRITES = frozenset(
    {"save", "delete", "create", "update", "bulk_create", "bulk_update", "get_or_create", "update_or_create"}
)
# Objects whose .save()/.delete() are not database writes.
NOT_MODELS = frozenset({"session", "storage", "messages", "response", "cache", "workbook"})


def _targets() -> list[Path]:
    views = [
        *ROOT.glob("hangviet/*/views.py"),
        *ROOT.glob("hangviet/*/views_*.py"),
        *ROOT.glob("hangviet/*/views/*.py"),
    ]
    return sorted([*views, *ROOT.glob("hangviet/api/*.py")])


class Finder(ast.NodeVisitor):
    def __init__(self, path: Path) -> None:
        self.path = path
        self.function = "<module>"
        self.found: list[tuple[int, str, str]] = []

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        outer, self.function = self.function, node.name
        self.generic_visit(node)
        self.function = outer

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        if isinstance(func, ast.Name) and func.id in {"get_object_or_404", "get_list_or_404"} and node.args:
            first = node.args[0]
            model = first.id if isinstance(first, ast.Name) else ast.unparse(first).split(".")[0]
            if model in SCOPED_MODELS:
                self._add(node, f"{func.id}({model}) outside an access gate")
        if isinstance(func, ast.Attribute):
            chain = ast.unparse(func)
            head = chain.split(".")[0]
            manager = func.value
            if (
                isinstance(manager, ast.Attribute)
                and manager.attr == "objects"
                and isinstance(manager.value, ast.Name)
                and manager.value.id in SCOPED_MODELS
            ):
                self._add(node, f"{head}.objects… outside an access gate")
            elif func.attr in WRITES and not (set(chain.split(".")[:-1]) & NOT_MODELS):
                self._add(node, f"write {chain}() in a view: move it into an action")
        self.generic_visit(node)

    def _add(self, node: ast.Call, message: str) -> None:
        self.found.append((node.lineno, message, ast.unparse(node.func)))


def main(argv: list[str]) -> int:
    found = []
    for path in _targets():
        finder = Finder(path)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        functions = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                for child in ast.walk(node):
                    if isinstance(child, ast.Call):
                        functions.setdefault(child.lineno, node.name)
        finder.visit(tree)
        relative = str(path.relative_to(ROOT))
        for line, message, call in finder.found:
            found.append((relative, line, message, f"{relative}::{functions.get(line, '<module>')}::{call}"))
    keys = sorted({key for *_rest, key in found})
    if "--update-baseline" in argv:
        BASELINE.write_text(
            "# Known view-layer data access and writes (scripts/lint_views.py); the list must only shrink.\n"
            + "".join(f"{key}\n" for key in keys),
            encoding="utf-8",
        )
        print(f"lint_views: baseline written with {len(keys)} entries")
        return 0
    known = (
        {
            line.strip()
            for line in BASELINE.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")
        }
        if BASELINE.exists()
        else set()
    )
    new = [(f, ln, m) for f, ln, m, key in found if key not in known]
    for file, line, message in new:
        print(f"{file}:{line}: {message}")
    gone = known - set(keys)
    if gone:
        print(f"lint_views: {len(gone)} baseline entries are fixed; remove them: " + ", ".join(sorted(gone)))
    if new or gone:
        return 1
    print(f"lint_views: ok ({len(known)} known exceptions in the baseline)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
