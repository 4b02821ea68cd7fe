from django.urls import path

from .views import dialogues

app_name = "engagement"
urlpatterns = [
    path("dialogues/", dialogues.DialogueListView.as_view(), name="dialogue-list"),
    path("dialogues/feed.ics", dialogues.DialogueFeedView.as_view(), name="dialogue-feed"),
    path("dialogues/<int:pk>/", dialogues.DialogueDetailView.as_view(), name="dialogue-detail"),
    path(
        "dialogues/<int:pk>/calendar.ics",
        dialogues.DialogueICalView.as_view(),
        name="dialogue-ical",
    ),
]
