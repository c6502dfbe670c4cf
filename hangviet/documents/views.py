"""Document pages: a committee's documents, drafting from the data, editing with versions, issuing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hangviet.documents import actions
from hangviet.documents.access import get_committee_for_documents, get_document_for_user
from hangviet.documents.editing import EditableSection, diff, from_sections, to_sections
from hangviet.documents.models import Document
from hangviet.documents.notices import addressed_organisations
from hangviet.lib.forms import (
    PeriodForm,
    PhaseField,
    SaneDateField,
    StyledFormMixin,
    VietnameseFormSet,
    form_errors,
    messages_of,
)
from hangviet.lib.http import SignedInRequest
from hangviet.lib.periods import newest_first, period_of_day
from hangviet.orgs.policy import Need
from hangviet.periods.models import Period

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class IssueForm(StyledFormMixin, forms.Form):
    issued_on = SaneDateField(label=gettext_lazy("Ngày ban hành"), widget=forms.DateInput(attrs={"type": "date"}))
    signer_name = forms.CharField(label=gettext_lazy("Người ký"), max_length=120)
    recipients = forms.CharField(
        label=gettext_lazy("Nơi nhận (mỗi dòng một nơi)"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("Tôi đã đọc lại văn bản; ban hành sẽ cấp số và văn bản không sửa được nữa."),
        error_messages={"required": gettext_lazy("Hãy đánh dấu ô xác nhận trước khi ban hành.")},
    )


@login_required
def committee_documents(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, grant = get_committee_for_documents(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    current = period_of_day(timezone.localdate())
    periods = [current.previous(), current, current.previous().previous(), current.same_period_last_year()]
    return render(
        request,
        "documents/list.html",
        {
            "committee": committee,
            "grant": grant,
            "documents": committee.documents.select_related("period"),
            "periods": newest_first(periods),
        },
    )


@require_POST
@login_required
def create_report(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_documents(request.user, committee_id, need=Need.EDIT)
    form = PeriodForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("documents:committee", committee.pk)
    document = actions.create_report_draft(
        committee, Period.objects.for_key(form.cleaned_data["period"]), acting_user=request.user
    )
    messages.success(request, _("Đã tạo dự thảo báo cáo từ số liệu đã tiếp nhận."))
    return redirect("documents:edit", document.pk)


class PhaseReportForm(forms.Form):
    """The phase a review covers (``2019-2024``) and whether it is a sơ kết or a tổng kết."""

    phase = PhaseField(error_messages={"required": gettext_lazy("Hãy chọn giai đoạn.")})
    review = forms.ChoiceField(
        choices=[("final", gettext_lazy("Tổng kết")), ("interim", gettext_lazy("Sơ kết"))], required=False
    )


@require_POST
@login_required
def create_phase_report(request: SignedInRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_committee_for_documents(request.user, committee_id, need=Need.EDIT)
    form = PhaseReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("documents:committee", committee.pk)
    document = actions.create_phase_report_draft(
        committee, form.cleaned_data["phase"], review=form.cleaned_data["review"] or "final", acting_user=request.user
    )
    messages.success(request, _("Đã tạo dự thảo báo cáo giai đoạn từ các báo cáo năm đã tiếp nhận."))
    return redirect("documents:edit", document.pk)


MAX_SECTIONS = 200


class CompareForm(forms.Form):
    """Two version numbers of the document to compare (``?a=1&b=3``)."""

    a = forms.IntegerField(min_value=1, max_value=2**31 - 1)
    b = forms.IntegerField(min_value=1, max_value=2**31 - 1)


class VersionForm(forms.Form):
    base_version = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    note = forms.CharField(max_length=255, required=False)


class SectionForm(forms.Form):
    """One section of the draft as the editor posts it: its heading level (0 = the opening), heading, text."""

    level = forms.TypedChoiceField(choices=[("0", "0"), ("1", "1"), ("2", "2")], coerce=int, empty_value=0)  # type: ignore[arg-type]
    heading = forms.CharField(max_length=1000, required=False, strip=False)
    text = forms.CharField(max_length=200_000, required=False, strip=False)
    notes = forms.CharField(max_length=100_000, required=False, strip=False)


SectionFormSet = forms.formset_factory(
    SectionForm, formset=VietnameseFormSet, extra=0, max_num=MAX_SECTIONS, validate_max=True, absolute_max=MAX_SECTIONS
)


def _sections_of(formset: forms.BaseFormSet) -> list[EditableSection]:
    """The sections as posted (cleaned where valid, else as typed, so that nothing is lost on an error)."""
    sections = []
    for form in formset.forms:
        data = form.cleaned_data if form.is_valid() else {}
        level = data.get("level", form["level"].value())
        sections.append(
            EditableSection(
                str(form["heading"].value() or ""),
                level if isinstance(level, int) else 0,
                str(form["text"].value() or ""),
                str(form["notes"].value() or ""),
            )
        )
    return sections


def _errors_of(*forms_: forms.BaseForm | forms.BaseFormSet) -> str:
    found: list[str] = []
    for form in forms_:
        if isinstance(form, forms.BaseFormSet):
            found += messages_of(form.non_form_errors())
            for index, sub in enumerate(form.forms):
                found += [
                    _("Mục %(n)s: %(e)s") % {"n": index + 1, "e": " ".join(messages_of(e))} for e in sub.errors.values()
                ]
        else:
            found += [" ".join(messages_of(e)) for e in form.errors.values()]
    return " ".join(found)


@login_required
def edit(request: SignedInRequest, document_id: int) -> HttpResponse:
    """Edit the draft section by section; each save is a new version."""
    need = Need.EDIT if request.method == "POST" else Need.READ
    document, grant = get_document_for_user(request.user, document_id, need=need)
    latest = document.latest
    sections = to_sections(latest.blocks if latest else [])
    formset = SectionFormSet(
        initial=[{"level": s.level, "heading": s.heading, "text": s.text, "notes": s.notes} for s in sections],
        prefix="section",
    )
    version_form = VersionForm(initial={"base_version": latest.number if latest else 0})
    status = 200
    if request.method == "POST":
        formset = SectionFormSet(request.POST, prefix="section")
        version_form = VersionForm(request.POST)
        if not formset.is_valid() or not version_form.is_valid():
            sections = _sections_of(formset) if formset.is_bound and formset.management_form.is_valid() else sections
            messages.error(request, _("Chưa lưu được: %(errors)s") % {"errors": _errors_of(version_form, formset)})
            status = 422
        else:
            sections = _sections_of(formset)
            try:
                actions.save_version(
                    document,
                    from_sections(sections),
                    acting_user=request.user,
                    base_version=version_form.cleaned_data["base_version"],
                    note=version_form.cleaned_data["note"],
                )
            except actions.StaleVersion as error:
                messages.error(request, str(error))
            except ValidationError as error:
                messages.error(request, " ".join(error.messages))
            else:
                messages.success(request, _("Đã lưu phiên bản mới."))
                return redirect("documents:edit", document.pk)
    profile = actions.profile_for(document.committee)
    versions = list(document.versions.select_related("saved_by").order_by("-number"))
    return render(
        request,
        "documents/edit.html",
        {
            "document": document,
            "grant": grant,
            "sections": sections,
            "formset": formset,
            "base_version": version_form["base_version"].value() or 0,
            "note": version_form["note"].value() or "",
            "latest": latest,
            "versions": versions,
            "editing": grant.can_edit and document.status == Document.Status.DRAFT,
            "unfinished": actions.unfinished_sections(document) if document.status == Document.Status.DRAFT else [],
            "issue_form": IssueForm(
                initial={
                    "issued_on": timezone.localdate(),
                    "signer_name": profile.signer_name,
                    "recipients": actions.default_recipients(document),
                }
            ),
        },
        status=status,
    )


@login_required
def compare(request: SignedInRequest, document_id: int) -> HttpResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.READ)
    versions = {v.number: v for v in document.versions.all()}
    chosen = CompareForm(request.GET)
    if not chosen.is_valid() or chosen.cleaned_data["a"] not in versions or chosen.cleaned_data["b"] not in versions:
        raise Http404
    old, new = versions[chosen.cleaned_data["a"]], versions[chosen.cleaned_data["b"]]
    return render(
        request,
        "documents/compare.html",
        {"document": document, "old": old, "new": new, "lines": diff(old.blocks, new.blocks)},
    )


@login_required
def draft_docx(request: SignedInRequest, document_id: int) -> HttpResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.READ)
    response = HttpResponse(actions.render_draft(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="du-thao-{document.pk}.docx"'
    return response


@require_POST
@login_required
def issue(request: SignedInRequest, document_id: int) -> HttpResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.EDIT)
    form = IssueForm(request.POST)
    if not form.is_valid():
        if list(form.errors) == ["confirm"]:
            messages.error(request, _("Chưa ban hành: hãy đánh dấu ô xác nhận trước khi ban hành."))
        else:
            messages.error(request, _("Chưa ban hành được: hãy ghi ngày ban hành, người ký và nơi nhận."))
        return redirect("documents:edit", document.pk)
    try:
        document = actions.issue_document(
            document,
            issued_on=form.cleaned_data["issued_on"],
            signer_name=form.cleaned_data["signer_name"],
            recipients=form.cleaned_data["recipients"].splitlines(),
            acting_user=request.user,
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã ban hành văn bản số %(number)s.") % {"number": document.number_symbol})
        received = [entry.organisation.name for entry in document.incoming_entries.select_related("organisation")]
        if received:
            messages.info(request, _("Đã vào sổ văn bản đến của: %(names)s.") % {"names": ", ".join(received)})
        addressed = addressed_organisations(document)
        if addressed.organisations:
            messages.info(
                request,
                _("Đã thông báo trên hệ thống đến: %(names)s.")
                % {"names": ", ".join(organisation.name for organisation in addressed.organisations)},
            )
        if addressed.unknown:
            messages.info(
                request,
                _("Nơi nhận không khớp với tổ chức nào trên hệ thống nên không gửi thông báo: %(lines)s.")
                % {"lines": "; ".join(addressed.unknown)},
            )
    return redirect("documents:edit", document.pk)


@login_required
def issued_file(request: SignedInRequest, document_id: int) -> FileResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.READ)
    if not document.file:
        raise Http404
    name = f"{document.number_symbol.replace('/', '-')}.docx"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name, content_type=DOCX)
