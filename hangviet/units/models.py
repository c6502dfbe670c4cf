"""Administrative units across time: the country, provinces, (historic) districts and communes.

A unit is identified by its edition, level and code together: codes were reused by the 2025 reform
(province 80 was Long An and is Tây Ninh now), so a bare code never identifies a unit.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.lib.vnformat import format_date_short


class Unit(models.Model):
    class Edition(models.TextChoices):
        PRE_2025 = "pre2025", _("Trước sắp xếp năm 2025")
        CURRENT = "2025", _("Từ sắp xếp năm 2025")

    class Level(models.TextChoices):
        COUNTRY = "country", _("Cả nước")
        PROVINCE = "province", _("Cấp tỉnh")
        DISTRICT = "district", _("Cấp huyện")
        COMMUNE = "commune", _("Cấp xã")

    edition = models.CharField(_("phiên bản danh mục"), max_length=8, choices=Edition.choices)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    code = models.CharField(_("mã"), max_length=10)
    name = models.CharField(_("tên"), max_length=120)
    folded_name = models.CharField(
        _("tên không dấu"), max_length=120, editable=False, help_text=_("Tên viết thường, bỏ dấu, để tra cứu.")
    )
    division_type = models.CharField(_("loại đơn vị"), max_length=40, blank=True)
    codename = models.CharField(_("tên mã"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("đơn vị cấp trên"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["level", "name"]
        constraints = [
            models.UniqueConstraint(fields=["edition", "level", "code"], name="unit_unique_edition_level_code"),
        ]
        indexes = [models.Index(fields=["folded_name"]), models.Index(fields=["level", "valid_to"])]

    def __str__(self) -> str:
        if self.valid_to is None:
            return self.name
        return _("%(name)s (đến %(date)s)") % {"name": self.name, "date": format_date_short(self.valid_to)}

    @property
    def key(self) -> str:
        """A stable text identifier such as ``pre2025/commune/29239``, used by the CLI and the API."""
        return f"{self.edition}/{self.level}/{self.code}"

    def is_valid_on(self, day: datetime.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class UnitSuccession(models.Model):
    """An old unit (wholly or partly) became a new one on ``effective_on``."""

    predecessor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị cũ"), on_delete=models.CASCADE, related_name="successions_out"
    )
    successor = models.ForeignKey(
        Unit, verbose_name=_("đơn vị mới"), on_delete=models.CASCADE, related_name="successions_in"
    )
    effective_on = models.DateField(_("ngày hiệu lực"))
    is_partial = models.BooleanField(
        _("chỉ một phần"), default=False, help_text=_("Đơn vị cũ được chia, chỉ một phần nhập vào đơn vị mới.")
    )

    class Meta:
        verbose_name = _("kế thừa đơn vị hành chính")
        verbose_name_plural = _("kế thừa đơn vị hành chính")
        constraints = [
            models.UniqueConstraint(fields=["predecessor", "successor"], name="unit_succession_unique_pair"),
        ]

    def __str__(self) -> str:
        return f"{self.predecessor.name} → {self.successor.name}"
