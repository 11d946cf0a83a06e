"""The Django app ``store``: the database of jixiao (models, migrations) and the functions the service calls.

Only :mod:`jixiao.service` calls into it (and the admin). It imports ``jixiao.model`` and Django, nothing else
of jixiao. :func:`setup` configures Django for a process that is not started by Django itself (the CLI).
"""

from __future__ import annotations

import os
from pathlib import Path


def setup(data_dir: Path | None = None, *, prepare: bool = False) -> Path:
    """Configure Django with jixiao's settings (``jixiao.web.settings``) once, for the CLI and scripts.

    With ``prepare`` the data folder (``data_dir``, else ``JIXIAO_DATA_DIR``) and its secret key are made first.
    Returns the data folder.
    """
    import django
    from django.apps import apps

    from jixiao.store import datadir

    folder = datadir.prepare(data_dir) if prepare else datadir.data_dir()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    if not apps.ready:
        django.setup()
    return folder
