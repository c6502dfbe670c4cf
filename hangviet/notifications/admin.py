"""Notifications in the admin: read only (delivery is the sender's; a stuck e-mail is sent again by
``hangviet notifications send``)."""

from django.contrib import admin

from hangviet.notifications.models import Notification


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created_at", "recipient", "kind", "title", "email_status", "attempts", "read_at"]
    list_filter = ["email_status", "kind"]
    search_fields = ["title", "recipient__username", "email_to"]
    readonly_fields = [field.name for field in Notification._meta.fields]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
