"""Export through the API in every format; JSON and text read back into the stored document."""

from __future__ import annotations

import pytest

from jixiao.kinds import read_document
from tests.web.conftest import Api, Cast, advance, example_document

pytestmark = pytest.mark.django_db

MAGIC = {
    "txt": "巨鹿县总工会".encode(),
    "json": b'"format": "jixiao.performance-document"',
    "docx": b"PK\x03\x04",
    "xlsx": b"PK\x03\x04",
    "html": b"<!DOCTYPE html>",
    "pdf": b"%PDF-",
}


@pytest.mark.parametrize("fmt", list(MAGIC))
def test_export_every_format(api: Api, cast: Cast, fmt: str) -> None:
    advance(cast, "A", "published")
    r = api(cast["public"], "GET", f"/documents/{cast.docs['A']}/export/{fmt}")
    assert r.status_code == 200
    assert r["Content-Disposition"] == f'attachment; filename="A-2024-v4.{fmt}"'
    assert MAGIC[fmt] in r.content[:2000]
    if fmt in {"txt", "json"}:
        back, _ = read_document(r.content, f"export.{fmt}")
        assert back.projects == example_document().projects


def test_export_an_earlier_version(api: Api, cast: Cast) -> None:
    advance(cast, "A", "submitted")
    r = api(cast["drafter_a"], "GET", f"/documents/{cast.docs['A']}/export/json", {"version": 1})
    assert (r.status_code, b'"status": "draft"' in r.content) == (200, True)
    r = api(cast["drafter_a"], "GET", f"/documents/{cast.docs['A']}/export/json", {"version": 9})
    assert (r.status_code, r.json()["code"]) == (404, "not_found")
