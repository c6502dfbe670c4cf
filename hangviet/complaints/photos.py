"""A report's photo: checked by the upload policy, then decoded and re-encoded by Pillow so that nothing but the
pixels survives (EXIF with GPS position, camera serials, comments, embedded thumbnails)."""

from __future__ import annotations

import io
import warnings

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.utils.crypto import get_random_string
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from hangviet.lib.uploads import check_upload

PHOTO_TYPES = frozenset({".jpg", ".jpeg", ".png"})
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000  # a decompression bomb is refused before decoding
MAX_SIDE = 2000  # stored photos are scaled down to this


def clean_photo(upload: UploadedFile[bytes]) -> ContentFile[bytes]:
    """A JPEG without metadata, or ValidationError with a Vietnamese message."""
    check_upload(upload, allowed=PHOTO_TYPES, max_bytes=MAX_PHOTO_BYTES)
    upload.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(upload) as image:
                if image.width * image.height > MAX_PIXELS:
                    raise ValidationError(_("Ảnh quá lớn (quá nhiều điểm ảnh); hãy chụp hoặc lưu ảnh nhỏ hơn."))
                image.load()
                upright = ImageOps.exif_transpose(image)
                rgb = upright.convert("RGB")
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError, Warning) as error:
        raise ValidationError(_("Không đọc được ảnh; hãy gửi ảnh JPG hoặc PNG khác.")) from error
    rgb.thumbnail((MAX_SIDE, MAX_SIDE))
    buffer = io.BytesIO()
    rgb.save(buffer, format="JPEG", quality=85)  # no exif= argument: nothing but the pixels is written
    return ContentFile(buffer.getvalue(), name=f"{get_random_string(16)}.jpg")
