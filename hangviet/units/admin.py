from django.contrib import admin

from hangviet.units.models import Unit, UnitSuccession


class SuccessionInline(admin.TabularInline):
    model = UnitSuccession
    fk_name = "predecessor"
    raw_id_fields = ["successor"]
    extra = 0


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ["name", "level", "edition", "code", "parent", "valid_from", "valid_to"]
    list_filter = ["edition", "level"]
    search_fields = ["name", "folded_name", "code"]
    raw_id_fields = ["parent"]
    list_select_related = ["parent"]
    inlines = [SuccessionInline]
