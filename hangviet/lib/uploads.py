"""The one check every supporting file goes through (a report's signed scan, a task's evidence)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from hangviet.lib.text import normalize_text

DOCUMENT_TYPES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls", ".txt"})
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


def checked_name(upload: UploadedFile, *, default: str) -> str:
    """The upload's name in NFC if it is a PDF, image, Word, Excel or text file of at most 20 MB;
    otherwise ValidationError with a Vietnamese message."""
    name = normalize_text(upload.name or default)
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in DOCUMENT_TYPES:
        raise ValidationError(_("Chỉ nhận tệp PDF, ảnh (JPG, PNG), Word, Excel hoặc văn bản (.txt)."))
    if upload.size is None or upload.size > MAX_DOCUMENT_BYTES:
        raise ValidationError(_("Tệp quá lớn (tối đa 20 MB)."))
    return name[:255]
