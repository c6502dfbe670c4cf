"""``/healthz``: is this web process able to serve? For load balancers and monitoring; anonymous, no secrets."""

from __future__ import annotations

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def _queue() -> dict[str, object]:
    """How long the oldest waiting background task has waited, and how many run now (django-tasks-db)."""
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(status="READY").order_by("enqueued_at").values_list("enqueued_at", flat=True)
    oldest = waiting.first()
    return {
        "waiting": waiting.count(),
        "oldest_waiting_s": round((timezone.now() - oldest).total_seconds(), 1) if oldest else 0,
        "running": DBTaskResult.objects.filter(status="RUNNING").count(),
    }


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """200 with the queue's state when the database answers, 503 otherwise."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        queue = _queue()
    except DatabaseError:
        return JsonResponse({"status": "error", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "queue": queue})
