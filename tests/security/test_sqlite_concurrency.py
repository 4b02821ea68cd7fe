"""The embedded database (SQLite) takes the concurrency a small secretariat produces: writes that
arrive at the same moment through a live server (two people saving the same organization's
profile, a double click on "Submit", two officers preparing and releasing the same decisions)
wait their turn instead of failing with "database is locked", and each lands once.

The portal runs here on a SQLite file in gunicorn processes of its own (two workers, four
threads each), whatever database the rest of the suite uses."""

import threading

import pytest
from django.urls import reverse

from .sqlite_portal import ORGANIZATION_FORM, SqlitePortal

APPLICANTS = 4  # organizations, each submitting twice at once
WAITING = 6  # applications the two officers decide on at once
ROUNDS = 3


@pytest.fixture(scope="module")
def portal(tmp_path_factory):
    served = SqlitePortal(tmp_path_factory.mktemp("sqlite-portal"))
    try:
        served.start()
        served.data = served.call("seed", APPLICANTS, WAITING)
        yield served
    finally:
        served.stop()


def _at_once(portal, requests) -> list[tuple[int, str]]:
    """Send every (path, data, session) at the same moment; the responses, in order."""
    start = threading.Barrier(len(requests))
    responses: list = [None] * len(requests)

    def send(index, path, data, session):
        start.wait()
        responses[index] = portal.post(path, data, session=session)

    threads = [
        threading.Thread(target=send, args=(index, *request))
        for index, request in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=90)
    return responses


def _no_server_error(responses, portal) -> None:
    failed = [status for status, _body in responses if status >= 500]
    assert not failed, (f"{len(failed)} of {len(responses)}", portal.log.read_text()[-3000:])


def _apply_form(dialogue: int, organization_session_index: int) -> dict:
    return {
        "dialogues": [dialogue],
        "statement": "We run shelters for survivors.",
        "wants_to_speak": "on",
        "speaking_topic": "Victim identification",
        "people-TOTAL_FORMS": "1",
        "people-INITIAL_FORMS": "0",
        "people-MIN_NUM_FORMS": "1",
        "people-MAX_NUM_FORMS": "10",
        "people-0-name": f"Person {organization_session_index}",
        "people-0-function": "Director",
        "people-0-email": f"person{organization_session_index}@example.org",
        "people-0-attendance": "in_person",
        "submit": "1",
    }


def test_concurrent_writes_on_sqlite_wait_their_turn_and_land_once(portal):
    data = portal.data
    edit = reverse("engagement:organization-edit", args=[data["organization"]])
    names = set()
    responses = []
    for round_ in range(ROUNDS):
        saves = []
        for index, session in enumerate(data["editors"]):
            name = f"Riverside Legal Aid {round_}-{index}"
            names.add(name)
            form = {**ORGANIZATION_FORM, "name": name, "expertise_clusters": [data["cluster"]]}
            saves.append((edit, form, session))
        responses += _at_once(portal, saves)
    saved = [status for status, _body in responses]

    apply = reverse("engagement:apply")
    submits = [
        (apply, _apply_form(data["open_dialogue"], index), session)
        for index, session in enumerate(data["applicants"])
        for _click in range(2)
    ]
    responses += _at_once(portal, submits)

    decide = reverse("engagement:staff-queue-decide", args=[data["closed_dialogue"]])
    release = reverse("engagement:staff-queue-release", args=[data["closed_dialogue"]])
    stage = {"applications": data["waiting"], "action": "screened_in", "reason": ""}
    officers = data["officers"]
    responses += _at_once(portal, [(decide, stage, session) for session in officers])
    responses += _at_once(portal, [(release, {}, session) for session in officers])

    _no_server_error(responses, portal)
    assert saved == [302] * 2 * ROUNDS
    result = portal.call(
        "outcome", data["organization"], data["open_dialogue"], data["closed_dialogue"]
    )
    assert result["journal_mode"] == "wal"
    assert result["name"] in names
    # A double click submits once: one application per organization, submitted once, with
    # its representative once and its acknowledgement once.
    assert result["applications"] == [1] * APPLICANTS
    assert result["applied_statuses"] == ["submitted"]
    assert result["submissions"] == [1] * APPLICANTS
    assert result["representatives"] == [1] * APPLICANTS
    sent, distinct = result["received_emails"]
    assert sent == distinct >= APPLICANTS
    # Two officers releasing at once: every decision carried out once, every email sent once.
    assert result["decided_statuses"] == ["screened_in"]
    assert result["screenings"] == [1] * WAITING
    assert result["still_staged"] == 0
    sent, distinct = result["screened_in_emails"]
    assert sent == distinct >= WAITING
