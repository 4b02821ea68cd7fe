"""Engagement sweeps, with the clock moved."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail

from engagement.models import AgendaItem
from engagement.services.sweeps import dialogues_remind_missing_programme
from portal.models import OutboundEmail, Role, RoleGrant
from tests.factories import DialogueFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officers():
    users = UserFactory.create_batch(2)
    for user in users:
        RoleGrant.objects.create(user=user, role=Role.SECRETARIAT)
    return users


def test_programme_reminder_once_per_dialogue_and_officer(
    officers, settings, django_capture_on_commit_callbacks
):
    settings.PROGRAMME_REMINDER_DAYS = 14
    dialogue = DialogueFactory()
    with_programme = DialogueFactory()
    AgendaItem.objects.create(dialogue=with_programme, title="Opening")

    fifteen_days_before = dialogue.starts_at - timedelta(days=15)
    with time_machine.travel(fifteen_days_before):
        assert dialogues_remind_missing_programme() == {"queued": 0}

    with (
        time_machine.travel(dialogue.starts_at - timedelta(days=13)),
        django_capture_on_commit_callbacks(execute=True),
    ):
        assert dialogues_remind_missing_programme() == {"queued": 2}
        assert dialogues_remind_missing_programme() == {"queued": 0}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in officers)
    assert mail.outbox[0].subject == f"No programme yet: {dialogue.title}"
    assert f"/staff/dialogues/{dialogue.pk}/" in mail.outbox[0].body
    assert OutboundEmail.objects.filter(related_id=with_programme.pk).count() == 0
