import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_home_page_links_only_to_pages_that_exist(client):
    response = client.get(reverse("home"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "107 articles" in html

    for href in set(re.findall(r'href="(/[^"#?]*)', html)):
        if href.startswith("/static/"):
            continue
        assert client.get(href).status_code in (200, 302), href


def test_base_layout_has_skip_link_landmarks_and_no_inline_code(client):
    html = client.get(reverse("home")).content.decode()
    assert '<a class="skip-link" href="#main">' in html
    assert '<main id="main"' in html
    assert "<script>" not in html and "style=" not in html and "<style" not in html
    assert "/static/vendor/pico/pico.min.css" in html
    assert "cdn" not in html.lower()


def test_strict_content_security_policy(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy


def test_404_page_in_the_portal_look(client):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Page not found" in html
    assert "UNTOC engagement portal" in html


def test_500_page_renders_in_the_portal_look():

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()


def test_admin_requires_login(client):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert "/login/" in response["Location"]
