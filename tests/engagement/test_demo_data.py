import pytest
from django.core.management import call_command

from engagement.models import Application, Organization
from portal.models import Role, RoleGrant, User
from reviews.models import ReviewContact, ReviewerAssignment, ReviewStep, State

pytestmark = pytest.mark.django_db


def test_demo_data_is_complete_labelled_and_idempotent(capsys):
    call_command("load_demo_data")
    printed = capsys.readouterr().out
    call_command("load_demo_data", quiet_logins=True)
    assert Organization.objects.filter(is_demo=True).count() == 30
    assert not Organization.objects.filter(is_demo=True).exclude(name__endswith="(demo)").exists()
    assert set(Application.objects.values_list("status", flat=True)) == set(
        Application.Status.values
    )
    assert all(u.email.endswith("@demo.invalid") for u in User.objects.all())
    assert {g.role for g in RoleGrant.objects.all()} == set(Role.values)
    assert "secretariat@demo.invalid" in printed and "authenticator secret" in printed
    assert len({o.country.code for o in Organization.objects.all()}) >= 20


def test_demo_totp_prints_a_six_digit_code(capsys):
    call_command("load_demo_data", quiet_logins=True)
    call_command("demo_totp", "secretariat@demo.invalid")
    code = capsys.readouterr().out.strip()
    assert len(code) == 6 and code.isdigit()


def test_demo_review_data_is_labelled_and_idempotent(client):

    call_command("load_demo_data", quiet_logins=True)
    call_command("load_demo_data", quiet_logins=True)
    assert list(State.objects.filter(review_is_demo=True).values_list("code", flat=True)) == ["KEN"]
    assert ReviewStep.objects.filter(state__code="KEN").count() == 24
    assert ReviewStep.objects.filter(state__code="KEN", done_on__isnull=False).count() == 4
    assert ReviewerAssignment.objects.count() == 4 and ReviewContact.objects.count() == 1
    html = client.get("/reviews/states/KEN/").content.decode()
    assert "Demo data: this State" in html
    listing = client.get("/reviews/states/?q=kenya").content.decode()
    assert '<span class="badge badge-warning">demo</span>' in listing
