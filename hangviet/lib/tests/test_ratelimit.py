"""The generic rate limit: per scope and address, a fixed window on Django's cache; behind a proxy, the address
the proxy saw, not what the client wrote."""

from __future__ import annotations

from django.core.cache import cache
from django.test import RequestFactory, override_settings

from hangviet.lib.ratelimit import client_address, hit_request


def test_limit_per_scope_and_address() -> None:
    cache.clear()
    request = RequestFactory().get("/", REMOTE_ADDR="10.1.1.1")
    assert [hit_request("a", request, limit=2) for _ in range(3)] == [True, True, False]
    assert hit_request("b", request, limit=2)  # another scope counts apart
    assert hit_request("a", RequestFactory().get("/", REMOTE_ADDR="10.1.1.2"), limit=2)


@override_settings(SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"), AXES_IPWARE_PROXY_COUNT=1)
def test_behind_one_proxy_the_address_it_saw_counts() -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7")
    assert client_address(request) == "203.0.113.7"


def test_without_a_proxy_forwarded_headers_are_ignored() -> None:
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.5", HTTP_X_FORWARDED_FOR="6.6.6.6")
    assert client_address(request) == "192.0.2.5"
