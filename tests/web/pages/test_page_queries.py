"""List pages take the same number of queries for 1 and 3 documents (WEB.md P11).

The drafter's home and the reviewer's queue show each document's findings counts, computed once per saved
version and then cached: the counts below are of a warm page (the first view after a save checks the saved
document once).
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any

import pytest
from django.test import Client

from jixiao.service.targets import create_document
from tests.web.conftest import Cast, advance, example_document
from tests.web.pages.test_pages import login

pytestmark = pytest.mark.django_db
NumQueries = Callable[[int], AbstractContextManager[Any]]


def _more(cast: Cast, items: int) -> None:
    for _ in range(items - 1):
        create_document(cast["drafter_a"].actor, "A", example_document())


@pytest.mark.parametrize("items", [1, 3])
def test_home_queries(client: Client, cast: Cast, django_assert_num_queries: NumQueries, items: int) -> None:
    _more(cast, items)
    login(client, "drafter_a").get("/")
    with django_assert_num_queries(10):
        r = client.get("/")
    assert r.content.decode().count("复制为下一年") == items


@pytest.mark.parametrize("items", [1, 3])
def test_public_list_queries(
    client: Client, cast: Cast, django_assert_num_queries: NumQueries, items: int
) -> None:
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import list_documents

    _more(cast, items)
    for row in list_documents(SYSTEM).items:
        if row.unit_code == "A":
            cast.docs["A"] = row.id
            advance(cast, "A", "published")
    with django_assert_num_queries(2):
        r = client.get("/public/")
    assert r.content.decode().count("单位代码 A") == items


@pytest.mark.parametrize("items", [1, 3])
def test_review_queue_queries(
    client: Client, cast: Cast, django_assert_num_queries: NumQueries, items: int
) -> None:
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import list_documents

    _more(cast, items)
    for row in list_documents(SYSTEM).items:
        if row.unit_code == "A":
            cast.docs["A"] = row.id
            advance(cast, "A", "submitted")
    login(client, "reviewer_r").get("/review/")
    with django_assert_num_queries(11):
        r = client.get("/review/")
    assert r.content.decode().count(">审核</a>") == items
