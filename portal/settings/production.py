"""Production: refuses to start without a secret key and allowed hosts from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import STORAGES, env

DEBUG = False
ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=False)
try:
    SECRET_KEY = env("DJANGO_SECRET_KEY")
    ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
except ImproperlyConfigured as missing:
    raise ImproperlyConfigured(
        f"Production settings need DJANGO_SECRET_KEY and ALLOWED_HOSTS: {missing}"
    ) from None
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("Production settings need a non-empty ALLOWED_HOSTS.")

STORAGES = {
    **STORAGES,  # the file storage named by FILES_STORAGE (see base)
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
# Production runs behind a TLS proxy: one, unless the operator says otherwise.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS only, remembered by browsers for a year. `make services` (plain HTTP on the loopback)
# turns these and the secure cookies off by their variables.
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
SECURE_REDIRECT_EXEMPT = [r"^health/$"]  # probes from inside speak plain HTTP to gunicorn
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 3600)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
# The demo accounts have published passwords and authenticator secrets.
DEMO_DATA_ALLOWED = False
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
