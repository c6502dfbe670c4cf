from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hangviet.complaints import actions
from hangviet.complaints.models import Route


@admin.register(Route)
class RouteAdmin(admin.ModelAdmin):
    """Routing of a province's consumer reports (its standing office sets it at /xu-ly-phan-anh/phan-luong/); a save
    here goes through the same audited action."""

    list_display = ("province", "organisation", "updated_at")
    raw_id_fields = ("province", "organisation")

    def save_model(self, request: HttpRequest, obj: Route, form: Any, change: bool) -> None:
        saved = actions.set_route(obj.province, obj.organisation, acting_user=request.user)  # type: ignore[arg-type]
        obj.pk = saved.pk

    def has_delete_permission(self, request: HttpRequest, obj: Route | None = None) -> bool:
        return False
