"""Reading numbers written the Vietnamese way, as people type them into data-entry forms."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hangviet.lib.vnformat import format_number
from hangviet.lib.vnnumber import HOW_TO_WRITE, MAX_LENGTH, NumberFormatError, parse_vn_number


def test_a_dot_groups_thousands() -> None:
    assert parse_vn_number("3.904") == Decimal("3904")
    assert parse_vn_number("267.083") == Decimal("267083")
    assert parse_vn_number("1.234.567") == Decimal("1234567")


def test_a_comma_is_the_decimal_mark() -> None:
    assert parse_vn_number("36,9") == Decimal("36.9")
    assert parse_vn_number("0,5") == Decimal("0.5")
    assert parse_vn_number("1.234,56") == Decimal("1234.56")


def test_plain_digits_without_grouping_are_accepted() -> None:
    assert parse_vn_number("3904") == Decimal("3904")
    assert parse_vn_number("1234567,5") == Decimal("1234567.5")


def test_leading_zeros_are_customary_and_ignored() -> None:
    assert parse_vn_number("02") == Decimal(2)
    assert parse_vn_number("05") == Decimal(5)
    assert parse_vn_number("007,50") == Decimal("7.5")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("36,9 triệu", Decimal("36900000")),
        ("850 triệu đồng", Decimal("850000000")),
        ("1,2 tỷ", Decimal("1200000000")),
        ("1,2 tỉ", Decimal("1200000000")),
        ("5 nghìn", Decimal("5000")),
        ("5 ngàn đ", Decimal("5000")),
        ("2,5triệu", Decimal("2500000")),
        ("0,0001 nghìn", Decimal("0.1")),
    ],
)
def test_multiplier_words_scale_the_number(text: str, expected: Decimal) -> None:
    assert parse_vn_number(text) == expected


@pytest.mark.parametrize("text", ["1.500 đồng", "1.500 đ", "1.500đ", "1.500 VND", "1.500 vnd", "1.500 %", "1.500%"])
def test_a_trailing_unit_is_ignored(text: str) -> None:
    assert parse_vn_number(text) == Decimal("1500")


def test_words_are_case_insensitive() -> None:
    assert parse_vn_number("36,9 TRIỆU ĐỒNG") == Decimal("36900000")
    assert parse_vn_number("1,2 Tỷ") == Decimal("1200000000")


def test_decomposed_unicode_is_read_like_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "36,9 triệu")
    assert decomposed != "36,9 triệu"
    assert parse_vn_number(decomposed) == Decimal("36900000")


def test_spaces_and_non_breaking_spaces_may_group_thousands() -> None:
    assert parse_vn_number("3 904") == Decimal("3904")
    assert parse_vn_number("1\u00a0234\u00a0567") == Decimal("1234567")
    assert parse_vn_number("1\u202f234,5") == Decimal("1234.5")


def test_surrounding_white_space_is_ignored() -> None:
    assert parse_vn_number("  3.904\u00a0\n") == Decimal("3904")


def test_a_leading_sign_is_allowed() -> None:
    assert parse_vn_number("-3.904") == Decimal("-3904")
    assert parse_vn_number("+36,9") == Decimal("36.9")
    assert parse_vn_number("-1,5 triệu") == Decimal("-1500000")


def test_the_result_is_normalised_without_spurious_exponents() -> None:
    assert str(parse_vn_number("3.904")) == "3904"
    assert str(parse_vn_number("36,9")) == "36.9"
    assert str(parse_vn_number("1.234,50")) == "1234.5"
    assert str(parse_vn_number("36,9 triệu")) == "36900000"
    assert str(parse_vn_number("1,2 tỷ")) == "1200000000"
    assert str(parse_vn_number("-0")) == "0"


def test_long_numbers_stay_exact() -> None:
    digits = "1234567890" * 4
    grouped = format_number(int(digits))
    assert parse_vn_number(grouped) == Decimal(digits)
    assert parse_vn_number(f"{grouped},000000001 tỷ") == Decimal(digits + "000000001")
    assert parse_vn_number("9" * MAX_LENGTH) == Decimal("9" * MAX_LENGTH)


@pytest.mark.parametrize("text", ["3.9", "3904.5", "12.34", "1.2345", "1234.567", "3.", ".5", ",5", "5,", "1,234.5"])
def test_ambiguous_dots_and_commas_are_explained(text: str) -> None:
    with pytest.raises(NumberFormatError) as caught:
        parse_vn_number(text)
    message = str(caught.value)
    assert HOW_TO_WRITE in message
    assert "dấu chấm" in message and "dấu phẩy" in message
    assert f"«{text}»" in message


@pytest.mark.parametrize("text", ["1,2,3", "1,234,567"])
def test_more_than_one_comma_is_an_error(text: str) -> None:
    with pytest.raises(NumberFormatError, match="nhiều hơn một dấu phẩy") as caught:
        parse_vn_number(text)
    assert HOW_TO_WRITE in str(caught.value)


@pytest.mark.parametrize("text", ["1e5", "abc", "12-3", "--5", "- 5", "5 triệu triệu", "triệu", "%", "5 USD", "٣"])
def test_anything_else_is_rejected_quoting_the_offending_text(text: str) -> None:
    with pytest.raises(NumberFormatError, match="Không đọc được") as caught:
        parse_vn_number(text)
    assert f"«{text}»" in str(caught.value)


@pytest.mark.parametrize("text", ["", "   ", "\u00a0\t\n"])
def test_empty_input_asks_for_a_number(text: str) -> None:
    with pytest.raises(NumberFormatError, match="Chưa nhập số"):
        parse_vn_number(text)


def test_input_longer_than_the_limit_is_rejected() -> None:
    with pytest.raises(NumberFormatError, match="quá dài"):
        parse_vn_number("1" * (MAX_LENGTH + 1))


def test_the_error_is_a_value_error() -> None:
    with pytest.raises(ValueError):
        parse_vn_number("abc")


@given(st.integers(min_value=-(10**30), max_value=10**30))
def test_a_formatted_whole_number_reads_back_to_itself(number: int) -> None:
    assert parse_vn_number(format_number(number)) == number
    assert parse_vn_number(format_number(number, decimals=2)) == number


@given(st.integers(min_value=0, max_value=10**18))
def test_spaces_instead_of_dots_read_back_the_same(number: int) -> None:
    assert parse_vn_number(format_number(number).replace(".", "\u00a0")) == number


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=2, allow_nan=False, allow_infinity=False))
def test_a_formatted_decimal_reads_back_to_itself(number: Decimal) -> None:
    assert parse_vn_number(format_number(number)) == number
    assert parse_vn_number(format_number(number, decimals=2)) == number


@given(st.integers(min_value=-(10**12), max_value=10**12))
def test_an_integral_result_has_no_fractional_exponent(number: int) -> None:
    assert parse_vn_number(format_number(number, decimals=2)).as_tuple().exponent == 0


_NUMBERISH = st.text(alphabet="0123456789.,+- \u00a0eđồngtriệuỷỉnghìnàvd%", max_size=20)


@given(st.one_of(st.text(), _NUMBERISH))
def test_arbitrary_text_never_raises_anything_but_number_format_error(text: str) -> None:
    try:
        result = parse_vn_number(text)
    except NumberFormatError as error:
        assert str(error)
    else:
        assert isinstance(result, Decimal)
        assert result.is_finite()
