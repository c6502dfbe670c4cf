"""Settings for hangviet, read from environment variables.

Every setting has a default that runs on a bare machine (SQLite under ``var/``, console e-mail).
Production sets at least ``HANGVIET_SECRET_KEY``, ``HANGVIET_DEBUG=false``, ``HANGVIET_ALLOWED_HOSTS``
and ``DATABASE_URL``; the system checks in ``hangviet.checks`` refuse to deploy without them.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent
VAR_DIR = Path(os.environ.get("HANGVIET_VAR_DIR", PROJECT_DIR / "var"))


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    try:
        return int(raw)
    except ValueError as error:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}") from error


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


DEBUG = env_bool("HANGVIET_DEBUG", True)
SECRET_KEY = env_str("HANGVIET_SECRET_KEY", "insecure-development-key-change-me")
ALLOWED_HOSTS = env_list("HANGVIET_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("HANGVIET_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_htmx",
    "axes",
    "ninja",
    "hangviet.units",
    "hangviet.audit",
    "hangviet.orgs",
    "hangviet.indicators",
    "hangviet.periods",
    "hangviet.notifications",
    "hangviet.plans",
    "hangviet.registry",
    "hangviet.reporting",
    "hangviet.complaints",
    "hangviet.surveys",
    "hangviet.consolidation",
    "hangviet.ingest",
    "hangviet.campaign",
    "hangviet.oversight",
    "hangviet.documents",
    "hangviet.dashboard",
    "hangviet.portal",
    "hangviet.web",
    "hangviet.api",
    "hangviet.demo",
    # After hangviet.web, whose db_worker command (recovering stale tasks first) replaces the package's.
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from the web process (no separate file server needed); see docs/deploy.md.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "hangviet.web.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "hangviet.web.middleware.RefuseBadInputMiddleware",  # NUL characters, bodies too large: 400/413, not 500
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Axes must come last: it turns a locked-out login into its own response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "hangviet.urls"
WSGI_APPLICATION = "hangviet.wsgi.application"

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
                "hangviet.notifications.context_processors.bell",
                "hangviet.orgs.context.committee_nav",
            ],
            # Vietnamese number and date filters, usable by every app's templates.
            "libraries": {"vn": "hangviet.lib.templatetags"},
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'hangviet.sqlite3'}"),
        # Persistent connections, checked before reuse so a restarted database does not break requests.
        # Each web worker thread and each task worker holds at most one: see docs/deploy.md for sizing.
        conn_max_age=env_int("HANGVIET_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if os.environ.get("DATABASE_REPLICA_URL"):
    # Heavy read-only pages read from the replica (hangviet.lib.replica.reads_from_replica); writes never do.
    DATABASES["replica"] = dj_database_url.parse(
        os.environ["DATABASE_REPLICA_URL"],
        conn_max_age=env_int("HANGVIET_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
_POOL_SIZE = env_int("HANGVIET_DB_POOL_SIZE", 0)
if _POOL_SIZE and DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # psycopg's pool (the ``pool`` extra of psycopg) in each process: a request waits up to 10 s for one of
    # ``_POOL_SIZE`` connections instead of being refused when the database is busy; a pool replaces
    # persistent connections (docs/deploy.md, "Connections").
    for _alias in DATABASES:
        DATABASES[_alias].setdefault("OPTIONS", {})["pool"] = {"min_size": 1, "max_size": _POOL_SIZE, "timeout": 10}
        DATABASES[_alias]["CONN_MAX_AGE"] = 0
DATABASE_ROUTERS = ["hangviet.lib.replica.ReplicaRouter"]
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    Path(DATABASES["default"]["NAME"]).parent.mkdir(parents=True, exist_ok=True)
    # Several processes (web, task worker) share the file: wait for locks instead of failing.
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Argon2id with OWASP's parameters first (hangviet/lib/hashers.py); older hashes verify and are upgraded.
PASSWORD_HASHERS = [
    "hangviet.lib.hashers.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "web:login"
LOGIN_REDIRECT_URL = "web:home"
LOGOUT_REDIRECT_URL = "web:login"

# Lockout after repeated failures (django-axes): five wrong passwords for one user name from one
# address lock that pair for 30 minutes.
AXES_FAILURE_LIMIT = env_int("HANGVIET_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = env_int("HANGVIET_LOGIN_COOLOFF_MINUTES", 30) / 60
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]  # each language in its own words
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env_str("HANGVIET_STATIC_ROOT", str(VAR_DIR / "static")))
# Bootstrap comes from npm at set-up time (package.json); nothing is copied into the repository.
STATICFILES_DIRS = [
    BASE_DIR / "static",
    ("vendor/bootstrap", PROJECT_DIR / "node_modules" / "bootstrap" / "dist"),
    ("vendor/chartjs", PROJECT_DIR / "node_modules" / "chart.js" / "dist"),
    ("vendor/leaflet", PROJECT_DIR / "node_modules" / "leaflet" / "dist"),
]
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env_str("HANGVIET_MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": env_str("HANGVIET_FILE_STORAGE", "django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": env_str(
            "HANGVIET_STATIC_STORAGE",
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# How long an OCOP recognition stays valid unless its decision says otherwise (outside knowledge, to confirm:
# 36 months; each recognition can carry its own end date).
HANGVIET_OCOP_VALIDITY_MONTHS = env_int("HANGVIET_OCOP_VALIDITY_MONTHS", 36)
# Rows one registry import (an .xlsx or .csv list) may hold; a longer list is refused whole.
HANGVIET_REGISTRY_IMPORT_MAX_ROWS = env_int("HANGVIET_REGISTRY_IMPORT_MAX_ROWS", 30_000)
HANGVIET_TASK_STALE_MINUTES = env_int("HANGVIET_TASK_STALE_MINUTES", 15)
# The reading-progress page says no worker is processing when tasks have waited this long and none runs.
HANGVIET_TASK_STALLED_SECONDS = env_int("HANGVIET_TASK_STALLED_SECONDS", 60)

# The public portal (issue 11): the map's tile server ({s}, {z}, {x}, {y} as Leaflet reads them; its host is
# allowed in the CSP's img-src) and its attribution; requests a minute one address may make to the public lists
# and the public API.
HANGVIET_MAP_TILES = env_str("HANGVIET_MAP_TILES", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
HANGVIET_MAP_ATTRIBUTION = env_str("HANGVIET_MAP_ATTRIBUTION", "© OpenStreetMap")
HANGVIET_PUBLIC_RATE_LIMIT = env_int("HANGVIET_PUBLIC_RATE_LIMIT", 120)

TASKS = {
    "default": {
        "BACKEND": env_str("HANGVIET_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
    }
}

MAILERS = {"default": {"BACKEND": env_str("HANGVIET_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")}}
# Links in e-mails are made absolute with this address ("https://hangviet.example.vn").
HANGVIET_SITE_URL = env_str("HANGVIET_SITE_URL", "http://127.0.0.1:8000")
DEFAULT_FROM_EMAIL = env_str("HANGVIET_DEFAULT_FROM_EMAIL", "hangviet <no-reply@hangviet.invalid>")

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("HANGVIET_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"

# HTTPS in production: the reverse proxy terminates TLS and says so in X-Forwarded-Proto.
SECURE_SSL_REDIRECT = env_bool("HANGVIET_SSL_REDIRECT", False)
SECURE_HSTS_SECONDS = env_int("HANGVIET_HSTS_SECONDS", 0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("HANGVIET_HSTS_INCLUDE_SUBDOMAINS", SECURE_HSTS_SECONDS > 0)
SECURE_HSTS_PRELOAD = env_bool("HANGVIET_HSTS_PRELOAD", False)
if env_bool("HANGVIET_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # django-axes locks out by client address: behind N proxies, the address is taken from X-Forwarded-For.
    AXES_IPWARE_PROXY_COUNT = env_int("HANGVIET_PROXY_COUNT", 1)
    AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]


def _tile_hosts(template: str) -> list[str]:
    """The map tiles' origin for the CSP ("https://*.tile.example.org" when the template has {s})."""
    from urllib.parse import urlsplit

    parts = urlsplit(template.replace("{s}", "x"))
    if not parts.scheme or not parts.netloc:
        return []
    host = parts.netloc
    if "{s}" in template:
        host = "*." + host.split(".", 1)[1]
    return [f"{parts.scheme}://{host}"]


# Content-Security-Policy (Django's own middleware): scripts only from our static files, never inline.
# Inline style attributes stay allowed (htmx injects its indicator style; Bootstrap components set styles).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", *_tile_hosts(HANGVIET_MAP_TILES)],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"json": {"()": "hangviet.lib.jsonlog.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            **({"formatter": "json"} if env_str("HANGVIET_LOG_FORMAT", "text") == "json" else {}),
        }
    },
    "root": {"handlers": ["console"], "level": env_str("HANGVIET_LOG_LEVEL", "WARNING")},
}
