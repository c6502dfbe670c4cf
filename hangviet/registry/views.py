"""Registry pages (placeholders until the pages are built: each list answers with the registry home)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from hangviet.lib.http import SignedInRequest


@login_required
def home(request: SignedInRequest) -> HttpResponse:
    return HttpResponse("Sổ theo dõi")


events = products = salepoints = areas = clubs = producers = home
