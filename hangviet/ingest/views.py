"""Upload report files, follow bulk reading, review the figures beside the text, import them."""

from __future__ import annotations

import contextlib
from decimal import Decimal

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from hangviet.indicators.models import Indicator
from hangviet.ingest import actions, queries
from hangviet.ingest.access import (
    can_import_for,
    can_record_registry_for,
    get_document_for_user,
    importable_organisations,
)
from hangviet.ingest.forms import (
    ReviewChoicesForm,
    UploadChoicesForm,
    decided_facts,
    decided_proposals,
    fact_formset,
    kind_choices,
    proposal_formset,
)
from hangviet.ingest.models import IngestDocument
from hangviet.ingest.reading import MAX_BYTES, ReadError, read_document
from hangviet.lib.forms import form_errors
from hangviet.lib.http import SignedInRequest
from hangviet.lib.i18n import catalogue_text
from hangviet.lib.periods import PeriodCodeError, PeriodKey
from hangviet.lib.queue import queue_state
from hangviet.lib.uploads import check_upload
from hangviet.lib.vnformat import format_number
from hangviet.periods.models import Period
from hangviet.registry.queries import organisation_label

MAX_FILES = 50
LARGE_FILE_BYTES = 2 * 1024 * 1024
LARGE_TEXT_BYTES = 200 * 1024


def _period_keys() -> list[PeriodKey]:
    from django.utils import timezone

    year = timezone.localdate().year
    return [PeriodKey(y, kind) for y in range(year, year - 11, -1) for kind in ("Y", "H1")]


@login_required
def upload(request: SignedInRequest) -> HttpResponse:
    organisations = importable_organisations(request.user)
    if request.method == "POST":
        if not organisations:
            raise PermissionDenied  # a read-only account imports nothing, so it uploads nothing to read
        files = request.FILES.getlist("files")[:MAX_FILES]
        choices = UploadChoicesForm(request.POST, organisations=organisations)
        if not choices.is_valid():
            messages.error(request, form_errors(choices))
            return redirect("ingest:upload")
        chosen = choices.cleaned_data["organisation"]
        key = choices.cleaned_data["period"]
        period = Period.objects.for_key(key) if key else None
        large = len(files) == 1 and _is_large(files[0])
        if len(files) == 1 and (problem := _unreadable(files[0], read=not large)):
            messages.error(request, problem)  # nothing is stored for a single file that cannot be read
        elif not files:
            messages.error(request, _("Chưa chọn tệp nào."))
        else:
            batch = actions.new_batch()
            documents = []
            for file in files:
                try:
                    documents.append(
                        actions.upload(file, batch=batch, organisation=chosen, period=period, acting_user=request.user)
                    )
                except ValidationError as error:
                    messages.error(request, " ".join(error.messages))
            if len(documents) == 1 and not large:
                document = actions.read_uploaded(documents[0])
                return redirect("ingest:review", document.pk)
            for document in documents:
                actions.read_uploaded_task.enqueue(document.pk)
            if documents:
                return redirect("ingest:batch", batch)
    recent = queries.recent_uploads(request.user)
    return render(
        request, "ingest/upload.html", {"organisations": organisations, "periods": _period_keys(), "recent": recent}
    )


def _is_large(file) -> bool:
    """A file this large is read by the task worker (with the progress page), not inside the request."""
    size = file.size or 0
    return size > LARGE_FILE_BYTES or ((file.name or "").lower().endswith(".txt") and size > LARGE_TEXT_BYTES)


def _unreadable(file, *, read: bool = True) -> str | None:
    try:
        check_upload(file, allowed=actions.INGEST_TYPES, max_bytes=MAX_BYTES)
    except ValidationError as error:
        shown = (file.name or "").replace("\x00", "")[:80] or "?"
        return f"{shown}: {' '.join(error.messages)}"
    if not read:
        return None
    content = file.read(MAX_BYTES + 1)
    file.seek(0)
    try:
        read_document(content, file.name or "")
    except ReadError as error:
        return f"{file.name}: {error}"
    return None


@login_required
def batch(request: SignedInRequest, batch_id: str) -> HttpResponse:
    documents = queries.batch_of(request.user, batch_id)
    if not documents:
        raise Http404
    done = sum(document.status != IngestDocument.Status.QUEUED for document in documents)
    context = {
        "documents": documents,
        "done": done,
        "total": len(documents),
        "batch_id": batch_id,
        "percent": round(100 * done / len(documents)),
    }
    if done < len(documents):
        queue = queue_state()
        context["queue"] = queue
        context["stalled"] = queue.stalled(settings.HANGVIET_TASK_STALLED_SECONDS)
    template = "ingest/_batch.html" if request.htmx else "ingest/batch.html"
    return render(request, template, context)


