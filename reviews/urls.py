from django.urls import path

from . import views

app_name = "reviews"
urlpatterns = [
    path("history/", views.HistoryView.as_view(), name="history"),
    path("compilation/", views.CompilationView.as_view(), name="compilation"),
    path("staff/compilation/add/", views.CompilationAddView.as_view(), name="compilation-add"),
]
