from django.contrib import admin

from .models import RoleGrant


@admin.register(RoleGrant)
class RoleGrantAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "state", "working_group", "granted_at", "revoked_at"]
    list_filter = ["role", "working_group"]
    list_select_related = ["user", "state", "working_group"]
    search_fields = ["user__email", "user__full_name", "state__name"]
    raw_id_fields = ["user", "granted_by", "revoked_by"]
