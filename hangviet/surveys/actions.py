"""Changes of surveys: create one with its questions, record an answer (online or paper). Atomic, audited."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.crypto import get_random_string
from django.utils.text import slugify
from django.utils.translation import gettext as _

from hangviet.audit.log import record
from hangviet.lib.text import fold_diacritics
from hangviet.orgs.models import Organisation
from hangviet.surveys.models import Answer, Question, Response, Survey
from hangviet.units.models import Unit


class AlreadyAnswered(Exception):
    """This device has answered the survey already."""


@transaction.atomic
def create_survey(
    owner: Organisation,
    *,
    title: str,
    kind: str,
    opens_on: datetime.date,
    closes_on: datetime.date,
    questions: list[dict[str, Any]],
    intro: str = "",
    target_share_pct: Decimal | None = None,
    acting_user: User | None,
) -> Survey:
    """A survey over the owner's area, with its questions in order."""
    if closes_on < opens_on:
        raise ValidationError(_("Ngày đóng phải sau ngày mở."))
    if not questions:
        raise ValidationError(_("Cuộc khảo sát cần ít nhất một câu hỏi."))
    slug = f"{slugify(fold_diacritics(title))[:60].strip('-') or 'khao-sat'}-{get_random_string(6).lower()}"
    survey = Survey.objects.create(
        owner=owner,
        title=title,
        kind=kind,
        slug=slug,
        intro=intro,
        area=owner.unit,
        opens_on=opens_on,
        closes_on=closes_on,
        target_share_pct=target_share_pct,
    )
    Question.objects.bulk_create(
        [
            Question(
                survey=survey,
                order=index,
                text=question["text"],
                kind=question["kind"],
                options=question.get("options", ""),
                required=bool(question.get("required", True)),
            )
            for index, question in enumerate(questions, start=1)
        ]
    )
    record(survey, "survey.created", actor=acting_user, questions=len(questions))
    return survey


@transaction.atomic
def record_response(
    survey: Survey,
    *,
    unit: Unit,
    answers: dict[int, dict[str, Any]],
    channel: str,
    device_key: str = "",
    acting_user: User | None = None,
) -> Response:
    """One respondent's answers. Online answers carry a device key: a second answer from it is refused."""
    if not answers:
        raise ValidationError(_("Phiếu trống: hãy trả lời ít nhất một câu hỏi."))
    question_ids = set(survey.questions.values_list("pk", flat=True))
    if set(answers) - question_ids:
        raise ValidationError(_("Phiếu có câu hỏi không thuộc cuộc khảo sát này."))
    try:
        with transaction.atomic():
            response = Response.objects.create(
                survey=survey, unit=unit, channel=channel, device_key=device_key, entered_by=acting_user
            )
    except IntegrityError as error:
        raise AlreadyAnswered from error
    Answer.objects.bulk_create(
        [Answer(response=response, question_id=question_id, **fields) for question_id, fields in answers.items()]
    )
    record(response, "survey.answered", actor=acting_user, survey=survey.pk, channel=channel)
    return response
