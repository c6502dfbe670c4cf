"""Safe evaluator for validation-rule expressions written by administrators.

A rule such as ``ocop_products == ocop_3_star + ocop_4_star + ocop_5_star`` is parsed with :func:`ast.parse` and the
tree is checked against a small whitelist: numbers, indicator codes (``[a-z][a-z0-9_]*``, including ``value`` and
``previous``), ``+ - * /``, unary ``- +``, comparisons (chained allowed), ``and or not`` and the functions ``abs``,
``min``, ``max``, ``round`` and ``is_whole``. Everything else is an :class:`ExpressionError` at parse time. The tree is
also type-checked: arithmetic, comparisons and functions take numbers; ``and``/``or``/``not`` take conditions.

Evaluation walks the checked tree itself (never ``eval``/``exec``) using :class:`decimal.Decimal` in a fixed context,
so the caller's decimal context does not matter. This module imports nothing from Django.
"""

from __future__ import annotations

import ast
import decimal
import operator
import re
import warnings
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

MAX_LENGTH: Final = 500
MAX_DEPTH: Final = 50
MAX_ROUND_DIGITS: Final = 10

_NAME: Final = re.compile(r"[a-z][a-z0-9_]*")
_TRAPS: Final = [decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow]
_CONTEXT: Final = decimal.Context(prec=28, rounding=decimal.ROUND_HALF_EVEN, traps=_TRAPS)
_ARITHMETIC: Final = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}
_COMPARISONS: Final[dict[type[ast.cmpop], Callable[[Decimal, Decimal], bool]]] = {
    ast.Eq: operator.eq,
    ast.NotEq: operator.ne,
    ast.Lt: operator.lt,
    ast.LtE: operator.le,
    ast.Gt: operator.gt,
    ast.GtE: operator.ge,
}
# Function name -> (fewest arguments, most arguments, how to say it).
_FUNCTIONS: Final[dict[str, tuple[int, int, str]]] = {
    "abs": (1, 1, "đúng 1 đối số"),
    "min": (2, MAX_DEPTH, "ít nhất 2 đối số"),
    "max": (2, MAX_DEPTH, "ít nhất 2 đối số"),
    "round": (1, 2, "1 hoặc 2 đối số"),
    "is_whole": (1, 1, "đúng 1 đối số"),
}
_BLANK: Final = ast.Name("_")  # stands in for operands when spelling out an operator
_SYNTAX: Final[dict[type[ast.AST], str]] = {
    ast.Attribute: "thuộc tính (dấu chấm)",
    ast.Subscript: "chỉ số trong ngoặc vuông",
    ast.Lambda: "lambda",
    ast.IfExp: "biểu thức “… if … else …”",
    ast.NamedExpr: "phép gán “:=”",
    ast.Starred: "dấu “*” trước đối số",
    ast.JoinedStr: "chuỗi ký tự",
    **dict.fromkeys((ast.List, ast.Tuple, ast.Set, ast.Dict), "danh sách, bộ hay tập hợp"),
    **dict.fromkeys((ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp), "vòng lặp “for”"),
}


class ExpressionError(ValueError):
    """The text is not a valid rule expression; ``str()`` is a Vietnamese message for the administrator."""


class EvaluationError(ArithmeticError):
    """The expression could not be computed (division by zero, overflow…); ``str()`` is a Vietnamese message."""


class MissingValue(LookupError):
    """A name the expression needs has no value, so callers skip the rule. ``.name`` is that name."""

    def __init__(self, name: str) -> None:
        super().__init__(name)
        self.name = name

    def __str__(self) -> str:
        return f"Thiếu số liệu “{self.name}”"


