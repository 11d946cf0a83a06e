"""The cast of the web tests (WEB.md P5): regions R (with sub-region R1) and S, units A and B in R, C in S.

Actors: anonymous, a public reader, the drafter of A, the reviewer of R, the reviewer of S, an admin. Each
has an API token; the tests call the API with it (sessions and CSRF have their own tests).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from jixiao.kinds import read_document
from jixiao.model import PerformanceDocument
from jixiao.service import accounts
from jixiao.service.actor import SYSTEM, Actor
from jixiao.service.targets import create_document

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "julu-zonggonghui-2024-draft.txt"
PASSWORD = "测试密码-correct-horse"


@cache
def example_document() -> PerformanceDocument:
    """The example, read once."""
    return read_document(EXAMPLE.read_bytes(), str(EXAMPLE))[0]


@dataclass(frozen=True)
class Member:
    """One of the cast: the actor and its API token (None for the anonymous visitor)."""

    name: str
    actor: Actor
    token: str | None

    def headers(self) -> dict[str, str]:
        """The request headers that authenticate as this member."""
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}


@dataclass(frozen=True)
class Cast:
    """Everyone, and the documents of units A, B and C (all drafts when made)."""

    members: dict[str, Member]
    docs: dict[str, int]
    tracking: dict[str, int] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Member:
        return self.members[name]


def make_world() -> dict[str, Member]:
    """Regions, units and accounts of the cast."""
    accounts.create_region(SYSTEM, "R", "区域 R")
    accounts.create_region(SYSTEM, "R1", "区域 R1", "R")
    accounts.create_region(SYSTEM, "S", "区域 S")
    accounts.create_unit(SYSTEM, "A", "单位 A", "R1")
    accounts.create_unit(SYSTEM, "B", "单位 B", "R")
    accounts.create_unit(SYSTEM, "C", "单位 C", "S")
    members = {"anonymous": Member("anonymous", accounts.actor_for(None), None)}
    for name, role, unit, region in [
        ("public", "public", None, None),
        ("drafter_a", "drafter", "A", None),
        ("drafter_b", "drafter", "B", None),
        ("reviewer_r", "reviewer", None, "R"),
        ("reviewer_s", "reviewer", None, "S"),
        ("admin", "admin", None, None),
    ]:
        user = accounts.create_user(SYSTEM, name, PASSWORD, role, unit, region)
        actor = accounts.actor_for(user.id)
        members[name] = Member(name, actor, accounts.create_token(actor, "tests"))
    return members


@pytest.fixture
def cast(db: None) -> Cast:
    """The cast with one draft of the example in each of units A, B and C."""
    members = make_world()
    docs = {}
    for unit, drafter in [("A", "drafter_a"), ("B", "drafter_b")]:
        docs[unit] = create_document(members[drafter].actor, unit, example_document()).row.id
    drafter_c = accounts.create_user(SYSTEM, "drafter_c", PASSWORD, "drafter", "C")
    docs["C"] = create_document(accounts.actor_for(drafter_c.id), "C", example_document()).row.id
    return Cast(members, docs)


class Api:
    """A JSON client of /api/ that calls as a member."""

    def __init__(self, client: Client) -> None:
        self.client = client

    def __call__(self, member: Member, method: str, path: str, body: Any = None, **kwargs: Any) -> Any:
        call: Callable[..., Any] = getattr(self.client, method.lower())
        if body is not None and method.upper() in {"POST", "PUT", "PATCH"} and "data" not in kwargs:
            kwargs.update(data=body, content_type="application/json")
        elif body is not None:
            kwargs.update(data=body)
        headers = {**member.headers(), **kwargs.pop("headers", {})}
        return call(f"/api{path}", headers=headers, **kwargs)


@pytest.fixture
def api(client: Client) -> Api:
    """Call the API as a member of the cast."""
    return Api(client)


def with_unit(doc: PerformanceDocument, code: str) -> PerformanceDocument:
    """The document with another unit code."""
    return replace(doc, unit_code=code)


def advance(cast: Cast, unit: str, status: str) -> None:
    """Put the document of a unit into ``status`` through the workflow, as its drafter and reviewer would."""
    from jixiao.service import workflow
    from jixiao.service.targets import get_document

    doc_id = cast.docs[unit]
    drafter = cast["drafter_a"].actor if unit == "A" else _drafter_of(unit)
    reviewer = cast["reviewer_s"].actor if unit == "C" else cast["reviewer_r"].actor
    steps = {
        "draft": [],
        "submitted": ["submit"],
        "returned": ["submit", "return"],
        "approved": ["submit", "approve"],
        "published": ["submit", "approve", "publish"],
    }[status]
    for step in steps:
        version = get_document(SYSTEM, doc_id).row.version
        if step == "submit":
            workflow.submit(drafter, doc_id, version)
        elif step == "return":
            workflow.return_for_revision(reviewer, doc_id, version, "请修改")
        elif step == "approve":
            workflow.approve(reviewer, doc_id, version, "良")
        else:
            workflow.publish(reviewer, doc_id, version)


def _drafter_of(unit: str) -> Actor:
    name = {"B": "drafter_b", "C": "drafter_c"}[unit]
    return accounts.actor_for(accounts.user_id_by_name(name))


def start_self_evaluation(cast: Cast, unit: str) -> int:
    """Start the self-evaluation of an approved document of the cast, as its drafter; remembers its id."""
    from jixiao.service import yearly

    drafter = cast["drafter_a"].actor if unit == "A" else _drafter_of(unit)
    cast.tracking[unit] = yearly.start_self_evaluation(drafter, cast.docs[unit]).row.id
    return cast.tracking[unit]
