"""Language choice: Vietnamese unless the user chose another language (the language cookie).

Django's LocaleMiddleware would follow the browser's Accept-Language, and many officials' browsers
are set to English; the platform is Vietnamese first, so only an explicit choice switches it.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse, UnreadablePostError
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _


class ChosenLanguageMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.available = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        language = chosen if chosen in self.available else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", language)
        return response


class RefuseBadInputMiddleware:
    """Refuses, before any view runs, input no page or endpoint can take: a NUL character (PostgreSQL cannot
    store it in text and raises) in the query string, the form fields or a JSON body; a body over
    ``DATA_UPLOAD_MAX_MEMORY_SIZE`` or with too many fields or files. The answer is a Vietnamese page
    (HTML, or JSON under /api/) with status 400 or 413, never a server error."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            refused = self.refusal(request)
        except RequestDataTooBig:
            return self.respond(request, 413, _("Dữ liệu gửi lên quá lớn; chưa lưu gì."))
        except (TooManyFieldsSent, TooManyFilesSent):
            return self.respond(request, 400, _("Biểu mẫu có quá nhiều trường hoặc tệp; chưa lưu gì."))
        except UnreadablePostError:
            return self.respond(request, 400, _("Không đọc được dữ liệu gửi lên; vui lòng gửi lại."))
        if refused:
            return self.respond(request, 400, refused)
        return self.get_response(request)

    def refusal(self, request: HttpRequest) -> str | None:
        nul = _("Dữ liệu có ký tự không hợp lệ (ký tự NUL); chưa lưu gì. Vui lòng xóa ký tự đó rồi gửi lại.")
        if "\x00" in request.META.get("QUERY_STRING", "") or "%00" in request.META.get("QUERY_STRING", "").upper():
            return nul
        if any("\x00" in key or "\x00" in value for key, values in request.GET.lists() for value in values):
            return nul
        if request.method in {"GET", "HEAD", "OPTIONS"}:
            return None
        if request.content_type == "application/json":
            body = request.body
            if b"\x00" in body or b"\\u0000" in body:
                return nul
            return None
        if any("\x00" in key or "\x00" in str(value) for key, values in request.POST.lists() for value in values):
            return nul
        if any("\x00" in (upload.name or "") for upload in request.FILES.values()):  # type: ignore[union-attr]
            return nul
        return None

    def respond(self, request: HttpRequest, status: int, detail: str) -> HttpResponse:
        if request.path.startswith("/api/"):
            return JsonResponse({"detail": detail}, status=status, json_dumps_params={"ensure_ascii": False})
        return render(request, "web/bad_request.html", {"detail": detail}, status=status)
