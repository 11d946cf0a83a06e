"""Page render time of a large document (50 projects, 400 indicators) against the document list page.

Run: .venv/bin/python bench/page_speed.py [--repeat N]   (not part of make test; tests never assert on time)

It sets up SQLite in a scratch data folder, builds a document of 50 projects with 8 indicators each from the
example's projects, and times, through Django's test client (the whole middleware stack, no network), the
drafter's home (the list), the editor, the review page and the public page of that document. The editor and
the review page include checking the document against the rule catalogue, cached per saved version: the
first request pays for the check, later ones do not; both are printed.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"
PASSWORD = "bench-password-long-enough"


def big_document(projects: int = 50, per_project: int = 8) -> Any:
    """The example's projects repeated and renumbered to ``projects`` projects of ``per_project`` indicators."""
    from jixiao.kinds import read_document

    doc, _ = read_document(EXAMPLE.read_bytes(), str(EXAMPLE))
    out = []
    for n in range(projects):
        base = doc.projects[n % len(doc.projects)]
        rows = [base.indicators[i % len(base.indicators)] for i in range(per_project)]
        out.append(
            replace(
                base, name=f"{base.name}（{n + 1}）", code=f"{base.code[:-3]}{n:03d}", indicators=tuple(rows)
            )
        )
    return replace(doc, projects=tuple(out))


def timed(client: Any, url: str, repeat: int) -> tuple[float, float, int]:
    """First request, then the median of ``repeat`` more, in milliseconds; and the page size."""
    start = time.perf_counter()
    first = client.get(url)
    assert first.status_code == 200, (url, first.status_code)
    first_ms = (time.perf_counter() - start) * 1000
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        r = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert r.status_code == 200
    return first_ms, statistics.median(times), len(first.content)


def main() -> None:
    """Set up, time the pages, print a table with the ratio of each page against the list page."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    os.environ["JIXIAO_DATA_DIR"] = tempfile.mkdtemp(prefix="jixiao-bench-pages-")
    os.environ.pop("JIXIAO_DATABASE_URL", None)
    from jixiao.service.runtime import start

    start(Path(os.environ["JIXIAO_DATA_DIR"]))
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from jixiao.service import accounts, workflow
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import create_document

    setup_test_environment()
    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)  # hashed names, as jixiao serve does
    accounts.create_unit(SYSTEM, "711001", "巨鹿县总工会", "130529", region_name="巨鹿县")
    drafter = accounts.actor_for(accounts.create_user(SYSTEM, "d", PASSWORD, "drafter", "711001").id)
    reviewer = accounts.actor_for(accounts.create_user(SYSTEM, "r", PASSWORD, "reviewer", None, "130529").id)
    doc = big_document()
    view = create_document(drafter, "711001", doc)
    doc_id = view.row.id
    small = create_document(drafter, "711001", replace(doc, fiscal_year=2023, projects=doc.projects[:6]))
    workflow.submit(drafter, small.row.id, small.row.version)

    indicators = sum(len(p.indicators) for p in doc.projects)
    print(f"document: {len(doc.projects)} projects, {indicators} indicators; list page: 2 documents")
    client = Client()
    client.login(username="d", password=PASSWORD)
    rows = [("list (drafter home)", "/")]
    rows.append(("editor", f"/documents/{doc_id}/edit/"))
    results = {name: timed(client, url, args.repeat) for name, url in rows}
    workflow.submit(drafter, doc_id, view.row.version)
    reviewer_client = Client()
    reviewer_client.login(username="r", password=PASSWORD)
    results["review page"] = timed(reviewer_client, f"/documents/{doc_id}/review/", args.repeat)
    version = workflow.approve(reviewer, doc_id, view.row.version + 1, "良").row.version
    workflow.publish(reviewer, doc_id, version)
    results["public page"] = timed(Client(), f"/public/{doc_id}/", args.repeat)
    results["public list"] = timed(Client(), "/public/", args.repeat)

    base = results["list (drafter home)"][1]
    print(f"{'page':<22}{'first ms':>10}{'median ms':>11}{'× list':>9}{'KiB':>8}")
    for name, (first, median, size) in results.items():
        print(f"{name:<22}{first:>10.1f}{median:>11.1f}{median / base:>9.1f}{size / 1024:>8.0f}")


if __name__ == "__main__":
    main()
