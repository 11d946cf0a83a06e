"""The single Django settings module of jixiao, read from ``JIXIAO_*`` environment variables (WEB.md P12).

- ``JIXIAO_DATA_DIR``: the data folder (default ``./jixiao-data``): the SQLite database and the secret key.
- ``JIXIAO_DATABASE_URL``: a database URL (``postgresql://user@host:5432/name``); SQLite in the data folder
  when unset.
- ``JIXIAO_SECRET_KEY`` or ``JIXIAO_SECRET_KEY_FILE``; when neither is set, a key is generated once and kept in
  the data folder.
- ``JIXIAO_SITE_URL``: where users open jixiao (default ``http://127.0.0.1:8000``); allowed hosts and CSRF
  origins derive from it.
- ``JIXIAO_DEBUG``: ``1`` for development only.

A bad value raises ``ImproperlyConfigured`` at start. There is no local settings file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SECRET_KEY_FILE = "secret_key"


def _env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    if raw.lower() in {"1", "true", "yes", "on"}:
        return True
    if raw.lower() in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"环境变量 {name} 应为 0 或 1，而不是“{raw}”。")


def _env_secret(name: str) -> str | None:
    value = os.environ.get(name)
    path = os.environ.get(f"{name}_FILE")
    if value and path:
        raise ImproperlyConfigured(f"{name} 与 {name}_FILE 只能设置一个。")
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ImproperlyConfigured(f"无法读取 {name}_FILE（{path}）：{exc.strerror or exc}。") from None
    return value or None


def _site_url() -> tuple[str, str]:
    raw = os.environ.get("JIXIAO_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
    parts = urlsplit(raw)
    if parts.scheme not in {"http", "https"} or not parts.hostname:
        raise ImproperlyConfigured(f"JIXIAO_SITE_URL 应为 http(s)://主机[:端口]，而不是“{raw}”。")
    return raw, parts.hostname


def _secret_key(data_dir: Path) -> str:
    given = _env_secret("JIXIAO_SECRET_KEY")
    if given:
        return given
    path = data_dir / SECRET_KEY_FILE
    if path.exists():
        return path.read_text(encoding="utf-8").strip()
    # nothing prepared the data folder (a type checker, a one-off import): a key for this process only;
    # ``jixiao serve`` and ``jixiao db`` write a lasting one first (jixiao.web.datadir)
    return secrets.token_urlsafe(50)


def _database(data_dir: Path) -> dict[str, Any]:
    url = os.environ.get("JIXIAO_DATABASE_URL", "")
    if not url:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(data_dir / "jixiao.sqlite3"),
            # writers queue instead of failing with "database is locked" (WEB.md P7)
            "OPTIONS": {
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
        }
    if not url.startswith(("postgres://", "postgresql://", "sqlite://")):
        raise ImproperlyConfigured(f"JIXIAO_DATABASE_URL 只支持 postgresql:// 或 sqlite://，而不是“{url}”。")
    config: dict[str, Any] = dict(dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True))
    return config


DATA_DIR = Path(os.environ.get("JIXIAO_DATA_DIR") or "jixiao-data").resolve()
DEBUG = _env_bool("JIXIAO_DEBUG")
SITE_URL, _SITE_HOST = _site_url()
SECRET_KEY = _secret_key(DATA_DIR)
ALLOWED_HOSTS = [_SITE_HOST, "127.0.0.1", "localhost", "[::1]", "testserver"]
CSRF_TRUSTED_ORIGINS = [SITE_URL]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",  # the dev server serves static files as production does
    "django.contrib.staticfiles",
    "ninja",
    "django_htmx",  # request.htmx: one view answers a whole page or the named partial (WEB.md P9)
    "template_partials",  # named partials ("page.html#indicator-row") for htmx answers
    "csp",  # the Content-Security-Policy header: jixiao's pages load nothing from elsewhere
    "jixiao.store",
    "jixiao.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",  # security headers first, before any response
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files straight after, without sessions or auth
    "django.contrib.sessions.middleware.SessionMiddleware",  # the login session
    "django.middleware.locale.LocaleMiddleware",  # zh-hans for the admin and messages
    "django.middleware.common.CommonMiddleware",  # trailing slashes, ALLOWED_HOSTS
    "django.middleware.csrf.CsrfViewMiddleware",  # CSRF for every unsafe request with a session
    "django.contrib.auth.middleware.AuthenticationMiddleware",  # request.user from the session
    "django.contrib.messages.middleware.MessageMiddleware",  # one-time messages for pages
    "django.middleware.clickjacking.XFrameOptionsMiddleware",  # no framing of jixiao's pages
    "jixiao.web.middleware.RequestIdMiddleware",  # a request id for the audit log and the logs
    "django_htmx.middleware.HtmxMiddleware",  # request.htmx for the pages' partial answers
    "csp.middleware.CSPMiddleware",  # Content-Security-Policy on every response (no inline script or style)
]

# jixiao's pages use only their own scripts, styles, images and fonts: no inline code, no other host
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

ROOT_URLCONF = "jixiao.web.urls"
WSGI_APPLICATION = "jixiao.web.wsgi.application"
TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "jixiao.web.pages.context.jixiao",  # the actor for the account menu
            ]
        },
    }
]

DATABASES = {"default": _database(DATA_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "store.User"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS: list[dict[str, Any]] = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
# failed logins per user name and per address in a quarter of an hour before the login is refused
LOGIN_FAILURE_LIMIT = 5
LOGIN_FAILURE_WINDOW = 15 * 60
AUTHENTICATION_BACKENDS = ["jixiao.web.backends.ThrottledModelBackend"]
# in the database, so every gunicorn worker (and host) counts the same login failures
CACHES = {"default": {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "jixiao_cache"}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_SECURE = SITE_URL.startswith("https://")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
if SITE_URL.startswith("https://"):
    # served over HTTPS behind a proxy that terminates TLS and sets X-Forwarded-Proto (nginx, a load balancer)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = _env_bool("JIXIAO_SSL_REDIRECT", default=True)
    # short by default: HSTS cannot be taken back from browsers before it expires; raise it once HTTPS is sure
    SECURE_HSTS_SECONDS = int(os.environ.get("JIXIAO_HSTS_SECONDS") or 3600)
# HSTS for subdomains and the browsers' preload list are decisions about the whole domain (often a government
# one with many other sites), not jixiao's to take
SILENCED_SYSTEM_CHECKS = ["security.W005", "security.W021"]
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # hashed names, cached forever by browsers; not pre-compressed: WhiteNoise's gzip+brotli pass took 17 s of
    # a first start for the admin and API-docs assets, their manifest alone 0.3 s
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 50 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django": {"handlers": ["console"], "level": "WARNING"}},
}
