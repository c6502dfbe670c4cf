"""The campaign's registries: what the committees and agencies do and keep, recorded once, when it happens.

Every row is recorded by one organisation (``recorded_by``), the one responsible; the permission policy reads
and writes it through that organisation (``orgs/policy.py``). Places are kept as written and resolved to
units across the 2025 reform; ``PlaceArea`` lists every unit, old and current, whose area holds a place, so
that stocks are counted by area with one join. Indicators are computed from these rows by ``figures.py``.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.db.models.functions import Now
from django.utils.translation import gettext_lazy as _

from hangviet.orgs.models import Organisation
from hangviet.registry.catalogue import (
    CLUB_KIND_CHOICES,
    EVENT_KIND_CHOICES,
    SALE_POINT_KIND_CHOICES,
    Qualifier,
)
from hangviet.units.models import Unit


class Source(models.TextChoices):
    MANUAL = "manual", _("Nhập trên hệ thống")
    IMPORT = "import", _("Nhập từ danh sách (Excel, CSV)")
    DOCUMENT = "document", _("Từ văn bản báo cáo")


class Recorded(models.Model):
    """What every registry row has: who recorded it, from where, and when."""

    recorded_by = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    source = models.CharField(_("nguồn"), max_length=10, choices=Source.choices, default=Source.MANUAL)
    created_at = models.DateTimeField(_("ghi lúc"), auto_now_add=True)
    updated_at = models.DateTimeField(_("sửa lúc"), auto_now=True)

    class Meta:
        abstract = True


class Place(models.Model):
    """A place as the document wrote it, and the unit it resolved to on the day it was meant.

    An unresolved place keeps its text, is flagged (``unit`` empty) and counts in the area of ``context_unit``
    (the unit of whoever recorded it), never dropped.
    """

    class SiteKind(models.TextChoices):
        NONE = "", _("Không rõ")
        TOURIST_SITE = "tourist_site", _("Khu du lịch")
        HERITAGE_SITE = "heritage_site", _("Khu di tích")
        MARKET = "market", _("Chợ")
        SUPERMARKET = "supermarket", _("Siêu thị")
        MALL = "mall", _("Trung tâm thương mại")
        INDUSTRIAL_ZONE = "industrial_zone", _("Khu, cụm công nghiệp")
        HOSPITAL = "hospital", _("Bệnh viện")
        SCHOOL = "school", _("Trường học")
        VENUE = "venue", _("Nhà thi đấu, hội trường, quảng trường")
        OTHER = "other", _("Khác")

    text = models.CharField(_("địa điểm như văn bản ghi"), max_length=500, blank=True)
    on_date = models.DateField(_("tại thời điểm"), null=True, blank=True)
    unit = models.ForeignKey(
        Unit, verbose_name=_("đơn vị hành chính"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    context_unit = models.ForeignKey(
        Unit,
        verbose_name=_("địa bàn của đơn vị ghi nhận"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Dùng khi chưa xác định được đơn vị hành chính của địa điểm."),
    )
    locality = models.CharField(_("ấp, khóm, khu phố, tổ dân phố"), max_length=200, blank=True)
    street_address = models.CharField(_("số nhà, đường"), max_length=255, blank=True)
    site_kind = models.CharField(_("loại địa điểm"), max_length=20, choices=SiteKind.choices, blank=True)
    latitude = models.DecimalField(_("vĩ độ"), max_digits=9, decimal_places=6, null=True, blank=True)
    longitude = models.DecimalField(_("kinh độ"), max_digits=9, decimal_places=6, null=True, blank=True)

    class Meta:
        verbose_name = _("địa điểm")
        verbose_name_plural = _("địa điểm")
        constraints = [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90), name="place_latitude"
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name="place_longitude",
            ),
        ]

    def __str__(self) -> str:
        return self.text or (str(self.unit) if self.unit else str(_("(chưa rõ địa điểm)")))

    @property
    def is_resolved(self) -> bool:
        return self.unit_id is not None

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None


class PlaceArea(models.Model):
    """``unit``'s area holds ``place`` (every ancestor, before and after the 2025 reform)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="areas")
    unit = models.ForeignKey(Unit, on_delete=models.CASCADE, related_name="+")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["unit", "place"], name="place_area_unique")]

    def __str__(self) -> str:
        return f"{self.place_id} ∈ {self.unit_id}"


