from django.contrib import admin

from portal.validation import formset_limit

from .models import PartyList, State, TreatyParticipation, WorkingGroup


class TreatyParticipationInline(admin.TabularInline):
    model = TreatyParticipation
    extra = 0
    max_num = 20  # four instruments: a larger row count posted is refused, not built

    def get_formset(self, request, obj=None, **kwargs):
        return super().get_formset(request, obj, **{**formset_limit(self.max_num), **kwargs})


@admin.register(State)
class StateAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "regional_group", "is_state"]
    list_filter = ["regional_group", "is_state", "review_group"]
    search_fields = ["name", "code"]
    inlines = [TreatyParticipationInline]
    # Edited in the portal's staff pages, which validate, reschedule steps and log each change.
    readonly_fields = [
        "regional_group",
        "review_group",
        "review_languages",
        "review_source",
        "review_is_demo",
        "contacts_public",
    ]


@admin.register(TreatyParticipation)
class TreatyParticipationAdmin(admin.ModelAdmin):
    list_display = ["state", "treaty", "consent_date", "consent_type", "firmness"]
    list_filter = ["treaty", "firmness", "consent_type"]
    list_select_related = ["state"]
    search_fields = ["state__name", "state__code"]


@admin.register(PartyList)
class PartyListAdmin(admin.ModelAdmin):
    list_display = ["treaty", "official_count", "official_count_as_of", "known_gap"]


@admin.register(WorkingGroup)
class WorkingGroupAdmin(admin.ModelAdmin):
    list_display = ["short_name", "name", "document_symbol"]
    prepopulated_fields = {"slug": ["short_name"]}
