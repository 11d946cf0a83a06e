"""Optimistic locking: two editors save from the same version; one wins, the other gets a conflict, nothing lost."""

from __future__ import annotations

from dataclasses import replace

import pytest

from jixiao.service import workflow
from jixiao.service.actor import SYSTEM
from jixiao.service.errors import StaleVersion
from jixiao.service.targets import get_document, history, update_document
from jixiao.store import documents as store_documents
from jixiao.store.records import StaleWrite
from tests.web.conftest import Cast

pytestmark = pytest.mark.django_db


def test_two_saves_from_the_same_version(cast: Cast) -> None:
    drafter = cast["drafter_a"].actor
    doc_id = cast.docs["A"]
    read = get_document(drafter, doc_id)
    first = replace(read.document, title="第一位编辑的标题")
    second = replace(read.document, title="第二位编辑的标题")

    saved = update_document(drafter, doc_id, read.row.version, first)
    with pytest.raises(StaleVersion) as conflict:
        update_document(drafter, doc_id, read.row.version, second)

    assert conflict.value.details == {"current_version": 2, "expected_version": 1}
    assert "已被他人修改" in conflict.value.message
    now = get_document(drafter, doc_id)
    assert (saved.row.version, now.row.version, now.document.title) == (2, 2, "第一位编辑的标题")
    assert [v.number for v in history(drafter, doc_id)] == [1, 2]
    assert get_document(SYSTEM, doc_id).document == first


def test_the_conditional_update_decides_even_past_the_read_check(cast: Cast) -> None:
    doc_id = cast.docs["A"]
    store_documents.write(doc_id, 1, user_id=None, action="edited", status="draft")
    with pytest.raises(StaleWrite) as stale:
        store_documents.write(doc_id, 1, user_id=None, action="edited", status="draft")
    assert stale.value.current_version == 2
    assert [v.number for v in store_documents.versions(doc_id)] == [1, 2]


def test_a_stale_transition_changes_nothing(cast: Cast) -> None:
    drafter, doc_id = cast["drafter_a"].actor, cast.docs["A"]
    workflow.submit(drafter, doc_id, 1)
    with pytest.raises(StaleVersion):
        workflow.approve(cast["reviewer_r"].actor, doc_id, 1, "优")
    row = get_document(drafter, doc_id).row
    assert (row.status, row.version, row.grade) == ("submitted", 2, "")
