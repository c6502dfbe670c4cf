"""The draft as the browser edits it: one section per heading, paragraphs separated by a blank line."""

from __future__ import annotations

import difflib
from dataclasses import dataclass


@dataclass
class EditableSection:
    heading: str
    level: int
    text: str


def to_sections(blocks: list[dict]) -> list[EditableSection]:
    sections = [EditableSection("", 0, "")]
    for block in blocks:
        if block["level"]:
            sections.append(EditableSection(block["text"], block["level"], ""))
        else:
            current = sections[-1]
            current.text = f"{current.text}\n\n{block['text']}" if current.text else block["text"]
    return sections


def from_sections(sections: list[EditableSection]) -> list[dict]:
    blocks: list[dict] = []
    for section in sections:
        if section.level and section.heading.strip():
            blocks.append({"level": section.level, "text": section.heading.strip()})
        for paragraph in section.text.replace("\r\n", "\n").split("\n\n"):
            if paragraph.strip():
                blocks.append({"level": 0, "text": " ".join(paragraph.split())})
    return blocks


def as_lines(blocks: list[dict]) -> list[str]:
    return [("#" * block["level"] + " " if block["level"] else "") + block["text"] for block in blocks]


def diff(old: list[dict], new: list[dict]) -> list[tuple[str, str]]:
    """``[(kind, line)]`` with kind "same", "added" or "removed", paragraph by paragraph."""
    result = []
    for line in difflib.ndiff(as_lines(old), as_lines(new)):
        code, text = line[:2], line[2:]
        if code == "? ":
            continue
        result.append(({"+ ": "added", "- ": "removed"}.get(code, "same"), text))
    return result
