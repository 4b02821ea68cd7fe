from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("history/", views.HistoryView.as_view(), name="history"),
    path("reviews/", views.ReviewOverviewView.as_view(), name="overview"),
    path("reviews/simulator/", views.SimulatorView.as_view(), name="simulator"),
    path("reviews/states/", views.StateListView.as_view(), name="state-list"),
    path("reviews/states/<str:code>/", views.StateDetailView.as_view(), name="state-detail"),
    path(
        "reviews/states/<str:code>/deadlines.ics",
        views.StateDeadlinesCalendarView.as_view(),
        name="state-ical",
    ),
    path(
        "reviews/states/<str:code>/contacts/",
        views.StateContactsView.as_view(),
        name="state-contacts",
    ),
    path("compilation/", views.CompilationView.as_view(), name="compilation"),
    path("staff/compilation/add/", views.CompilationAddView.as_view(), name="compilation-add"),
    path("staff/reviews/groups/", views.ReviewGroupsEditView.as_view(), name="staff-groups"),
    path("staff/reviews/states/<str:code>/", views.StateEditView.as_view(), name="staff-state"),
    path(
        "staff/reviews/states/<str:code>/reviewers/",
        views.ReviewersEditView.as_view(),
        name="staff-reviewers",
    ),
    path(
        "staff/reviews/states/<str:code>/steps/",
        views.StepsEditView.as_view(),
        name="staff-steps",
    ),
    path("staff/reviews/", views.ReviewDataView.as_view(), name="staff-data"),
    path(
        "staff/reviews/export/<slug:kind>.csv",
        views.ReviewDataExportView.as_view(),
        name="staff-export",
    ),
    path("staff/reviews/import/", views.ReviewDataImportView.as_view(), name="staff-import"),
    path("staff/reviews/changes/", views.ChangeLogView.as_view(), name="staff-changes"),
]
