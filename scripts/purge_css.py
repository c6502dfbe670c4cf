#!/usr/bin/env python3
"""Write the public portal's Bootstrap: only the rules whose classes the portal's templates and scripts use.

Bootstrap's full CSS is ~230 KB, more than a public page may weigh on a cheap phone (200 KB of HTML, CSS and JS
before images, issue 11). This keeps every rule without a class selector (elements, ``:root`` variables) and
every selector whose classes all appear as words in the portal's templates, ``public_base.html`` and the
portal's scripts; ``@media``/``@supports`` blocks are purged inside, ``@keyframes`` kept. Run it after changing
the portal's markup or Bootstrap's version (``hangviet/portal/tests/test_weight.py`` fails while the file is
stale):

    .venv/bin/python scripts/purge_css.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "node_modules" / "bootstrap" / "dist" / "css" / "bootstrap.min.css"
TARGET = ROOT / "hangviet" / "static" / "css" / "public.min.css"
MARKUP = [
    ROOT / "hangviet" / "templates" / "public_base.html",
    *sorted((ROOT / "hangviet" / "portal" / "templates").rglob("*.html")),
    ROOT / "hangviet" / "static" / "js" / "portal.js",
    ROOT / "hangviet" / "lib" / "forms.py",  # the classes the form mixin gives widgets
]
_CLASS = re.compile(r"\.((?:[A-Za-z0-9_-]|\\.)+)")
_NESTED = ("@media", "@supports", "@container", "@layer")


def used_words() -> set[str]:
    words: set[str] = set()
    for path in MARKUP:
        if path.exists():
            words.update(re.findall(r"[A-Za-z0-9_-]+", path.read_text(encoding="utf-8")))
    return words


def blocks(css: str) -> list[tuple[str, str]]:
    """Top-level (prelude, body) pairs of a stylesheet; a statement at-rule (``@charset``) has body ``None``."""
    found = []
    index = 0
    while index < len(css):
        brace = css.find("{", index)
        semicolon = css.find(";", index)
        if brace == -1:
            break
        if css[index] == "@" and semicolon != -1 and semicolon < brace:
            found.append((css[index : semicolon + 1], ""))
            index = semicolon + 1
            continue
        depth, end = 0, brace
        while end < len(css):
            if css[end] == "{":
                depth += 1
            elif css[end] == "}":
                depth -= 1
                if depth == 0:
                    break
            end += 1
        found.append((css[index:brace].strip(), css[brace + 1 : end]))
        index = end + 1
    return found


def split_selectors(prelude: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in prelude:
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        if char == "," and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]


def keep_selector(selector: str, words: set[str]) -> bool:
    without_not = re.sub(r":not\([^)]*\)", "", selector)
    classes = [name.replace("\\", "") for name in _CLASS.findall(without_not)]
    return all(name in words for name in classes)


def purge(css: str, words: set[str]) -> str:
    out = []
    for prelude, body in blocks(css):
        if prelude.startswith("@") and not body:
            out.append(prelude)
        elif prelude.startswith(_NESTED):
            inner = purge(body, words)
            if inner:
                out.append(f"{prelude}{{{inner}}}")
        elif prelude.startswith("@"):
            out.append(f"{prelude}{{{body}}}")
        else:
            kept = [selector for selector in split_selectors(prelude) if keep_selector(selector, words)]
            if kept:
                out.append(f"{','.join(kept)}{{{body}}}")
    return "".join(out)


def build() -> str:
    css = SOURCE.read_text(encoding="utf-8")
    css = re.sub(r"/\*.*?\*/", "", css, flags=re.DOTALL)
    header = "/* Bootstrap (MIT), purged for the public portal by scripts/purge_css.py; do not edit. */\n"
    return header + purge(css, used_words()) + "\n"


def main() -> int:
    TARGET.write_text(build(), encoding="utf-8")
    print(f"{TARGET.relative_to(ROOT)}: {TARGET.stat().st_size:,} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
