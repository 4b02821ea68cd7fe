from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("history/", views.HistoryView.as_view(), name="history"),
    path("reviews/", views.ReviewOverviewView.as_view(), name="overview"),
    path("reviews/states/", views.StateListView.as_view(), name="state-list"),
    path("reviews/states/<str:code>/", views.StateDetailView.as_view(), name="state-detail"),
    path("compilation/", views.CompilationView.as_view(), name="compilation"),
    path("staff/compilation/add/", views.CompilationAddView.as_view(), name="compilation-add"),
]
