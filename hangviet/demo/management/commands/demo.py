"""``hangviet demo``: create the demo data (idempotent) and print the demo logins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from hangviet.demo.builder import DEMO_PASSWORD, build_demo
from hangviet.units.models import Unit


class Command(BaseCommand):
    help = "Tạo dữ liệu minh họa (chạy lại không tạo trùng) và in danh sách tài khoản đăng nhập."

    def handle(self, *args: Any, **options: Any) -> None:
        if not Unit.objects.exists():
            raise CommandError("Chưa nạp đơn vị hành chính: hãy chạy “hangviet units load” trước.")
        logins = build_demo()
        self.stdout.write("")
        self.stdout.write(f"Tài khoản minh họa (mật khẩu chung: {DEMO_PASSWORD})")
        width = max(len(login.username) for login in logins)
        for login in logins:
            self.stdout.write(f"  {login.username.ljust(width)}  {login.role} – {login.organisation}")
