"""The one upload policy every uploaded file goes through: report attachments, task evidence, a report's
Excel workbook, a plan document, ingest uploads (single and bulk), registry lists (.xlsx, .csv).

``check_upload`` looks at the name (sanitised for storage, original kept for display), the size, the content
(magic bytes; the file really is what its extension claims) and, for zip-based Office files, the archive
itself (member count, total uncompressed size, compression ratio) before anything is unpacked. Every refusal
is a ``ValidationError`` with a Vietnamese message.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from typing import NoReturn
from xml.parsers import expat

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from hangviet.lib.text import normalize_text

DOCUMENT_TYPES = frozenset({".pdf", ".jpg", ".jpeg", ".png", ".docx", ".xlsx", ".doc", ".xls", ".txt"})
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024
MAX_NAME_CHARS = 255

# Zip-based Office files: bounds checked from the central directory, before any member is inflated.
MAX_ZIP_MEMBERS = 2000
MAX_ZIP_UNCOMPRESSED_BYTES = 100 * 1024 * 1024
MAX_ZIP_RATIO = 100

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_MAIN_PART = {
    ".docx": "word/document.xml",
    ".xlsx": "xl/workbook.xml",
}
OOXML_CONTENT_TYPE = {
    ".docx": b"wordprocessingml.document.main+xml",
    ".xlsx": b"spreadsheetml.sheet.main+xml",
}
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_UNSAFE_STORED = re.compile(r"[^\w.\-]+")


@dataclass(frozen=True)
class CheckedUpload:
    display_name: str  # the original name in NFC, shown to people and used on download
    stored_name: str  # a safe name for the storage backend
    extension: str


def _megabytes(limit: int) -> str:
    return f"{limit / (1024 * 1024):g}"


def _types_text(allowed: frozenset[str]) -> str:
    return ", ".join(sorted(allowed))


def check_name(raw: str | None) -> tuple[str, str, str]:
    """(display name, stored name, extension) of an uploaded file's name, or ValidationError."""
    if raw is None or not raw.strip():
        raise ValidationError(_("Tệp không có tên; hãy đặt tên cho tệp rồi tải lên lại."))
    if "\x00" in raw or _CONTROL.search(raw):
        raise ValidationError(_("Tên tệp chứa ký tự điều khiển; hãy đổi tên tệp rồi tải lên lại."))
    if "/" in raw or "\\" in raw:
        raise ValidationError(_("Tên tệp không được chứa dấu “/” hoặc “\\”."))
    name = normalize_text(raw).strip()
    if len(name) > MAX_NAME_CHARS:
        raise ValidationError(
            _("Tên tệp quá dài (tối đa %(limit)s ký tự); hãy đặt tên ngắn hơn.") % {"limit": MAX_NAME_CHARS}
        )
    if name.startswith("."):
        raise ValidationError(_("Tên tệp không được bắt đầu bằng dấu chấm."))
    extension = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    stem = name[: len(name) - len(extension)] if extension else name
    ascii_stem = unicodedata.normalize("NFKD", stem.replace("đ", "d").replace("Đ", "D"))
    ascii_stem = "".join(ch for ch in ascii_stem if not unicodedata.combining(ch))
    safe_stem = _UNSAFE_STORED.sub("-", ascii_stem).strip("-.") or "tep"
    return name, (safe_stem[:100] + extension), extension


def _read_all(upload: UploadedFile[bytes], limit: int) -> bytes:
    upload.seek(0)
    content: bytes = upload.read(limit + 1)
    upload.seek(0)
    return content


def _corrupt(label: str) -> ValidationError:
    return ValidationError(
        _("Tệp này không phải là tệp %(kind)s hợp lệ (bị hỏng hoặc sai định dạng).") % {"kind": label}
    )


