"""The bounds of the anonymous endpoints (settings may override them: ``COMPLAINTS_RATE_LIMITS``)."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.utils.translation import gettext as _

from hangviet.lib.ratelimit import client_ip, hit

DEFAULTS: dict[str, tuple[int, int]] = {
    "attempt": (30, 600),  # every POST, valid or not
    "submit": (5, 600),  # five reports recorded per address in ten minutes
    "submit_day": (20, 86_400),
    "lookup": (60, 600),  # code look-ups: enough for a family, far too few to guess a code
}


def within(request: HttpRequest, kind: str) -> bool:
    """Count one request of ``kind`` from the caller's address; ``False`` once over the bound."""
    limits = {**DEFAULTS, **getattr(settings, "COMPLAINTS_RATE_LIMITS", {})}
    ip = client_ip(request.META)
    kinds = [kind, f"{kind}_day"] if f"{kind}_day" in limits else [kind]
    return all([hit(f"complaints:{name}:{ip}", *limits[name]) for name in kinds])


def too_many_message() -> str:
    return _("Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn; vui lòng thử lại sau ít phút.")
