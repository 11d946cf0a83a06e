"""The authorization matrix (WEB.md P5): every API endpoint × every role × own unit / other unit / other region.

Documents: A (the drafter's own unit, in region R1 under R), B (another unit in R), C (a unit in region S).
Each row gives, per actor, the statuses for A, B and C, with all three documents in the row's state. A
meta-test walks the OpenAPI document and every Django URL and fails when any route has no row.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

import pytest
from django.db import transaction
from django.urls import URLPattern, URLResolver, get_resolver

from jixiao.web.api import api as ninja_api
from tests.web.conftest import EXAMPLE, Api, Cast, advance, start_self_evaluation

pytestmark = pytest.mark.django_db

ACTORS = ("anonymous", "public", "drafter_a", "reviewer_r", "admin")
TARGETS = ("A", "B", "C")
Route = tuple[str, str]  # method, OpenAPI path
Body = Callable[[Cast, str], Any]

# what visibility alone gives, by state: (A, B, C) per actor
SEES_DRAFT = {
    "anonymous": "404 404 404",
    "public": "404 404 404",
    "drafter_a": "200 404 404",
    "reviewer_r": "404 404 404",
    "admin": "200 200 200",
}
SEES_SUBMITTED = {
    "anonymous": "404 404 404",
    "public": "404 404 404",
    "drafter_a": "200 404 404",
    "reviewer_r": "200 200 404",
    "admin": "200 200 200",
}
SEES_PUBLISHED = {
    "anonymous": "200 200 200",
    "public": "200 200 200",
    "drafter_a": "200 200 200",
    "reviewer_r": "200 200 200",
    "admin": "200 200 200",
}
HISTORY_PUBLISHED = {
    "anonymous": "401 401 401",
    "public": "403 403 403",
    "drafter_a": "200 403 403",
    "reviewer_r": "200 200 403",
    "admin": "200 200 200",
}
HISTORY_SUBMITTED = {
    "anonymous": "404 404 404",
    "public": "404 404 404",
    "drafter_a": "200 404 404",
    "reviewer_r": "200 200 404",
    "admin": "200 200 200",
}


def _version(cast: Cast, unit: str) -> int:
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import get_document

    return get_document(SYSTEM, cast.docs[unit]).row.version


def _content(cast: Cast, unit: str) -> dict[str, Any]:
    from jixiao.model.serialize import document_to_dict
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import get_document

    return {
        "expected_version": _version(cast, unit),
        "content": document_to_dict(get_document(SYSTEM, cast.docs[unit]).document),
    }


def _upload(cast: Cast, unit: str) -> Any:
    f = io.BytesIO(EXAMPLE.read_bytes())
    f.name = EXAMPLE.name
    return {"file": f, "unit_code": unit}


def _v(cast: Cast, unit: str) -> dict[str, Any]:
    return {"expected_version": _version(cast, unit)}


# (method, path) → [(state, query or body builder, {actor: "A B C"})]
MATRIX: dict[Route, list[tuple[str, Body | None, dict[str, str]]]] = {
    ("GET", "/api/documents/{document_id}"): [
        ("draft", None, SEES_DRAFT),
        ("submitted", None, SEES_SUBMITTED),
        ("published", None, SEES_PUBLISHED),
    ],
    ("PUT", "/api/documents/{document_id}"): [
        (
            "draft",
            _content,
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "200 404 404",
                "reviewer_r": "404 404 404",
                "admin": "403 403 403",
            },
        ),
        (
            "submitted",
            _content,
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "409 404 404",
                "reviewer_r": "403 403 404",
                "admin": "403 403 403",
            },
        ),
        (
            "published",
            _content,
            {
                "anonymous": "401 401 401",
                "public": "403 403 403",
                "drafter_a": "409 403 403",
                "reviewer_r": "403 403 403",
                "admin": "403 403 403",
            },
        ),
    ],
    ("GET", "/api/documents/{document_id}/findings"): [("submitted", None, SEES_SUBMITTED)],
    ("GET", "/api/documents/{document_id}/export/{fmt}"): [
        ("submitted", None, SEES_SUBMITTED),
        ("published", None, SEES_PUBLISHED),
    ],
    ("GET", "/api/documents/{document_id}/versions"): [
        ("submitted", None, HISTORY_SUBMITTED),
        ("published", None, HISTORY_PUBLISHED),
    ],
    ("GET", "/api/documents/{document_id}/versions/{number}"): [("published", None, HISTORY_PUBLISHED)],
    ("GET", "/api/documents/{document_id}/diff"): [
        ("published", lambda c, u: {"old": 1, "new": 2}, HISTORY_PUBLISHED)
    ],
    ("GET", "/api/documents/{document_id}/audit"): [
        ("submitted", None, HISTORY_SUBMITTED),
        ("published", None, HISTORY_PUBLISHED),
    ],
    ("GET", "/api/documents/{document_id}/comments"): [
        ("submitted", None, HISTORY_SUBMITTED),
        ("published", None, HISTORY_PUBLISHED),
    ],
    ("POST", "/api/documents/{document_id}/comments"): [
        (
            "submitted",
            lambda c, u: {"path": "projects[0]", "text": "意见"},
            {
                "anonymous": "401 401 401",
                "public": "404 404 404",
                "drafter_a": "201 404 404",
                "reviewer_r": "201 201 404",
                "admin": "403 403 403",
            },
        ),
    ],
    ("POST", "/api/documents/{document_id}/submit"): [
        (
            "draft",
            _v,
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "200 404 404",
                "reviewer_r": "404 404 404",
                "admin": "403 403 403",
            },
        ),
        (
            "submitted",
            _v,
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "409 404 404",
                "reviewer_r": "403 403 404",
                "admin": "403 403 403",
            },
        ),
    ],
    ("POST", "/api/documents/{document_id}/return"): [
        (
            "submitted",
            lambda c, u: {**_v(c, u), "reason": "请修改"},
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "403 404 404",
                "reviewer_r": "200 200 404",
                "admin": "403 403 403",
            },
        ),
    ],
    ("POST", "/api/documents/{document_id}/approve"): [
        (
            "submitted",
            lambda c, u: {**_v(c, u), "grade": "优"},
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "403 404 404",
                "reviewer_r": "200 200 404",
                "admin": "403 403 403",
            },
        ),
        (
            "draft",
            lambda c, u: {**_v(c, u), "grade": "优"},
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "403 404 404",
                "reviewer_r": "404 404 404",
                "admin": "403 403 403",
            },
        ),
    ],
    ("POST", "/api/documents/{document_id}/publish"): [
        (
            "approved",
            _v,
            {
                "anonymous": "404 404 404",
                "public": "404 404 404",
                "drafter_a": "403 404 404",
                "reviewer_r": "200 200 404",
                "admin": "403 403 403",
            },
        ),
    ],
    ("POST", "/api/documents/{document_id}/adjust"): [
        (
            "published",
            lambda c, u: {**_v(c, u), "reason": "预算调整"},
            {
                "anonymous": "401 401 401",
                "public": "403 403 403",
                "drafter_a": "200 403 403",
                "reviewer_r": "403 403 403",
                "admin": "403 403 403",
            },
        ),
    ],
}

TRACK_APPROVED = {
    "anonymous": "404 404 404",
    "public": "404 404 404",
    "drafter_a": "201 404 404",
    "reviewer_r": "403 403 404",
    "admin": "403 403 403",
}
TRACK_PUBLISHED = {
    "anonymous": "401 401 401",
    "public": "403 403 403",
    "drafter_a": "201 403 403",
    "reviewer_r": "403 403 403",
    "admin": "403 403 403",
}
MATRIX |= {
    ("GET", "/api/documents/{document_id}/tracking"): [("published", None, HISTORY_PUBLISHED)],
    ("POST", "/api/documents/{document_id}/monitoring"): [
        ("approved", lambda c, u: {"month": 6}, TRACK_APPROVED),
        ("published", lambda c, u: {"month": 6}, TRACK_PUBLISHED),
        (
            "submitted",
            lambda c, u: {"month": 6},
            {
                **SEES_SUBMITTED,
                "drafter_a": "409 404 404",
                "reviewer_r": "403 403 404",
                "admin": "403 403 403",
            },
        ),
    ],
    ("POST", "/api/documents/{document_id}/self-evaluation"): [
        ("published", lambda c, u: {}, TRACK_PUBLISHED)
    ],
    ("GET", "/api/documents/{document_id}/tracking/{tracking_id}"): [("published", None, HISTORY_PUBLISHED)],
    ("PUT", "/api/documents/{document_id}/tracking/{tracking_id}"): [
        (
            "published",
            lambda c, u: {"expected_version": 1, "content": _tracking_content(c, u)},
            {**TRACK_PUBLISHED, "drafter_a": "200 403 403"},
        ),
    ],
}


def _tracking_content(cast: Cast, unit: str) -> dict[str, Any]:
    from jixiao.model import SelfEvaluation
    from jixiao.model.serialize_tracking import self_evaluation_to_dict
    from jixiao.service import yearly
    from jixiao.service.actor import SYSTEM

    view = yearly.get_tracking(SYSTEM, cast.docs[unit], cast.tracking[unit])
    assert isinstance(view.record, SelfEvaluation)
    return self_evaluation_to_dict(view.record)


# endpoints not about one document: (method, path) → (state, body, {actor: status})
GLOBAL: dict[Route, tuple[Body | None, dict[str, str]]] = {
    ("GET", "/api/documents"): (None, dict.fromkeys(ACTORS, "200")),
    ("GET", "/api/me/profiles"): (None, dict.fromkeys(ACTORS, "200")),
    ("GET", "/api/me/tokens"): (
        None,
        {"anonymous": "401", "public": "200", "drafter_a": "200", "reviewer_r": "200", "admin": "200"},
    ),
    # someone else's token, or none: not found (one's own: tests/web/test_tokens.py)
    ("DELETE", "/api/me/tokens/{token_id}"): (
        None,
        {"anonymous": "401", "public": "404", "drafter_a": "404", "reviewer_r": "404", "admin": "404"},
    ),
    # the pages' view-models as JSON (jixiao.web.api.views): each actor gets its own scope
    ("GET", "/api/overview"): (None, dict.fromkeys(ACTORS, "200")),
    ("GET", "/api/values/read"): (lambda c, u: {"text": "≥95%"}, dict.fromkeys(ACTORS, "200")),
    ("GET", "/api/public/search"): (lambda c, u: {"q": "困难职工"}, dict.fromkeys(ACTORS, "200")),
    ("GET", "/api/me"): (
        None,
        {"anonymous": "401", "public": "200", "drafter_a": "200", "reviewer_r": "200", "admin": "200"},
    ),
    ("POST", "/api/me/tokens"): (
        lambda c, u: {"name": "脚本"},
        {"anonymous": "401", "public": "201", "drafter_a": "201", "reviewer_r": "201", "admin": "201"},
    ),
}

# endpoints that name a unit rather than a document: A, B, C are the unit codes given
UNIT_MATRIX: dict[Route, tuple[Body, dict[str, str]]] = {
    ("POST", "/api/documents"): (
        _upload,
        {
            "anonymous": "401 401 401",
            "public": "403 403 403",
            "drafter_a": "201 403 403",
            "reviewer_r": "403 403 403",
            "admin": "403 403 403",
        },
    ),
}

# Django routes outside /api/: route → {actor: status}
DJANGO_ROUTES = {
    "health": dict.fromkeys(ACTORS, 200),
    "admin/": {"anonymous": 302, "public": 302, "drafter_a": 302, "reviewer_r": 302, "admin": 200},
    # the pages (jixiao.web.pages.urls, their own matrix in tests/web/pages/test_pages_matrix.py); "/" is home
    "": {"anonymous": 302, "public": 302, "drafter_a": 200, "reviewer_r": 302, "admin": 200},
}


def api_routes() -> set[Route]:
    """Every operation in the OpenAPI document."""
    paths = ninja_api.get_openapi_schema()["paths"]
    return {(method.upper(), path) for path, ops in paths.items() for method in ops}


def test_every_api_route_has_rows() -> None:
    covered = set(MATRIX) | set(GLOBAL) | set(UNIT_MATRIX)
    assert api_routes() == covered


def test_every_django_route_has_rows() -> None:
    names = set()
    for pattern in get_resolver().url_patterns:
        assert isinstance(pattern, URLPattern | URLResolver)
        names.add(str(pattern.pattern))
    assert names == {"api/", *DJANGO_ROUTES}


def _url(path: str, doc_id: int, tracking_id: int = 0) -> str:
    return path.replace("/api", "", 1).format(
        document_id=doc_id, fmt="txt", number=1, tracking_id=tracking_id, token_id=999_999_999
    )


def _call(api: Api, cast: Cast, actor: str, method: str, url: str, body: Any) -> int:
    """One request whose writes are rolled back, so each request sees the row's state."""
    with transaction.atomic():
        if method == "GET":
            status = api(cast[actor], "GET", url, body).status_code
        elif body is not None and "file" in body:
            status = api(cast[actor], method, url, data=body).status_code
        else:
            status = api(cast[actor], method, url, body).status_code
        transaction.set_rollback(True)
    return int(status)


