"""Shared test fixtures: the example document, and the --update-golden flag for golden files."""

from __future__ import annotations

import os
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from hypothesis import settings

from jixiao.kinds import read_document
from jixiao.model import Finding, PerformanceDocument

# CI runs the property tests with a fixed seed, so a run can be repeated exactly; locally they explore.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"
GOLDEN = Path(__file__).resolve().parent / "golden"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", help="rewrite golden files from the current output"
    )


@cache
def _example() -> tuple[PerformanceDocument, tuple[Finding, ...]]:
    doc, findings = read_document(EXAMPLE.read_bytes(), str(EXAMPLE))
    return doc, tuple(findings)


@pytest.fixture
def example() -> PerformanceDocument:
    """The example document, read once per session."""
    return _example()[0]


@pytest.fixture
def example_findings() -> tuple[Finding, ...]:
    """What reading the example document found."""
    return _example()[1]


Golden = Callable[[str, str], None]


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Golden:
    """Compare text with a golden file; with --update-golden, rewrite the file instead."""
    update = bool(request.config.getoption("--update-golden"))

    def check(name: str, actual: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(actual, encoding="utf-8")
        assert path.exists(), f"golden file {name} is missing; run pytest --update-golden"
        assert actual == path.read_text(encoding="utf-8"), f"{name} differs; rerun with --update-golden"

    return check


def read_inline(text: str, name: str = "inline.txt") -> tuple[PerformanceDocument, list[Finding]]:
    """Read a document written inside a test (tabs as in the example layout)."""
    return read_document(text.encode("utf-8"), name)
