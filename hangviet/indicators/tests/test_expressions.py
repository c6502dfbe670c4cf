"""Rule expressions accept only a small whitelist of syntax and compute in Decimal, never through eval()."""

from __future__ import annotations

import builtins
import contextlib
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hangviet.indicators.expressions import (
    MAX_DEPTH,
    MAX_LENGTH,
    EvaluationError,
    Expression,
    ExpressionError,
    MissingValue,
    parse_expression,
)


def evaluate(text: str, **values: int | str) -> Decimal | bool:
    return parse_expression(text).evaluate({name: Decimal(str(value)) for name, value in values.items()})


@pytest.mark.parametrize(
    ("total", "three", "four", "five", "holds"), [(178, 137, 38, 3, True), (184, 137, 38, 3, False)]
)
def test_ocop_products_must_equal_the_sum_of_star_ratings(
    total: int, three: int, four: int, five: int, holds: bool
) -> None:
    rule = "ocop_products == ocop_3_star + ocop_4_star + ocop_5_star"
    assert evaluate(rule, ocop_products=total, ocop_3_star=three, ocop_4_star=four, ocop_5_star=five) is holds


@pytest.mark.parametrize(
    ("share", "holds"), [("0", True), ("57.3", True), ("100", True), ("-0.5", False), ("100.01", False)]
)
def test_a_share_must_lie_between_0_and_100_percent(share: str, holds: bool) -> None:
    assert evaluate("viet_goods_share_pct >= 0 and viet_goods_share_pct <= 100", viet_goods_share_pct=share) is holds


@pytest.mark.parametrize(("participants", "sessions", "holds"), [(120, 4, True), (4, 4, True), (3, 4, False)])
def test_participants_cannot_be_fewer_than_sessions(participants: int, sessions: int, holds: bool) -> None:
    rule = "propaganda_participants >= propaganda_sessions"
    assert evaluate(rule, propaganda_participants=participants, propaganda_sessions=sessions) is holds


@pytest.mark.parametrize(
    ("value", "holds"), [("12", True), ("12.0", True), ("0", True), ("12.5", False), ("-1", False)]
)
def test_a_count_must_be_a_non_negative_whole_number(value: str, holds: bool) -> None:
    assert evaluate("value >= 0 and is_whole(value)", value=value) is holds


@pytest.mark.parametrize(("value", "previous", "holds"), [(10, 9, True), (10, 10, True), (9, 10, False)])
def test_a_cumulative_value_cannot_fall_below_the_previous_one(value: int, previous: int, holds: bool) -> None:
    assert evaluate("value >= previous", value=value, previous=previous) is holds


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "ocop_products == ocop_3_star + ocop_4_star + ocop_5_star",
            {"ocop_products", "ocop_3_star", "ocop_4_star", "ocop_5_star"},
        ),
        ("value >= 0 and is_whole(value)", {"value"}),
        ("max(a, b) >= round(c, 2) + abs(-d)", {"a", "b", "c", "d"}),
        ("1 + 2", set()),
    ],
)
def test_names_lists_the_indicator_codes_but_not_the_functions(text: str, names: set[str]) -> None:
    assert parse_expression(text).names == frozenset(names)


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("2 + 3 * 4", "14"),
        ("(2 + 3) * 4", "20"),
        ("10 - 4 - 3", "3"),
        ("10 - (4 - 3)", "9"),
        ("12 / 4 / 3", "1"),
        ("1 / 4", "0.25"),
        ("0.1 + 0.2", "0.3"),
        ("-2 * 3", "-6"),
        ("-(2 - 5)", "3"),
        ("+x - -x", "14"),
        ("2 * -x", "-14"),
    ],
)
def test_arithmetic_follows_the_usual_precedence_in_exact_decimals(text: str, result: str) -> None:
    computed = evaluate(text, x=7)
    assert isinstance(computed, Decimal)
    assert computed == Decimal(result)


@pytest.mark.parametrize(("x", "holds"), [(0, True), (50, True), (100, True), (-1, False), (101, False)])
def test_chained_comparisons_read_like_mathematics(x: int, holds: bool) -> None:
    assert evaluate("0 <= x <= 100", x=x) is holds


@pytest.mark.parametrize(
    ("text", "result"),
    [
        ("abs(-3.5)", Decimal("3.5")),
        ("min(4, x, 9)", Decimal("2")),
        ("max(4, x, 9)", Decimal("9")),
        ("round(2.5)", Decimal("3")),
        ("round(-2.5)", Decimal("-3")),
        ("round(2.4)", Decimal("2")),
        ("round(2.345, 2)", Decimal("2.35")),
        ("is_whole(3.0)", True),
        ("is_whole(2.5)", False),
        ("is_whole(x / 2)", True),
    ],
)
def test_whitelisted_functions_compute_in_decimal(text: str, result: Decimal | bool) -> None:
    assert evaluate(text, x=2) == result


