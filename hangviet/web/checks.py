"""System checks that refuse a production start with development settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import Error, Tags, register

DEVELOPMENT_KEY = "insecure-development-key-change-me"


@register(Tags.security, deploy=True)
def check_production_settings(app_configs: Any = None, **kwargs: Any) -> list[Error]:
    """Run by ``hangviet check --deploy``: a deployment must set its own key and turn debugging off."""
    errors = []
    if settings.SECRET_KEY == DEVELOPMENT_KEY:
        errors.append(Error("HANGVIET_SECRET_KEY is the development default.", id="hangviet.E001"))
    if settings.DEBUG:
        errors.append(Error("HANGVIET_DEBUG must be false in production.", id="hangviet.E002"))
    if "sqlite" in settings.DATABASES["default"]["ENGINE"]:
        errors.append(Error("Production runs on PostgreSQL: set DATABASE_URL.", id="hangviet.E003"))
    return errors
