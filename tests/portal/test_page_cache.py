"""Anonymous public pages come from the cache, and never stale, personal or signed-in."""

import gzip

import pytest
from django.urls import reverse

from engagement.models import Dialogue
from portal.page_cache import current_version, invalidate_public_pages
from reviews.models import State
from tests.factories.engagement import DialogueFactory
from tests.factories.portal import UserFactory

pytestmark = pytest.mark.django_db


def _get(client, url, **headers):
    return client.get(url, headers=headers)


def test_second_anonymous_visit_is_served_from_the_cache_without_a_query(
    client, django_assert_num_queries
):
    url = reverse("reviews:state-list")
    first = _get(client, url)
    assert first.status_code == 200 and "X-Page-Cache" not in first
    with django_assert_num_queries(0):
        second = _get(client, url)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_an_edit_shows_at_once(client):
    dialogue = DialogueFactory(title="Dialogue before the edit")
    url = reverse("engagement:dialogue-detail", args=[dialogue.pk])
    assert b"Dialogue before the edit" in _get(client, url).content
    assert _get(client, url)["X-Page-Cache"] == "hit"

    dialogue = Dialogue.objects.get(pk=dialogue.pk)
    dialogue.title = "Dialogue after the edit"
    dialogue.save()

    again = _get(client, url)
    assert "X-Page-Cache" not in again
    assert b"Dialogue after the edit" in again.content


def test_an_edit_of_another_app_retires_pages_that_show_it(client):
    url = reverse("reviews:state-detail", args=["KEN"])
    _get(client, url)
    kenya = State.objects.get(code="KEN")
    kenya.name = "Kenya (edited)"
    kenya.save()
    assert b"Kenya (edited)" in _get(client, url).content


def test_a_signed_in_user_never_gets_or_leaves_a_cached_page(client):
    url = reverse("engagement:dialogue-list")
    _get(client, url)  # an anonymous copy is cached
    personal_link = reverse("engagement:organization-list").encode()  # a signed-in menu item
    client.force_login(UserFactory())
    page = _get(client, url)
    assert "X-Page-Cache" not in page
    assert personal_link in page.content
    assert "X-Page-Cache" not in _get(client, url)

    client.logout()
    client.cookies.clear()
    anonymous = _get(client, url)
    assert personal_link not in anonymous.content


def test_a_page_that_sets_a_cookie_or_uses_a_csrf_token_is_not_stored(client):
    url = reverse("account_login")  # a form with a CSRF token; not in the list either
    _get(client, url)
    assert "X-Page-Cache" not in _get(client, url)


def test_query_strings_are_kept_apart(client):
    url = reverse("engagement:dialogue-list")
    _get(client, url)
    assert _get(client, url)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in _get(client, url + "?status=past")
    assert _get(client, url + "?status=past")["X-Page-Cache"] == "hit"


def test_a_gzip_client_gets_the_page_compressed(client):
    url = reverse("instruments:list")
    plain = _get(client, url)
    compressed = _get(client, url, accept_encoding="gzip, deflate")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content
    assert "Accept-Encoding" in compressed["Vary"]


def test_invalidation_moves_the_version():
    before = current_version()
    invalidate_public_pages()
    assert current_version() == before + 1


def test_a_page_is_rendered_again_when_the_clock_moves_on(client, time_machine):
    time_machine.move_to("2026-03-02 10:00:05+01:00", tick=False)
    url = reverse("reviews:overview")
    _get(client, url)
    assert _get(client, url)["X-Page-Cache"] == "hit"
    time_machine.shift(61)
    assert "X-Page-Cache" not in _get(client, url)


def test_a_transaction_of_many_writes_retires_the_pages_once_more_on_commit(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks() as callbacks:
        for number in range(3):
            DialogueFactory(title=f"Dialogue {number}")
    assert callbacks.count(invalidate_public_pages) == 1


def test_a_sign_in_leaves_the_cached_pages(client):
    url = reverse("reviews:overview")
    _get(client, url)
    user = UserFactory()
    client.force_login(user)  # saves last_login
    client.logout()
    client.cookies.clear()
    assert _get(client, url)["X-Page-Cache"] == "hit"
