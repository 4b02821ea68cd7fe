"""Production: refuses to start without a secret key and allowed hosts from the environment."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env

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
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
CSRF_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=True)
# Production runs behind a TLS proxy: one, unless the operator says otherwise.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=False)
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0)
EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
