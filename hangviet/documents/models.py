"""Official documents: drafts with versions, the register of outgoing documents, issued files.

A draft keeps every saved version (so the clerk can compare them); issuing takes the next number of the
committee's register for that year and type (154/BC-BCĐ), renders the Word file and freezes the document.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hangviet.orgs.models import Organisation
from hangviet.periods.models import Period


class DocumentType(models.TextChoices):
    REPORT = "BC", _("Báo cáo")
    PLAN = "KH", _("Kế hoạch")
    NOTICE = "TB", _("Thông báo")
    LETTER = "CV", _("Công văn")


class IssuerProfile(models.Model):
    """How a committee signs its documents: names in the header, symbol, place, signer, usual recipients."""

    committee = models.OneToOneField(Organisation, on_delete=models.CASCADE, related_name="issuer_profile")
    parent_body = models.CharField(_("cơ quan chủ quản"), max_length=255, blank=True)
    issuing_body = models.CharField(_("tên cơ quan ban hành"), max_length=255)
    symbol = models.CharField(_("ký hiệu cơ quan"), max_length=40, default="BCĐ")
    place = models.CharField(_("địa danh"), max_length=80)
    # Decree 30/2020, Appendix I: a collective body signs "TM. BAN CHỈ ĐẠO"; when a deputy signs for the head,
    # "KT. TRƯỞNG BAN" comes between that line and the deputy's own title. The signer's role lives here, on
    # the committee's profile (made from the standing vice-chair's seat on first use), not on each document.
    signing_authority = models.CharField(_("thẩm quyền ký"), max_length=80, default="TM. BAN CHỈ ĐẠO")
    signing_for = models.CharField(
        _("ký thay"),
        max_length=80,
        blank=True,
        default="KT. TRƯỞNG BAN",
        help_text=_("Để trống khi Trưởng ban ký."),
    )
    signer_position = models.CharField(_("chức vụ người ký"), max_length=80, default="PHÓ TRƯỞNG BAN THƯỜNG TRỰC")
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    recipients = models.TextField(_("nơi nhận thường dùng"), blank=True, help_text=_("Mỗi dòng một nơi nhận."))

    class Meta:
        verbose_name = _("thông tin ban hành văn bản")
        verbose_name_plural = _("thông tin ban hành văn bản")

    def __str__(self) -> str:
        return self.issuing_body


class Document(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Dự thảo")
        ISSUED = "issued", _("Đã ban hành")

    committee = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="documents")
    doc_type = models.CharField(_("loại văn bản"), max_length=3, choices=DocumentType.choices)
    period = models.ForeignKey(Period, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    # A phase review (sơ kết, tổng kết giai đoạn) covers whole years, not one period: its code, "2019-2024".
    phase_key = models.CharField(_("giai đoạn"), max_length=9, blank=True, default="")
    summary = models.CharField(_("trích yếu"), max_length=500)
    status = models.CharField(_("trạng thái"), max_length=8, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    # Filled when issued; never changed afterwards.
    number = models.PositiveIntegerField(_("số"), null=True, blank=True)
    register_year = models.PositiveSmallIntegerField(_("năm của sổ"), null=True, blank=True)
    number_symbol = models.CharField(_("số, ký hiệu"), max_length=60, blank=True)
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    signer_name = models.CharField(_("người ký"), max_length=120, blank=True)
    recipients = models.TextField(_("nơi nhận"), blank=True)
    file = models.FileField(_("tệp văn bản"), upload_to="documents/%Y/", blank=True)

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["committee", "doc_type", "register_year", "number"],
                name="document_unique_number",
                condition=models.Q(status="issued"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.number_symbol or _('Dự thảo')} – {self.summary[:80]}"

    @property
    def latest(self) -> DocumentVersion | None:
        return self.versions.order_by("-number").first()


class DocumentVersion(models.Model):
    """A saved state of the document's text: a list of blocks ``{"level": 0|1|2, "text": "..."}``."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("phiên bản"))
    blocks = models.JSONField(_("nội dung"))
    saved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    saved_at = models.DateTimeField(auto_now_add=True)
    note = models.CharField(_("ghi chú"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("phiên bản văn bản")
        verbose_name_plural = _("phiên bản văn bản")
        ordering = ["document", "number"]
        constraints = [models.UniqueConstraint(fields=["document", "number"], name="document_version_unique")]

    def __str__(self) -> str:
        return f"{self.document_id} v{self.number}"


class RegisterCounter(models.Model):
    """The last number used in a committee's register of outgoing documents, per year and type.

    Numbers restart at 01 each 1 January in the committee's own series (Decree 30/2020)."""

    committee = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    doc_type = models.CharField(max_length=3, choices=DocumentType.choices)
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ văn bản đi")
        verbose_name_plural = _("sổ văn bản đi")
        constraints = [
            models.UniqueConstraint(fields=["committee", "year", "doc_type"], name="register_counter_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.committee_id} {self.year} {self.doc_type}: {self.last_number}"


class Addressee(models.Model):
    """One "Kính gửi" line of a letter (công văn): an organisation inside hangviet, or a body outside it named as
    written. Issuing the letter puts it in each inside organisation's incoming register."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="addressees")
    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="+", verbose_name=_("tổ chức")
    )
    name = models.CharField(_("kính gửi"), max_length=255)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("nơi kính gửi")
        verbose_name_plural = _("nơi kính gửi")
        ordering = ["document", "order"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "organisation"],
                name="addressee_once_per_document",
                condition=models.Q(organisation__isnull=False),
            ),
        ]

    def __str__(self) -> str:
        return self.name


class IncomingCounter(models.Model):
    """The last "số đến" an organisation gave in its register of incoming documents in a year (Decree 30/2020,
    Appendix IV: incoming documents are numbered from 01 each 1 January, in the receiver's own series)."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()
    last_number = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("sổ văn bản đến")
        verbose_name_plural = _("sổ văn bản đến")
        constraints = [models.UniqueConstraint(fields=["organisation", "year"], name="incoming_counter_unique")]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.year}: {self.last_number}"


class IncomingEntry(models.Model):
    """A document received by an organisation, in its register of incoming documents (sổ văn bản đến)."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="incoming_entries", verbose_name=_("nơi nhận")
    )
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="incoming_entries", verbose_name=_("văn bản")
    )
    year = models.PositiveSmallIntegerField(_("năm của sổ"))
    number = models.PositiveIntegerField(_("số đến"))
    received_on = models.DateField(_("ngày đến"))
    received_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(_("đã đọc lúc"), null=True, blank=True)
    handled_at = models.DateTimeField(_("đã xử lý lúc"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    handling_note = models.CharField(_("ghi chú xử lý"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("văn bản đến")
        verbose_name_plural = _("văn bản đến")
        ordering = ["organisation", "-year", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "year", "number"], name="incoming_number_unique"),
            models.UniqueConstraint(fields=["organisation", "document"], name="incoming_once_per_document"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation_id} {self.number}/{self.year}"

    @property
    def status(self) -> str:
        if self.handled_at:
            return "handled"
        return "read" if self.read_at else "new"