DOC_CASES = [
    (route, state, body, expected) for route, rows in MATRIX.items() for state, body, expected in rows
]


@pytest.mark.parametrize(
    ("route", "state", "body", "expected"),
    DOC_CASES,
    ids=[f"{r[0]} {r[1]} [{s}]" for r, s, _, _ in DOC_CASES],
)
def test_document_endpoint(
    api: Api, cast: Cast, route: Route, state: str, body: Body | None, expected: dict[str, str]
) -> None:
    for unit in TARGETS:
        advance(cast, unit, state)
        if "{tracking_id}" in route[1]:
            start_self_evaluation(cast, unit)
    got = {}
    for actor in ACTORS:
        got[actor] = " ".join(
            str(
                _call(
                    api,
                    cast,
                    actor,
                    route[0],
                    _url(route[1], cast.docs[unit], cast.tracking.get(unit, 0)),
                    body(cast, unit) if body else None,
                )
            )
            for unit in TARGETS
        )
    assert got == expected


@pytest.mark.parametrize("route", list(UNIT_MATRIX), ids=[f"{m} {p}" for m, p in UNIT_MATRIX])
def test_unit_endpoint(api: Api, cast: Cast, route: Route) -> None:
    body, expected = UNIT_MATRIX[route]
    got = {
        actor: " ".join(
            str(_call(api, cast, actor, route[0], _url(route[1], 0), body(cast, unit))) for unit in TARGETS
        )
        for actor in ACTORS
    }
    assert got == expected


