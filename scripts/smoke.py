#!/usr/bin/env python3
"""Production smoke journey through a running server: health, sign-in, a report page, static files, a gate.

Usage: scripts/smoke.py http://127.0.0.1:8680 USERNAME PASSWORD. Standard library only; exits 1 on the first
failed step, naming it."""

from __future__ import annotations

import http.cookiejar
import json
import re
import sys
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


def main(base: str, username: str, password: str) -> int:
    jar = http.cookiejar.CookieJar()
    browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    plain = urllib.request.build_opener(NoRedirect)

    def step(name: str, ok: bool, detail: str = "") -> None:
        print(f"smoke: {'ok ' if ok else 'FAIL'} {name}{' — ' + detail if detail else ''}")
        if not ok:
            raise SystemExit(1)

    with browser.open(f"{base}/healthz", timeout=10) as response:
        health = json.load(response)
    step("/healthz", health.get("status") == "ok", json.dumps(health))

    try:
        plain.open(f"{base}/bao-cao/", timeout=10)
        step("anonymous is sent to sign in", False, "no redirect")
    except urllib.error.HTTPError as error:
        step("anonymous is sent to sign in", error.code == 302 and "dang-nhap" in error.headers["Location"])

    with browser.open(f"{base}/dang-nhap/", timeout=10) as response:
        page = response.read().decode()
        policy = response.headers.get("Content-Security-Policy", "")
    step("sign-in page carries a CSP", "script-src 'self'" in policy)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    step("sign-in form has a CSRF token", token is not None)
    body = urllib.parse.urlencode(
        {"username": username, "password": password, "csrfmiddlewaretoken": token.group(1)}  # type: ignore[union-attr]
    ).encode()
    request = urllib.request.Request(f"{base}/dang-nhap/", data=body, headers={"Referer": f"{base}/dang-nhap/"})
    with browser.open(request, timeout=20) as response:
        step("signed in", "dang-nhap" not in response.url, response.url)

    with browser.open(f"{base}/bao-cao/", timeout=20) as response:
        reports = response.read().decode()
    step("my reports page", response.status == 200 and "<html" in reports)

    css = re.search(r'href="(/static/[^"]+\.css)"', reports)
    step("page links a static stylesheet", css is not None)
    with browser.open(base + css.group(1), timeout=10) as response:  # type: ignore[union-attr]
        step("static file served by the web process", response.status == 200, css.group(1))  # type: ignore[union-attr]
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:4]))
