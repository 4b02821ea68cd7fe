from django.urls import path

from .views import dialogues, pledges, staff_dialogues

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
    path("pledges/", pledges.PledgeListView.as_view(), name="pledge-list"),
    path("pledges/<str:code>/", pledges.PledgeStateView.as_view(), name="pledge-state"),
    path(
        "staff/pledges/<str:code>/",
        pledges.PledgeRecordView.as_view(),
        name="staff-pledge-record",
    ),
    path(
        "staff/dialogues/",
        staff_dialogues.StaffDialogueListView.as_view(),
        name="staff-dialogue-list",
    ),
    path(
        "staff/dialogues/new/",
        staff_dialogues.DialogueCreateView.as_view(),
        name="staff-dialogue-create",
    ),
    path(
        "staff/dialogues/<int:pk>/",
        staff_dialogues.DialogueUpdateView.as_view(),
        name="staff-dialogue-edit",
    ),
    path(
        "staff/dialogues/<int:pk>/status/<slug:target>/",
        staff_dialogues.DialogueTransitionView.as_view(),
        name="staff-dialogue-transition",
    ),
    path(
        "staff/sessions/new/",
        staff_dialogues.SessionCreateView.as_view(),
        name="staff-session-create",
    ),
]
