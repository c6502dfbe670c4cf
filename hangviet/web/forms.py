"""Sign-in forms whose credentials are bounded before anything (django-axes included) stores them."""

from __future__ import annotations

from django import forms
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext as _

USERNAME_MAX = 150  # Django's User.username
PASSWORD_MAX = 4096


class BoundedCredentialsMixin:
    """Django's AuthenticationForm sets ``max_length`` after the field is built, so it is never checked;
    an over-long name then reaches django-axes, whose failure record (255 characters) raises on PostgreSQL."""

    cleaned_data: dict

    def clean_username(self) -> str:
        username = self.cleaned_data["username"]
        if len(username) > USERNAME_MAX:
            raise forms.ValidationError(
                _("Tên đăng nhập quá dài (tối đa %(max)s ký tự).") % {"max": USERNAME_MAX}, code="max_length"
            )
        return username

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if len(password) > PASSWORD_MAX:
            raise forms.ValidationError(
                _("Mật khẩu quá dài (tối đa %(max)s ký tự).") % {"max": PASSWORD_MAX}, code="max_length"
            )
        return password


class LoginForm(BoundedCredentialsMixin, AuthenticationForm):
    pass


class AdminLoginForm(BoundedCredentialsMixin, AdminAuthenticationForm):
    pass


class UnitQueryForm(forms.Form):
    """The name of a unit to look up (``?q=...``), as typed."""

    q = forms.CharField(max_length=300, required=False)
