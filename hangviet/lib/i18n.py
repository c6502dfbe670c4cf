"""The language of what the platform writes down, whatever the reader's page is in.

The pages follow the user's language choice (``web.middleware.ChosenLanguageMiddleware``), but official
documents (Word), spreadsheets that are read back or filed, and text stored for other people (a drafted Báo
cáo, a notice) are Vietnamese always: they are the committee's papers, not the clerk's screen. Everything
that renders or stores such text runs inside ``in_vietnamese()``; labels built with gettext there (a period's
"6 tháng đầu năm 2026", an indicator's name, a rule's message) come out Vietnamese.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.utils import translation

VIETNAMESE = "vi"


@contextmanager
def in_vietnamese() -> Iterator[None]:
    """Render gettext in Vietnamese until the block ends, then restore the language that was active:
    ``with in_vietnamese(): return build_docx(spec)``. Also a decorator (``@in_vietnamese()``), safe across
    threads: each call enters its own override."""
    with translation.override(VIETNAMESE):
        yield


def catalogue_text(text: object) -> str:
    """A name or message of the catalogue (an indicator's name, a rule's message, a kind's label), stored in
    Vietnamese, in the reader's language: the catalogue marks its texts with ``gettext_noop`` so the English
    catalogue translates them; a text an administrator changed or added has no translation and stays as
    written."""
    if text is None:
        return ""
    value = str(text)
    return translation.gettext(value) if value else value
