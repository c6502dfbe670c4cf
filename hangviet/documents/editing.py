"""The draft as the browser edits it: one section per heading, paragraphs separated by a blank line."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from hangviet.lib.docx_layout import FOOTNOTE_MARK


@dataclass
class EditableSection:
    """A heading and its paragraphs; footnotes show as superscript numbers in ``text`` ("đạt 45 tin¹") with
    their words in ``notes``, one a line ("¹ Gồm: Sở Công Thương 60 cái."), never as ``^[...]`` markup."""

    heading: str
    level: int
    text: str
    notes: str = ""


_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_PLAIN = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_MARKER = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]+")
_NOTE_LINE = re.compile(r"^\s*(?P<marker>[⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d+[.)]?)\s*(?P<note>.+?)\s*$")


def superscript(number: int) -> str:
    return str(number).translate(_SUPERSCRIPT)


def to_sections(blocks: list[dict]) -> list[EditableSection]:
    sections = [EditableSection("", 0, "")]
    counter = 0
    for block in blocks:
        if block["level"]:
            sections.append(EditableSection(block["text"], block["level"], ""))
            continue
        current = sections[-1]
        notes: list[str] = []

        def marker(match: re.Match[str], notes: list[str] = notes) -> str:
            nonlocal counter
            counter += 1
            notes.append(f"{superscript(counter)} {match['note'].strip()}")
            return superscript(counter)

        text = FOOTNOTE_MARK.sub(marker, block["text"])
        current.text = f"{current.text}\n\n{text}" if current.text else text
        if notes:
            current.notes = "\n".join([*filter(None, [current.notes]), *notes])
    return sections


def _notes_of(section: EditableSection) -> dict[str, str]:
    """``{number: words}`` from the section's footnote lines ("¹ Gồm: ..." or "1. Gồm: ...")."""
    found = {}
    for line in section.notes.replace("\r\n", "\n").split("\n"):
        match = _NOTE_LINE.match(line)
        if match:
            found[match["marker"].translate(_PLAIN).rstrip(".)")] = match["note"]
    return found


def _with_footnotes(text: str, notes: dict[str, str]) -> str:
    """The paragraph with each superscript number replaced by its note as ``^[words]`` (the layout's footnote
    markup); a number whose note line was deleted goes with it."""

    def note(match: re.Match[str]) -> str:
        words = notes.get(match.group(0).translate(_PLAIN), "")
        return f"^[{words.replace('[', '(').replace(']', ')')}]" if words else ""

    return _MARKER.sub(note, text)


def from_sections(sections: list[EditableSection]) -> list[dict]:
    blocks: list[dict] = []
    for section in sections:
        if section.level and section.heading.strip():
            blocks.append({"level": section.level, "text": section.heading.strip()})
        notes = _notes_of(section)
        for paragraph in section.text.replace("\r\n", "\n").split("\n\n"):
            if paragraph.strip():
                blocks.append({"level": 0, "text": _with_footnotes(" ".join(paragraph.split()), notes)})
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
