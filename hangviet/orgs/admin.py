from django.contrib import admin

from hangviet.orgs.models import (
    AreaAssignment,
    Membership,
    Organisation,
    OrganisationName,
    OrganisationSuccession,
    Person,
    UserRole,
)


class FormerNameInline(admin.TabularInline):
    model = OrganisationName
    extra = 0


class SuccessionInline(admin.TabularInline):
    model = OrganisationSuccession
    fk_name = "predecessor"
    raw_id_fields = ["successor"]
    extra = 0


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "sector", "unit", "parent", "valid_to"]
    list_filter = ["kind", "sector"]
    search_fields = ["name", "short_name"]
    raw_id_fields = ["unit", "parent"]
    list_select_related = ["unit", "parent"]
    inlines = [FormerNameInline, SuccessionInline]


class AreaInline(admin.TabularInline):
    model = AreaAssignment
    raw_id_fields = ["unit"]
    extra = 0


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["person", "role", "committee", "agency", "start", "end"]
    list_filter = ["role"]
    search_fields = ["person__full_name", "committee__name"]
    raw_id_fields = ["committee", "person", "agency"]
    inlines = [AreaInline]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    search_fields = ["full_name", "position"]
    list_display = ["full_name", "position", "user"]
    raw_id_fields = ["user"]


@admin.register(UserRole)
class UserRoleAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "organisation", "valid_from", "valid_to"]
    list_filter = ["role"]
    search_fields = ["user__username", "organisation__name"]
    raw_id_fields = ["user", "organisation"]
