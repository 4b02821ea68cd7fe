"""Whole public pages cached for anonymous visitors, per address and language.

A visitor who is not signed in sees the same public page as every other such visitor, so the
page is rendered once and kept in the cache (Redis, or the local memory cache in the embedded
mode) for at most ``PUBLIC_PAGE_CACHE_SECONDS``. Every write to a model of the portal's apps
moves a version number that is part of each key, so an edit shows at once on every web
process that shares the cache; the short lifetime covers what changes with the clock alone
(a deadline passing).

Only the views named in ``settings.PUBLIC_PAGE_CACHE_VIEWS`` are cached, only for GET and HEAD
without a session (no signed-in user, no pending message), and only a 200 answer that set no
cookie and used no CSRF token: a page that carries anything of one visitor is never stored.
A cached answer is sent compressed to a client that accepts gzip (public pages hold no secret
for a compression attack to find).
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import patch_vary_headers
from django.utils.text import compress_string

VERSION_KEY = "public-pages:version"
# Rows that no public page shows: the portal's own machinery, and accounts (every sign-in saves
# last_login, which must not empty the cache).
UNSHOWN_MODELS = {"portal.outboundemail", "portal.sweeprecord", "portal.user"}
KEPT_HEADERS = {"content-type", "content-language", "vary", "last-modified"}


def current_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def invalidate_public_pages() -> None:
    """Retire every cached public page (a new version makes every old key unreachable).

    Saves and deletes of the portal's models call it by themselves (``connect_invalidation``);
    a service that writes with ``update()`` or ``bulk_create()`` calls it after."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet: the next read starts one
        cache.add(VERSION_KEY, 2, None)


def _on_write(sender, **kwargs) -> None:
    """Retire the pages now, and again once the write is committed: another process may have
    rendered the old rows in between and stored them under the new version."""
    if sender._meta.label_lower in UNSHOWN_MODELS:
        return
    invalidate_public_pages()
    connection = transaction.get_connection()
    pending = (func for _savepoints, func, _robust in connection.run_on_commit)
    if connection.in_atomic_block and invalidate_public_pages not in pending:
        transaction.on_commit(invalidate_public_pages)  # once per transaction, however many rows


def connect_invalidation() -> None:
    """Listen to every write of the portal's own apps (called once, from PortalConfig.ready)."""
    for label in ("portal", "instruments", "reviews", "engagement"):
        for model in apps.get_app_config(label).get_models():
            uid = f"public-pages-{model._meta.label_lower}"
            post_save.connect(_on_write, sender=model, dispatch_uid=uid + "-save")
            post_delete.connect(_on_write, sender=model, dispatch_uid=uid + "-delete")
            for field in model._meta.local_many_to_many:
                m2m_changed.connect(
                    _on_write, sender=field.remote_field.through, dispatch_uid=uid + field.name
                )


class PublicPageCacheMiddleware:
    """Serve and store the anonymous public pages (placed after authentication, locale and
    messages, so that it knows who asks and in which language)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.views = frozenset(settings.PUBLIC_PAGE_CACHE_VIEWS)
        self.seconds = settings.PUBLIC_PAGE_CACHE_SECONDS

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_public_page_key", None)
        if key and not getattr(response, "from_public_page_cache", False):
            self._store(key, request, response)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if not self._cacheable_request(request):
            return None
        request._public_page_key = self._key(request)
        entry = cache.get(request._public_page_key)
        return None if entry is None else self._answer(request, entry)

    def _cacheable_request(self, request) -> bool:
        return (
            self.seconds > 0
            and request.method in ("GET", "HEAD")
            and request.resolver_match is not None
            and request.resolver_match.view_name in self.views
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and not request.user.is_authenticated
        )

    def _key(self, request) -> str:
        """Address, language, the data's version and the clock's period: a page rendered in one
        period of PUBLIC_PAGE_CACHE_SECONDS is never served in the next."""
        address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
        period = int(timezone.now().timestamp() // self.seconds)
        return f"public-page:{current_version()}:{period}:{translation.get_language()}:{address}"

    def _store(self, key, request, response) -> None:
        """Keep a rendered page only when nothing in it belongs to one visitor."""
        if (
            response.status_code != 200
            or response.streaming
            or response.cookies
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or "private" in response.get("Cache-Control", "")
        ):
            return
        content = bytes(response.content)
        entry = {
            "content": content,
            "gzip": compress_string(content),
            "headers": {
                name: value
                for name, value in response.headers.items()
                if name.lower() in KEPT_HEADERS
            },
        }
        cache.set(key, entry, self.seconds)

    @staticmethod
    def _answer(request, entry) -> HttpResponse:
        accepts_gzip = "gzip" in request.META.get("HTTP_ACCEPT_ENCODING", "")
        response = HttpResponse(entry["gzip"] if accepts_gzip else entry["content"])
        for name, value in entry["headers"].items():
            response[name] = value
        if accepts_gzip:
            response["Content-Encoding"] = "gzip"
        patch_vary_headers(response, ("Accept-Encoding",))
        response["X-Page-Cache"] = "hit"
        response.from_public_page_cache = True
        return response
