"""Folding text for matching, fast enough for every cell of a long list.

``fold`` gives exactly what ``lib.text.fold_diacritics`` gives (the keys stored in ``folded_name`` columns), from a
translation table of the Latin letters with diacritics, cached because lists repeat their names and addresses;
anything the table does not bring to plain ASCII goes through ``fold_diacritics`` itself.
"""

from __future__ import annotations

from functools import lru_cache

from hangviet.lib.text import fold_diacritics

_LATIN = [*range(0xC0, 0x250), *range(0x1E00, 0x1F00)]
_TABLE: dict[int, str | None] = {code: fold_diacritics(chr(code)) for code in _LATIN}
_TABLE.update({code: None for code in range(0x300, 0x370)})  # combining marks of decomposed text


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case, without diacritics, spaces folded: "Hòa  Minh" → "hoa minh"."""
    folded = text.lower().translate(_TABLE)
    if folded.isascii() and " ".join(folded.split()) == folded:
        return folded
    return fold_diacritics(text)
