"""Notices to users: one row per event and recipient, shown in the app and, by the user's choice, e-mailed.

The row is written in the same transaction as the action it tells of (a report returned, a document issued), so
it exists exactly when the action does; the e-mail is sent afterwards by a task (``tasks.py``) and its delivery is
recorded on the row (``email_status``), so nothing is lost when the worker is down and nothing is sent twice.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Báo cáo gửi đến")
        RETURNED = "returned", _("Báo cáo bị trả lại")
        ACCEPTED = "accepted", _("Báo cáo được tiếp nhận")
        DEADLINE_UPCOMING = "deadline_upcoming", _("Sắp đến hạn gửi báo cáo")
        DEADLINE_PASSED = "deadline_passed", _("Quá hạn gửi báo cáo")
        REMINDER = "reminder", _("Đề nghị gửi báo cáo")
        TASK_OVERDUE = "task_overdue", _("Nhiệm vụ quá hạn")
        DOCUMENT_ISSUED = "document_issued", _("Văn bản gửi đến")
        OTHER = "other", _("Thông báo khác")

    class EmailStatus(models.TextChoices):
        PENDING = "pending", _("Chờ gửi thư")
        SENT = "sent", _("Đã gửi thư")
        SKIPPED = "skipped", _("Không gửi thư")
        FAILED = "failed", _("Gửi thư không được")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("người nhận")
    )
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    event_key = models.CharField(
        _("sự kiện"), max_length=120, help_text=_("Một sự kiện chỉ báo một lần cho mỗi người.")
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"), blank=True)
    link = models.CharField(_("đường dẫn"), max_length=500, blank=True)
    created_at = models.DateTimeField(_("lúc"), auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    email_status = models.CharField(
        _("thư điện tử"), max_length=8, choices=EmailStatus.choices, default=EmailStatus.SKIPPED
    )
    email_to = models.EmailField(_("gửi đến địa chỉ"), blank=True)
    email_sent_at = models.DateTimeField(_("gửi thư lúc"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(_("số lần thử gửi"), default=0)
    last_error = models.CharField(_("lỗi lần gửi trước"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["event_key", "recipient"], name="notification_once_per_event"),
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["email_status", "created_at"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


class Preference(models.Model):
    """How a user wants to be told: by e-mail as well as in the app, or in the app only."""

    class Channel(models.TextChoices):
        EMAIL = "email", _("Thư điện tử và trên hệ thống")
        IN_APP = "in_app", _("Chỉ trên hệ thống (không gửi thư)")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    channel = models.CharField(_("nhận thông báo qua"), max_length=8, choices=Channel.choices, default=Channel.EMAIL)

    class Meta:
        verbose_name = _("cách nhận thông báo")
        verbose_name_plural = _("cách nhận thông báo")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.channel}"
