"""Capacity cannot be exceeded: every path that approves an application (the objection window
closing, the Bureau deciding a referral) counts the free places under a lock on the dialogue,
and beyond them the application joins the reserve list."""

import ast
import threading
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.messages import get_messages
from django.db import close_old_connections, connection
from django.urls import reverse

from engagement.models import Application, Dialogue
from engagement.services import applications as application_services
from engagement.services import capacity, sweeps
from portal.models import OutboundEmail, Role
from tests.factories import ApplicationFactory, DialogueFactory, UserFactory, grant_role

S = Application.Status


def _full_dialogue_but(places_left: int, *, waiting: dict[str, int]) -> tuple:
    """A dialogue of two places (in person) with ``2 - places_left`` taken, and applications
    waiting for a decision, one representative each (``waiting``: status -> how many)."""
    dialogue = DialogueFactory(
        status=Dialogue.Status.CIRCULATED, format="in_person", capacity_in_person=2
    )
    for index in range(2 - places_left):
        holder = ApplicationFactory(dialogue=dialogue, status=S.CONFIRMED)
        holder.representatives.create(name=f"Holder {index}", email=f"h{index}@example.org")
    applications = []
    for status, count in waiting.items():
        for index in range(count):
            application = ApplicationFactory(dialogue=dialogue, status=status)
            application.representatives.create(name=f"Person {index}", email=f"p{index}@x.org")
            applications.append(application)
    return dialogue, applications


@pytest.mark.django_db
def test_a_bureau_approval_of_a_full_dialogue_puts_the_application_on_the_reserve_list(
    client, django_capture_on_commit_callbacks
):
    dialogue, (referred,) = _full_dialogue_but(0, waiting={S.REFERRED: 1})
    client.force_login(grant_role(UserFactory(), Role.BUREAU))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("engagement:bureau-referrals"),
            {"application": referred.pk, "decision": "approve", "reason": "Not substantiated."},
        )
    assert response.status_code == 302
    referred.refresh_from_db()
    assert (referred.status, referred.reserve_position) == (S.APPROVED, 1)
    assert referred.confirmation_deadline is None  # it confirms once a place is offered
    assert capacity.places_taken(dialogue) == 2
    sent = OutboundEmail.objects.filter(to=referred.organization.email).values_list(
        "template", flat=True
    )
    assert "emails/engagement/application_reserve" in sent
    assert "emails/engagement/application_approved" not in sent
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        f"Decision recorded for {referred.organization}: approved on the reserve list, position 1."
    ]


@pytest.mark.django_db
def test_a_bureau_approval_with_a_place_free_takes_the_place(client):
    dialogue, (referred,) = _full_dialogue_but(1, waiting={S.REFERRED: 1})
    application_services.bureau_decide(
        referred.pk, approve=True, by=grant_role(UserFactory(), Role.BUREAU), reason="Fine."
    )
    referred.refresh_from_db()
    assert (referred.status, referred.reserve_position) == (S.APPROVED, None)
    assert referred.confirmation_deadline == dialogue.confirmation_deadline


def _approvals_of_engagement() -> list[str]:
    """Where in the engagement app a status is changed to "approved" (file:line)."""
    found = []
    for path in sorted((Path(settings.BASE_DIR) / "engagement").rglob("*.py")):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and "transition" in ast.unparse(node.func)):
                continue
            if any("APPROVED" in ast.unparse(arg) for arg in node.args[1:2]):
                found.append(f"{path.relative_to(settings.BASE_DIR)}:{node.lineno}")
    return found


def test_every_approval_passes_the_capacity_check():
    """Only the capacity service approves (its own fresh approvals, reserve-list approvals and
    the offers of freed places); every other path asks it."""
    found = _approvals_of_engagement()
    assert found and all(place.startswith("engagement/services/capacity.py") for place in found)


# --- two approvals at once for the last place (PostgreSQL) -------------------------------------


def _slow_count(monkeypatch):
    """Counting the places takes a moment: without a lock, a second approval counts the same
    free place before the first one has taken it."""
    count = capacity.places_taken

    def slow(dialogue):
        taken = count(dialogue)
        time.sleep(0.5)
        return taken

    monkeypatch.setattr(capacity, "places_taken", slow)


def _at_once(*actions) -> list[BaseException]:
    errors, start = [], threading.Barrier(len(actions))

    def run(action):
        try:
            start.wait()
            action()
        except BaseException as error:
            errors.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(action,)) for action in actions]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return errors


@pytest.mark.parametrize("paths", [("bureau", "bureau"), ("bureau", "objection window")])
def test_two_approvals_at_once_for_the_last_place_approve_one(transactional_db, monkeypatch, paths):
    if connection.vendor != "postgresql":
        pytest.skip("row locks are PostgreSQL's; SQLite's immediate transactions queue writers")
    statuses = [S.REFERRED if path == "bureau" else S.CIRCULATED for path in paths]
    dialogue, applications = _full_dialogue_but(
        1, waiting={status: statuses.count(status) for status in dict.fromkeys(statuses)}
    )
    bureau = grant_role(UserFactory(), Role.BUREAU)
    closed = dialogue.objection_deadline + (dialogue.starts_at - dialogue.objection_deadline) / 2
    _slow_count(monkeypatch)

    def approve(application):
        if application.status == S.REFERRED:
            return lambda: application_services.bureau_decide(
                application.pk, approve=True, by=bureau, reason="Not substantiated."
            )
        return lambda: sweeps.applications_settle_objection_window(now=closed)

    assert _at_once(*(approve(application) for application in applications)) == []
    results = sorted(
        Application.objects.filter(pk__in=[a.pk for a in applications]).values_list(
            "status", "reserve_position"
        ),
        key=str,
    )
    assert results == [(S.APPROVED, 1), (S.APPROVED, None)]
    assert capacity.places_taken(dialogue) == 2
