"""The number of queries of a list does not grow with its items; a read takes a fixed few (WEB.md P11)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest

from jixiao.service.actor import SYSTEM
from jixiao.service.targets import create_document, list_documents
from tests.web.conftest import Api, Cast, advance, example_document

pytestmark = pytest.mark.django_db
NumQueries = Callable[[int], AbstractContextManager[Any]]


@pytest.mark.parametrize("items", [1, 3])
def test_list_queries(api: Api, cast: Cast, django_assert_num_queries: NumQueries, items: int) -> None:
    for _ in range(items - 1):
        create_document(cast["drafter_a"].actor, "A", example_document())
    # token, user, grants, the grant's unit, count, page
    with django_assert_num_queries(6):
        r = api(cast["drafter_a"], "GET", "/documents")
    assert r.json()["total"] == items


@pytest.mark.parametrize("items", [1, 3])
def test_reviewer_list_queries(
    api: Api, cast: Cast, django_assert_num_queries: NumQueries, items: int
) -> None:
    for _ in range(items - 1):
        create_document(cast["drafter_a"].actor, "A", example_document())
    for row in list_documents(SYSTEM).items:
        if row.unit_code == "A":
            advance_id(cast, row.id)
    # token, user, grants, the grant's region, the regions under R, count, page
    with django_assert_num_queries(7):
        r = api(cast["reviewer_r"], "GET", "/documents")
    assert r.json()["total"] == items


def advance_id(cast: Cast, doc_id: int) -> None:
    """Submit one document of unit A."""
    from jixiao.service import workflow
    from jixiao.service.targets import get_document

    workflow.submit(cast["drafter_a"].actor, doc_id, get_document(SYSTEM, doc_id).row.version)


def test_read_queries(api: Api, cast: Cast, django_assert_num_queries: NumQueries) -> None:
    advance(cast, "A", "submitted")
    # token, user, grants, the grant's region, the document, its region's path, its current version
    with django_assert_num_queries(7):
        r = api(cast["reviewer_r"], "GET", f"/documents/{cast.docs['A']}")
    assert r.status_code == 200
