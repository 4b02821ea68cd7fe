"""The secretariat's outbox page: what went, what failed, and sending a failed one again."""

import pytest
from django.urls import reverse

from portal.models import OutboundEmail

pytestmark = pytest.mark.django_db


def test_outbox_page_lists_filters_and_resends_failed_messages(client, people, settings):

    failed = OutboundEmail.objects.create(
        to="a@example.org",
        subject="Failed one",
        body_text="secret link",
        template="t",
        status=OutboundEmail.Status.FAILED,
        attempts=5,
        last_error="SMTPServerDisconnected: gone",
    )
    OutboundEmail.objects.create(
        to="b@example.org",
        subject="Sent one",
        body_text="x",
        template="t",
        status=OutboundEmail.Status.SENT,
    )
    url = reverse("engagement:staff-outbox")
    client.force_login(people["admin"])
    assert client.get(url).status_code == 404
    client.force_login(people["secretariat"])
    html = client.get(url, {"status": "failed"}).content.decode()
    assert "Failed one" in html and "Sent one" not in html
    assert "SMTPServerDisconnected" in html and "secret link" not in html
    client.post(reverse("engagement:staff-outbox-resend", args=[failed.pk]))
    failed.refresh_from_db()
    assert failed.status in (OutboundEmail.Status.QUEUED, OutboundEmail.Status.SENT)
    assert failed.attempts in (0, 1)