@dataclass(frozen=True)
class Expression:
    """A validated rule expression; build it with :func:`parse_expression`, then evaluate it any number of times.

    ``text`` is the expression without surrounding whitespace; ``names`` are the indicator codes it references.
    """

    text: str
    names: frozenset[str]
    _tree: ast.Expression = field(repr=False, compare=False)

    def evaluate(self, values: Mapping[str, Decimal]) -> Decimal | bool:
        """Compute the expression: a condition gives ``bool``, arithmetic gives ``Decimal``.

        Operands are evaluated left to right and ``and``/``or``/chained comparisons short-circuit like Python, so
        :class:`MissingValue` is raised for the first name actually reached that is absent from ``values`` or maps
        to ``None``; a name on a branch that is never reached need not have a value. Raises :class:`EvaluationError`
        on division by zero or any other decimal failure.
        """
        body = self._tree.body
        try:
            with decimal.localcontext(_CONTEXT):
                return _truth(body, values) if _is_condition(body) else _number(body, values)
        except ZeroDivisionError as exc:
            raise EvaluationError(f"Chia cho 0 trong biểu thức “{self.text}”") from exc
        except decimal.DecimalException as exc:
            raise EvaluationError(f"Không tính được biểu thức “{self.text}” ({type(exc).__name__})") from exc

    def sides(self) -> tuple[str, list[tuple[int, str | Decimal]], list[tuple[int, str | Decimal]]] | None:
        """For a single comparison of two sums ("a == b + c + d", "a >= b"): the operator ("==", ">=", ...) and
        each side's terms as ``(sign, name or number)``; ``None`` for any other shape. Lets a message spell the
        arithmetic out in words, e.g. "184 khác 137 + 38 + 3 = 178"."""
        body = self._tree.body
        if not (isinstance(body, ast.Compare) and len(body.ops) == 1):
            return None
        symbols = {ast.Eq: "==", ast.NotEq: "!=", ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">="}
        left, right = _terms(body.left), _terms(body.comparators[0])
        if left is None or right is None:
            return None
        return symbols[type(body.ops[0])], left, right


def _terms(node: ast.AST, sign: int = 1) -> list[tuple[int, str | Decimal]] | None:
    """The terms of a sum of names and numbers, with their signs; ``None`` for anything else."""
    if isinstance(node, ast.Name):
        return [(sign, node.id)]
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float) and not isinstance(node.value, bool):
        return [(sign, Decimal(str(node.value)))]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Sub):
        left = _terms(node.left, sign)
        right = _terms(node.right, sign if isinstance(node.op, ast.Add) else -sign)
        return None if left is None or right is None else left + right
    return None


