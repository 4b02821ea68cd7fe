from django.urls import path

from . import views

app_name = "instruments"
urlpatterns = [
    path("instruments/", views.InstrumentListView.as_view(), name="list"),
    path("instruments/<slug:slug>/", views.InstrumentDetailView.as_view(), name="detail"),
    path(
        "instruments/<slug:slug>/articles/<str:number>/",
        views.ArticleDetailView.as_view(),
        name="article-detail",
    ),
    path("clusters/", views.ClusterMatrixView.as_view(), name="cluster-matrix"),
    path("clusters/<slug:slug>/", views.ClusterDetailView.as_view(), name="cluster-detail"),
]
