"""The pledge tracker: public table and State page, the secretariat's record form."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfWriter

from engagement.models import PledgeSignature
from portal.models import Role
from reviews.models import State
from tests.factories import UserFactory, grant_role

pytestmark = pytest.mark.django_db


def _sign(code, **fields):
    return PledgeSignature.objects.create(
        state=State.objects.get(code=code),
        signed_on=fields.pop("signed_on", date(2026, 3, 1)),
        signatory=fields.pop("signatory", "Minister of Justice"),
        source_url=fields.pop("source_url", "https://example.org/pledge.pdf"),
        **fields,
    )


def _pdf():
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_public_table_lists_every_state_with_its_status(client):
    _sign("AUT")
    response = client.get(reverse("engagement:pledge-list"))
    states = response.context["states"]
    assert len(states) == State.objects.count() == 198
    assert response.context["signed_count"] == 1
    html = response.content.decode()
    assert "Signed 1 Mar 2026" in html


def test_filters_by_status_group_and_name(client):
    _sign("AUT")
    _sign("KEN")
    url = reverse("engagement:pledge-list")
    signed = client.get(url, {"status": "signed"}).context["states"]
    assert [s.code for s in signed] == ["AUT", "KEN"]
    african = client.get(url, {"status": "signed", "regional_group": "AFRICAN"})
    assert [s.code for s in african.context["states"]] == ["KEN"]
    by_name = client.get(url, {"q": "austr"}).context["states"]
    assert {s.code for s in by_name} == {"AUS", "AUT"}
    not_signed = client.get(url, {"status": "not_signed"}).context["states"]
    assert len(not_signed) == 196


def test_state_page_shows_signature_and_the_pledge_text(client):
    _sign("AUT", signatory="Federal Minister")
    html = client.get(reverse("engagement:pledge-state", args=["aut"])).content.decode()
    assert "The Government signed the pledge on 1 March 2026." in html
    assert "Federal Minister" in html
    assert "the Government of Austria is committed to involving civil society" in html
    assert "we commit to making public the responses to our self-assessment questionnaire" in html
    assert client.get(reverse("engagement:pledge-state", args=["XXX"])).status_code == 404


def test_list_query_count_does_not_grow_with_signatures(client):
    url = reverse("engagement:pledge-list")
    _sign("AUT")
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for state in State.objects.exclude(code="AUT")[:49]:
        _sign(state.code)
    with CaptureQueriesContext(connection) as fifty:
        assert client.get(url).context["signed_count"] == 50
    assert len(fifty) == len(one)


def test_only_the_secretariat_records_signatures(client):
    url = reverse("engagement:staff-pledge-record", args=["AUT"])
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404


def test_secretariat_records_a_signature_with_a_pdf_source(client):
    staff = UserFactory()
    grant_role(staff, Role.SECRETARIAT)
    client.force_login(staff)
    url = reverse("engagement:staff-pledge-record", args=["AUT"])
    data = {
        "signed_on": "2026-05-04",
        "signatory": "Minister",
        "signatory_title": "",
        "source_url": "",
        "note": "",
    }
    response = client.post(url, data)
    assert "Give a source" in response.content.decode()
    assert 'value="Minister"' in response.content.decode()

    data["source_document"] = SimpleUploadedFile("x.pdf", b"<html>not a pdf</html>")
    response = client.post(url, data)
    assert "This file is not a PDF document." in response.content.decode()

    data["source_document"] = SimpleUploadedFile("signed.pdf", _pdf())
    response = client.post(url, data)
    assert response.status_code == 302
    signature = PledgeSignature.objects.get(state__code="AUT")
    assert signature.signed_on == date(2026, 5, 4)
    assert signature.recorded_by == staff
    assert signature.source_document.name.startswith("pledges/")


def test_the_table_says_no_signature_recorded_and_who_can_sign(client):
    """No government is said to have "not signed": the portal only knows what is recorded. The
    pledge is worded for States parties; entities outside the list of parties are marked."""
    response = client.get(reverse("engagement:pledge-list"))
    html = " ".join(response.content.decode().split())
    assert "Not signed" not in html
    assert html.count('<span class="muted">No signature recorded</span>') == 198
    assert "worded for the government of a State party to the Convention" in html
    assert "The Convention had 192 parties as of May 2024." in html
    marked = {s.code for s in response.context["states"] if not s.in_convention_list}
    assert marked == {"COG", "IRN", "PLW", "PNG", "SLB", "TUV"}
    assert html.count(">not in the list of parties loaded<") == 6
    assert html.count(">not a State<") == 1  # the European Union
    palau = " ".join(
        client.get(reverse("engagement:pledge-state", args=["PLW"])).content.decode().split()
    )
    assert "No signature recorded" in palau
    assert "not in the list of parties loaded (as of May 2024), which is incomplete" in palau
    option = client.get(reverse("engagement:pledge-list"), {"status": "not_signed"})
    assert len(option.context["states"]) == 198