@pytest.mark.parametrize("route", list(GLOBAL), ids=[f"{m} {p}" for m, p in GLOBAL])
def test_global_endpoint(api: Api, cast: Cast, route: Route) -> None:
    body, expected = GLOBAL[route]
    got = {
        actor: str(_call(api, cast, actor, route[0], _url(route[1], 0), body(cast, "A") if body else None))
        for actor in ACTORS
    }
    assert got == expected


def test_list_shows_each_actor_only_its_scope(api: Api, cast: Cast) -> None:
    advance(cast, "B", "submitted")
    advance(cast, "C", "published")
    seen = {
        a: sorted(d["unit_code"] for d in api(cast[a], "GET", "/documents").json()["items"]) for a in ACTORS
    }
    assert seen == {
        "anonymous": ["C"],
        "public": ["C"],
        "drafter_a": ["A", "C"],
        "reviewer_r": ["B", "C"],
        "admin": ["A", "B", "C"],
    }


@pytest.mark.parametrize("route", list(DJANGO_ROUTES))
def test_django_route(client: Any, cast: Cast, route: str) -> None:
    from django.contrib.auth import get_user_model

    got = {}
    for actor in ACTORS:
        client.logout()
        if actor != "anonymous":
            client.force_login(get_user_model().objects.get(username=actor))
        got[actor] = client.get(f"/{route}").status_code
    assert got == DJANGO_ROUTES[route]


def test_revoked_token_takes_effect_at_once(api: Api, cast: Cast) -> None:
    from jixiao.store.models import ApiToken  # the test reaches under the service to revoke

    assert api(cast["drafter_a"], "GET", "/me").status_code == 200
    ApiToken.objects.filter(user__username="drafter_a").delete()
    r = api(cast["drafter_a"], "GET", "/me")
    assert (r.status_code, r.json()["code"]) == (401, "not_authenticated")
