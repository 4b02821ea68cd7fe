"""Random values posted to every URL that takes POST, as every role that reaches it: never a 500.

The URLs come from the URL configuration (``tests/scene.py``). A role reaches a URL when an
empty POST is neither a 404, a 405 nor a trip to the sign-in page. The fields posted are those
of the forms the role is shown for that URL (on its own page or, for a URL that only takes
POST, on the nearest page above it), plus names that views read by hand; each gets text,
numbers huge and negative, other scripts, empty values, lists, dates out of range, the ids of
real objects and the choices its form offers. Each example runs in a transaction rolled back
after it. The client raises what a view raises, so a failure shows the trace and the values.
"""

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import Resolver404, resolve, reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.scene import (
    ROLES,
    named_urls,
    scene_fixture,  # noqa: F401 - the ``scene`` fixture
    url_for,
)

pytestmark = pytest.mark.django_db

# Names views and forms read that a page may not show (hidden per row, buttons, by hand).
EXTRA_NAMES = ("application", "applications", "organization", "dialogue", "decision", "action")
# Posts per URL: one per field of its form within these bounds for the first role that
# reaches it, a few for each other role (the same form, other permissions).
FEWEST_EXAMPLES, MOST_EXAMPLES, OTHER_ROLES_EXAMPLES = 4, 24, 3
NOT_REACHED = {404, 405}
# POST views no role of the scene reaches with an empty POST (each says why).
UNREACHED_BY_ANY_ROLE = {
    "file",  # files are fetched, never posted
    "account_email_verification_sent",  # a page to read: POST is not allowed
    "account_confirm_email",  # the scene's key is wrong: a 404
}


def _shows_a_page(url: str) -> bool:
    view_class = getattr(resolve(url).func, "view_class", None)
    return view_class is None or hasattr(view_class, "get")


def _takes_post(view) -> bool:
    view_class = getattr(view, "view_class", None)
    if view_class is None:  # a function view (the admin's, the files'): tried
        return True
    return "post" in view_class.http_method_names and hasattr(view_class, "post")


def post_urls() -> list[tuple[str, str]]:
    """Every named URL whose view takes POST; of the admin, its forms (add, change, delete)."""
    return [
        (name, route)
        for name, route, view in named_urls(with_views=True)
        if _takes_post(view)
        and (not name.startswith("admin:") or name.endswith(("_add", "_change", "_delete")))
    ]


class FormFields(HTMLParser):
    """The fields of the POST forms of a page, by the path each form posts to: for each, its
    type, the values it offers (options, buttons) and the value the page fills in."""

    def __init__(self, page_path: str):
        super().__init__()
        self.page_path, self.action, self.select, self.textarea = page_path, None, None, None
        self.forms = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form":
            posting = (attrs.get("method") or "get").lower() == "post"
            target = urlsplit(attrs.get("action") or self.page_path).path or self.page_path
            self.action = target if posting else None
            self.forms.setdefault(target, {})
        elif self.action and tag in {"input", "textarea", "select", "button"} and attrs.get("name"):
            kind = attrs.get("type", tag) if tag == "input" else tag
            field = self.forms[self.action].setdefault(
                attrs["name"], {"type": kind, "values": set(), "initial": ""}
            )
            value = attrs.get("value") or ""
            if value:
                field["values"].add(value)
            checkable = kind in {"checkbox", "radio"}
            if value and tag == "input" and (not checkable or "checked" in attrs):
                field["initial"] = field["initial"] or value
            self.select = field if tag == "select" else None
            self.textarea = field if tag == "textarea" else None
        elif self.select is not None and tag == "option" and attrs.get("value"):
            self.select["values"].add(attrs["value"])
            if "selected" in attrs or not self.select["initial"]:
                self.select["initial"] = attrs["value"]

    def handle_data(self, data):
        if self.textarea is not None and data.strip():
            self.textarea["initial"] = data.strip()

    def handle_endtag(self, tag):
        if tag == "form":
            self.action = None
        elif tag in {"select", "textarea"}:
            self.select = self.textarea = None


def _page_showing(url: str) -> str | None:
    """``url`` if it shows a page, else the nearest address above it that does."""
    path = url
    while path and path != "/":
        try:
            if _shows_a_page(path):
                return path
        except Resolver404:
            pass
        path = path.rstrip("/").rsplit("/", 1)[0] + "/"
    return None


def form_fields(client, url: str) -> dict:
    page = _page_showing(url)
    if page is None:
        return {}
    response = client.get(page)
    if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
        return {}
    parser = FormFields(page)
    parser.feed(response.content.decode())
    fields = parser.forms.get(urlsplit(url).path, {})
    fields.pop("csrfmiddlewaretoken", None)
    return fields


