"""The indicator catalogue and validation rules, both stored as data.

An indicator's kind decides how values aggregate: flows sum over units and periods, stocks sum over
units but take the latest over periods, ratios are never summed.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.units.models import Unit


class Indicator(models.Model):
    class Kind(models.TextChoices):
        FLOW = "flow", _("Phát sinh trong kỳ")
        STOCK = "stock", _("Số hiện có cuối kỳ")
        RATIO = "ratio", _("Tỷ lệ")

    class ValueType(models.TextChoices):
        COUNT = "count", _("Số nguyên")
        MONEY = "money", _("Tiền (đồng)")
        DECIMAL = "decimal", _("Số thập phân")
        PERCENT = "percent", _("Phần trăm")

    class Group(models.TextChoices):
        PROPAGANDA = "propaganda", _("Tuyên truyền, vận động")
        TRADE = "trade", _("Xúc tiến thương mại, hội chợ, phiên chợ")
        OCOP = "ocop", _("Sản phẩm OCOP, điểm bán hàng Việt")
        MARKET = "market", _("Kiểm tra, kiểm soát thị trường")
        MOVEMENT = "movement", _("Phong trào, khen thưởng, kiểm tra giám sát")
        BUDGET = "budget", _("Kinh phí")

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    name = models.CharField(_("tên chỉ tiêu"), max_length=255)
    unit = models.CharField(_("đơn vị tính"), max_length=40)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    value_type = models.CharField(_("kiểu số"), max_length=8, choices=ValueType.choices, default=ValueType.COUNT)
    group = models.CharField(_("nhóm"), max_length=12, choices=Group.choices)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)
    # A stock that one level keeps for its whole area (the province's OCOP products): within that level's
    # subtree its figure is the total, and the figures reported below it are parts of it, not additions
    # (``indicators.catalogue.OWNERSHIP_RULES``; applied by ``reporting.totals``). Blank: every figure adds up.
    owner_level = models.CharField(_("cấp nắm số liệu"), max_length=10, choices=Unit.Level.choices, blank=True)

    class Meta:
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_whole_number(self) -> bool:
        return self.value_type in (self.ValueType.COUNT, self.ValueType.MONEY)


class ValidationRule(models.Model):
    """A check over a report's values; an error blocks submission, a warning needs a comment.

    ``scope`` says what the expression sees: REPORT rules name indicator codes; EACH_NUMBER rules run
    once per whole-number indicator with ``value``; EACH_STOCK rules run once per stock indicator with
    ``value`` and ``previous`` (the value in the previous report of the same organisation); REGISTRY rules run
    once per indicator a registry computes for the report's organisation and period, with ``value``,
    ``registry`` (the figure from the registries) and ``qualifier`` (how exact that figure is: 0 exact, 1 "hơn,
    trên", 2 "gần", 3 "khoảng"). A message may name ``%(registry)s`` (the figure as words, "khoảng 1.700.000")
    and ``%(value)s``.
    """

    class Severity(models.TextChoices):
        ERROR = "error", _("Lỗi (không gửi được)")
        WARNING = "warning", _("Cảnh báo (cần giải trình)")

    class Scope(models.TextChoices):
        REPORT = "report", _("Trên cả báo cáo")
        EACH_NUMBER = "each_number", _("Từng chỉ tiêu số nguyên")
        EACH_STOCK = "each_stock", _("Từng chỉ tiêu số hiện có, so với kỳ trước")
        REGISTRY = "registry", _("Từng chỉ tiêu tính được từ sổ theo dõi, so với sổ")

    code = models.SlugField(_("mã"), max_length=60, unique=True)
    expression = models.CharField(_("biểu thức"), max_length=500)
    scope = models.CharField(_("phạm vi"), max_length=12, choices=Scope.choices, default=Scope.REPORT)
    severity = models.CharField(_("mức độ"), max_length=8, choices=Severity.choices)
    message = models.CharField(_("thông báo"), max_length=255)
    is_active = models.BooleanField(_("đang áp dụng"), default=True)

    class Meta:
        verbose_name = _("quy tắc kiểm tra")
        verbose_name_plural = _("quy tắc kiểm tra")
        ordering = ["severity", "code"]

    def __str__(self) -> str:
        return self.message

    def clean(self) -> None:
        from hangviet.indicators.expressions import ExpressionError, parse_expression

        try:
            parse_expression(self.expression)
        except ExpressionError as error:
            raise ValidationError({"expression": str(error)}) from error
