"""Yearly plans (Kế hoạch) of the committees, their tasks with lead and coordinating units and time windows,
and the progress the lead units record.

Time windows are stored as ISO-like texts ("2024-Q2", "2024-12", "2024", "2022-07-01..2023-03-31"); see
``hangviet.lib.timewindows``. A task is overdue on a day when it is not done and its last window has ended.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.indicators.models import Indicator
from hangviet.lib.timewindows import Window, format_windows, windows_end
from hangviet.orgs.models import Organisation


class LegalBasis(models.Model):
    """A directive or plan that other plans cite ("Căn cứ Chỉ thị số 03-CT/TW ngày 19/5/2021 ...")."""

    number_symbol = models.CharField(_("số, ký hiệu"), max_length=80, unique=True)
    kind = models.CharField(_("loại văn bản"), max_length=40)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issuer = models.CharField(_("cơ quan ban hành"), max_length=255, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("văn bản căn cứ")
        verbose_name_plural = _("văn bản căn cứ")
        ordering = ["issued_on", "number_symbol"]

    def __str__(self) -> str:
        return f"{self.kind} số {self.number_symbol}"


class Plan(models.Model):
    class Source(models.TextChoices):
        MANUAL = "manual", _("Lập trên hệ thống")
        IMPORTED = "imported", _("Nhập từ văn bản")
        CASCADED = "cascaded", _("Cụ thể hóa kế hoạch cấp trên")
        FOLLOW_UP = "follow_up", _("Kiến nghị sau kiểm tra, giám sát")

    committee = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="plans")
    year = models.PositiveSmallIntegerField(_("năm"))
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=80, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    title = models.CharField(_("trích yếu"), max_length=500)
    purpose = models.TextField(_("mục đích"), blank=True)
    requirements = models.TextField(_("yêu cầu"), blank=True)
    focus = models.TextField(_("nội dung trọng tâm"), blank=True)
    legal_bases = models.ManyToManyField(LegalBasis, blank=True, related_name="plans", verbose_name=_("căn cứ"))
    legal_basis_text = models.TextField(_("các căn cứ (nguyên văn)"), blank=True)
    parent_plan = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cascades",
        verbose_name=_("kế hoạch cấp trên"),
    )
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    source_file = models.FileField(_("tệp gốc"), upload_to="plans/%Y/", blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("kế hoạch")
        verbose_name_plural = _("kế hoạch")
        ordering = ["-year", "-created_at"]

    def __str__(self) -> str:
        return self.title


class Task(models.Model):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Chưa thực hiện")
        IN_PROGRESS = "in_progress", _("Đang thực hiện")
        DONE = "done", _("Đã hoàn thành")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="tasks")
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    ref = models.CharField(_("mục"), max_length=20)
    order = models.PositiveIntegerField(default=0)
    section = models.CharField(_("thuộc phần"), max_length=255, blank=True)
    content = models.TextField(_("nội dung"))
    lead = models.ForeignKey(
        Organisation,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="led_tasks",
        verbose_name=_("đơn vị chủ trì"),
    )
    lead_name = models.CharField(_("đơn vị chủ trì (nguyên văn)"), max_length=255, blank=True)
    coordinating = models.ManyToManyField(
        Organisation, blank=True, related_name="coordinated_tasks", verbose_name=_("đơn vị phối hợp")
    )
    coordinating_text = models.CharField(_("đơn vị phối hợp (nguyên văn)"), max_length=500, blank=True)
    windows = models.JSONField(_("thời gian"), default=list, help_text=_("Ví dụ: 2024-Q2, 2024-12, 2024."))
    expected_output = models.CharField(_("sản phẩm, kết quả"), max_length=500, blank=True)
    indicators = models.ManyToManyField(Indicator, blank=True, related_name="+", verbose_name=_("chỉ tiêu liên quan"))
    source_task = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="cascaded",
        verbose_name=_("nhiệm vụ cấp trên"),
    )
    status = models.CharField(_("tiến độ"), max_length=12, choices=Status.choices, default=Status.NOT_STARTED)
    progress_note = models.TextField(_("ghi chú tiến độ"), blank=True)
    progress_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("nhiệm vụ")
        verbose_name_plural = _("nhiệm vụ")
        ordering = ["plan", "order"]
        indexes = [models.Index(fields=["lead", "status"])]

    def __str__(self) -> str:
        return f"{self.ref} {self.content[:60]}"

    @property
    def parsed_windows(self) -> list[Window]:
        return [Window.from_iso(text) for text in self.windows]

    @property
    def due_on(self) -> datetime.date | None:
        return windows_end(self.parsed_windows)

    @property
    def when_label(self) -> str:
        return format_windows(self.parsed_windows) or str(_("Không ghi thời gian"))

    def is_overdue_on(self, day: datetime.date) -> bool:
        due = self.due_on
        return self.status != self.Status.DONE and due is not None and due < day


class TaskProgress(models.Model):
    """One progress update of a task by its lead unit, with an optional evidence file."""

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="progress")
    status = models.CharField(max_length=12, choices=Task.Status.choices)
    note = models.TextField(_("ghi chú"), blank=True)
    evidence = models.FileField(_("minh chứng"), upload_to="plans/evidence/%Y/", blank=True)
    evidence_name = models.CharField(max_length=255, blank=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("cập nhật tiến độ")
        verbose_name_plural = _("cập nhật tiến độ")
        ordering = ["-at", "-id"]

    def __str__(self) -> str:
        return f"{self.task_id}: {self.status}"
