"""National consolidated report benchmark (issue: official documents).

Builds the national data set of ``bench/rollup.py`` (34 provinces, ~3,300 communes, ~1,000 agencies,
10 years of reports) in PostgreSQL, then times building the central committee's consolidated report for
one period as a Word file: consolidation with last year's figures, the drafted text with its footnotes,
the annex of indicators by province, and the .docx itself.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hangviet_bench .venv/bin/python bench/document.py

The last line printed is JSON: {"national_report_s": ..., ...}.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import rollup  # noqa: E402  (the shared national data set)

RUNS = 5


def main() -> None:
    import os

    rollup.recreate_database(os.environ["DATABASE_URL"])
    import django

    django.setup()
    from hangviet.documents.actions import specification
    from hangviet.documents.compose import compose_report
    from hangviet.documents.models import Document, DocumentType
    from hangviet.lib.docx_layout import build_docx
    from hangviet.orgs.models import Organisation
    from hangviet.periods.models import Period

    sizes = rollup.build()
    central = Organisation.objects.get(parent__isnull=True, kind="committee")
    period = Period.objects.get(year=2026, kind="H1")

    def national_report() -> bytes:
        draft = compose_report(central, period)
        document = Document(committee=central, doc_type=DocumentType.REPORT, period=period, summary=draft.summary)
        spec = specification(
            document,
            number_symbol="      /BC-BCĐTW",
            issued_on=period.end,
            signer_name="",
            recipients=["Lưu: VT."],
            draft=True,
            blocks=draft.blocks,
            annexes=draft.annexes,
        )
        return build_docx(spec)

    national_report()  # the first run creates the central committee's issuer profile
    times, size = [], 0
    for _run in range(RUNS):
        start = time.perf_counter()
        size = len(national_report())
        times.append(time.perf_counter() - start)
    seconds = statistics.median(times)
    print(
        f"national consolidated report for {period.code}: median {seconds:.2f} s over {RUNS} runs, {size} bytes",
        flush=True,
    )
    print(json.dumps({"national_report_s": round(seconds, 2), "docx_bytes": size, **sizes}))


if __name__ == "__main__":
    main()
