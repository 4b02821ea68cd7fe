"""The weekly digest of overdue review steps: to the secretariat and to each State's own
representatives, once per ISO week, from Monday 08:00 Vienna time, never when nothing is due."""

from datetime import date, datetime

import pytest
from django.core import mail

from portal.deadlines import VIENNA
from portal.models import OutboundEmail, Role
from reviews.models import ReviewGroup, ReviewStep, State
from reviews.services import state_review_update
from reviews.services.sweeps import review_steps_overdue_digest
from tests.factories import UserFactory, grant_role

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    kenya, uganda = State.objects.get(code="KEN"), State.objects.get(code="UGA")
    group = ReviewGroup.objects.get(number=1)
    for state in (kenya, uganda):
        state_review_update(state, actor=None, via="form", review_group=group)
    return {
        "staff": grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT),
        "kenya": grant_role(
            UserFactory(email="rep@example.go.ke"), Role.STATE_REPRESENTATIVE, state=kenya
        ),
        "uganda": grant_role(
            UserFactory(email="rep@example.go.ug"), Role.STATE_REPRESENTATIVE, state=uganda
        ),
    }


def test_digest_goes_once_a_week_to_staff_and_each_states_representatives(
    people, django_capture_on_commit_callbacks
):
    ReviewStep.objects.filter(state__code="UGA").update(done_on=date(2020, 12, 1))
    monday_early = datetime(2026, 11, 30, 7, 59, 59, tzinfo=VIENNA)
    assert review_steps_overdue_digest(monday_early) == {"queued": 0}
    monday = datetime(2026, 11, 30, 8, 0, tzinfo=VIENNA)
    with django_capture_on_commit_callbacks(execute=True):
        assert review_steps_overdue_digest(monday) == {"queued": 2}
    assert review_steps_overdue_digest(monday) == {"queued": 0}
    assert review_steps_overdue_digest(datetime(2026, 12, 4, 12, tzinfo=VIENNA)) == {"queued": 0}
    recipients = set(OutboundEmail.objects.values_list("to", flat=True))
    assert recipients == {"officer@example.org", "rep@example.go.ke"}  # Uganda: nothing due
    staff_mail = next(m for m in mail.outbox if m.to == ["officer@example.org"])
    assert staff_mail.subject == "Country reviews: 11 overdue steps"
    assert (
        "Kenya: http" in staff_mail.body
        and "cluster 4: Governmental experts appointed" in staff_mail.body
    )
    assert "Uganda" not in staff_mail.body
    next_week = datetime(2026, 12, 7, 9, tzinfo=VIENNA)
    assert review_steps_overdue_digest(next_week) == {"queued": 2}


def test_no_digest_when_nothing_is_overdue(people):
    ReviewStep.objects.update(done_on=date(2020, 12, 1))
    assert review_steps_overdue_digest(datetime(2026, 11, 30, 9, tzinfo=VIENNA)) == {"queued": 0}
    assert not OutboundEmail.objects.exists()


def test_a_representative_hears_only_of_their_own_state(people, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        assert review_steps_overdue_digest(datetime(2026, 11, 30, 9, tzinfo=VIENNA)) == {
            "queued": 3
        }
    by_recipient = {message.to[0]: message.body for message in mail.outbox}
    assert "Kenya:" in by_recipient["officer@example.org"]
    assert "Uganda:" in by_recipient["officer@example.org"]
    assert "Kenya:" in by_recipient["rep@example.go.ke"]
    assert "Uganda" not in by_recipient["rep@example.go.ke"]
    assert "Kenya" not in by_recipient["rep@example.go.ug"]
