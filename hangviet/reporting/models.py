"""Periodic reports: one per organisation and period, with values, narrative sections, notes on
warnings, attachments, and the history of every value change.

Each organisation reports its own activity; a committee's figures for a period are computed from its
reporters (see ``consolidation``), never typed in twice. A report imported from an old consolidated
document stands alone for that period.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.indicators.models import Indicator, ValidationRule
from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period
from hangviet.units.models import Unit


class Section(models.TextChoices):
    """The narrative sections of a report, in the order the real reports use."""

    PROPAGANDA = "propaganda", _("I.1. Công tác tuyên truyền, vận động")
    STATE_AND_BUSINESS = "state_business", _("I.2. Công tác quản lý nhà nước và hoạt động của doanh nghiệp")
    FRONT_AND_UNIONS = "front_unions", _("I.3. Hoạt động của MTTQ Việt Nam và các tổ chức chính trị - xã hội")
    STRENGTHS = "strengths", _("II.1. Ưu điểm")
    LIMITATIONS = "limitations", _("II.2. Hạn chế")
    DIRECTIONS = "directions", _("III. Phương hướng, nhiệm vụ kỳ tới")
    PROPOSALS = "proposals", _("IV. Đề xuất, kiến nghị")


class ReportForm(models.Model):
    """Which indicators and narrative sections a kind of reporter fills in."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    name = models.CharField(_("tên mẫu"), max_length=120)
    indicators = models.ManyToManyField(Indicator, verbose_name=_("chỉ tiêu"), related_name="forms")
    sections = models.JSONField(_("phần thuyết minh"), default=list)

    class Meta:
        verbose_name = _("mẫu báo cáo")
        verbose_name_plural = _("mẫu báo cáo")

    def __str__(self) -> str:
        return self.name


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã gửi, chờ duyệt")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    class Source(models.TextChoices):
        MANUAL = "manual", _("Nhập trên hệ thống")
        EXCEL = "excel", _("Nhập từ tệp Excel")
        DOCUMENT = "document", _("Nhập từ văn bản báo cáo")

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị báo cáo"), on_delete=models.PROTECT, related_name="reports"
    )
    period = models.ForeignKey(Period, verbose_name=_("kỳ báo cáo"), on_delete=models.PROTECT, related_name="reports")
    form = models.ForeignKey(ReportForm, verbose_name=_("mẫu báo cáo"), on_delete=models.PROTECT, related_name="+")
    province = models.ForeignKey(
        Unit,
        verbose_name=_("tỉnh, thành phố hiện nay"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Tỉnh hiện nay mà đơn vị báo cáo thuộc về (kể cả đơn vị cũ), để tổng hợp."),
    )
    status = models.CharField(_("trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    version = models.PositiveIntegerField(_("phiên bản"), default=1)
    created_at = models.DateTimeField(_("tạo lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(_("gửi lúc"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("duyệt lúc"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    return_reason = models.TextField(_("lý do trả lại"), blank=True)
    resubmit_note = models.TextField(
        _("giải trình khi gửi lại"),
        blank=True,
        help_text=_("Đơn vị giải trình việc đã sửa khi gửi lại báo cáo bị trả lại; Cơ quan thường trực đọc khi duyệt."),
    )

    class Meta:
        verbose_name = _("báo cáo")
        verbose_name_plural = _("báo cáo")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period"], name="report_unique_organisation_period"),
        ]
        indexes = [models.Index(fields=["period", "status", "province"])]

    def __str__(self) -> str:
        return f"{self.organisation} – {self.period}"

    @property
    def is_editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    value = models.DecimalField(_("giá trị"), max_digits=20, decimal_places=2)

    class Meta:
        verbose_name = _("số liệu")
        verbose_name_plural = _("số liệu")
        constraints = [models.UniqueConstraint(fields=["report", "indicator"], name="report_value_unique")]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.value}"


class ReportText(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="texts")
    section = models.CharField(_("phần"), max_length=20, choices=Section.choices)
    text = models.TextField(_("nội dung"), blank=True)

    class Meta:
        verbose_name = _("thuyết minh")
        verbose_name_plural = _("thuyết minh")
        constraints = [models.UniqueConstraint(fields=["report", "section"], name="report_text_unique")]

    def __str__(self) -> str:
        return self.get_section_display()


class WarningNote(models.Model):
    """The reporter's explanation for a warning ("giải trình"); ``indicator`` is blank for report-wide rules."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="warning_notes")
    rule = models.ForeignKey(ValidationRule, on_delete=models.CASCADE, related_name="+")
    indicator_code = models.CharField(max_length=60, blank=True)
    comment = models.TextField(_("giải trình"))

    class Meta:
        verbose_name = _("giải trình cảnh báo")
        verbose_name_plural = _("giải trình cảnh báo")
        constraints = [
            models.UniqueConstraint(fields=["report", "rule", "indicator_code"], name="warning_note_unique"),
        ]

    def __str__(self) -> str:
        return self.comment[:80]


class ValueChange(models.Model):
    """Who changed which value of a report, when, from what to what."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="value_changes")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="+")
    old_value = models.DecimalField(max_digits=20, decimal_places=2, null=True)
    new_value = models.DecimalField(max_digits=20, decimal_places=2, null=True)
    changed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lịch sử sửa số liệu")
        verbose_name_plural = _("lịch sử sửa số liệu")
        ordering = ["-changed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.indicator_id}: {self.old_value} → {self.new_value}"


class Attachment(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(_("tệp"), upload_to="reports/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    size = models.PositiveIntegerField(_("dung lượng (byte)"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("tệp đính kèm")
        verbose_name_plural = _("tệp đính kèm")

    def __str__(self) -> str:
        return self.original_name


class Reminder(models.Model):
    """A reminder e-mailed to a reporter, at most one of each kind per day."""

    class Kind(models.TextChoices):
        UPCOMING = "upcoming", _("Sắp đến hạn")
        OVERDUE = "overdue", _("Quá hạn")
        MANUAL = "manual", _("Nhắc thủ công")

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    sent_on = models.DateField()
    recipients = models.TextField(blank=True)

    class Meta:
        verbose_name = _("nhắc nhở")
        verbose_name_plural = _("nhắc nhở")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "period", "kind", "sent_on"], name="reminder_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.sent_on}"


class Total(models.Model):
    """The live total of one indicator over the accepted reports of an organisation's whole subtree (itself,
    its children and the organisations merged into it, recursively) for one period.

    Maintained by ``reporting.totals`` inside the transaction that accepts or reopens a report; rebuilt and
    checked from the values by ``hangviet totals``. ``value`` is the sum and ``count`` the number of values
    behind it: a ratio stands only when one value does (``indicators.aggregation``). Derived data: no
    foreign-key constraints in the database (a national rebuild would spend longer checking millions of rows
    than summing them); deletes still cascade through Django."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    value = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("tổng số liệu")
        verbose_name_plural = _("tổng số liệu")
        constraints = [
            # On PostgreSQL the index behind it also covers value and count (migration 0005): a province's
            # table reads its 4,500 totals from the index alone.
            models.UniqueConstraint(fields=["period", "organisation", "indicator"], name="total_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.period_id}/{self.indicator_id}: {self.value}"


class ReportCount(models.Model):
    """How many accepted reports an organisation's subtree holds for a period (maintained with ``Total``)."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    reports = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số báo cáo đã tiếp nhận")
        verbose_name_plural = _("số báo cáo đã tiếp nhận")
        constraints = [
            models.UniqueConstraint(fields=["period", "organisation"], name="report_count_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id}/{self.period_id}: {self.reports}"


class StockPart(models.Model):
    """A stock kept by one level (``Indicator.owner_level``) inside one organisation of that level (the
    scope: a province committee, with its agencies and everything below it), split by who reported it: the
    scope's own level (``owner_*``) or below it (``below_*``). While the owner part holds a value, the totals
    of the scope and of every node above it count the owner part only; the below part still counts in the
    nodes below the scope. Maintained with ``Total`` (``reporting.totals``); the table reads it to say which
    figure it used."""

    period = models.ForeignKey(Period, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    scope = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", db_constraint=False)
    owner_value = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    owner_count = models.IntegerField(default=0)
    below_value = models.DecimalField(max_digits=24, decimal_places=2, default=0)
    below_count = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("số liệu cấp nắm giữ")
        verbose_name_plural = _("số liệu cấp nắm giữ")
        constraints = [
            models.UniqueConstraint(fields=["period", "scope", "indicator"], name="stock_part_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.scope_id}/{self.period_id}/{self.indicator_id}: {self.owner_value} | {self.below_value}"
