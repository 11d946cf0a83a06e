"""Every public write of the service appends exactly one audit entry; every read appends none (WEB.md P6)."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import replace
from types import ModuleType
from typing import Any

import pytest

from jixiao.model import SelfEvaluation
from jixiao.model.serialize_tracking import self_evaluation_to_dict
from jixiao.service import (
    access,
    accounts,
    backup,
    demo,
    imports,
    profiles,
    review,
    targets,
    workflow,
    yearly,
)
from jixiao.service.actor import SYSTEM
from jixiao.service.audit_actions import AUDIT_ACTIONS
from jixiao.store import audit as store_audit
from tests.web.conftest import EXAMPLE, Cast, advance, example_document, start_self_evaluation

pytestmark = pytest.mark.django_db

MODULES: tuple[ModuleType, ...] = (
    access,
    accounts,
    backup,
    demo,
    imports,
    profiles,
    review,
    targets,
    workflow,
    yearly,
)


def _save_tracking(c: Cast) -> Any:
    view = yearly.get_tracking(c["drafter_a"].actor, c.docs["A"], c.tracking["A"])
    assert isinstance(view.record, SelfEvaluation)
    return yearly.save_tracking(
        c["drafter_a"].actor, c.docs["A"], view.row.id, 1, self_evaluation_to_dict(view.record)
    )


# each public write: how to call it on the cast (the document of unit A in the state named)
WRITES: dict[str, tuple[str, Callable[[Cast], Any]]] = {
    "targets.import_document": (
        "draft",
        lambda c: targets.import_document(c["drafter_a"].actor, "A", EXAMPLE.read_bytes(), EXAMPLE.name),
    ),
    "targets.create_document": (
        "draft",
        lambda c: targets.create_document(c["drafter_a"].actor, "A", example_document()),
    ),
    "targets.update_document": (
        "draft",
        lambda c: targets.update_document(
            c["drafter_a"].actor, c.docs["A"], 1, replace(example_document(), title="改")
        ),
    ),
    "workflow.transition": (
        "draft",
        lambda c: workflow.transition(c["drafter_a"].actor, c.docs["A"], "submit", 1),
    ),
    "workflow.submit": ("draft", lambda c: workflow.submit(c["drafter_a"].actor, c.docs["A"], 1)),
    "workflow.return_for_revision": (
        "submitted",
        lambda c: workflow.return_for_revision(
            c["reviewer_r"].actor, c.docs["A"], 2, "改", [("projects[0]", "意见")]
        ),
    ),
    "workflow.approve": (
        "submitted",
        lambda c: workflow.approve(c["reviewer_r"].actor, c.docs["A"], 2, "优"),
    ),
    "workflow.publish": ("approved", lambda c: workflow.publish(c["reviewer_r"].actor, c.docs["A"], 3)),
    "workflow.adjust": (
        "approved",
        lambda c: workflow.adjust(c["drafter_a"].actor, c.docs["A"], 3, "预算调整"),
    ),
    "review.add_comment": (
        "submitted",
        lambda c: review.add_comment(c["reviewer_r"].actor, c.docs["A"], "", "意见"),
    ),
    "accounts.create_user": (
        "draft",
        lambda c: accounts.create_user(SYSTEM, "new", "另一个-足够长的密码", "public"),
    ),
    "accounts.create_region": ("draft", lambda c: accounts.create_region(SYSTEM, "T", "区域 T")),
    "accounts.create_unit": ("draft", lambda c: accounts.create_unit(SYSTEM, "D", "单位 D", "R")),
    "accounts.revoke_token": (
        "draft",
        lambda c: accounts.revoke_token(c["public"].actor, accounts.list_tokens(c["public"].actor)[0].id),
    ),
    "accounts.create_token": ("draft", lambda c: accounts.create_token(c["public"].actor, "脚本")),
    "accounts.record_admin_change": (
        "draft",
        lambda c: accounts.record_admin_change(c["admin"].actor, "unit", "A", ["name"]),
    ),
    "yearly.start_monitoring": (
        "approved",
        lambda c: yearly.start_monitoring(c["drafter_a"].actor, c.docs["A"], 6),
    ),
    "yearly.start_self_evaluation": (
        "approved",
        lambda c: yearly.start_self_evaluation(c["drafter_a"].actor, c.docs["A"]),
    ),
    "yearly.save_tracking": ("self-evaluation", _save_tracking),
    "access.record": ("draft", lambda c: access.record(SYSTEM, "jixiao.unit.created", "unit", "A")),
}
READS = {
    "access.scope_for", "access.doc_ref", "access.load", "access.load_ref", "access.require_login",
    "accounts.actor_for", "accounts.actor_for_token", "accounts.user_id_by_name", "accounts.profile", "accounts.list_tokens",
    "review.check_path", "review.comments", "review.audit_trail",
    "targets.get_document", "targets.list_documents", "targets.parse_document", "targets.check", "targets.export",
    "targets.history", "targets.version_document", "targets.diff",
    "backup.backup", "backup.read_archive", "backup.counts", "backup.is_empty",
    "yearly.list_tracking", "yearly.get_tracking",
    "profiles.build", "profiles.resolve", "profiles.available",
    "imports.where", "imports.lost_content", "imports.needs_confirmation", "imports.warning_dict",
    "imports.require_confirmation", "imports.kept_warnings",
}  # fmt: skip


# not one entry each, on purpose: a restore writes the archive's own audit rows back verbatim (adding one
# would make the restored log differ from the saved one); the demo seed is a series of audited writes
BULK = {"backup.restore", "demo.seed"}


def public_functions() -> set[str]:
    """Every public function defined in the service's use-case modules."""
    return {
        f"{m.__name__.rsplit('.', 1)[1]}.{name}"
        for m in MODULES
        for name, f in inspect.getmembers(m, inspect.isfunction)
        if not name.startswith("_") and f.__module__ == m.__name__
    }


