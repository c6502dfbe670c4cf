"""Running the validation rules over a report's values (pure: the caller passes rules and indicators)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from django.utils.translation import gettext, gettext_lazy

from hangviet.indicators.expressions import EvaluationError, Expression, MissingValue, parse_expression
from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.vnformat import format_number


class RegistryFigure(Protocol):
    """A figure computed from the registries (``registry.figures.Figure``), as the registry rules see it."""

    @property
    def value(self) -> Decimal: ...

    @property
    def qualifier(self) -> int: ...

    @property
    def words(self) -> str: ...


@dataclass(frozen=True)
class Violation:
    """A rule the values break; ``indicator_code`` is blank for a rule over the whole report."""

    rule_code: str
    severity: str
    message: str
    indicator_code: str = ""
    figures: tuple[tuple[str, Decimal], ...] = field(default=())
    detail: str = ""  # the arithmetic in words: "184 khác 137 + 38 + 3 = 178, chênh 6"

    @property
    def is_error(self) -> bool:
        return self.severity == ValidationRule.Severity.ERROR

    @property
    def key(self) -> str:
        """Identifies the warning a note answers: ``rule`` or ``rule:indicator``."""
        return f"{self.rule_code}:{self.indicator_code}" if self.indicator_code else self.rule_code


@dataclass(frozen=True)
class RuleBook:
    """The active rules, parsed once, and the indicators they run over."""

    rules: tuple[tuple[ValidationRule, Expression], ...]
    indicators: Mapping[str, Indicator]

    @classmethod
    def load(cls, indicators: Iterable[Indicator] | None = None) -> RuleBook:
        chosen = list(indicators) if indicators is not None else list(Indicator.objects.all())
        rules = tuple(
            (rule, parse_expression(rule.expression)) for rule in ValidationRule.objects.filter(is_active=True)
        )
        return cls(rules=rules, indicators={indicator.code: indicator for indicator in chosen})

    def check(
        self,
        values: Mapping[str, Decimal | None],
        previous: Mapping[str, Decimal] | None = None,
        registry: Mapping[str, RegistryFigure] | None = None,
    ) -> list[Violation]:
        """Every violation of the active rules by ``values`` (missing values skip the rules that need them).

        ``previous`` holds the organisation's values in its previous report, for the stock rules; ``registry``
        the figures the registries compute for the report, for the registry rules (none: they do not run).
        """
        present = {code: value for code, value in values.items() if value is not None}
        found: list[Violation] = []
        for rule, expression in self.rules:
            if rule.scope == ValidationRule.Scope.REPORT:
                if not expression.names <= self.indicators.keys():
                    continue
                if _breaks(expression, present):
                    figures = tuple((name, present[name]) for name in sorted(expression.names) if name in present)
                    detail = spell_out(expression, present)
                    found.append(Violation(rule.code, rule.severity, catalogue_text(rule.message), "", figures, detail))
                continue
            if rule.scope == ValidationRule.Scope.REGISTRY:
                found.extend(_registry_violations(rule, expression, self.indicators, present, registry or {}))
                continue
            for code, indicator in self.indicators.items():
                if code not in present or not _in_scope(rule, indicator):
                    continue
                scope_values = {"value": present[code]}
                if previous and code in previous:
                    scope_values["previous"] = previous[code]
                if _breaks(expression, scope_values):
                    found.append(
                        Violation(
                            rule.code,
                            rule.severity,
                            catalogue_text(rule.message),
                            code,
                            tuple(sorted(scope_values.items())),
                        )
                    )
        return found


def _registry_violations(
    rule: ValidationRule,
    expression: Expression,
    indicators: Mapping[str, Indicator],
    present: Mapping[str, Decimal],
    registry: Mapping[str, RegistryFigure],
) -> list[Violation]:
    """A registry rule over each indicator that has both a typed value and a registry figure."""
    found = []
    for code in indicators:
        figure = registry.get(code)
        if code not in present or figure is None:
            continue
        scope_values = {"value": present[code], "registry": figure.value, "qualifier": Decimal(figure.qualifier)}
        if _breaks(expression, scope_values):
            message = _fill(catalogue_text(rule.message), registry=figure.words, value=format_number(present[code]))
            shown = (("registry", figure.value), ("value", present[code]))
            found.append(Violation(rule.code, rule.severity, message, code, shown))
    return found


# How the broken comparison reads: "a == b" fails when a differs from b, "a >= b" when a is smaller, ...
_BROKEN = {
    "==": gettext_lazy("khác"),
    "!=": gettext_lazy("bằng"),
    ">=": gettext_lazy("nhỏ hơn"),
    ">": gettext_lazy("không lớn hơn"),
    "<=": gettext_lazy("lớn hơn"),
    "<": gettext_lazy("không nhỏ hơn"),
}


def spell_out(expression: Expression, values: Mapping[str, Decimal]) -> str:
    """The arithmetic of a broken comparison in figures ("184 khác 137 + 38 + 3 = 178, chênh 6"), never in
    codes; empty when the rule is not a comparison of sums or a figure is missing."""
    shape = expression.sides()
    if shape is None:
        return ""
    operator, left, right = shape
    try:
        left_words, left_sum = _sum_words(left, values)
        right_words, right_sum = _sum_words(right, values)
    except KeyError:
        return ""
    words = f"{left_words} {_BROKEN[operator]} {right_words}"
    if len(right) > 1:
        words += f" = {format_number(right_sum)}"
    if operator == "==" and left_sum != right_sum:
        words += ", " + gettext("chênh %(difference)s") % {"difference": format_number(abs(left_sum - right_sum))}
    return words


def _sum_words(terms: list[tuple[int, str | Decimal]], values: Mapping[str, Decimal]) -> tuple[str, Decimal]:
    total, words = Decimal(0), ""
    for index, (sign, term) in enumerate(terms):
        number = term if isinstance(term, Decimal) else values[term]
        total += sign * number
        shown = format_number(number)
        words += (("- " if sign < 0 else "+ ") if index else ("-" if sign < 0 else "")) + shown + " "
    return words.strip(), total


def _fill(message: str, **words: str) -> str:
    """``message`` with ``%(name)s`` replaced by ``words[name]`` (and nothing else touched: a stray "%" in a
    message an administrator wrote stays as it is)."""
    for name, text in words.items():
        message = message.replace(f"%({name})s", text)
    return message


def _in_scope(rule: ValidationRule, indicator: Indicator) -> bool:
    if rule.scope == ValidationRule.Scope.EACH_NUMBER:
        return indicator.is_whole_number
    return indicator.kind == Indicator.Kind.STOCK


def _breaks(expression: Expression, values: Mapping[str, Decimal]) -> bool:
    try:
        return not expression.evaluate(values)
    except MissingValue:
        return False
    except EvaluationError:
        return True
