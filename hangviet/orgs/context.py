"""Template context every signed-in page needs from the organisations: the committee of the top bar."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from hangviet.orgs.policy import active_roles


def committee_nav(request: HttpRequest) -> dict[str, Any]:
    """``nav_committee``: the first committee the user holds a role in (standing office, secretariat, viewer),
    so the top bar leads to its progress board, documents and plans; ``None`` for everyone else."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"nav_committee": None}
    committee = next((role.organisation for role in active_roles(user) if role.organisation.is_committee), None)
    return {"nav_committee": committee}
