"""The store keeps a document losslessly: the example saved and read back is equal to what was read."""

from __future__ import annotations

import pytest

from jixiao.service.actor import SYSTEM
from jixiao.service.targets import create_document, get_document
from jixiao.store.mapping import checksum, document_from_snapshot, document_snapshot
from tests.web.conftest import example_document, make_world

pytestmark = pytest.mark.django_db


def test_example_saved_and_read_back_equal() -> None:
    members = make_world()
    doc = example_document()
    view = create_document(members["drafter_a"].actor, "A", doc)
    back = get_document(SYSTEM, view.row.id).document
    assert back == doc
    assert (back.projects, back.department_goals, back.fiscal_year) == (
        doc.projects,
        doc.department_goals,
        2024,
    )


def test_snapshot_round_trip_and_checksum_is_stable() -> None:
    data, digest = document_snapshot(example_document())
    assert document_from_snapshot(data) == example_document()
    assert digest == checksum(data) == checksum(dict(reversed(list(data.items()))))
    assert len(digest) == 64
