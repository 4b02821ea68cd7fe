"""Settings shared by every mode, read from the environment (django-environ).

With nothing set, the portal runs embedded: SQLite, a local-memory cache and Celery tasks run
eagerly in the web process. ``DATABASE_URL`` and ``REDIS_URL`` switch it to PostgreSQL and
Redis with a real Celery worker and beat.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

SECRET_KEY = env("DJANGO_SECRET_KEY", default="embedded-mode-only-not-a-secret")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# Django's admin (behind the portal's sign-in and second factor); production: off unless set.
ADMIN_ENABLED = env.bool("ADMIN_ENABLED", default=True)

# load_demo_data and demo_totp (accounts with published passwords); never in production.
DEMO_DATA_ALLOWED = True

SITE_ID = 1
PORTAL_NAME = _("UNTOC Review Mechanism: stakeholder engagement portal")
PORTAL_SHORT_NAME = _("UNTOC engagement portal")

INSTALLED_APPS = [
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sites",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_filters",
    "django_countries",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "portal",
    "instruments",
    "reviews",
    "engagement",
]

MIDDLEWARE = [
    "portal.middleware.PermissionsPolicyMiddleware",  # first: on every response, redirects too
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETag and 304 on every page
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",  # after sessions, before common
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "portal.middleware.UserLanguageMiddleware",  # after auth: the account's language wins
    "portal.page_cache.PublicPageCacheMiddleware",  # after who asks, in which language
    "portal.request_limits.RequestBodyLimitMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "portal.middleware.MultiFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "portal.middleware.DatabaseUnavailableMiddleware",  # last: sees the view's exceptions first
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "portal.context_processors.portal",
                "portal.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"),
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database takes a small secretariat's concurrency (web threads or processes
    # and the timer sweep). WAL: readers never wait for the writer. IMMEDIATE: a transaction
    # takes the write lock when it begins, so one that has read cannot fail with "database is
    # locked" when it comes to write (SQLite refuses to upgrade a read to a write while another
    # writer is active); it waits its turn, up to SQLITE_BUSY_TIMEOUT seconds, instead.
    # synchronous=NORMAL is durable in WAL mode but for the last commits on a power cut.
    busy_seconds = env.int("SQLITE_BUSY_TIMEOUT", default=20)
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": busy_seconds,
            "transaction_mode": "IMMEDIATE",
            "init_command": (
                "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                f"PRAGMA busy_timeout={busy_seconds * 1000};"
            ),
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            # Answers as an empty cache, with a logged warning, while Redis is unreachable.
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", default="portal"),
            # A Redis that does not answer costs a request seconds at most, not forever.
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Anonymous visitors' public pages, kept whole per address and language (portal/page_cache.py);
# every write retires them, and none lives longer than this (what changes with the clock).
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=60)
PUBLIC_PAGE_CACHE_VIEWS = [
    "home",
    "engagement:dialogue-list",
    "engagement:dialogue-detail",
    "engagement:pledge-list",
    "engagement:pledge-state",
    "reviews:overview",
    "reviews:state-list",
    "reviews:state-detail",
    "reviews:compilation",
    "reviews:history",
    "instruments:list",
    "instruments:detail",
    "instruments:article-detail",
    "instruments:cluster-matrix",
    "instruments:cluster-detail",
]
# Sessions in the database, never in Redis alone: an outage of Redis signs nobody out.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

AUTH_USER_MODEL = "portal.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# django-allauth: email addresses only, verified before use; rate limits need a real cache
# (Redis when REDIS_URL is set, local memory otherwise), enumeration prevention on.
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_USER_MODEL_EMAIL_FIELD = "email"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "portal.forms.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[UNTOC engagement portal] "
ACCOUNT_ADAPTER = "portal.adapters.PortalAccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
}
# Rate limits count per client address. Behind proxies, the address is the entry that the
# last of TRUSTED_PROXY_COUNT proxies added to X-Forwarded-For; only a connection from
# TRUSTED_PROXY_NETWORKS may name another address (portal/client_ip.py).
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
TRUSTED_PROXY_NETWORKS = env.list(
    "TRUSTED_PROXY_NETWORKS",
    default=["127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
)
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = env("MFA_TOTP_ISSUER", default="UNTOC engagement portal")
# The name of the body that decides on objections ("Extended Bureau" in some calls).
BUREAU_NAME = env("BUREAU_NAME", default="Bureau of the Conference of the Parties")
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The six official languages of the United Nations, in the UN's order (by English name).
# English pages keep unprefixed addresses; the others live under /ar/, /zh-hans/, /fr/, ...
LANGUAGES = [
    ("ar", _("Arabic")),
    ("zh-hans", _("Chinese")),
    ("en", _("English")),
    ("fr", _("French")),
    ("ru", _("Russian")),
    ("es", _("Spanish")),
]
# The language cookie outlives the session; it carries no personal data.
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
LOCALE_PATHS = [BASE_DIR / "locale"]
# English keeps the portal's day-month-year dates; other languages take Django's formats.
FORMAT_MODULE_PATH = ["portal.formats"]
TIME_ZONE = "Europe/Vienna"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=str(VAR_DIR / "static"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Stored files (portal/files.py). Nothing is served from MEDIA_URL: every file goes out through
# /files/..., after the permission check of the object it belongs to. MEDIA_URL stays the
# address under which the PDF renderer reads logos from the storage.
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# The storage backend (any Django storage, e.g. django-storages' S3Storage) and its options.
FILES_STORAGE = env("FILES_STORAGE", default="django.core.files.storage.FileSystemStorage")
FILES_STORAGE_OPTIONS = env.json("FILES_STORAGE_OPTIONS", default={})
STORAGES = {
    "default": {"BACKEND": FILES_STORAGE, "OPTIONS": FILES_STORAGE_OPTIONS},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# How the bytes leave once the check has passed: "django" (streamed by Django),
# "x-accel-redirect" (nginx), "x-sendfile" (Apache) or "redirect" (a signed object-storage URL).
FILES_DELIVERY = env("FILES_DELIVERY", default="django")
if FILES_DELIVERY not in ("django", "x-accel-redirect", "x-sendfile", "redirect"):
    raise ImproperlyConfigured(
        "FILES_DELIVERY must be django, x-accel-redirect, x-sendfile or redirect, "
        f"not {FILES_DELIVERY!r}."
    )
FILES_ACCEL_PREFIX = env("FILES_ACCEL_PREFIX", default="/protected-files/")
FILES_REDIRECT_SECONDS = env.int("FILES_REDIRECT_SECONDS", default=60)
FILES_PUBLIC_MAX_AGE = env.int("FILES_PUBLIC_MAX_AGE", default=3600)
# Request bodies. The largest upload is a 10 MB PDF; a form around it adds little, so a body
# over MAX_REQUEST_BODY_BYTES is refused at once with a page that says so (HTTP 413). Fields
# other than files may hold DATA_UPLOAD_MAX_MEMORY_SIZE; uploads above
# FILE_UPLOAD_MAX_MEMORY_SIZE are written to a temporary file instead of memory.
MAX_REQUEST_BODY_BYTES = env.int("MAX_REQUEST_BODY_BYTES", default=11 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

EMAIL_BACKEND = env("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", default="127.0.0.1")
EMAIL_PORT = env.int("EMAIL_PORT", default=1025)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
# A mail server that stops answering fails the attempt (retried later) instead of a worker.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="UNTOC engagement portal <noreply@localhost>"
)

# Celery: a real broker when REDIS_URL is set, otherwise tasks run eagerly in-process.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_RESULT_BACKEND = REDIS_URL or "cache+memory://"
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_TASK_TIME_LIMIT = 300
CELERY_TASK_SOFT_TIME_LIMIT = 240
CELERY_RESULT_EXPIRES = 3600
# Tasks record their work in the database; results are kept only where a task says so (the
# ping, the sweep run). Publishing a task then needs the broker only, not the result backend.
CELERY_TASK_IGNORE_RESULT = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# visibility_timeout: a task taken by a worker that died (acks_late) goes to another worker
# after this many seconds; longer than any task runs or waits for a retry (the outbox sweep
# sends emails sooner). The socket timeouts make a Redis that hangs (accepts, never answers)
# fail a publish in seconds, not never; the workers' waits for tasks (one second) stay below.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env.int("CELERY_VISIBILITY_TIMEOUT", default=3600),
    "socket_connect_timeout": 3,
    "socket_timeout": 5,
}
# A request hands over its tasks or gives up quickly: the outbox sweep sends what was not.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}


SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "INFO"},
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# The deadline engine: periodic sweeps over database state (portal/services/sweeps.py).
DEADLINE_SWEEP_INTERVAL = env.int("DEADLINE_SWEEP_INTERVAL", default=300)  # seconds
DEADLINE_SWEEPS = [
    "portal.services.outbox.emails_send_queued",
    "engagement.services.sweeps.dialogues_remind_missing_programme",
    "engagement.services.sweeps.dialogues_close_applications",
    "engagement.services.sweeps.applications_settle_objection_window",
    "engagement.services.sweeps.applications_remind_confirmation",
    "engagement.services.sweeps.applications_lapse_unconfirmed",
    "engagement.services.sweeps.dialogues_comments_digest",
    "engagement.services.sweeps.letter_exports_delete_expired",
    "reviews.services.sweeps.review_steps_overdue_digest",
]
# Reminders before the confirmation cut-off, in days (each sent once per application).
CONFIRMATION_REMINDER_DAYS = env.list("CONFIRMATION_REMINDER_DAYS", cast=int, default=[7, 2])
# Days before a dialogue at which the secretariat is reminded of a missing programme.
PROGRAMME_REMINDER_DAYS = env.int("PROGRAMME_REMINDER_DAYS", default=14)
# The portal's own address, for links in emails (no request at hand in a sweep).
PORTAL_URL = env("PORTAL_URL", default="http://127.0.0.1:8000")
CELERY_BEAT_SCHEDULE = {
    "deadline-sweeps": {
        "task": "portal.run_deadline_sweeps",
        "schedule": DEADLINE_SWEEP_INTERVAL,
        "options": {"expires": DEADLINE_SWEEP_INTERVAL},
    },
}
