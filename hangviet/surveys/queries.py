"""Survey lists for a user, the units respondents choose from, and results with their denominators.

The shelf-share figure is weighted by the number of items: ``Σ Vietnamese items / Σ items`` over every outlet
counted (a supermarket with 2.000 items weighs twenty times a kiosk with 100), not the mean of outlets' shares."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Count, QuerySet, Sum

from hangviet.orgs.models import Organisation, UserRole
from hangviet.orgs.policy import active_roles, visible_organisation_ids
from hangviet.surveys.models import Answer, Question, Response, Survey
from hangviet.units.models import Unit


def surveys_for(user: User | AnonymousUser) -> QuerySet[Survey]:
    return Survey.objects.filter(owner_id__in=visible_organisation_ids(user)).select_related("owner", "area")


def owners_for(user: User | AnonymousUser) -> list[Organisation]:
    ids = {role.organisation_id for role in active_roles(user) if role.role != UserRole.Role.VIEWER}
    return list(Organisation.objects.filter(pk__in=ids, valid_to__isnull=True).select_related("unit").order_by("name"))


def units_for(survey: Survey) -> list[Unit]:
    """Where a respondent may say they live: the provinces of a national survey, the communes of a province's,
    the area itself below that."""
    area = survey.area
    if area.level in (Unit.Level.COUNTRY, Unit.Level.PROVINCE):
        found = list(Unit.objects.filter(parent=area, valid_to__isnull=True).order_by("name"))
        return found or [area]
    return [area]


def percent(part: int | Decimal, whole: int | Decimal) -> Decimal | None:
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass
class OptionRow:
    label: str
    count: int
    denominator: int

    @property
    def pct(self) -> Decimal | None:
        return percent(self.count, self.denominator)


@dataclass
class QuestionResult:
    question: Question
    answered: int
    rows: list[OptionRow] = field(default_factory=list)
    by_unit: list[tuple[str, list[OptionRow]]] = field(default_factory=list)
    texts: list[str] = field(default_factory=list)
    mean: Decimal | None = None


@dataclass
class ShelfShare:
    outlets: int
    viet_items: int
    total_items: int
    target: Decimal | None

    @property
    def pct(self) -> Decimal | None:
        return percent(self.viet_items, self.total_items)

    @property
    def meets_target(self) -> bool | None:
        if self.target is None or self.pct is None:
            return None
        return self.pct >= self.target


def responses_by_unit(survey: Survey) -> list[tuple[str, int]]:
    rows = (
        Response.objects.filter(survey=survey)
        .values("unit__name", "channel")
        .annotate(n=Count("id"))
        .order_by("unit__name")
    )
    totals: dict[str, int] = defaultdict(int)
    for row in rows:
        totals[row["unit__name"]] += row["n"]
    return sorted(totals.items())


def channel_counts(survey: Survey) -> dict[str, int]:
    return {
        row["channel"]: row["n"]
        for row in Response.objects.filter(survey=survey).values("channel").annotate(n=Count("id"))
    }


def results(survey: Survey) -> list[QuestionResult]:
    """Every question's frequencies with their denominator (the respondents who answered it), overall and by unit."""
    found = []
    answers = Answer.objects.filter(response__survey=survey).select_related("response__unit")
    by_question: dict[int, list[Answer]] = defaultdict(list)
    for answer in answers:
        by_question[answer.question_id].append(answer)
    for question in survey.questions.all():
        rows = by_question.get(question.pk, [])
        result = QuestionResult(question, len(rows))
        if question.kind in (Question.Kind.SINGLE, Question.Kind.MULTIPLE, Question.Kind.SCALE):
            labels = question.option_list if question.kind != Question.Kind.SCALE else [str(i) for i in range(1, 6)]

            def tally(
                chosen: list[Answer], labels: list[str] = labels, question: Question = question
            ) -> list[OptionRow]:
                counts = [0] * len(labels)
                for answer in chosen:
                    picked = (
                        [answer.scale - 1] if question.kind == Question.Kind.SCALE and answer.scale else answer.choices
                    )
                    for index in picked:
                        if 0 <= index < len(labels):
                            counts[index] += 1
                return [OptionRow(label, count, len(chosen)) for label, count in zip(labels, counts, strict=True)]

            result.rows = tally(rows)
            units: dict[str, list[Answer]] = defaultdict(list)
            for answer in rows:
                units[answer.response.unit.name].append(answer)
            result.by_unit = [(name, tally(chosen)) for name, chosen in sorted(units.items())]
            if question.kind == Question.Kind.SCALE and rows:
                result.mean = (Decimal(sum(a.scale or 0 for a in rows)) / len(rows)).quantize(Decimal("0.01"))
        elif question.kind == Question.Kind.TEXT:
            result.texts = [answer.text for answer in rows][:200]
        found.append(result)
    return found


def shelf_share(survey: Survey) -> ShelfShare | None:
    """The weighted share of Vietnamese goods over the outlets counted, or ``None`` without shelf questions."""
    rows = Answer.objects.filter(
        response__survey=survey, question__kind=Question.Kind.SHELF, total_items__isnull=False
    ).aggregate(n=Count("id"), viet=Sum("viet_items"), total=Sum("total_items"))
    if not survey.questions.filter(kind=Question.Kind.SHELF).exists():
        return None
    return ShelfShare(rows["n"] or 0, rows["viet"] or 0, rows["total"] or 0, survey.target_share_pct)
