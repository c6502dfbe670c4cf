"""Document pages: a committee's documents, drafting from the data, editing with versions, issuing."""

from __future__ import annotations

import datetime

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from hangviet.documents import actions
from hangviet.documents.access import get_document_for_user
from hangviet.documents.editing import EditableSection, diff, from_sections, to_sections
from hangviet.documents.models import Document
from hangviet.lib.forms import SaneDateField, StyledFormMixin
from hangviet.lib.periods import PeriodCodeError, PeriodKey, period_of_day
from hangviet.orgs.access import get_organisation_for_user
from hangviet.orgs.policy import Need
from hangviet.periods.models import Period

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


class IssueForm(StyledFormMixin, forms.Form):
    issued_on = SaneDateField(label=gettext_lazy("Ngày ban hành"), widget=forms.DateInput(attrs={"type": "date"}))
    signer_name = forms.CharField(label=gettext_lazy("Người ký"), max_length=120)
    recipients = forms.CharField(
        label=gettext_lazy("Nơi nhận (mỗi dòng một nơi)"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )


@login_required
def committee_documents(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee, grant = get_organisation_for_user(request.user, committee_id, need=Need.READ)
    if not committee.is_committee:
        raise Http404
    current = period_of_day(datetime.date.today())
    periods = [current.previous(), current, current.previous().previous(), current.same_period_last_year()]
    return render(
        request,
        "documents/list.html",
        {
            "committee": committee,
            "grant": grant,
            "documents": committee.documents.select_related("period"),
            "periods": sorted(set(periods), reverse=True),
        },
    )


@require_POST
@login_required
def create_report(request: HttpRequest, committee_id: int) -> HttpResponse:
    committee, _grant = get_organisation_for_user(request.user, committee_id, need=Need.EDIT)
    try:
        period = Period.objects.for_key(PeriodKey.parse(request.POST.get("period", "")))
    except PeriodCodeError as error:
        messages.error(request, str(error))
        return redirect("documents:committee", committee.pk)
    document = actions.create_report_draft(committee, period, acting_user=request.user)
    messages.success(request, _("Đã tạo dự thảo báo cáo từ số liệu đã tiếp nhận."))
    return redirect("documents:edit", document.pk)


def _posted_sections(request: HttpRequest, count: int) -> list[EditableSection]:
    sections = []
    for index in range(min(count, 200)):
        level = request.POST.get(f"level_{index}", "0")
        sections.append(
            EditableSection(
                request.POST.get(f"heading_{index}", ""),
                int(level) if level in "012" else 0,
                request.POST.get(f"text_{index}", ""),
            )
        )
    return sections


@login_required
def edit(request: HttpRequest, document_id: int) -> HttpResponse:
    """Edit the draft section by section; each save is a new version."""
    need = Need.EDIT if request.method == "POST" else Need.READ
    document, grant = get_document_for_user(request.user, document_id, need=need)
    latest = document.latest
    sections = to_sections(latest.blocks if latest else [])
    if request.method == "POST":
        sections = _posted_sections(request, int(request.POST.get("count", "0") or 0))
        try:
            actions.save_version(
                document,
                from_sections(sections),
                acting_user=request.user,
                base_version=int(request.POST.get("base_version", "0") or 0),
                note=request.POST.get("note", ""),
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
            "latest": latest,
            "versions": versions,
            "editing": grant.can_edit and document.status == Document.Status.DRAFT,
            "issue_form": IssueForm(
                initial={
                    "issued_on": datetime.date.today(),
                    "signer_name": profile.signer_name,
                    "recipients": profile.recipients,
                }
            ),
        },
    )


@login_required
def compare(request: HttpRequest, document_id: int) -> HttpResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.READ)
    versions = {v.number: v for v in document.versions.all()}
    try:
        old, new = versions[int(request.GET.get("a", 0))], versions[int(request.GET.get("b", 0))]
    except (KeyError, ValueError) as error:
        raise Http404 from error
    return render(
        request,
        "documents/compare.html",
        {"document": document, "old": old, "new": new, "lines": diff(old.blocks, new.blocks)},
    )


@login_required
def draft_docx(request: HttpRequest, document_id: int) -> HttpResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.READ)
    response = HttpResponse(actions.render_draft(document), content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="du-thao-{document.pk}.docx"'
    return response


@require_POST
@login_required
def issue(request: HttpRequest, document_id: int) -> HttpResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.EDIT)
    form = IssueForm(request.POST)
    if not form.is_valid():
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
    return redirect("documents:edit", document.pk)


@login_required
def issued_file(request: HttpRequest, document_id: int) -> FileResponse:
    document, _grant = get_document_for_user(request.user, document_id, need=Need.READ)
    if not document.file:
        raise Http404
    name = f"{document.number_symbol.replace('/', '-')}.docx"
    return FileResponse(document.file.open("rb"), as_attachment=True, filename=name, content_type=DOCX)
