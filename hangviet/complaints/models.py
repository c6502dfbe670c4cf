"""Consumer reports (phản ánh): filed by anyone on the portal or entered by an intake organisation, routed to the
body responsible for the place, followed by their tracking code. The reporter's contact is private."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.orgs.models import Organisation
from hangviet.registry.models import Place
from hangviet.units.models import Unit


class Route(models.Model):
    """Who receives the reports of a (current) province: its market-control office or the committee's standing
    office. Without a row, the province's committee receives them."""

    province = models.OneToOneField(
        Unit,
        verbose_name=_("tỉnh, thành phố"),
        on_delete=models.PROTECT,
        related_name="+",
        limit_choices_to={"level": Unit.Level.PROVINCE, "valid_to__isnull": True},
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan tiếp nhận"), on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(_("cập nhật lúc"), auto_now=True)

    class Meta:
        verbose_name = _("phân luồng phản ánh")
        verbose_name_plural = _("phân luồng phản ánh")

    def __str__(self) -> str:
        return f"{self.province.name} → {self.organisation.name}"


class ConsumerReport(models.Model):
    class Channel(models.TextChoices):
        PORTAL = "portal", _("Cổng thông tin")
        OFFLINE = "offline", _("Qua tổ chức tiếp nhận (trực tiếp, điện thoại, thư)")

    class Category(models.TextChoices):
        FAKE = "fake", _("Hàng giả, hàng nhái")
        POOR_QUALITY = "poor_quality", _("Hàng kém chất lượng")
        SMUGGLED = "smuggled", _("Hàng nhập lậu")
        UNKNOWN_ORIGIN = "unknown_origin", _("Hàng không rõ nguồn gốc")
        FOOD_SAFETY = "food_safety", _("Không bảo đảm an toàn thực phẩm")
        PRICE = "price", _("Giá cả, niêm yết giá")
        ADVERTISING = "advertising", _("Quảng cáo sai sự thật")
        OTHER = "other", _("Khác")

    class Status(models.TextChoices):
        RECEIVED = "received", _("Đã tiếp nhận")
        FORWARDED = "forwarded", _("Đã chuyển cơ quan có thẩm quyền")
        NEEDS_INFO = "needs_info", _("Cần bổ sung thông tin")
        HANDLED = "handled", _("Đã xử lý")

    class Outcome(models.TextChoices):
        NONE = "", _("Chưa có")
        RESOLVED = "resolved", _("Đã xử lý")
        UNFOUNDED = "unfounded", _("Không đủ căn cứ")
        DUPLICATE = "duplicate", _("Trùng phản ánh khác")

    code = models.CharField(_("mã theo dõi"), max_length=20, unique=True)
    channel = models.CharField(_("kênh tiếp nhận"), max_length=10, choices=Channel.choices, default=Channel.PORTAL)
    category = models.CharField(_("loại phản ánh"), max_length=20, choices=Category.choices, default=Category.OTHER)
    description = models.TextField(_("nội dung phản ánh"), max_length=4000)
    product = models.CharField(_("sản phẩm, nhãn hiệu"), max_length=200, blank=True)
    place = models.ForeignKey(Place, verbose_name=_("nơi phát hiện"), on_delete=models.PROTECT, related_name="+")
    seen_on = models.DateField(_("ngày phát hiện"), null=True, blank=True)
    photo = models.FileField(_("ảnh"), upload_to="phan-anh/%Y/%m/", blank=True)
    # Private: shown only to the receiving body (and the intake organisation that wrote it down).
    contact_name = models.CharField(_("họ tên người phản ánh"), max_length=120, blank=True)
    contact = models.CharField(_("điện thoại hoặc thư điện tử"), max_length=200, blank=True)
    intake_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("tổ chức tiếp nhận ban đầu"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    receiver = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan đang xử lý"), on_delete=models.PROTECT, related_name="+"
    )
    status = models.CharField(_("tình trạng"), max_length=12, choices=Status.choices, default=Status.RECEIVED)
    outcome = models.CharField(_("kết quả"), max_length=12, choices=Outcome.choices, blank=True)
    information_request = models.TextField(_("thông tin cần bổ sung"), blank=True)
    public_answer = models.TextField(_("trả lời công khai"), blank=True)
    case_reference = models.CharField(_("số hồ sơ vụ việc kiểm tra"), max_length=120, blank=True)
    received_at = models.DateTimeField(_("tiếp nhận lúc"), auto_now_add=True)
    handled_at = models.DateTimeField(_("xử lý xong lúc"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("phản ánh")
        verbose_name_plural = _("phản ánh")
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["receiver", "status"]), models.Index(fields=["received_at"])]

    def __str__(self) -> str:
        return self.code


class ReportStep(models.Model):
    """One step in a report's handling, shown to the bodies that read it (the public sees only the status)."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Tiếp nhận")
        FORWARDED = "forwarded", _("Chuyển xử lý")
        INFO_REQUESTED = "info_requested", _("Đề nghị bổ sung thông tin")
        INFO_ADDED = "info_added", _("Người phản ánh bổ sung thông tin")
        HANDLED = "handled", _("Trả lời, kết thúc")

    report = models.ForeignKey(ConsumerReport, on_delete=models.CASCADE, related_name="steps")
    kind = models.CharField(_("bước"), max_length=16, choices=Kind.choices)
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("cơ quan"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    to_organisation = models.ForeignKey(
        Organisation, verbose_name=_("chuyển đến"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(_("ghi chú"), blank=True)
    at = models.DateTimeField(_("lúc"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id}: {self.kind}"