def test_round_without_digits_gives_an_integer_decimal() -> None:
    assert str(evaluate("round(x)", x="7.5")) == "8"


@pytest.mark.parametrize(
    ("text", "holds"),
    [
        ("not x > 1", False),
        ("x > 5 or x == 3", True),
        ("x > 5 or not x == 3", False),
        ("x > 1 and (x < 2 or x > 2)", True),
    ],
)
def test_boolean_operators_return_booleans(text: str, holds: bool) -> None:
    assert evaluate(text, x=3) is holds


@pytest.mark.parametrize("text", ["a / b", "a / (b - b)", "b / b", "round(a / b, 2) > 0"])
def test_dividing_by_zero_raises_evaluation_error(text: str) -> None:
    with pytest.raises(EvaluationError, match="Chia cho 0"):
        evaluate(text, a=1, b=0)


def test_a_missing_name_raises_missing_value_naming_it() -> None:
    expression = parse_expression("ocop_products == ocop_3_star + ocop_4_star + ocop_5_star")
    values = {"ocop_products": Decimal(184), "ocop_4_star": Decimal(38), "ocop_5_star": Decimal(3)}
    with pytest.raises(MissingValue) as raised:
        expression.evaluate(values)
    assert raised.value.name == "ocop_3_star"
    assert str(raised.value) == "Thiếu số liệu “ocop_3_star”"


def test_a_name_mapped_to_none_counts_as_missing() -> None:
    with pytest.raises(MissingValue) as raised:
        parse_expression("value >= previous").evaluate({"value": Decimal(3), "previous": None})
    assert raised.value.name == "previous"


def test_names_on_a_branch_that_is_never_reached_need_no_value() -> None:
    expression = parse_expression("x > 0 and y > 0")
    assert expression.evaluate({"x": Decimal(-1)}) is False
    with pytest.raises(MissingValue):
        expression.evaluate({"x": Decimal(1)})


def test_an_expression_is_parsed_once_and_can_be_evaluated_many_times() -> None:
    expression = parse_expression("  value >= previous  ")
    assert isinstance(expression, Expression)
    assert expression.text == "value >= previous"
    assert [expression.evaluate({"value": Decimal(v), "previous": Decimal(5)}) for v in (4, 5, 6)] == [
        False,
        True,
        True,
    ]
    assert expression == parse_expression("value >= previous")


def test_evaluation_never_calls_eval_or_exec(monkeypatch: pytest.MonkeyPatch) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("eval/exec must not be used")

    monkeypatch.setattr(builtins, "eval", forbidden)
    monkeypatch.setattr(builtins, "exec", forbidden)
    assert evaluate("abs(value - previous) <= max(1, previous / 10)", value=105, previous=100) is True


@pytest.mark.parametrize(
    "text",
    [
        "__import__('os')",
        "x.y",
        "x[0]",
        "lambda: 1",
        "'a' == 'a'",
        "2 ** 10",
        "7 // 2",
        "7 % 2",
        "open('f')",
        "[1, 2]",
        "(x := 1)",
        "x if y else z",
        "True",
        "None",
        "1j",
        "f(x)",
        "max(x, key=y)",
        "max(*x, y)",
        "a & b",
        "~a",
        "a is b",
        "a in b",
        "X > 0",
        "abs > 0",
        "x and y",
        "not x",
        "is_whole(x) + 1",
        "abs(x, y)",
        "max(x)",
        "round(x, y)",
        "round(x, -1)",
        "1e999",
        "",
        "   ",
        "x +",
        "x = 1",
        pytest.param("x" * (MAX_LENGTH + 1), id="too-long"),
        pytest.param("abs(" * (MAX_DEPTH + 5) + "x" + ")" * (MAX_DEPTH + 5), id="nested-too-deep"),
        pytest.param("-" * (MAX_DEPTH + 5) + "x", id="unary-too-deep"),
        pytest.param("(" * 300 + "x" + ")" * 300, id="too-many-parentheses"),
    ],
)
def test_forbidden_input_is_rejected_at_parse_time(text: str) -> None:
    with pytest.raises(ExpressionError, match="^Biểu thức không hợp lệ: "):
        parse_expression(text)


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("2 ** 10", "không được dùng phép “**”"),
        ("open('f')", "không được dùng hàm “open”"),
        ("x.y", "không được dùng thuộc tính"),
        ("x and y", "cần điều kiện nhưng gặp một số"),
    ],
)
def test_rejections_explain_the_problem_in_vietnamese(text: str, fragment: str) -> None:
    with pytest.raises(ExpressionError, match=fragment.replace("*", r"\*")):
        parse_expression(text)


@given(st.text(max_size=200))
def test_random_text_raises_nothing_but_expression_error(text: str) -> None:
    try:
        expression = parse_expression(text)
    except ExpressionError:
        return
    with contextlib.suppress(EvaluationError):
        expression.evaluate(dict.fromkeys(expression.names, Decimal(1)))
