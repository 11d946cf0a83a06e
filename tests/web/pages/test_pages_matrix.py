"""The pages' authorization matrix (WEB.md P5): every page route × actor on unit A's document, draft and
submitted. A meta-test fails when a route of ``jixiao.web.pages.urls`` has no row.

Outside the scope is 404, inside but not allowed 403, a state that forbids the action 409, bad input 422; an
anonymous visitor asked to act is sent to the login page (302).
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client

from jixiao.web.pages.urls import urlpatterns
from tests.web.conftest import Cast, advance, start_self_evaluation

pytestmark = pytest.mark.django_db

ACTORS = ("anonymous", "public", "drafter_a", "reviewer_r", "admin")
ROW = {"project": 0, "indicator": 0}

# route name → (method, url kwargs, state, expected "anonymous public drafter_a reviewer_r admin")
ROWS: dict[str, list[tuple[str, dict[str, Any], str, str]]] = {
    "home": [("GET", {}, "draft", "302 302 200 302 200")],
    "login": [("GET", {}, "draft", "200 302 302 302 302")],
    "logout": [("POST", {}, "draft", "302 302 302 302 302")],
    "document-new": [("GET", {}, "draft", "302 403 200 403 403")],
    "document-save-upload": [("POST", {}, "draft", "302 403 422 403 403")],
    "document-from-template": [("POST", {}, "draft", "302 403 302 403 403")],
    "document-copy": [("POST", {}, "draft", "404 404 302 404 403")],
    "editor": [("GET", {}, "draft", "404 404 200 404 200"), ("GET", {}, "submitted", "404 404 200 200 200")],
    "editor-cover": [("POST", {}, "draft", "404 404 302 404 403")],
    "editor-project": [("POST", {"project": 0}, "draft", "404 404 302 404 403")],
    "indicator-add": [("POST", {"project": 0}, "draft", "404 404 302 404 403")],
    "indicator-save": [("POST", ROW, "draft", "404 404 302 404 403")],
    "indicator-preview": [("POST", ROW, "draft", "404 404 200 404 200")],
    "indicator-remove": [("POST", ROW, "draft", "404 404 302 404 403")],
    "indicator-move": [("POST", {**ROW, "step": "down"}, "draft", "404 404 302 404 403")],
    "finding-fix": [("POST", {"number": 1}, "draft", "404 404 422 404 403")],
    "document-submit": [("POST", {}, "draft", "404 404 302 404 403")],
    "document-adjust": [("POST", {}, "published", "302 403 302 403 403")],
    "document-download": [
        ("GET", {"fmt": "txt"}, "draft", "404 404 200 404 200"),
        ("GET", {"fmt": "txt"}, "published", "200 200 200 200 200"),
    ],
    "document-history": [
        ("GET", {}, "submitted", "404 404 200 200 200"),
        ("GET", {}, "published", "302 403 200 200 200"),
    ],
    "tracking-start": [("POST", {}, "approved", "404 404 302 403 403")],
    "tracking": [("GET", {}, "published", "302 403 200 200 200")],
    "tracking-preview": [("POST", {}, "published", "302 403 200 200 200")],
    "tracking-save": [("POST", {}, "published", "302 403 302 403 403")],
    "tracking-download": [("GET", {"fmt": "json"}, "published", "302 403 200 200 200")],
    "review-queue": [("GET", {}, "draft", "200 200 200 200 200")],
    "review": [("GET", {}, "submitted", "404 404 200 200 200")],
    "review-comment": [("POST", {}, "submitted", "302 404 302 302 403")],
    "review-return": [("POST", {}, "submitted", "404 404 403 302 403")],
    "review-approve": [("POST", {}, "submitted", "404 404 403 302 403")],
    "review-publish": [("POST", {}, "approved", "404 404 403 302 403")],
    "public-list": [("GET", {}, "draft", "200 200 200 200 200")],
    "public-document": [
        ("GET", {}, "draft", "404 404 404 404 404"),
        ("GET", {}, "published", "200 200 200 200 200"),
    ],
}

# POST bodies that are valid, so the matrix shows permissions rather than input errors
BODIES: dict[str, Any] = {
    "document-from-template": {"fiscal_year": 2025},
    "editor-cover": {"unit_name": "单位 A"},
    "editor-project": {"name": "项目"},
    "indicator-add": {"levels": "产出指标/数量指标"},
    "indicator-save": {"value": "≥1 人"},
    "indicator-preview": {"value": "≥1 人"},
    "indicator-move": {},
    "indicator-remove": {},
    "finding-fix": {},
    "document-submit": {},
    "document-adjust": {"reason": "预算调整"},
    "tracking-start": {"kind": "self_evaluation"},
    "tracking-preview": {"p0-i0-actual": "242 人"},
    "tracking-save": {"p0-i0-actual": "242 人", "expected_version": 1},
    "review-comment": {"text": "请补充依据", "path": ""},
    "review-return": {"reason": "请修改"},
    "review-approve": {"grade": "良"},
    "review-publish": {},
}
UNVERSIONED = {"indicator-preview", "review-comment", "document-from-template"}
VERSIONED = {n for n in BODIES if n not in UNVERSIONED and not n.startswith("tracking")}


def test_every_page_route_has_rows() -> None:
    assert {p.name for p in urlpatterns} == set(ROWS)


def _status(client: Client, actor: str, method: str, url: str, body: Any) -> int:
    client.logout()
    if actor != "anonymous":
        client.force_login(get_user_model().objects.get(username=actor))
    with transaction.atomic():
        response = client.get(url) if method == "GET" else client.post(url, body or {})
        transaction.set_rollback(True)
    return response.status_code


CASES = [(name, *row) for name, rows in ROWS.items() for row in rows]


@pytest.mark.parametrize(
    ("name", "method", "kwargs", "state", "expected"), CASES, ids=[f"{c[0]} [{c[3]}]" for c in CASES]
)
def test_page_route(
    client: Client, cast: Cast, name: str, method: str, kwargs: dict[str, Any], state: str, expected: str
) -> None:
    from django.urls import reverse

    advance(cast, "A", state)
    route = next(p for p in urlpatterns if p.name == name)
    if "document_id" in str(route.pattern):
        kwargs = {"document_id": cast.docs["A"], **kwargs}
    if "tracking_id" in str(route.pattern):
        kwargs["tracking_id"] = start_self_evaluation(cast, "A")
    url = reverse(name, kwargs=kwargs)
    body = dict(BODIES.get(name, {}))
    if name in VERSIONED:
        from jixiao.service.actor import SYSTEM
        from jixiao.service.targets import get_document

        body["expected_version"] = get_document(SYSTEM, cast.docs["A"]).row.version
    got = " ".join(str(_status(client, a, method, url, body)) for a in ACTORS)
    assert got == expected