def _highlighted(document: IngestDocument) -> list[tuple[str, str]]:
    """Passages as safe HTML with every extracted figure's evidence marked."""
    marks: dict[str, list[tuple[int, dict]]] = {}
    for index, fact in enumerate(document.facts):
        marks.setdefault(fact["location"], []).append((index, fact))
    rendered: list[tuple[str, str]] = []
    for text, location in document.passages:
        html: str = escape(text)
        for index, fact in marks.get(location, []):
            figure = fact["evidence"][fact["start"] : fact["end"]]
            escaped = escape(figure)
            if figure and escaped in html:
                html = html.replace(escaped, f'<mark id="fact-{index}" class="hv-fact">{escaped}</mark>', 1)
        rendered.append((location, mark_safe(html)))  # noqa: S308 - built from escaped text only
    return rendered


@login_required
def review(request: SignedInRequest, document_id: int) -> HttpResponse:
    """The figures beside the text: accept, edit or reject each, choose the unit and period, import."""
    document = get_document_for_user(request.user, document_id)
    organisations = importable_organisations(request.user)
    indicators = list(Indicator.objects.order_by("order"))
    chosen_organisation, chosen_period, summed, period_mismatch = document.organisation, None, set(), False
    if request.method == "POST" and document.status == IngestDocument.Status.READ:
        facts, problems = _decisions(request, document)
        proposals, proposal_problems = decided_proposals(
            proposal_formset(request.POST, document.proposals), document.proposals
        )
        problems.extend(proposal_problems)
        choices = ReviewChoicesForm(
            request.POST, organisations=organisations, indicator_codes=[i.code for i in indicators]
        )
        organisation = period = None
        if choices.is_valid():
            organisation = choices.cleaned_data["organisation"]
            key = choices.cleaned_data["period"]
            period = Period.objects.for_key(key) if key else None
        else:
            problems.append(form_errors(choices))
        # Whatever goes wrong, the page comes back with the unit and period the clerk chose.
        chosen = getattr(choices, "cleaned_data", {})
        chosen_organisation = chosen.get("organisation")
        chosen_period = chosen["period"].code if chosen.get("period") else None
        summed = set(chosen.get("summed") or ())
        if period is None and choices.is_valid():
            problems.append(_("Hãy chọn kỳ báo cáo."))
        stated = document.period_guess_label
        if (
            period is not None
            and stated
            and period.key.code != document.period_guess
            and not chosen.get("confirm_period")
        ):
            period_mismatch = True
            problems.append(
                _(
                    "Văn bản ghi kỳ %(stated)s nhưng bạn chọn kỳ %(chosen)s. Nếu đúng là kỳ đã chọn, hãy đánh dấu "
                    "ô xác nhận bên dưới ô kỳ báo cáo rồi nhập lại."
                )
                % {"stated": stated, "chosen": period.key.label}
            )
        if organisation is None or not can_import_for(request.user, organisation):
            problems.append(_("Hãy chọn đơn vị báo cáo mà bạn được phép nhập số liệu."))
        elif any(p["decision"] == "accept" for p in proposals) and not can_record_registry_for(
            request.user, organisation
        ):
            problems.append(_("Bạn không được ghi sổ theo dõi của đơn vị này; hãy bỏ chọn các đề xuất ghi sổ."))
        if not problems and organisation is not None and period is not None:
            try:
                report = actions.import_document(
                    document,
                    facts=facts,
                    proposals=proposals,
                    organisation=organisation,
                    period=period,
                    acting_user=request.user,
                    summed=summed,
                )
            except ValidationError as error:
                problems.extend(error.messages)
            else:
                messages.success(
                    request,
                    _("Đã nhập số liệu vào báo cáo; hãy kiểm tra, giải trình cảnh báo (nếu có) rồi gửi báo cáo."),
                )
                recorded = sum(p.get("status") == "recorded" for p in document.proposals)
                if recorded:
                    messages.success(request, _("Đã ghi %(n)s mục vào sổ theo dõi.") % {"n": recorded})
                return redirect("reporting:detail", report.pk)
        document.facts, document.proposals = facts, proposals
        for problem in problems:
            messages.error(request, problem)
    return render(
        request,
        "ingest/review.html",
        {
            "document": document,
            "rows": [(fact, _snippet(fact)) for fact in document.facts],
            "passages": _highlighted(document) if document.passages else [],
            "organisations": organisations,
            "periods": _period_keys(),
            "indicators": indicators,
            "chosen_organisation_id": chosen_organisation.pk if chosen_organisation else None,
            "period_code": chosen_period or (document.period.code if document.period else document.period_guess),
            "period_mismatch": period_mismatch,
            "several": _several(document.facts, indicators, summed),
            "proposals": _proposal_rows(document),
        },
    )


