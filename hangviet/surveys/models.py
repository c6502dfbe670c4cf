"""Surveys (điều tra xã hội học, khảo sát): an office builds one, opens it for a window over its area; the public
answers online (once per device), surveyors enter paper forms; results carry their denominators."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.orgs.models import Organisation
from hangviet.units.models import Unit


class Survey(models.Model):
    class Kind(models.TextChoices):
        SOCIOLOGICAL = "sociological", _("Điều tra xã hội học")
        OPINION = "opinion", _("Điều tra dư luận xã hội")
        BUSINESS = "business", _("Khảo sát doanh nghiệp")
        MARKET = "market", _("Khảo sát thị trường (siêu thị, chợ, trung tâm thương mại)")
        THEMATIC = "thematic", _("Khảo sát chuyên đề")

    owner = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    title = models.CharField(_("tên cuộc khảo sát"), max_length=255)
    kind = models.CharField(_("loại"), max_length=16, choices=Kind.choices, default=Kind.SOCIOLOGICAL)
    slug = models.SlugField(_("đường dẫn"), max_length=80, unique=True)
    intro = models.TextField(_("lời giới thiệu"), blank=True)
    area = models.ForeignKey(Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+")
    opens_on = models.DateField(_("mở từ ngày"))
    closes_on = models.DateField(_("đóng sau ngày"))
    target_share_pct = models.DecimalField(
        _("chỉ tiêu tỷ lệ hàng Việt (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cuộc khảo sát")
        verbose_name_plural = _("cuộc khảo sát")
        ordering = ["-opens_on", "-id"]

    def __str__(self) -> str:
        return self.title

    def is_open_on(self, day: datetime.date) -> bool:
        return self.opens_on <= day <= self.closes_on


class Question(models.Model):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Chọn một")
        MULTIPLE = "multiple", _("Chọn nhiều")
        SCALE = "scale", _("Thang điểm 1–5")
        TEXT = "text", _("Trả lời ngắn")
        SHELF = "shelf", _("Số mặt hàng Việt / tổng số mặt hàng trên quầy")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    order = models.PositiveSmallIntegerField(default=0)
    text = models.CharField(_("câu hỏi"), max_length=500)
    kind = models.CharField(_("loại câu hỏi"), max_length=10, choices=Kind.choices, default=Kind.SINGLE)
    options = models.TextField(_("các phương án (mỗi dòng một phương án)"), blank=True)
    required = models.BooleanField(_("bắt buộc trả lời"), default=True)

    class Meta:
        ordering = ["order", "id"]

    def __str__(self) -> str:
        return self.text

    @property
    def option_list(self) -> list[str]:
        return [line.strip() for line in self.options.splitlines() if line.strip()]


class Response(models.Model):
    class Channel(models.TextChoices):
        ONLINE = "online", _("Trực tuyến")
        PAPER = "paper", _("Phiếu giấy")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    unit = models.ForeignKey(Unit, verbose_name=_("địa bàn"), on_delete=models.PROTECT, related_name="+")
    channel = models.CharField(_("hình thức"), max_length=8, choices=Channel.choices)
    device_key = models.CharField(max_length=64, blank=True)  # a hash of the device (online answers only)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["survey", "device_key"],
                condition=~models.Q(device_key=""),
                name="survey_one_answer_per_device",
            )
        ]

    def __str__(self) -> str:
        return f"{self.survey_id}/{self.pk}"


class Answer(models.Model):
    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    choices = models.JSONField(default=list, blank=True)  # indexes into the question's options
    scale = models.PositiveSmallIntegerField(null=True, blank=True)
    text = models.CharField(max_length=500, blank=True)
    viet_items = models.PositiveIntegerField(null=True, blank=True)
    total_items = models.PositiveIntegerField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.response_id}/{self.question_id}"
