from django.contrib import admin

from .models import Article, Cluster, Instrument


@admin.register(Instrument)
class InstrumentAdmin(admin.ModelAdmin):
    list_display = ["short_name", "code", "adoption_date", "entry_into_force", "parties_count"]
    prepopulated_fields = {"slug": ["short_name"]}


@admin.register(Cluster)
class ClusterAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "slug"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["number", "title", "instrument", "reviewed_only_if_not_uncac_party"]
    list_filter = ["instrument", "clusters", "reviewed_only_if_not_uncac_party"]
    list_select_related = ["instrument"]
    search_fields = ["title", "number"]
    filter_horizontal = ["clusters"]
    ordering = ["instrument__position", "position"]
