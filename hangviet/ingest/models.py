"""Report files read by the platform: the extracted text and figures, the clerk's decisions, and the
submission the figures went into."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.reporting.models import Report


class IngestDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Đang chờ đọc")
        READ = "read", _("Đã đọc, chờ xem lại")
        FAILED = "failed", _("Không đọc được")
        IMPORTED = "imported", _("Đã nhập vào báo cáo")

    batch = models.CharField(max_length=36, db_index=True)
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)
    organisation = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("đơn vị báo cáo"),
    )
    period = models.ForeignKey(
        Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("kỳ báo cáo")
    )
    file = models.FileField(_("tệp"), upload_to="ingest/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    error = models.TextField(_("lỗi"), blank=True)
    encoding = models.CharField(_("bảng mã"), max_length=10, blank=True)
    unit_guess = models.CharField(_("đơn vị nhận diện"), max_length=120, blank=True)
    period_guess = models.CharField(_("kỳ nhận diện"), max_length=10, blank=True)
    passages = models.JSONField(default=list)  # [[text, location], ...]
    facts = models.JSONField(default=list)  # extracted facts with the clerk's decisions
    proposals = models.JSONField(default=list)  # registry rows proposed from the lists, with decisions
    report = models.ForeignKey(Report, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("văn bản báo cáo tải lên")
        verbose_name_plural = _("văn bản báo cáo tải lên")
        ordering = ["-uploaded_at", "-id"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def encoding_words(self) -> str:
        """How the text was written, in words (never "unicode", "tcvn3")."""
        words = {
            "tcvn3": _("đã chuyển từ phông chữ cũ TCVN3 (.Vn) sang Unicode"),
            "vni": _("đã chuyển từ phông chữ cũ VNI sang Unicode"),
        }.get(self.encoding, _("chữ Unicode"))
        return str(words)

    @property
    def period_guess_label(self) -> str:
        """The period the document states, as its label ("6 tháng đầu năm 2023"), never its code."""
        try:
            return PeriodKey.parse(self.period_guess).label if self.period_guess else ""
        except PeriodCodeError:
            return ""
