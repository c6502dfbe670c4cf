"""Access gates for surveys: a survey is its owner's data (``orgs/policy.grant_for``): 404 unseen, 403 not allowed.
The public reaches an open survey only by its link (``get_public_survey``)."""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser, User
from django.shortcuts import get_object_or_404

from hangviet.orgs.access import check_access
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Grant, Need
from hangviet.surveys.models import Survey


def get_survey_for_user(user: User | AnonymousUser, pk: int, *, need: Need) -> tuple[Survey, Grant]:
    survey = get_object_or_404(Survey.objects.select_related("owner", "area"), pk=pk)
    return survey, check_access(user, survey.owner, need)


def get_public_survey(slug: str) -> Survey:
    return get_object_or_404(Survey.objects.select_related("area"), slug=slug)


def get_owner_for_user(user: User | AnonymousUser, organisation_id: int) -> Organisation:
    """An organisation the user creates surveys for (it edits it)."""
    organisation = get_object_or_404(Organisation.objects.select_related("unit"), pk=organisation_id)
    check_access(user, organisation, Need.EDIT)
    return organisation
