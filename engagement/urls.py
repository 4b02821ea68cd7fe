from django.urls import path

from .views import dialogues, organizations, pledges, privacy, staff, staff_dialogues

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
    path("organizations/", organizations.MyOrganizationsView.as_view(), name="organization-list"),
    path(
        "organizations/new/",
        organizations.OrganizationCreateView.as_view(),
        name="organization-create",
    ),
    path(
        "organizations/<int:pk>/",
        organizations.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path(
        "organizations/<int:pk>/edit/",
        organizations.OrganizationUpdateView.as_view(),
        name="organization-edit",
    ),
    path(
        "organizations/<int:pk>/invitations/",
        organizations.InvitationCreateView.as_view(),
        name="invitation-create",
    ),
    path(
        "organizations/<int:pk>/invitations/<int:invitation_pk>/withdraw/",
        organizations.InvitationWithdrawView.as_view(),
        name="invitation-withdraw",
    ),
    path(
        "organizations/<int:pk>/members/<int:membership_pk>/remove/",
        organizations.MembershipRemoveView.as_view(),
        name="membership-remove",
    ),
    path(
        "invitations/<str:token>/",
        organizations.InvitationAcceptView.as_view(),
        name="invitation-accept",
    ),
    path("accounts/privacy/", privacy.PrivacyView.as_view(), name="privacy"),
    path(
        "accounts/privacy/my-data.json",
        privacy.PersonalDataExportView.as_view(),
        name="privacy-export",
    ),
    path(
        "staff/organizations/",
        staff.StaffOrganizationListView.as_view(),
        name="staff-organization-list",
    ),
    path("staff/roles/", staff.RoleListView.as_view(), name="staff-roles"),
    path("staff/roles/<int:pk>/revoke/", staff.RoleRevokeView.as_view(), name="staff-role-revoke"),
]
