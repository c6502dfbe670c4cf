"""Vietnamese text helpers: Unicode normalisation and diacritic-free keys for matching."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


def normalize_text(value: str) -> str:
    """Return ``value`` in Unicode NFC with runs of white space folded to one space and trimmed.

    Vietnamese typed on different keyboards arrives composed or decomposed ("ế" as one or as three
    code points); everything stored goes through this so that equal words compare equal.
    """
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()


def fold_diacritics(value: str) -> str:
    """Return ``value`` lower-cased without diacritics ("Đắk Lắk" → "dak lak"), for matching only."""
    decomposed = unicodedata.normalize("NFD", normalize_text(value).lower().replace("đ", "d"))
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn")
