"""The data folder: made before Django starts, with a lasting secret key (settings themselves write nothing)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

SECRET_KEY_FILE = "secret_key"


def data_dir() -> Path:
    """The data folder from ``JIXIAO_DATA_DIR`` (default ``./jixiao-data``)."""
    return Path(os.environ.get("JIXIAO_DATA_DIR") or "jixiao-data").resolve()


def prepare(path: Path | None = None) -> Path:
    """Create the data folder and its secret key when missing; set ``JIXIAO_DATA_DIR``; return the folder."""
    folder = (path or data_dir()).resolve()
    folder.mkdir(parents=True, exist_ok=True)
    key = folder / SECRET_KEY_FILE
    if (
        not key.exists()
        and not os.environ.get("JIXIAO_SECRET_KEY")
        and not os.environ.get("JIXIAO_SECRET_KEY_FILE")
    ):
        key.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key.chmod(0o600)
    os.environ["JIXIAO_DATA_DIR"] = str(folder)
    return folder
