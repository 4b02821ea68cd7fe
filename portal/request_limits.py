"""Refuse a request body that is too large, with a page that says so.

The largest file the portal accepts is a 10 MB PDF. A body declared larger than
``MAX_REQUEST_BODY_BYTES`` (a multipart form: files plus fields) or than
``DATA_UPLOAD_MAX_MEMORY_SIZE`` (any other body) is refused before it is read. A form is then
parsed here, as the CSRF check would parse it anyway, so that fields over Django's limits
(``DATA_UPLOAD_MAX_MEMORY_SIZE`` for all fields but files, ``DATA_UPLOAD_MAX_NUMBER_FIELDS``)
get the same page (HTTP 413) instead of Django's bare "Bad Request".
"""

from django.conf import settings
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.shortcuts import render

MEGABYTE = 1024 * 1024
PDF_LIMIT_MB = 10


def _declared_length(request) -> int:
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def body_limit(request) -> int | None:
    """The most bytes ``request`` may send, or None for no limit."""
    if request.content_type == "multipart/form-data":
        return settings.MAX_REQUEST_BODY_BYTES
    return settings.DATA_UPLOAD_MAX_MEMORY_SIZE


def too_large(request, *, size: int | None, limit: int | None):
    return render(
        request,
        "413.html",
        {
            "size_mb": size / MEGABYTE if size else None,
            "limit_mb": limit / MEGABYTE if limit else None,
            "file_limit_mb": PDF_LIMIT_MB,
        },
        status=413,
    )


class RequestBodyLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length, limit = _declared_length(request), body_limit(request)
        if limit is not None and length > limit:
            return too_large(request, size=length, limit=limit)
        if request.method == "POST":
            try:
                request.POST  # noqa: B018 (parsed now to answer an oversized form clearly)
            except RequestDataTooBig:
                return too_large(request, size=length, limit=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
            except (TooManyFieldsSent, TooManyFilesSent):
                return too_large(request, size=None, limit=None)
        return self.get_response(request)
