"""schemathesis against the OpenAPI document: no input makes the server fail, every answer fits its schema."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from jixiao.web.api import api
from tests.web.conftest import Cast

application = get_wsgi_application()
schema = schemathesis.openapi.from_dict(api.get_openapi_schema())
schema.app = application


@pytest.fixture
def drafter_headers(cast: Cast) -> Iterator[dict[str, str]]:
    """The drafter of unit A, whose document 1 exists (so some paths reach a real document)."""
    # the WSGI application is called directly: keep the test's connection (and its transaction) open across
    # requests, as Django's test client does
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield cast["drafter_a"].headers()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


@pytest.mark.django_db
@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_error(case: schemathesis.Case[Any], drafter_headers: dict[str, str]) -> None:
    if (
        case.path.endswith("/export/{fmt}")
        and case.path_parameters
        and case.path_parameters.get("fmt") == "pdf"
    ):
        case.path_parameters["fmt"] = "html"  # the same code path; PDF rendering would make the run slow
    case.call_and_validate(
        headers=drafter_headers,
        checks=[not_a_server_error, response_schema_conformance, status_code_conformance],
    )
