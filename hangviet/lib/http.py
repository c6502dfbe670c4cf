"""Request types for the type checker: what the middleware adds to a request, and what login_required guarantees."""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxRequest(HttpRequest):
    """Every request: django_htmx.middleware.HtmxMiddleware sets ``htmx``."""

    htmx: HtmxDetails


class SignedInRequest(HtmxRequest):
    """The request of a view behind ``login_required`` (or the API's session auth): its user is signed in."""

    user: User
