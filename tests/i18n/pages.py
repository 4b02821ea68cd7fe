"""Every page of the portal with someone who may see it, found by walking the URL
configuration: the pages of the permission matrix, the catalogue's and the review cycle's, and
a few that need an object of their own. A new page must be added here or named in NOT_PAGES."""

from django.urls import URLPattern, URLResolver, get_resolver, resolve, reverse
from django.utils import translation

from engagement.models import Letter
from instruments.models import Article, Cluster, Instrument
from tests.engagement.test_letter_documents import _letter
from tests.factories.engagement import LetterExportFactory, LetterFactory
from tests.factories.reviews import StateFactory
from tests.i18n.legacy_matrix import _matrix

# Addresses of the walk that are no page to read, each with why.
NOT_PAGES = {
    "health": "outside the languages: monitors read it",
    "file": "a stored file, outside the languages",
    "set-language": "the switcher's POST",
    "javascript-catalog": "JavaScript",
    "reviews:state-ical": "iCalendar feed",
    "engagement:dialogue-feed": "iCalendar feed",
    "engagement:dialogue-ical": "iCalendar file",
    "engagement:personal-feed": "iCalendar feed",
    "reviews:staff-export": "CSV",
    "engagement:staff-queue-export": "CSV, XLSX, PDF",
    "engagement:privacy-export": "JSON",
    "engagement:letter-pdf": "PDF (letters, in the letter's language)",
    "engagement:letter-preview": "a fragment POSTed by the letter builder",
    "engagement:letter-context": "JSON for the letter builder",
    "engagement:staff-letter-export-status": "JSON polled by the export page",
    "engagement:staff-letter-export-download": "ZIP or PDF",
    "engagement:staff-queue-decide": "POST only",
    "engagement:staff-queue-release": "POST only",
    "engagement:staff-queue-unstage": "POST only",
    "engagement:staff-outbox-resend": "POST only",
    "engagement:invitation-create": "POST only",
    "engagement:invitation-withdraw": "POST only",
    "engagement:application-comment": "POST only",
    "engagement:application-confirm": "a signed one-click link (tests/engagement)",
    "engagement:state-list": "a circulated list (tests/engagement/test_applications.py)",
    "reviews:staff-import": "its form is on the review data page; GET goes there",
    "account_logout": "allauth's sign-out confirmation needs a session",
}
# allauth's flows that need a pending login, a key or a code are not pages one visits.
ALLAUTH_FLOWS = ("account_", "mfa_")
ALLAUTH_PAGES = {
    "account_login",
    "account_signup",
    "account_email",
    "account_change_password",
    "account_reset_password",
    "mfa_index",
}


def url_names(patterns=None, namespace=""):
    """Every named address of the URL configuration but the admin's."""
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from url_names(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield namespace + pattern.name


def name_of(url: str) -> str:
    return resolve(url.split("?")[0]).view_name


def pages(organization, people) -> list[tuple[str, str]]:
    """``(role, url)`` of every page, unprefixed (English), shown to the first role that sees
    it (signed-in roles before the anonymous reader, so the signed-in navigation shows too)."""
    with translation.override("en"):
        return _pages(organization, people)


def _pages(organization, people) -> list[tuple[str, str]]:
    order = ["admin", "secretariat", "state", "bureau", "chair", "member", "outsider", "anonymous"]
    found = {}
    for method, url, expected in _matrix(organization, people):
        role = next((r for r in order if expected.get(r) == 200), None)
        if method == "GET" and role and name_of(url) not in NOT_PAGES:
            found.setdefault(url, role)
    letter = LetterFactory(
        organization=organization, created_by=people["admin"], input=_letter("pledge", "en")
    )
    export = LetterExportFactory(requested_by=people["secretariat"])
    state = StateFactory(code="ZZZ", name="Testland")
    extra = [
        ("anonymous", reverse("instruments:list")),
        ("anonymous", reverse("instruments:cluster-matrix")),
        ("anonymous", Instrument.objects.first().get_absolute_url()),
        ("anonymous", Cluster.objects.first().get_absolute_url()),
        ("anonymous", Article.objects.select_related("instrument").first().get_absolute_url()),
        ("anonymous", reverse("reviews:state-detail", args=[state.code])),
        ("anonymous", reverse("account_reset_password")),
        ("admin", reverse("account_change_password")),
        ("admin", reverse("account-language")),
        ("admin", reverse("engagement:letter-detail", args=[letter.pk])),
        ("secretariat", reverse("engagement:staff-letter-export", args=[export.pk])),
        ("secretariat", reverse("engagement:staff-outbox")),
    ]
    for role, url in extra:
        found.setdefault(url, role)
    assert Letter.objects.filter(pk=letter.pk).exists()
    return [(role, url) for url, role in found.items()]


def unvisited(visited: list[tuple[str, str]]) -> set[str]:
    """Names of the walk that no visited page and no entry of NOT_PAGES accounts for."""
    seen = {name_of(url) for _role, url in visited}
    return {
        name
        for name in url_names()
        if name not in seen
        and name not in NOT_PAGES
        and not (name.startswith(ALLAUTH_FLOWS) and name not in ALLAUTH_PAGES)
    }
