"""The cast of the web tests, shared."""

from tests.web.conftest import api, cast

__all__ = ["api", "cast"]
