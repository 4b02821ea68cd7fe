from django.urls import path

from .views import (
    applications,
    calendar,
    dialogues,
    letter_exports,
    letters,
    organizations,
    outbox,
    pledges,
    privacy,
    staff,
    staff_applications,
    staff_dialogues,
    states,
)

app_name = "engagement"
urlpatterns = [
    path("dialogues/", dialogues.DialogueListView.as_view(), name="dialogue-list"),
    path("dialogues/feed.ics", dialogues.DialogueFeedView.as_view(), name="dialogue-feed"),
    path("dialogues/<id:pk>/", dialogues.DialogueDetailView.as_view(), name="dialogue-detail"),
    path(
        "dialogues/<id:pk>/calendar.ics",
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
        "staff/dialogues/<id:pk>/",
        staff_dialogues.DialogueUpdateView.as_view(),
        name="staff-dialogue-edit",
    ),
    path(
        "staff/dialogues/<id:pk>/status/<slug:target>/",
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
        "organizations/<id:pk>/",
        organizations.OrganizationDetailView.as_view(),
        name="organization-detail",
    ),
    path(
        "organizations/<id:pk>/edit/",
        organizations.OrganizationUpdateView.as_view(),
        name="organization-edit",
    ),
    path(
        "organizations/<id:pk>/invitations/",
        organizations.InvitationCreateView.as_view(),
        name="invitation-create",
    ),
    path(
        "organizations/<id:pk>/invitations/<id:invitation_pk>/withdraw/",
        organizations.InvitationWithdrawView.as_view(),
        name="invitation-withdraw",
    ),
    path(
        "organizations/<id:pk>/members/<id:membership_pk>/remove/",
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
    path("staff/roles/<id:pk>/revoke/", staff.RoleRevokeView.as_view(), name="staff-role-revoke"),
    path("apply/", applications.ApplyView.as_view(), name="apply"),
    path("applications/", applications.ApplicationListView.as_view(), name="application-list"),
    path(
        "applications/<id:pk>/",
        applications.ApplicationDetailView.as_view(),
        name="application-detail",
    ),
    path(
        "applications/<id:pk>/withdraw/",
        applications.ApplicationWithdrawView.as_view(),
        name="application-withdraw",
    ),
    path(
        "applications/<id:pk>/comments/",
        applications.CommentCreateView.as_view(),
        name="application-comment",
    ),
    path(
        "applications/confirm/<str:token>/",
        applications.ApplicationConfirmView.as_view(),
        name="application-confirm",
    ),
    path(
        "staff/dialogues/<id:pk>/applications/",
        staff_applications.QueueView.as_view(),
        name="staff-queue",
    ),
    path(
        "staff/dialogues/<id:pk>/applications/decide/",
        staff_applications.BulkDecisionView.as_view(),
        name="staff-queue-decide",
    ),
    path(
        "staff/dialogues/<id:pk>/applications/release/",
        staff_applications.ReleaseView.as_view(),
        name="staff-queue-release",
    ),
    path(
        "staff/dialogues/<id:pk>/applications/<id:application_pk>/undo/",
        staff_applications.UnstageView.as_view(),
        name="staff-queue-unstage",
    ),
    path(
        "staff/dialogues/<id:pk>/applications/export.<slug:fmt>",
        staff_applications.ExportView.as_view(),
        name="staff-queue-export",
    ),
    path("states/dialogues/", states.CirculatedDialoguesView.as_view(), name="state-dialogues"),
    path("states/dialogues/<id:pk>/", states.CirculatedListView.as_view(), name="state-list"),
    path("bureau/referrals/", states.BureauReferralsView.as_view(), name="bureau-referrals"),
    path("staff/outbox/", outbox.OutboxView.as_view(), name="staff-outbox"),
    path(
        "staff/outbox/<id:pk>/resend/",
        outbox.OutboxResendView.as_view(),
        name="staff-outbox-resend",
    ),
    path("calendar/<str:token>.ics", calendar.PersonalFeedView.as_view(), name="personal-feed"),
    path("accounts/calendar/", calendar.CalendarSettingsView.as_view(), name="calendar-settings"),
    path("letters/", letters.LetterListView.as_view(), name="letter-list"),
    path("letters/new/", letters.LetterBuilderView.as_view(), name="letter-builder"),
    path("letters/preview/", letters.LetterPreviewView.as_view(), name="letter-preview"),
    path("letters/<id:pk>/", letters.LetterDetailView.as_view(), name="letter-detail"),
    # The review sentence and focal point of a State for the builder (its address predates the
    # view's move to the letters).
    path("reviews/letter-context/", letters.LetterContextView.as_view(), name="letter-context"),
    path("letters/<id:pk>/pdf/", letters.LetterDownloadView.as_view(), name="letter-pdf"),
    path(
        "staff/letters/exports/",
        letter_exports.ExportCreateView.as_view(),
        name="staff-letter-exports",
    ),
    path(
        "staff/letters/exports/<id:pk>/",
        letter_exports.ExportDetailView.as_view(),
        name="staff-letter-export",
    ),
    path(
        "staff/letters/exports/<id:pk>/status/",
        letter_exports.ExportStatusView.as_view(),
        name="staff-letter-export-status",
    ),
    path(
        "staff/letters/exports/<id:pk>/<slug:part>/",
        letter_exports.ExportDownloadView.as_view(),
        name="staff-letter-export-download",
    ),
]
