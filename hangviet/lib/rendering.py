"""Turning a .docx into PDF and PNG with LibreOffice and poppler, for tests and previews.

Each conversion gets its own LibreOffice profile directory so that several can run at once.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


class RenderingUnavailable(RuntimeError):
    pass


def soffice_path() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def docx_to_pdf(docx: bytes, workdir: Path) -> Path:
    """Render ``docx`` to PDF with LibreOffice headless; return the PDF's path inside ``workdir``."""
    soffice = soffice_path()
    if soffice is None:
        raise RenderingUnavailable("LibreOffice (soffice) is not installed")
    source = workdir / "document.docx"
    source.write_bytes(docx)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation=file://{profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(workdir),
                str(source),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
    return workdir / "document.pdf"


def pdf_page_to_png(pdf: Path, target: Path, page: int = 1, dpi: int = 80) -> Path:
    """Write page ``page`` of ``pdf`` as a PNG at ``target`` (poppler's pdftoppm)."""
    stem = target.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(stem)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return stem.with_suffix(".png")
