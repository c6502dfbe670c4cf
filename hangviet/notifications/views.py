"""The notifications page (/thong-bao/): the user's notices, marking them read, and how they want to be told."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hangviet.lib.http import SignedInRequest
from hangviet.notifications import actions, queries
from hangviet.notifications.access import get_notification_for_user
from hangviet.notifications.forms import PageForm, PreferenceForm

PAGE_SIZE = 30


@login_required
def inbox(request: SignedInRequest) -> HttpResponse:
    page_form = PageForm(request.GET)
    number = (page_form.cleaned_data["trang"] if page_form.is_valid() else None) or 1
    paginator = Paginator(queries.notifications_of(request.user), PAGE_SIZE)
    page = paginator.get_page(number)
    context = {
        "page": page,
        "unread": queries.unread_count(request.user),
        "form": PreferenceForm(initial={"channel": queries.channel_of(request.user)}),
        "has_email": bool(request.user.email),
    }
    return render(request, "notifications/inbox.html", context)


@require_POST
@login_required
def open_notification(request: SignedInRequest, notification_id: int) -> HttpResponse:
    """Mark the notification read and go where it points (its link, else back to the list)."""
    notification = get_notification_for_user(request.user, notification_id)
    actions.mark_read(notification, acting_user=request.user)
    link = notification.link
    if link and url_has_allowed_host_and_scheme(link, allowed_hosts={request.get_host()}):
        return redirect(link)
    return redirect("notifications:inbox")


@require_POST
@login_required
def mark_all_read(request: SignedInRequest) -> HttpResponse:
    count = actions.mark_all_read(request.user)
    messages.success(request, _("Đã đánh dấu %(count)s thông báo là đã đọc.") % {"count": count})
    return redirect("notifications:inbox")


@require_POST
@login_required
def preferences(request: SignedInRequest) -> HttpResponse:
    form = PreferenceForm(request.POST)
    if form.is_valid():
        actions.set_preference(request.user, form.cleaned_data["channel"])
        messages.success(request, _("Đã lưu cách nhận thông báo."))
    else:
        messages.error(request, _("Lựa chọn không hợp lệ."))
    return redirect("notifications:inbox")
