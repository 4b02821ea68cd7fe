"""Choosing a language: prefixed addresses that keep their language, the switcher, the
account's language winning over the browser's header."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from portal.models import Role
from tests.factories import DialogueFactory, UserFactory, grant_role

pytestmark = pytest.mark.django_db


def html_tag(response) -> str:
    page = response.content.decode()
    return page[page.index("<html") : page.index(">", page.index("<html")) + 1]


def test_a_user_whose_language_is_russian_gets_russian_pages_without_a_header(client):
    client.force_login(UserFactory(language="ru"))
    response = client.get("/dialogues/")
    assert response.status_code == 302 and response["Location"] == "/ru/dialogues/"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert 'lang="ru"' in html_tag(page) and 'dir="ltr"' in html_tag(page)
    assert page["Content-Language"] == "ru"
    with translation.override("ru"):
        title = translation.gettext("Dialogues")
    assert title in page.content.decode()


def test_the_accounts_language_wins_over_the_browsers_header(client):
    client.force_login(UserFactory(language="ru"))
    response = client.get("/reviews/states/?group=2", HTTP_ACCEPT_LANGUAGE="fr,en;q=0.5")
    assert response["Location"] == "/ru/reviews/states/?group=2"


def test_without_a_choice_the_browsers_header_decides(client):
    response = client.get("/history/", HTTP_ACCEPT_LANGUAGE="es-ES,es;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/es/history/"
    assert "Accept-Language" in response["Vary"]
    assert client.get("/history/", HTTP_ACCEPT_LANGUAGE="en-GB").status_code == 200
    assert client.get("/history/").status_code == 200  # no header: English


def test_a_shared_prefixed_link_keeps_its_language(client):
    client.force_login(UserFactory(language="ru"))
    response = client.get("/fr/history/", HTTP_ACCEPT_LANGUAGE="es")
    assert response.status_code == 200 and 'lang="fr"' in html_tag(response)
    arabic = client.get("/ar/history/")
    assert 'lang="ar"' in html_tag(arabic) and 'dir="rtl"' in html_tag(arabic)
    chinese = client.get("/zh-hans/history/")
    assert 'lang="zh-hans"' in html_tag(chinese)


def test_feeds_files_and_health_stay_unprefixed(client):
    dialogue = DialogueFactory()
    client.force_login(UserFactory(language="ar"))
    assert client.get("/dialogues/feed.ics").status_code == 200
    assert client.get(f"/dialogues/{dialogue.pk}/calendar.ics").status_code == 200
    assert client.get("/health/", HTTP_ACCEPT="application/json").status_code in (200, 503)
    assert reverse("health") == "/health/"
    with translation.override("fr"):
        assert reverse("health") == "/health/"
        assert reverse("engagement:dialogue-list") == "/fr/dialogues/"


def test_the_switcher_is_on_every_page_with_each_language_in_its_own_name(client):
    page = client.get("/fr/dialogues/").content.decode()
    assert f'action="{reverse("set-language")}"' in page
    assert 'name="next" value="/fr/dialogues/"' in page
    for code, name in [
        ("ar", "العربيّة"),
        ("zh-hans", "简体中文"),
        ("en", "English"),
        ("fr", "Français"),
        ("ru", "Русский"),
        ("es", "Español"),
    ]:
        assert f'<li lang="{code}"' in page and f">{name}</button>" in page, code
        assert f'<link rel="alternate" hreflang="{code}"' in page, code
    assert '<link rel="alternate" hreflang="ar" href="/ar/dialogues/">' in page
    assert '<link rel="alternate" hreflang="en" href="/dialogues/">' in page


@pytest.mark.parametrize(
    ("next_url", "language", "landing"),
    [
        ("/dialogues/?status=open", "ar", "/ar/dialogues/?status=open"),
        ("/ar/dialogues/", "zh-hans", "/zh-hans/dialogues/"),
        ("/zh-hans/dialogues/", "en", "/dialogues/"),
        ("/fr/reviews/states/KEN/", "ru", "/ru/reviews/states/KEN/"),
        ("https://evil.example/", "fr", "/fr/"),
    ],
)
def test_switching_lands_on_the_same_page_in_the_chosen_language(
    client, next_url, language, landing
):
    response = client.post(reverse("set-language"), {"language": language, "next": next_url})
    assert response.status_code == 302 and response["Location"] == landing
    assert response.cookies["django_language"].value == language


def test_switching_records_the_choice_on_the_account_and_english_sticks(client):
    user = UserFactory(language="ru")
    client.force_login(user)
    client.post(reverse("set-language"), {"language": "en", "next": "/ru/history/"})
    user.refresh_from_db()
    assert user.language == "en"
    assert client.get("/history/", HTTP_ACCEPT_LANGUAGE="fr").status_code == 200


def test_an_unknown_language_changes_nothing(client):
    user = UserFactory(language="es")
    client.force_login(user)
    response = client.post(reverse("set-language"), {"language": "xx", "next": "/history/"})
    assert response["Location"] == "/history/"
    user.refresh_from_db()
    assert user.language == "es"


def test_the_account_settings_choose_a_language_or_the_browser(client):
    user = UserFactory()
    client.force_login(user)
    page = client.get(reverse("account-language")).content.decode()
    assert 'lang="ar"' in page and "العربيّة" in page and "As my browser asks" in page
    response = client.post(reverse("account-language"), {"language": "es"})
    assert response["Location"] == "/es/accounts/language/"
    user.refresh_from_db()
    assert user.language == "es"
    response = client.post("/es/accounts/language/", {"language": ""}, HTTP_ACCEPT_LANGUAGE="fr")
    assert response["Location"] == "/fr/accounts/language/"
    user.refresh_from_db()
    assert user.language == ""
    bad = client.post(reverse("account-language"), {"language": "tlh"})
    assert bad.status_code == 200 and "tlh" in bad.content.decode()
    user.refresh_from_db()
    assert user.language == ""


def test_two_factor_set_up_stays_reachable_under_a_language_prefix(client):
    user = grant_role(UserFactory(language="fr"), Role.SECRETARIAT, mfa=False)
    client.force_login(user)
    response = client.get("/fr/dialogues/")
    assert response.status_code == 302 and response["Location"].startswith("/fr/accounts/2fa/")
    final = client.get(response["Location"], follow=True)
    assert final.status_code == 200
    assert final.redirect_chain[-1][0].startswith("/fr/accounts/reauthenticate/")


def test_a_cross_site_post_cannot_change_an_accounts_language(client):
    """The switcher carries no CSRF token; the session cookie (SameSite=Lax) does not travel
    with another site's POST, so only the language cookie could change."""
    assert settings.SESSION_COOKIE_SAMESITE in ("Lax", "Strict")
    assert "csrfmiddlewaretoken" not in client.get("/history/").content.decode()


def test_the_personal_calendar_feed_is_in_the_users_language(client):
    user = UserFactory(language="fr")
    response = client.get(f"/calendar/{user.calendar_token}.ics")
    assert response.status_code == 200
    with translation.override("fr"):
        name = translation.gettext("My deadlines (UNTOC engagement portal)")
    assert f"X-WR-CALNAME:{name}" in response.content.decode().replace("\r\n ", "")
    assert response["Content-Language"] == "fr"


def test_the_javascript_catalogue_and_switcher_stay_open_before_two_factor_set_up(client):
    user = grant_role(UserFactory(), Role.SECRETARIAT, mfa=False)
    client.force_login(user)
    catalogue = client.get("/fr/jsi18n/")
    assert catalogue.status_code == 200 and "gettext" in catalogue.content.decode()
    assert client.get("/jsi18n/").status_code == 200
    switched = client.post(reverse("set-language"), {"language": "fr", "next": "/history/"})
    assert switched["Location"] == "/fr/history/"