TEXT = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=8),
    st.sampled_from(["", " ", "\x00", "a" * 5000, "<script>alert(1)</script>", "=1+1", "ـ٣"]),
)
NUMBERS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70).map(str),
    st.sampled_from(["0", "-1", "1.5", "1e309", "NaN", "inf", "٣", "0x10", "99999999", "32768"]),
)
DATES = st.sampled_from(
    [
        "0001-01-01",
        "9999-12-31",
        "0001-01-01T00:00",
        "0001-03-01T10:00",
        "9999-12-31T23:59",
        "2027-02-30",
        "2027-06-10T25:61",
        "1969-12-31T23:59:59",
    ]
)
FILES = st.binary(max_size=64).map(lambda data: SimpleUploadedFile("x.pdf", data))
# What a person would type where the page leaves a field empty, so that a mutation of another
# field reaches the checks that run once the form is otherwise valid.
PLAUSIBLE = {
    "email": "someone@example.org",
    "date": "2027-06-10",
    "datetime-local": "2027-06-10T15:00",
    "number": "15",
    "url": "https://example.org",
}


FORMSET_ROW = re.compile(r"-\d+-")


def value_strategy(field: dict, ids: list[str]):
    """Values of every shape, the ones fitting the field's type most often."""
    offered = st.sampled_from(sorted(field["values"]) + ids or ["1"])
    kind = field["type"]
    if kind == "file":
        return FILES
    if kind == "number":
        single = st.one_of(NUMBERS, NUMBERS, TEXT)
    elif kind in {"date", "datetime-local", "time"}:
        single = st.one_of(DATES, DATES, TEXT, NUMBERS)
    elif kind in {"select", "checkbox", "radio", "hidden", "button", "submit"}:
        single = st.one_of(offered, NUMBERS, TEXT)
    else:
        single = st.one_of(TEXT, TEXT, NUMBERS, DATES)
    return st.one_of(single, st.lists(single, max_size=3))


def base_values(fields: dict) -> dict:
    """The form as the page fills it in: empty fields of its own given a plausible value,
    the extra rows of a formset left empty (as a person leaves them)."""
    values = {}
    for name, field in fields.items():
        if field["type"] in {"checkbox", "radio", "file", "button", "submit"}:
            if field["initial"]:
                values[name] = field["initial"]
            continue
        blank = field["type"] == "hidden" or FORMSET_ROW.search(name)
        values[name] = field["initial"] or ("" if blank else PLAUSIBLE.get(field["type"], "Text"))
    return values


ABSENT = object()


def post_data(fields: dict, ids: list[str]):
    """The form as filled in, each field kept (most often), changed to a random value or left
    out, and the names views read by hand added now and then: one post tries many fields, and
    a field's check runs beside others that pass (as the checks in ``clean()`` need)."""
    base = base_values(fields)
    names = {**{name: {"type": "hidden", "values": set()} for name in EXTRA_NAMES}, **fields}
    return st.fixed_dictionaries(
        {
            name: st.one_of(
                st.just(base.get(name, ABSENT)),
                st.just(base.get(name, ABSENT)),
                value_strategy(field, ids),
                st.just(ABSENT),
            )
            for name, field in names.items()
        }
    ).map(lambda values: {name: value for name, value in values.items() if value is not ABSENT})


def _reached(response) -> bool:
    if response.status_code in NOT_REACHED:
        return False
    location = response.get("Location", "") if response.status_code == 302 else ""
    return not location.startswith((reverse("account_login"), "/admin/login/"))


def random_posts(client, url: str, role: str, fields: dict, ids: list[str], examples: int):
    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(data=post_data(fields, ids))
    def posting(data):
        with transaction.atomic():
            response = client.post(url, data)
            transaction.set_rollback(True)
        assert response.status_code < 500, (role, data)

    posting()


URLS = post_urls()


@pytest.mark.parametrize(("name", "route"), URLS, ids=[name for name, _route in URLS])
def test_random_posts_never_answer_500(scene, name, route):
    url = url_for(name, route, scene)
    ids = sorted({str(obj.pk) for obj in scene.objects.values() if hasattr(obj, "pk")})
    reached_by = []
    for role in ROLES:
        client = scene.client(role)
        with transaction.atomic():
            reached = _reached(client.post(url, {}))
            transaction.set_rollback(True)
        if reached:
            fields = form_fields(client, url)
            examples = min(max(len(fields), FEWEST_EXAMPLES), MOST_EXAMPLES)
            if reached_by:
                examples = OTHER_ROLES_EXAMPLES
            random_posts(client, url, role, fields, ids, examples)
            reached_by.append(role)
    assert reached_by or name in UNREACHED_BY_ANY_ROLE, f"{url}: no role reaches it"


def test_every_url_that_takes_post_is_walked():
    """The walk starts from the URL configuration: a POST view added later is in it."""
    names = {name for name, _route in URLS}
    assert {"engagement:state-list", "engagement:bureau-referrals", "engagement:apply"} <= names
    assert "engagement:staff-queue-decide" in names and "account_login" in names
