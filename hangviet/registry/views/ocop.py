"""OCOP pages: the product list, a product's page with its history of stars and the forms to recognise,
revoke and register it, recording a product, and the expiry board."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from hangviet.lib.http import SignedInRequest
from hangviet.orgs.policy import Grant, Need
from hangviet.registry import actions, queries
from hangviet.registry.access import get_recognition_for_user, get_record_for_user
from hangviet.registry.filters import ProductFilterForm
from hangviet.registry.forms import (
    ProductForm,
    RecognitionForm,
    RegistrationForm,
    RevokeForm,
)
from hangviet.registry.models import OcopProduct
from hangviet.registry.views.common import (
    error_text,
    label,
    paginate,
    posted_recorder,
    preselected,
    read_filters,
    recorders_for,
)
from hangviet.units.models import Unit
from hangviet.units.resolve import UnitNotFound, resolve_unit


@login_required
def products(request: SignedInRequest) -> HttpResponse:
    form, filters = read_filters(request, ProductFilterForm)
    data = form.cleaned_data
    place_unit: Unit | None = None
    if data.get("place"):
        try:
            place_unit = resolve_unit(data["place"]).unit
        except UnitNotFound:
            form.add_error("place", _("Không tìm thấy đơn vị hành chính “%(name)s”.") % {"name": data["place"]})
    rows = queries.list_products(
        request.user,
        filters,
        text=data.get("q") or "",
        stars=data.get("stars"),
        producer=data.get("producer") or "",
        place_unit=place_unit,
    )
    context = {
        "form": form,
        "filters": filters,
        "page": paginate(rows, form),
        "place_unit": place_unit,
        "can_add": bool(queries.editable_organisations(request.user)),
    }
    return render(request, "registry/products.html", context)


def _product_page(
    request: SignedInRequest, product: OcopProduct, grant: Grant, *, status: int = 200, **forms: Any
) -> HttpResponse:
    months = settings.HANGVIET_OCOP_VALIDITY_MONTHS
    context = {
        "product": product,
        "grant": grant,
        "recognitions": queries.recognitions_of(product),
        "registrations": queries.registrations_of(product),
        "today": timezone.localdate(),
        "recognition_form": forms.get("recognition_form") or RecognitionForm(validity_months=months),
        "revoke_form": forms.get("revoke_form") or RevokeForm(initial={"revoked_on": timezone.localdate()}),
        "revoking": forms.get("revoking"),
        "registration_form": forms.get("registration_form")
        or RegistrationForm(initial={"year": timezone.localdate().year, "registered_on": timezone.localdate()}),
        "validity_months": months,
    }
    return render(request, "registry/product_detail.html", context, status=status)


@login_required
def product_detail(request: SignedInRequest, product_id: int) -> HttpResponse:
    product, grant = get_record_for_user(request.user, OcopProduct, product_id, need=Need.READ)
    return _product_page(request, product, grant)


@login_required
@require_http_methods(["GET", "POST"])
def product_create(request: SignedInRequest) -> HttpResponse:
    recorder = posted_recorder(request)
    editable = recorders_for(request, recorder)
    producers = queries.producer_names(request.user)
    if request.method == "POST":
        form = ProductForm(request.POST, organisations=editable, labels=label)
        if form.is_valid() and recorder is not None:
            data = form.cleaned_data
            try:
                product = actions.record_product_with_producer(
                    recorder,
                    name=data["name"],
                    producer=queries.find_visible_producer(request.user, data["producer_name"])
                    if data["producer_name"]
                    else None,
                    producer_name=data["producer_name"],
                    producer_legal_form=data["producer_legal_form"],
                    place_text=data["place_text"],
                    category=data["category"],
                    description=data["description"],
                    is_public=data["is_public"],
                    acting_user=request.user,
                )
            except ValidationError as error:
                form.add_error(None, error_text(error))
            else:
                messages.success(request, _("Đã ghi sản phẩm “%(name)s”.") % {"name": product.name})
                return redirect("registry:product_detail", product.pk)
        return render(request, "registry/product_form.html", {"form": form, "producers": producers}, status=422)
    form = ProductForm(initial=preselected(request, editable), organisations=editable, labels=label)
    return render(request, "registry/product_form.html", {"form": form, "producers": producers})


@require_POST
@login_required
def product_recognise(request: SignedInRequest, product_id: int) -> HttpResponse:
    product, grant = get_record_for_user(request.user, OcopProduct, product_id, need=Need.EDIT)
    form = RecognitionForm(request.POST, validity_months=settings.HANGVIET_OCOP_VALIDITY_MONTHS)
    if form.is_valid():
        data = form.cleaned_data
        try:
            recognition = actions.recognise_product(
                product,
                stars=data["stars"],
                decided_on=data["decided_on"],
                decision=data["decision"],
                issuer=data["issuer"],
                valid_to=data["valid_to"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error(None, error_text(error))
        else:
            messages.success(
                request,
                _("Đã ghi công nhận %(stars)s sao, hiệu lực đến %(day)s.")
                % {"stars": recognition.stars, "day": recognition.valid_to.strftime("%d/%m/%Y")},
            )
            return redirect("registry:product_detail", product.pk)
    return _product_page(request, product, grant, status=422, recognition_form=form)


@require_POST
@login_required
def recognition_revoke(request: SignedInRequest, recognition_id: int) -> HttpResponse:
    recognition, grant = get_recognition_for_user(request.user, recognition_id, need=Need.EDIT)
    form = RevokeForm(request.POST)
    if form.is_valid():
        try:
            actions.revoke_recognition(
                recognition,
                on=form.cleaned_data["revoked_on"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except ValidationError as error:
            form.add_error("revoked_on", error_text(error))
        else:
            messages.success(request, _("Đã ghi thu hồi công nhận."))
            return redirect("registry:product_detail", recognition.product_id)
    return _product_page(request, recognition.product, grant, status=422, revoke_form=form, revoking=recognition.pk)


@require_POST
@login_required
def product_register(request: SignedInRequest, product_id: int) -> HttpResponse:
    product, grant = get_record_for_user(request.user, OcopProduct, product_id, need=Need.EDIT)
    form = RegistrationForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        actions.register_for_round(
            product,
            year=data["year"],
            registered_on=data["registered_on"],
            supporter=data["supporter"],
            acting_user=request.user,
        )
        messages.success(request, _("Đã ghi đăng ký tham gia OCOP năm %(year)s.") % {"year": data["year"]})
        return redirect("registry:product_detail", product.pk)
    return _product_page(request, product, grant, status=422, registration_form=form)


@login_required
def ocop_expiring(request: SignedInRequest) -> HttpResponse:
    """Recognitions in force today that lapse in the next 90 days, soonest first."""
    context = {"rows": queries.list_expiring(request.user), "days": queries.EXPIRY_DAYS}
    return render(request, "registry/ocop_expiring.html", context)