class Producer(Recorded):
    """A chủ thể: a business, cooperative, household business or producer the registries point at."""

    class LegalForm(models.TextChoices):
        COMPANY = "company", _("Doanh nghiệp")
        COOPERATIVE = "cooperative", _("Hợp tác xã")
        COOPERATIVE_GROUP = "coop_group", _("Tổ hợp tác")
        HOUSEHOLD_BUSINESS = "household", _("Hộ kinh doanh")
        WORKSHOP = "workshop", _("Cơ sở sản xuất")
        CRAFT_VILLAGE = "craft_village", _("Làng nghề")
        FARMER = "farmer", _("Hộ nông dân")
        OTHER = "other", _("Khác")

    name = models.CharField(_("tên chủ thể"), max_length=255)
    folded_name = models.CharField(max_length=255, editable=False, db_index=True)
    legal_form = models.CharField(_("loại hình"), max_length=16, choices=LegalForm.choices, default=LegalForm.OTHER)
    is_sme = models.BooleanField(_("doanh nghiệp nhỏ và vừa"), default=False)
    is_women_led = models.BooleanField(_("do phụ nữ làm chủ"), default=False)
    tax_code = models.CharField(_("mã số thuế, mã số đăng ký"), max_length=20, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("địa chỉ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.CharField(_("ngành hàng"), max_length=120, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("thuộc liên minh, tổ chức"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
    )
    contact = models.CharField(_("liên hệ"), max_length=255, blank=True)
    is_public = models.BooleanField(_("công khai"), default=False)
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("đã gộp vào"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="merged_from",
    )

    class Meta:
        verbose_name = _("chủ thể")
        verbose_name_plural = _("chủ thể")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProducerAlias(models.Model):
    """Another way a producer's name is written (kept after a merge, used to match imported rows)."""

    producer = models.ForeignKey(Producer, on_delete=models.CASCADE, related_name="aliases")
    name = models.CharField(_("tên khác"), max_length=255)
    folded_name = models.CharField(max_length=255, db_index=True)

    class Meta:
        verbose_name = _("tên khác của chủ thể")
        verbose_name_plural = _("tên khác của chủ thể")
        constraints = [models.UniqueConstraint(fields=["producer", "folded_name"], name="producer_alias_unique")]

    def __str__(self) -> str:
        return self.name


class Figures(models.Model):
    """The figures an event (or a group entry) carries, each with its qualifier ("khoảng", "hơn")."""

    businesses = models.PositiveIntegerField(_("số doanh nghiệp, cơ sở"), null=True, blank=True)
    businesses_q = models.PositiveSmallIntegerField(choices=Qualifier.choices, default=Qualifier.EXACT)
    booths = models.PositiveIntegerField(_("số gian hàng"), null=True, blank=True)
    booths_q = models.PositiveSmallIntegerField(choices=Qualifier.choices, default=Qualifier.EXACT)
    products = models.PositiveIntegerField(_("số sản phẩm trưng bày"), null=True, blank=True)
    products_q = models.PositiveSmallIntegerField(choices=Qualifier.choices, default=Qualifier.EXACT)
    revenue_vnd = models.PositiveBigIntegerField(_("doanh thu (đồng)"), null=True, blank=True)
    revenue_vnd_q = models.PositiveSmallIntegerField(choices=Qualifier.choices, default=Qualifier.EXACT)
    visitors = models.PositiveIntegerField(_("lượt khách"), null=True, blank=True)
    visitors_q = models.PositiveSmallIntegerField(choices=Qualifier.choices, default=Qualifier.EXACT)
    tonnes = models.DecimalField(_("khối lượng hàng (tấn)"), max_digits=12, decimal_places=2, null=True, blank=True)
    tonnes_q = models.PositiveSmallIntegerField(choices=Qualifier.choices, default=Qualifier.EXACT)

    class Meta:
        abstract = True


class EventGroup(Recorded, Figures):
    """One figure a document gives for several events ("04 cuộc hội chợ ngoài tỉnh … 10 gian hàng"): linked
    to the events it covers when they are listed, or standing for ``declared_count`` unlisted ones."""

    description = models.CharField(_("mô tả như văn bản ghi"), max_length=500)
    kind = models.CharField(_("loại sự kiện"), max_length=20, choices=EVENT_KIND_CHOICES)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    declared_count = models.PositiveIntegerField(
        _("số sự kiện văn bản nêu"),
        default=0,
        help_text=_("Số sự kiện tổng số này bao gồm, kể cả sự kiện không liệt kê."),
    )

    class Meta:
        verbose_name = _("số liệu gộp nhiều sự kiện")
        verbose_name_plural = _("số liệu gộp nhiều sự kiện")
        constraints = [
            models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="event_group_window"),
        ]

    def __str__(self) -> str:
        return self.description


