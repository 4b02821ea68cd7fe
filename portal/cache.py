"""A Redis cache the portal can work without.

Django's ``RedisCache`` raises when Redis is unreachable, and allauth's rate limits read the
cache on every sign-in: with Redis down nobody could sign in. This backend answers as an empty
cache instead, logs a warning (``portal.breaker``) and pauses its attempts for a few seconds.
While Redis is away, ``add`` reports success, so that allauth's locks and its check against a
second use of an authenticator code let people through: rate limits are off for the outage,
which is the price of keeping sign-in open. Sessions live in the database, never only here.
"""

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

from .breaker import breaker, redact

# Connection refused or cut, timeouts, a read-only replica after a failover, out of memory,
# something else than Redis answering: the cache is unusable, the request carries on.
UNREACHABLE = (RedisError, OSError)


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._breaker = breaker(f"The Redis cache at {redact(', '.join(self._servers))}")

    def _call(self, name: str, fallback, *args, **kwargs):
        if self._breaker.available():
            try:
                result = getattr(super(), name)(*args, **kwargs)
            except UNREACHABLE as error:
                self._breaker.failed(error)
            else:
                self._breaker.succeeded()
                return result
        return fallback

    def probe(self) -> None:
        """PING Redis whatever the pause; raise if it does not answer (for /health/)."""
        try:
            self._cache.get_client(write=True).ping()
        except UNREACHABLE as error:
            self._breaker.failed(error)
            raise
        self._breaker.succeeded()

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", True, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._call("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        missing = object()
        result = self._call("incr", missing, key, delta, version)
        if result is missing:  # as for a key that is not there
            raise ValueError(f"Key '{key}' not found (the cache is unreachable).")
        return result

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", None, keys, version)

    def clear(self):
        return self._call("clear", False)
