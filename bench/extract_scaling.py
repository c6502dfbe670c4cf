"""Figure extraction must be linear in its input: time reading + extraction (what the ingest page runs on an
upload, ``read_document`` then ``extract``) on a small (~10 KB) and a large (~400 KB) generated report.

The documents are the Trà Vinh seed report flattened into run-on text (line breaks and sentence ends turned
into commas), the shape that used to be quadratic: many figures in one very long sentence; and the same with
every ";" and "." between words turned into commas too ("run_on": one clause of 400 KB, nothing to stop a look
back or ahead). Last line: {"ms_per_kb_small": ..., "ms_per_kb_large": ..., "ms_per_kb_run_on_small": ...,
"ms_per_kb_run_on_large": ...}; each pair should be within 2x.
"""

from __future__ import annotations

import json
import os
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hangviet.settings")

import django  # noqa: E402

django.setup()

from hangviet.ingest.extract import SENTENCE_END, extract  # noqa: E402
from hangviet.ingest.reading import read_document  # noqa: E402

SEED = ROOT / "hangviet" / "ingest" / "tests" / "data" / "report_travinh_2023_h1.txt"


def document(kilobytes: int, run_on: bool = False) -> bytes:
    seed = SEED.read_text(encoding="utf-8")
    flat = SENTENCE_END.sub(", ", re.sub(r"\s*\n\s*", ", ", seed))
    if run_on:
        flat = re.sub(r"[;.](?=\s)", ",", flat)
    text = (flat * (kilobytes * 1024 // len(flat.encode()) + 1)).encode()[: kilobytes * 1024]
    return text.decode("utf-8", errors="ignore").encode()


def ms_per_kb(content: bytes, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        extract(read_document(content, "bao-cao.txt").passages)
        best = min(best, time.perf_counter() - started)
    return 1000 * best / (len(content) / 1024)


def main() -> None:
    small, large = document(10), document(400)
    result = {"ms_per_kb_small": round(ms_per_kb(small, 5), 3), "ms_per_kb_large": round(ms_per_kb(large, 2), 3)}
    run_on_small, run_on_large = document(10, run_on=True), document(400, run_on=True)
    result["ms_per_kb_run_on_small"] = round(ms_per_kb(run_on_small, 5), 3)
    result["ms_per_kb_run_on_large"] = round(ms_per_kb(run_on_large, 2), 3)
    print(f"small {len(small) // 1024} KB, large {len(large) // 1024} KB")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