def check_zip(content: bytes, *, label: str) -> zipfile.ZipFile:
    """The archive, if it is a sound zip whose members are few, small and not absurdly compressed."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
        members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as error:
        raise _corrupt(label) from error
    if len(members) > MAX_ZIP_MEMBERS:
        raise ValidationError(_("Tệp %(kind)s có quá nhiều thành phần bên trong.") % {"kind": label})
    total = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members)
    if total > MAX_ZIP_UNCOMPRESSED_BYTES or total > MAX_ZIP_RATIO * max(packed, 1024):
        raise ValidationError(
            _("Tệp %(kind)s khi giải nén quá lớn (tối đa %(limit)s MB); tệp có thể đã bị cố ý làm hỏng.")
            % {"kind": label, "limit": _megabytes(MAX_ZIP_UNCOMPRESSED_BYTES)}
        )
    for member in members:
        if member.flag_bits & 0x1:
            raise ValidationError(
                _("Tệp %(kind)s được đặt mật khẩu; hãy bỏ mật khẩu rồi tải lên lại.") % {"kind": label}
            )
    return archive


def _check_ooxml(content: bytes, extension: str) -> None:
    label = "Word (.docx)" if extension == ".docx" else "Excel (.xlsx)"
    if content.startswith(OLE2_MAGIC):
        raise ValidationError(
            _("Tệp %(kind)s được đặt mật khẩu hoặc là định dạng cũ; hãy lưu lại dạng %(ext)s.")
            % {"kind": label, "ext": extension}
        )
    if not content.startswith(b"PK\x03\x04"):
        raise _corrupt(label)
    archive = check_zip(content, label=label)
    names = set(archive.namelist())
    if "[Content_Types].xml" not in names or OOXML_MAIN_PART[extension] not in names:
        raise _corrupt(label)
    try:
        content_types = archive.read("[Content_Types].xml")
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise _corrupt(label) from error
    if OOXML_CONTENT_TYPE[extension] not in content_types:
        raise _corrupt(label)
    for member in archive.infolist():
        if member.filename.endswith((".xml", ".rels")):
            _check_xml_member(archive, member, label)


class _ForbiddenDeclaration(Exception):
    pass


def _refuse(*_args: object) -> NoReturn:
    raise _ForbiddenDeclaration


def _check_xml_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo, label: str) -> None:
    """Parse one XML part as a stream: well-formed, and no DOCTYPE or entity declarations (billion laughs,
    external entities) — the same thing defusedxml refuses, checked before any reader sees the file."""
    parser = expat.ParserCreate()
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse
    try:
        with archive.open(member) as handle:
            while chunk := handle.read(1 << 16):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except _ForbiddenDeclaration as error:
        raise ValidationError(_("Tệp %(kind)s chứa khai báo XML không được phép.") % {"kind": label}) from error
    except (expat.ExpatError, zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as error:
        raise _corrupt(label) from error


def decoded_text(content: bytes) -> str | None:
    """A text file's text: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1258; None if none fits."""
    utf16 = content[:2] in (b"\xff\xfe", b"\xfe\xff")
    for encoding in ("utf-8-sig", "utf-16") if utf16 else ("utf-8-sig", "cp1258"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _check_text(content: bytes) -> None:
    text = decoded_text(content)
    if text is None:
        raise ValidationError(_("Không đọc được bảng mã của tệp văn bản."))
    if "\x00" in text:
        raise ValidationError(_("Tệp không phải là văn bản thuần (.txt)."))


def _check_csv(content: bytes) -> None:
    """A list saved as CSV: text in UTF-8 (with or without BOM), UTF-16 with BOM, or Windows-1258. A stray NUL
    is left to the importer, which refuses the row holding it; a file that is mostly NULs is not text."""
    utf16 = content[:2] in (b"\xff\xfe", b"\xfe\xff")
    for encoding in ("utf-16",) if utf16 else ("utf-8-sig", "cp1258"):
        try:
            text = content.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValidationError(_("Không đọc được bảng mã của tệp CSV; hãy lưu lại dạng “CSV UTF-8”."))
    if text.count("\x00") > max(16, len(text) // 100):
        raise ValidationError(_("Tệp không phải là văn bản CSV."))


def check_content(content: bytes, extension: str) -> None:
    """ValidationError unless the bytes really are a file of the kind the extension claims."""
    if not content:
        raise ValidationError(_("Tệp rỗng (0 byte); hãy chọn đúng tệp."))
    if content.startswith(b"MZ") or content.startswith(b"\x7fELF"):
        raise ValidationError(_("Tệp là chương trình chạy được, không phải tài liệu; hệ thống không nhận."))
    if extension in OOXML_MAIN_PART:
        _check_ooxml(content, extension)
    elif extension == ".pdf":
        if not content.lstrip(b"\r\n\t ")[:1024].startswith(b"%PDF-"):
            raise ValidationError(_("Tệp không phải là PDF thật."))
    elif extension == ".png":
        if not content.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ValidationError(_("Tệp không phải là ảnh PNG thật."))
    elif extension in {".jpg", ".jpeg"}:
        if not content.startswith(b"\xff\xd8\xff"):
            raise ValidationError(_("Tệp không phải là ảnh JPG thật."))
    elif extension in {".doc", ".xls"}:
        if not content.startswith(OLE2_MAGIC):
            raise ValidationError(_("Tệp không phải là tệp Word/Excel cũ (.doc, .xls) thật."))
    elif extension == ".txt":
        _check_text(content)
    elif extension == ".csv":
        _check_csv(content)


def check_upload(
    upload: UploadedFile[bytes],
    *,
    allowed: frozenset[str] = DOCUMENT_TYPES,
    max_bytes: int = MAX_DOCUMENT_BYTES,
) -> CheckedUpload:
    """The checked upload (names and extension), or ValidationError with a Vietnamese message."""
    display, stored, extension = check_name(upload.name)
    if extension not in allowed and allowed == DOCUMENT_TYPES:
        raise ValidationError(_("Chỉ nhận tệp PDF, ảnh (JPG, PNG), Word, Excel hoặc văn bản (.txt)."))
    if extension not in allowed:
        raise ValidationError(
            _("Không nhận loại tệp “%(ext)s”; chỉ nhận: %(types)s.")
            % {"ext": extension or "?", "types": _types_text(allowed)}
        )
    if upload.size is None or upload.size > max_bytes:
        raise ValidationError(_("Tệp quá lớn (tối đa %(limit)s MB).") % {"limit": _megabytes(max_bytes)})
    content = _read_all(upload, max_bytes)
    if len(content) > max_bytes:
        raise ValidationError(_("Tệp quá lớn (tối đa %(limit)s MB).") % {"limit": _megabytes(max_bytes)})
    check_content(content, extension)
    return CheckedUpload(display_name=display, stored_name=stored, extension=extension)


def checked_name(upload: UploadedFile[bytes], *, default: str = "") -> str:
    """The upload's display name (NFC) if it passes ``check_upload``; otherwise ValidationError."""
    return check_upload(upload).display_name