class Event(Recorded, Figures):
    """A fair, a market, a connection conference, a display or a delivery: recorded once, by its lead."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Dự kiến")
        DONE = "done", _("Đã tổ chức")
        CANCELLED = "cancelled", _("Đã hủy")

    name = models.CharField(_("tên sự kiện"), max_length=500)
    kind = models.CharField(_("loại sự kiện"), max_length=20, choices=EVENT_KIND_CHOICES)
    programme = models.CharField(_("thuộc chương trình"), max_length=255, blank=True)
    theme = models.CharField(_("chủ đề"), max_length=255, blank=True)
    edition = models.CharField(_("lần thứ"), max_length=40, blank=True)
    starts_on = models.DateField(_("từ ngày"))
    ends_on = models.DateField(_("đến ngày"))
    when_text = models.CharField(_("thời gian như văn bản ghi"), max_length=120, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("địa điểm"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("tình trạng"), max_length=10, choices=Status.choices, default=Status.DONE)
    group = models.ForeignKey(
        EventGroup,
        verbose_name=_("thuộc số liệu gộp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    note = models.TextField(_("ghi chú"), blank=True)
    is_public = models.BooleanField(_("công khai"), default=True)

    class Meta:
        verbose_name = _("sự kiện xúc tiến thương mại")
        verbose_name_plural = _("sự kiện xúc tiến thương mại")
        ordering = ["-starts_on", "name"]
        indexes = [models.Index(fields=["starts_on", "status"])]
        constraints = [models.CheckConstraint(condition=Q(ends_on__gte=models.F("starts_on")), name="event_window")]

    def __str__(self) -> str:
        return self.name


class EventOrganiser(models.Model):
    """An organisation that took part in organising an event, with its role; an outside body by name."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Chủ trì, tổ chức")
        CO_ORGANISER = "co_organiser", _("Phối hợp tổ chức")
        PARTICIPANT = "participant", _("Tham gia")
        MOBILISER = "mobiliser", _("Vận động doanh nghiệp tham gia")

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="organisers")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    name = models.CharField(_("tên như văn bản ghi"), max_length=255, blank=True)
    role = models.CharField(_("vai trò"), max_length=14, choices=Role.choices, default=Role.CO_ORGANISER)

    class Meta:
        verbose_name = _("đơn vị tổ chức, tham gia")
        verbose_name_plural = _("đơn vị tổ chức, tham gia")
        constraints = [
            models.UniqueConstraint(
                fields=["event", "organisation"], condition=Q(organisation__isnull=False), name="event_organiser_once"
            ),
            models.CheckConstraint(condition=Q(organisation__isnull=False) | ~Q(name=""), name="event_organiser_named"),
        ]
        indexes = [models.Index(fields=["organisation", "event"])]

    def __str__(self) -> str:
        return self.name or str(self.organisation)


