"""Kenya's demo review data never leave a demo context unlabelled: the letter's review sentence,
the calendar file, the cycle page's counts and the weekly digest all say "demo"."""

from datetime import datetime

import pytest
import time_machine
from django.urls import reverse

from engagement.letters.review import start_values
from portal.deadlines import VIENNA
from portal.models import OutboundEmail, Role
from reviews.demo import review_demo_load
from reviews.models import State
from reviews.services.sweeps import review_steps_overdue_digest
from tests.factories import UserFactory, grant_role
from tests.factories.engagement import MembershipFactory, OrganizationFactory

pytestmark = pytest.mark.django_db
LABEL = "[Demo data, not the real review:] Its review on cluster 3"
MONDAY = datetime(2026, 3, 2, 10, tzinfo=VIENNA)


@pytest.fixture
def kenya():
    review_demo_load()
    return State.objects.get(code="KEN")


def test_the_letters_review_sentence_says_the_data_are_demo(kenya, client):
    with time_machine.travel(MONDAY, tick=False):
        assert start_values(kenya)["review_context"].startswith(LABEL)
        french = start_values(kenya, "fr")["review_context"]
        assert french.startswith("[")
        member = UserFactory()
        organization = OrganizationFactory(
            name="Lakeside Rights Collective", kind="ngo", country="KE", email="i@l.example.org"
        )
        MembershipFactory(organization=organization, user=member, is_admin=True)
        client.force_login(member)
        form = client.get(reverse("engagement:letter-builder") + "?state=KEN").context["form"]
        values = client.get(reverse("engagement:letter-context"), {"state": kenya.pk}).json()
    assert form.initial["review_context"].startswith(LABEL)
    assert values["review_context"].startswith(LABEL)


def test_a_state_with_real_review_data_has_no_label(kenya):
    kenya.review_is_demo = False
    kenya.save()
    with time_machine.travel(MONDAY, tick=False):
        assert start_values(kenya)["review_context"].startswith("Its review on cluster 3")


def test_the_calendar_file_labels_every_demo_deadline(kenya, client):
    with time_machine.travel(MONDAY, tick=False):
        body = client.get(reverse("reviews:state-ical", args=["KEN"])).content.decode()
    summaries = [line for line in body.splitlines() if line.startswith("SUMMARY:")]
    assert summaries and all(line.startswith("SUMMARY:Demo data: Due: Kenya") for line in summaries)
    assert "X-WR-CALNAME:Demo data: Review deadlines: Kenya" in body


def test_the_cycle_page_says_its_counts_include_demo_data(kenya, client):
    with time_machine.travel(MONDAY, tick=False):
        html = " ".join(client.get(reverse("reviews:overview")).content.decode().split())
    assert '1 State entered</a> <span class="badge badge-warning">1 with demo data</span>' in html
    assert "The count includes 1 State whose review data are demo data" in html


def test_the_weekly_digest_labels_a_demo_state(kenya, django_capture_on_commit_callbacks):
    grant_role(UserFactory(email="officer@example.org"), Role.SECRETARIAT)
    with django_capture_on_commit_callbacks(execute=True):
        review_steps_overdue_digest(now=MONDAY)
    body = OutboundEmail.objects.get(to="officer@example.org").body_text
    assert "Kenya (demo data, not a real review): http" in body
