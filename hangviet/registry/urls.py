"""Registry pages, under /so-theo-doi/."""

from __future__ import annotations

from django.urls import path  # noqa: F401  (patterns are added by the registry's pages)

app_name = "registry"

urlpatterns: list = []
