"""Test settings: the real settings with a fast hasher, a temporary data folder and plain static storage.

``JIXIAO_TEST_DATABASE_URL`` runs the database tests on PostgreSQL (CI sets it); SQLite otherwise. A second
database, ``restore``, is the empty database a backup is restored into.
"""

from __future__ import annotations

import os
import tempfile
from typing import Any

_DATA = tempfile.mkdtemp(prefix="jixiao-test-")
os.environ["JIXIAO_DATA_DIR"] = _DATA
os.environ.pop("JIXIAO_DATABASE_URL", None)
os.environ.setdefault("JIXIAO_SECRET_KEY", "test-secret-key-not-for-production-0123456789abcdef")

from pathlib import Path  # noqa: E402

from jixiao.web.settings import *  # noqa: E402, F403
from jixiao.web.settings import DATABASES, STORAGES, _database  # noqa: E402

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}

_url = os.environ.get("JIXIAO_TEST_DATABASE_URL", "")
if _url:
    os.environ["JIXIAO_DATABASE_URL"] = _url
    _pg: dict[str, Any] = _database(Path(_DATA))
    os.environ.pop("JIXIAO_DATABASE_URL")
    _pg["CONN_MAX_AGE"] = 0
    _pg["CONN_HEALTH_CHECKS"] = False
    # one pair of test databases per run, so runs sharing a server (CI, developers) never drop each other's
    _run = os.getpid()
    DATABASES = {
        "default": {**_pg, "TEST": {"NAME": f"{_pg['NAME']}_jixiao_{_run}"}},
        "restore": {**_pg, "TEST": {"NAME": f"{_pg['NAME']}_jixiao_restore_{_run}"}},
    }
else:
    # a file, not memory: the concurrency test's threads each open a connection to the same database
    DATABASES = {
        "default": {**DATABASES["default"], "TEST": {"NAME": f"{_DATA}/test.sqlite3"}},
        "restore": {**DATABASES["default"], "NAME": f"{_DATA}/restore.sqlite3"},
    }

Path(STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # noqa: F405 - tests do not run collectstatic

# 4xx answers are the point of many tests: keep Django's request log to real errors
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
