"""The client's address as the portal's own proxies report it, for rate limits.

Behind the TLS proxy every connection comes from the proxy: the client's address is the one
the proxy appends to ``X-Forwarded-For``. django-allauth reads it (``ALLAUTH_TRUSTED_PROXY_COUNT``
entries from the right, set from ``TRUSTED_PROXY_COUNT``); this module adds what allauth leaves
to the operator: only a connection from a proxy's network (``TRUSTED_PROXY_NETWORKS``) may name
another address, so a client that reaches the web server directly cannot pick the address its
failures are counted against.
"""

import ipaddress
import logging
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

logger = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _networks(spec: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(network, strict=False) for network in spec)


def from_trusted_proxy(address: str) -> bool:
    """Whether a connection from ``address`` comes from one of the portal's proxies."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXY_NETWORKS)))


def _valid(address: str) -> str | None:
    try:
        return str(ipaddress.ip_address(address.strip().strip("[]")))
    except ValueError:
        return None


def client_ip(request, read_forwarded: Callable) -> str:
    """The address to key rate limits on.

    ``read_forwarded`` is allauth's reading of the request (X-Forwarded-For by the trusted
    proxy count). A request with fewer forwarded addresses than proxies (it skipped the outer
    proxy) is keyed on the leftmost one, which an inner proxy wrote, instead of failing.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    if not settings.ALLAUTH_TRUSTED_PROXY_COUNT or not from_trusted_proxy(remote):
        address = _valid(remote)
        if address is None:
            raise PermissionDenied("Unable to determine client IP address")
        return address
    try:
        return read_forwarded(request)
    except ImproperlyConfigured:
        forwarded = request.headers.get("x-forwarded-for", "")
        logger.warning(
            "X-Forwarded-For has fewer addresses than TRUSTED_PROXY_COUNT (%s): %r",
            settings.ALLAUTH_TRUSTED_PROXY_COUNT,
            forwarded,
        )
        address = _valid(forwarded.split(",")[0]) or _valid(remote)
        if address is None:
            raise PermissionDenied("Unable to determine client IP address") from None
        return address