def parse_expression(text: str) -> Expression:
    """Parse and fully validate ``text``; raises :class:`ExpressionError` (and nothing else) if it is not allowed."""
    if not isinstance(text, str):
        raise _invalid("phải là chuỗi ký tự")
    if len(text) > MAX_LENGTH:
        raise _invalid(f"dài quá {MAX_LENGTH} ký tự")
    source = text.strip()
    if not source:
        raise _invalid("biểu thức trống")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = ast.parse(source, mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        raise _invalid("sai cú pháp") from None
    names: set[str] = set()
    _check(tree.body, 1, names)
    return Expression(source, frozenset(names), tree)


def _invalid(reason: str) -> ExpressionError:
    return ExpressionError(f"Biểu thức không hợp lệ: {reason}")


def _is_condition(node: ast.AST) -> bool:
    """Whether ``node`` yields a bool rather than a number (decided by the node itself, not its children)."""
    match node:
        case ast.Compare() | ast.BoolOp() | ast.UnaryOp(op=ast.Not()) | ast.Call(func=ast.Name(id="is_whole")):
            return True
    return False


def _check(node: ast.AST, depth: int, names: set[str]) -> None:
    """Reject any node outside the grammar and add referenced names to ``names``."""
    if depth > MAX_DEPTH:
        raise _invalid(f"lồng quá {MAX_DEPTH} tầng")
    children: list[ast.expr] = []
    want_condition = False
    match node:
        case ast.Constant(value=int() | float() as number) if not isinstance(number, bool):
            if not Decimal(str(number)).is_finite():
                raise _invalid("số quá lớn")
        case ast.Name(id=name, ctx=ast.Load()) if _NAME.fullmatch(name) and name not in _FUNCTIONS:
            names.add(name)
        case ast.UnaryOp(op=ast.Not(), operand=operand):
            children, want_condition = [operand], True
        case ast.BoolOp(op=ast.And() | ast.Or(), values=operands):
            children, want_condition = operands, True
        case ast.UnaryOp(op=ast.USub() | ast.UAdd(), operand=operand):
            children = [operand]
        case ast.BinOp(op=op, left=left, right=right) if type(op) in _ARITHMETIC:
            children = [left, right]
        case ast.Compare(ops=ops, left=left, comparators=rest) if all(type(op) in _COMPARISONS for op in ops):
            children = [left, *rest]
        case ast.Call(func=ast.Name(id=function), args=args, keywords=[]) if function in _FUNCTIONS:
            fewest, most, wording = _FUNCTIONS[function]
            if not fewest <= len(args) <= most:
                raise _invalid(f"hàm {function} cần {wording}")
            children = args
            if function == "round" and len(args) == 2:
                children, digits = args[:1], args[1]
                if not (isinstance(digits, ast.Constant) and type(digits.value) is int):
                    raise _invalid("trong round(x, n), n phải là số nguyên viết trực tiếp")
                if not 0 <= digits.value <= MAX_ROUND_DIGITS:
                    raise _invalid(f"trong round(x, n), n phải từ 0 đến {MAX_ROUND_DIGITS}")
        case _:
            raise _invalid(f"không được dùng {_describe(node)}")
    for child in children:
        _check(child, depth + 1, names)
        if _is_condition(child) != want_condition:
            wanted, found = ("điều kiện", "một số") if want_condition else ("một số", "điều kiện đúng/sai")
            raise _invalid(f"cần {wanted} nhưng gặp {found} ở “{ast.unparse(child)}”")


def _describe(node: ast.AST) -> str:
    """Say in Vietnamese what forbidden thing ``node`` is."""
    match node:
        case ast.Constant(value=str() | bytes()):
            return "chuỗi ký tự"
        case ast.Constant(value=value):
            return f"hằng “{value!r}”"
        case ast.Name(id=name) if name in _FUNCTIONS:
            return f"tên hàm “{name}” mà không gọi"
        case ast.Name(id=name):
            return f"tên “{name}” (mã chỉ tiêu chỉ gồm chữ thường không dấu, chữ số và “_”)"
        case ast.BinOp(op=op):
            return f"phép “{ast.unparse(ast.BinOp(_BLANK, op, _BLANK)).strip('_ ')}”"
        case ast.UnaryOp(op=op):
            return f"phép “{ast.unparse(ast.UnaryOp(op, _BLANK)).strip('_ ')}”"
        case ast.Compare(ops=ops):
            bad = next(op for op in ops if type(op) not in _COMPARISONS)
            return f"phép so sánh “{ast.unparse(ast.Compare(_BLANK, [bad], [_BLANK])).strip('_ ')}”"
        case ast.Call(func=ast.Name(id=function)) if function in _FUNCTIONS:
            return "đối số có tên (dạng key=…)"
        case ast.Call(func=ast.Name(id=function)):
            return f"hàm “{function}” (chỉ có {', '.join(_FUNCTIONS)})"
    return _SYNTAX.get(type(node), f"cú pháp “{type(node).__name__}”")


def _number(node: ast.AST, values: Mapping[str, Decimal]) -> Decimal:
    """Evaluate a checked node that yields a number."""
    match node:
        case ast.Constant(value=int() | float() as number):
            return Decimal(str(number))
        case ast.Name(id=name):
            found = values.get(name)
            if found is None:
                raise MissingValue(name)
            return found
        case ast.UnaryOp(op=op, operand=operand):
            return -_number(operand, values) if isinstance(op, ast.USub) else +_number(operand, values)
        case ast.BinOp(op=op, left=left, right=right):
            a, b = _number(left, values), _number(right, values)
            if isinstance(op, ast.Div) and b == 0:
                raise ZeroDivisionError  # also for 0 / 0, which decimal would report as InvalidOperation
            return _ARITHMETIC[type(op)](a, b)
        case ast.Call(func=ast.Name(id="round"), args=[argument, *digits]):
            digit = digits[0] if digits else None  # parse_expression admits only a literal int here
            places = digit.value if isinstance(digit, ast.Constant) and isinstance(digit.value, int) else 0
            return _number(argument, values).quantize(Decimal(1).scaleb(-places), rounding=decimal.ROUND_HALF_UP)
        case ast.Call(func=ast.Name(id=function), args=args):
            numbers = [_number(argument, values) for argument in args]
            return abs(numbers[0]) if function == "abs" else (min if function == "min" else max)(numbers)
    raise AssertionError(f"unchecked node {ast.dump(node)}")


def _truth(node: ast.AST, values: Mapping[str, Decimal]) -> bool:
    """Evaluate a checked node that yields a condition."""
    match node:
        case ast.UnaryOp(operand=operand):
            return not _truth(operand, values)
        case ast.BoolOp(op=ast.And(), values=operands):
            return all(_truth(operand, values) for operand in operands)
        case ast.BoolOp(values=operands):
            return any(_truth(operand, values) for operand in operands)
        case ast.Compare(ops=ops, left=left, comparators=rest):
            a = _number(left, values)
            for op, right in zip(ops, rest, strict=True):
                b = _number(right, values)
                if not _COMPARISONS[type(op)](a, b):
                    return False
                a = b
            return True
        case ast.Call(args=[argument]):
            number = _number(argument, values)
            return number == number.to_integral_value()
    raise AssertionError(f"unchecked node {ast.dump(node)}")
