"""What reading a plan document yields, before anything is matched or saved."""

from __future__ import annotations

from dataclasses import dataclass, field

from hangviet.lib.timewindows import Window


@dataclass
class ParsedTask:
    ref: str  # the document's own numbering: "II.3.1", "III.2", "II.1.a"
    content: str
    section: str
    lead: str = ""  # one unit, as written
    coordinating: list[str] = field(default_factory=list)  # as written, in order
    when_text: str = ""
    windows: list[Window] = field(default_factory=list)
    output: str = ""
    parent: str | None = None  # the ref of the task this one belongs to ("III.3" for "III.3.1")


@dataclass
class ParsedPlan:
    title: str = ""
    year: int | None = None
    number_symbol: str = ""
    legal_basis_lines: list[str] = field(default_factory=list)
    cited: list[tuple[str, str]] = field(default_factory=list)
    purpose: str = ""
    requirements: str = ""
    focus: str = ""
    tasks: list[ParsedTask] = field(default_factory=list)
    report_deadline: str = ""  # "2024-12-10" when the plan sets one ("Trước ngày 10/12/2024 ... báo cáo")
