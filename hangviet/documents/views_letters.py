"""Letter pages: writing a công văn to organisations inside hangviet (and bodies outside it), and each
organisation's register of incoming documents (sổ văn bản đến): list by year, the received file, marking an entry
handled, the register as .xlsx."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hangviet.documents import actions
from hangviet.documents.access import get_committee_for_documents, get_incoming_for_user, get_register_for_user
from hangviet.documents.export import incoming_workbook
from hangviet.documents.models import IncomingEntry
from hangviet.documents.queries import addressable_organisations, incoming_register, incoming_years
from hangviet.lib.forms import StyledFormMixin, YearField, form_errors
from hangviet.lib.http import SignedInRequest
from hangviet.orgs.models import Organisation
from hangviet.orgs.policy import Need, acting_for_ids

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class AddresseeField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.name} ({obj.get_kind_display()})"


class LetterForm(StyledFormMixin, forms.Form):
    summary = forms.CharField(
        label=gettext_lazy("Trích yếu (V/v …)"),
        max_length=490,
        help_text=gettext_lazy("Ví dụ: triển khai Kế hoạch năm 2026. Không cần ghi “V/v”."),
    )
    organisations = AddresseeField(
        label=gettext_lazy("Kính gửi – tổ chức trên hệ thống"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("Chọn một hay nhiều nơi. Mỗi nơi được vào sổ văn bản đến và nhận thông báo."),
        error_messages={"invalid_choice": gettext_lazy("Nơi nhận đã chọn không hợp lệ.")},
    )
    outside = forms.CharField(
        label=gettext_lazy("Kính gửi – nơi khác (mỗi dòng một nơi)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    body = forms.CharField(
        label=gettext_lazy("Nội dung (các đoạn cách nhau một dòng trống)"),
        max_length=actions.MAX_LETTER_BODY,
        widget=forms.Textarea(attrs={"rows": 12}),
    )

    def __init__(self, *args: Any, committee: Organisation, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["organisations"]
        assert isinstance(field, AddresseeField)
        field.queryset = addressable_organisations(committee)

    def clean(self) -> dict[str, Any] | None:
        data = super().clean() or {}
        if not data.get("organisations") and not (data.get("outside") or "").strip() and not self.errors:
            raise forms.ValidationError(_("Vui lòng chọn hoặc ghi ít nhất một nơi kính gửi."))
        return data


@login_required
def write_letter(request: SignedInRequest, committee_id: int) -> HttpResponse:
    """The committee's office writes a letter; saving makes a draft, edited and issued like any document."""
    committee, _grant = get_committee_for_documents(request.user, committee_id, need=Need.EDIT)
    form = LetterForm(request.POST or None, committee=committee)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                document = actions.create_letter(
                    committee,
                    summary=form.cleaned_data["summary"],
                    organisations=list(form.cleaned_data["organisations"]),
                    outside=form.cleaned_data["outside"].splitlines(),
                    body=form.cleaned_data["body"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Đã lưu dự thảo công văn; đọc lại rồi ban hành."))
                return redirect("documents:edit", document.pk)
        status = 422
    return render(request, "documents/letter_form.html", {"committee": committee, "form": form}, status=status)


class YearChoiceForm(forms.Form):
    year = YearField(required=False)


class HandleForm(forms.Form):
    note = forms.CharField(max_length=500, required=False)


def _year(request: SignedInRequest) -> int | None:
    form = YearChoiceForm(request.GET)
    if not form.is_valid():
        raise Http404
    year: int | None = form.cleaned_data["year"]
    return year


@login_required
def incoming(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    """The organisation's register of incoming documents, newest first, one year at a time."""
    organisation, grant = get_register_for_user(request.user, organisation_id, need=Need.READ)
    years = incoming_years(organisation)
    year = _year(request) or (years[0] if years else timezone.localdate().year)
    return render(
        request,
        "documents/incoming.html",
        {
            "organisation": organisation,
            "grant": grant,
            "year": year,
            "years": years,
            "entries": list(incoming_register(organisation, year)),
        },
    )


@login_required
def incoming_file(request: SignedInRequest, entry_id: int) -> FileResponse:
    """The issued file of a received document; its receiver's own users opening it is the read receipt."""
    entry, _grant = get_incoming_for_user(request.user, entry_id, need=Need.READ)
    document = entry.document
    if not document.file:
        raise Http404
    if request.method == "GET" and entry.read_at is None and entry.organisation_id in acting_for_ids(request.user):
        actions.mark_incoming_read(entry, acting_user=request.user)
    name = f"{document.number_symbol.replace('/', '-')}.docx"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name, content_type=DOCX)


@require_POST
@login_required
def incoming_handled(request: SignedInRequest, entry_id: int) -> HttpResponse:
    entry, _grant = get_incoming_for_user(request.user, entry_id, need=Need.EDIT)
    form = HandleForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
    else:
        try:
            actions.mark_incoming_handled(entry, note=form.cleaned_data["note"], acting_user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Đã đánh dấu văn bản đến số %(number)s là đã xử lý.") % {"number": entry.number}
            )
    return redirect(_register_url(entry))


def _register_url(entry: IncomingEntry) -> str:
    return f"{reverse('documents:incoming', args=[entry.organisation_id])}?year={entry.year}"


@login_required
def incoming_xlsx(request: SignedInRequest, organisation_id: int) -> HttpResponse:
    organisation, _grant = get_register_for_user(request.user, organisation_id, need=Need.READ)
    year = _year(request) or timezone.localdate().year
    response = HttpResponse(incoming_workbook(organisation, year), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="so-van-ban-den-{organisation.pk}-{year}.xlsx"'
    return response