FIGURE_WORDS = {
    "businesses": gettext_lazy("doanh nghiệp, cơ sở"),
    "booths": gettext_lazy("gian hàng"),
    "products": gettext_lazy("sản phẩm trưng bày"),
    "revenue_vnd": gettext_lazy("đồng doanh thu"),
    "visitors": gettext_lazy("lượt khách"),
    "tonnes": gettext_lazy("tấn hàng"),
}
QUALIFIER_WORDS = {1: gettext_lazy("hơn"), 2: gettext_lazy("gần"), 3: gettext_lazy("khoảng")}


def _figures_words(figures: dict[str, list]) -> str:
    """ "24 doanh nghiệp, cơ sở; khoảng 850.000.000 đồng doanh thu"."""
    parts = []
    for name, (value, qualifier) in figures.items():
        prefix = QUALIFIER_WORDS.get(qualifier)
        number = format_number(Decimal(str(value)))
        parts.append(
            f"{prefix} {number} {FIGURE_WORDS.get(name, name)}"
            if prefix
            else f"{number} {FIGURE_WORDS.get(name, name)}"
        )
    return "; ".join(parts)


def _proposal_rows(document: IngestDocument) -> list[dict]:
    """What the review page shows of each proposal: its row, whether the registry holds it already, its kinds."""
    period = document.period
    if period is None and document.period_guess:
        with contextlib.suppress(PeriodCodeError):
            period = Period.objects.find(PeriodKey.parse(document.period_guess))
    if document.status == IngestDocument.Status.IMPORTED:
        existing = [proposal.get("status") == "existing" for proposal in document.proposals]
        recorders = [proposal.get("existing_by", "") for proposal in document.proposals]
    else:
        rows = queries.mark_existing(document.proposals, document.organisation, period)
        existing = [row is not None for row in rows]
        organisation = document.organisation
        elsewhere = [queries.recorded_elsewhere(row, organisation) if organisation else None for row in rows]
        recorders = [organisation_label(found) if found is not None else "" for found in elsewhere]
    return [
        {
            "index": index,
            "proposal": proposal,
            "existing": is_existing,
            "existing_by": recorder,
            "figures": _figures_words(proposal.get("figures", {})),
            "kinds": kind_choices(proposal["registry"]),
            "organisers": ", ".join(organiser["name"] for organiser in proposal.get("organisers", [])),
        }
        for index, (proposal, is_existing, recorder) in enumerate(
            zip(document.proposals, existing, recorders, strict=True)
        )
    ]


def _several(facts: list[dict], indicators: list[Indicator], summed: set[str]) -> list[dict]:
    """The indicators given several accepted figures, for the "cộng các số liệu này" boxes."""
    names = {indicator.code: catalogue_text(indicator.name) for indicator in indicators}
    return [
        {
            "code": code,
            "name": names.get(code, ""),
            "figures": "; ".join(format_number(f) for f in figures),
            "ticked": code in summed,
        }
        for code, figures in actions.several_figures(facts).items()
    ]


def _snippet(fact: dict, width: int = 90) -> str:
    """The words around the figure, with the figure marked: what the clerk reads to judge it."""
    evidence, start, end = fact["evidence"], fact["start"], fact["end"]
    before = ("…" if start > width else "") + evidence[max(0, start - width) : start]
    after = evidence[end : end + width] + ("…" if end + width < len(evidence) else "")
    return mark_safe(f"{escape(before)}<mark>{escape(evidence[start:end])}</mark>{escape(after)}")  # noqa: S308


def _decisions(request: SignedInRequest, document: IngestDocument) -> tuple[list[dict], list[str]]:
    codes = frozenset(Indicator.objects.values_list("code", flat=True))
    return decided_facts(fact_formset(request.POST, len(document.facts), codes), document.facts)