def test_every_public_function_is_listed_as_read_or_write() -> None:
    assert public_functions() == set(WRITES) | READS | BULK


def test_the_demo_seed_audits_each_of_its_writes(db: None) -> None:
    demo.seed(EXAMPLE.read_bytes(), EXAMPLE.name)
    assert [e.action for e in store_audit.entries()] == [
        "jixiao.region.created",
        "jixiao.unit.created",
        "jixiao.user.created",
        "jixiao.user.created",
        "jixiao.user.created",
        "jixiao.document.imported",
    ]


@pytest.mark.parametrize("name", sorted(WRITES))
def test_write_appends_exactly_one_entry(cast: Cast, name: str) -> None:
    state, call = WRITES[name]
    advance(cast, "A", "approved" if state == "self-evaluation" else state)
    if state == "self-evaluation":
        start_self_evaluation(cast, "A")
    before = store_audit.entries()
    call(cast)
    after = store_audit.entries()
    assert after[: len(before)] == before
    assert len(after) == len(before) + 1
    assert after[-1].action in AUDIT_ACTIONS


def test_reads_append_nothing(cast: Cast) -> None:
    advance(cast, "A", "published")
    actor, doc_id = cast["drafter_a"].actor, cast.docs["A"]
    before = store_audit.count()
    targets.get_document(actor, doc_id)
    targets.list_documents(actor)
    targets.check(actor, doc_id)
    targets.export(actor, doc_id, "json")
    targets.history(actor, doc_id)
    targets.diff(actor, doc_id, 1, 2)
    review.comments(actor, doc_id)
    review.audit_trail(actor, doc_id)
    accounts.profile(actor)
    assert store_audit.count() == before


def test_an_unregistered_action_code_is_refused(cast: Cast) -> None:
    with pytest.raises(KeyError, match="unregistered"):
        access.record(SYSTEM, "jixiao.document.vanished", "document", 1)
