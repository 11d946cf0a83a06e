"""The Django app ``store``: the database of jixiao (models, migrations) and the functions the service calls.

Only :mod:`jixiao.service` calls into it (and the admin). It imports ``jixiao.model`` and Django, nothing else
of jixiao. :func:`setup` configures Django for a process that is not started by Django itself (the CLI).
"""

from __future__ import annotations

import os


def setup() -> None:
    """Configure Django with jixiao's settings (``jixiao.web.settings``) once, for the CLI and scripts."""
    import django
    from django.apps import apps

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "jixiao.web.settings")
    if not apps.ready:
        django.setup()
