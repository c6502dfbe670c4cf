"""Deployment checks refuse development settings."""

from __future__ import annotations

import pytest
from django.test import override_settings

from hangviet.web.checks import DEVELOPMENT_KEY, check_production_settings


def test_development_settings_fail_the_deploy_check() -> None:
    with override_settings(SECRET_KEY=DEVELOPMENT_KEY, DEBUG=True):
        assert {error.id for error in check_production_settings()} >= {"hangviet.E001", "hangviet.E002"}


@pytest.mark.django_db
def test_a_configured_deployment_passes_the_key_and_debug_checks() -> None:
    with override_settings(SECRET_KEY="a-real-secret-of-enough-length-0123456789", DEBUG=False):
        assert {error.id for error in check_production_settings()} <= {"hangviet.E003"}