class OcopProduct(Recorded):
    """A product in the OCOP programme (or another featured product); its stars come from recognitions."""

    name = models.CharField(_("tên sản phẩm"), max_length=255)
    folded_name = models.CharField(max_length=255, editable=False, db_index=True)
    producer = models.ForeignKey(
        Producer, verbose_name=_("chủ thể"), null=True, blank=True, on_delete=models.PROTECT, related_name="products"
    )
    place = models.ForeignKey(
        Place, verbose_name=_("nơi sản xuất"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    category = models.CharField(_("nhóm sản phẩm"), max_length=120, blank=True)
    description = models.TextField(_("mô tả"), blank=True)
    is_public = models.BooleanField(_("công khai"), default=True)
    # Kept by registry/search.py (refresh_products) for the public catalogue: never typed, never edited.
    search_text = models.TextField(editable=False, blank=True, default="")
    latest_stars = models.PositiveSmallIntegerField(editable=False, null=True, blank=True)
    latest_from = models.DateField(editable=False, null=True, blank=True)
    latest_until = models.DateField(editable=False, null=True, blank=True)

    class Meta:
        verbose_name = _("sản phẩm OCOP")
        verbose_name_plural = _("sản phẩm OCOP")
        ordering = ["name"]
        indexes = [models.Index(fields=["latest_stars", "latest_until"], name="ocop_latest_standing")]

    def __str__(self) -> str:
        return self.name


class OcopRecognition(models.Model):
    """A decision recognising a product at 3, 4 or 5 stars, valid from its date to ``valid_to``."""

    product = models.ForeignKey(OcopProduct, on_delete=models.CASCADE, related_name="recognitions")
    stars = models.PositiveSmallIntegerField(_("hạng sao"), choices=[(3, "3 sao"), (4, "4 sao"), (5, "5 sao")])
    decision = models.CharField(_("quyết định số"), max_length=120, blank=True)
    decided_on = models.DateField(_("ngày quyết định"))
    issuer = models.CharField(_("cơ quan công nhận"), max_length=255, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"))
    revoked_on = models.DateField(_("thu hồi ngày"), null=True, blank=True)
    revoked_reason = models.CharField(_("lý do thu hồi"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("công nhận OCOP")
        verbose_name_plural = _("công nhận OCOP")
        ordering = ["product", "decided_on"]
        indexes = [models.Index(fields=["decided_on", "valid_to"])]
        constraints = [
            models.CheckConstraint(condition=Q(stars__gte=3, stars__lte=5), name="ocop_stars_3_to_5"),
            models.CheckConstraint(condition=Q(valid_to__gte=models.F("decided_on")), name="ocop_validity"),
        ]

    def __str__(self) -> str:
        return f"{self.product} – {self.stars} sao ({self.decided_on:%d/%m/%Y})"

    def is_valid_on(self, day: datetime.date) -> bool:
        ended = self.revoked_on is not None and self.revoked_on <= day
        return self.decided_on <= day <= self.valid_to and not ended


class OcopRegistration(Recorded):
    """A product registered for the year's OCOP round: a candidate, never part of the stock."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đăng ký")
        PREPARING = "preparing", _("Đang hoàn thiện hồ sơ")
        EVALUATING = "evaluating", _("Đang đánh giá")
        RECOGNISED = "recognised", _("Được công nhận")
        FAILED = "failed", _("Không đạt")

    product = models.ForeignKey(OcopProduct, on_delete=models.CASCADE, related_name="registrations")
    year = models.PositiveSmallIntegerField(_("năm"))
    registered_on = models.DateField(_("ngày đăng ký"))
    supporter = models.CharField(_("đơn vị hỗ trợ"), max_length=255, blank=True)
    status = models.CharField(_("tình trạng"), max_length=12, choices=Status.choices, default=Status.REGISTERED)

    class Meta:
        verbose_name = _("đăng ký tham gia OCOP")
        verbose_name_plural = _("đăng ký tham gia OCOP")
        constraints = [models.UniqueConstraint(fields=["product", "year"], name="ocop_registration_once_a_year")]

    def __str__(self) -> str:
        return f"{self.product} – {self.year}"


class SalePoint(Recorded):
    """A "Tự hào hàng Việt Nam" point, an OCOP store, a union supermarket… with its operator and status."""

    class Status(models.TextChoices):
        ACTIVE = "active", _("Đang hoạt động")
        PAUSED = "paused", _("Tạm dừng")
        CLOSED = "closed", _("Đã đóng")

    name = models.CharField(_("tên điểm bán"), max_length=255)
    kind = models.CharField(_("loại điểm bán"), max_length=20, choices=SALE_POINT_KIND_CHOICES)
    operator = models.ForeignKey(
        Producer, verbose_name=_("đơn vị vận hành"), null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    operator_name = models.CharField(_("đơn vị vận hành như văn bản ghi"), max_length=255, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("địa chỉ"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("tình trạng"), max_length=8, choices=Status.choices, default=Status.ACTIVE)
    opened_on = models.DateField(_("mở từ ngày"), null=True, blank=True)
    closed_on = models.DateField(_("đóng ngày"), null=True, blank=True)
    last_verified_on = models.DateField(_("xác minh lần cuối"), null=True, blank=True)
    is_public = models.BooleanField(_("công khai"), default=True)

    class Meta:
        verbose_name = _("điểm bán hàng Việt")
        verbose_name_plural = _("điểm bán hàng Việt")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ModelArea(Recorded):
    """A model residential area "Khu dân cư tự hào dùng hàng Việt"."""

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Đăng ký xây dựng")
        RECOGNISED = "recognised", _("Đạt mô hình")
        LAPSED = "lapsed", _("Không duy trì")

    name = models.CharField(_("tên khu dân cư"), max_length=255)
    place = models.ForeignKey(
        Place, verbose_name=_("địa bàn"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    status = models.CharField(_("tình trạng"), max_length=12, choices=Status.choices, default=Status.REGISTERED)
    registered_on = models.DateField(_("đăng ký ngày"), null=True, blank=True)
    recognised_on = models.DateField(_("công nhận ngày"), null=True, blank=True)
    recognised_by = models.CharField(_("đơn vị công nhận"), max_length=255, blank=True)
    lapsed_on = models.DateField(_("không duy trì từ ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("khu dân cư tự hào dùng hàng Việt")
        verbose_name_plural = _("khu dân cư tự hào dùng hàng Việt")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Club(Recorded):
    """A club, team or group by kind; only some kinds count for the campaign (consumer clubs)."""

    name = models.CharField(_("tên câu lạc bộ, tổ, nhóm"), max_length=255)
    kind = models.CharField(_("loại"), max_length=20, choices=CLUB_KIND_CHOICES)
    owner_name = models.CharField(_("tổ chức quản lý"), max_length=255, blank=True)
    place = models.ForeignKey(
        Place, verbose_name=_("địa bàn"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    members = models.PositiveIntegerField(_("số thành viên"), default=0)
    founded_on = models.DateField(_("thành lập ngày"), null=True, blank=True)
    dissolved_on = models.DateField(_("giải thể ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("câu lạc bộ, tổ, nhóm")
        verbose_name_plural = _("câu lạc bộ, tổ, nhóm")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ImportJob(models.Model):
    """A list uploaded to be imported into a registry: checked (dry run), then imported once confirmed. Long
    lists are checked and imported by the task worker; the page follows ``rows_done``."""

    class Status(models.TextChoices):
        CHECKING = "checking", _("Đang kiểm tra")
        CHECKED = "checked", _("Đã kiểm tra, chờ xác nhận")
        IMPORTING = "importing", _("Đang nhập")
        DONE = "done", _("Đã nhập")
        FAILED = "failed", _("Không nhập được")

    kind = models.CharField(_("sổ"), max_length=12)
    recorded_by = models.ForeignKey(
        Organisation, verbose_name=_("đơn vị ghi nhận"), on_delete=models.PROTECT, related_name="+"
    )
    created_by = models.ForeignKey(
        "auth.User", verbose_name=_("người tải lên"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    file = models.FileField(_("tệp"), upload_to="registry/imports/%Y/%m/")
    original_name = models.CharField(_("tên tệp"), max_length=255)
    status = models.CharField(_("tình trạng"), max_length=10, choices=Status.choices, default=Status.CHECKING)
    rows_total = models.PositiveIntegerField(_("số dòng"), default=0)
    rows_done = models.PositiveIntegerField(_("số dòng đã xử lý"), default=0)
    preview = models.JSONField(_("kết quả chạy thử"), default=dict, blank=True)
    result = models.JSONField(_("kết quả nhập"), default=dict, blank=True)
    error = models.TextField(_("lý do không nhập được"), blank=True)
    created_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    finished_at = models.DateTimeField(_("xong lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("lần nhập danh sách")
        verbose_name_plural = _("lần nhập danh sách")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.original_name

    @property
    def percent(self) -> int:
        return round(100 * self.rows_done / self.rows_total) if self.rows_total else 0

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.CHECKING, self.Status.IMPORTING)


class FigureCache(models.Model):
    """The registries' figures of one scope and window as last computed, with the database snapshot they were
    computed in (``registry.figure_cache``): valid while no transaction that changed a table the figures read
    has committed outside that snapshot."""

    key = models.CharField(max_length=40)
    start = models.DateField()
    end = models.DateField()
    figures = models.JSONField(default=list)
    stamp = models.TextField()  # PostgreSQL: pg_current_snapshot() as text; SQLite: the change generation
    computed_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "start", "end"], name="figure_cache_unique")]

    def __str__(self) -> str:
        return f"{self.key} {self.start}–{self.end}"


class FigureChange(models.Model):
    """PostgreSQL: one row per transaction that changed a table the figures read (written by the statement
    triggers ``registry.figure_cache`` installs), by its transaction id."""

    xid = models.BigIntegerField(unique=True)
    at = models.DateTimeField(db_default=Now())

    def __str__(self) -> str:
        return str(self.xid)


class FigureGeneration(models.Model):
    """SQLite: a counter every change of a table the figures read increments (row triggers). PostgreSQL: the
    highest transaction id pruned from ``FigureChange`` (no entry computed in an older snapshot is stored)."""

    value = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return str(self.value)
