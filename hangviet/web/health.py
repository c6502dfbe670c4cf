"""``/healthz``: is this web process able to serve? For load balancers and monitoring; anonymous, no secrets."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from hangviet.lib.queue import queue_state


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with the queue's state when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        queue = queue_state().as_dict()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "queue": queue})
