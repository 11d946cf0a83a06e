"""Load test of ``jixiao serve`` on PostgreSQL: document read and list against a trivial view, on loopback.

Run: make bench-web   (or .venv/bin/python bench/web_load.py [--seconds S] [--users U] [--documents N])

It creates a scratch database (``JIXIAO_BENCH_DATABASE_URL``, default
``postgresql://postgres@127.0.0.1:5432/jixiao_bench``), loads N copies of the example into units of one
region, starts ``jixiao serve`` on a free loopback port, and drives it with locust (``jixiao[bench]``) for
S seconds per target, one target at a time. It prints requests per second and the median and p95 latency
of each, and the ratios against ``/health``; then it stops the server and drops the database. Bounded:
three runs of S seconds plus start-up. Not part of ``make test``.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "julu-zonggonghui-2024-draft.txt"
DEFAULT_URL = "postgresql://postgres@127.0.0.1:5432/jixiao_bench"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _admin_sql(url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(url)
    admin = urlunsplit((parts.scheme, parts.netloc, "/postgres", "", ""))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def _seed(url: str, data_dir: Path, documents: int) -> tuple[str, int]:
    """Load the documents through the service; returns a reviewer's API token and one document id."""
    os.environ["JIXIAO_DATABASE_URL"] = url
    from jixiao.service.runtime import start

    start(data_dir)  # Django first: the service's modules import the store's models
    from django.core.management import call_command

    from jixiao.kinds import read_document
    from jixiao.service import accounts, workflow
    from jixiao.service.actor import SYSTEM
    from jixiao.service.targets import create_document

    call_command("migrate", interactive=False, verbosity=0)
    call_command("createcachetable", verbosity=0)
    doc, _ = read_document(EXAMPLE.read_bytes(), str(EXAMPLE))
    accounts.create_region(SYSTEM, "130529", "巨鹿县")
    reviewer = accounts.create_user(
        SYSTEM, "bench-reviewer", "bench-password-long-enough", "reviewer", None, "130529"
    )
    first = 0
    for n in range(documents):
        code = f"{711001 + n}"
        accounts.create_unit(SYSTEM, code, f"单位{n}", "130529")
        drafter = accounts.create_user(SYSTEM, f"bench-{code}", "bench-password-long-enough", "drafter", code)
        actor = accounts.actor_for(drafter.id)
        view = create_document(actor, code, doc)
        workflow.submit(actor, view.row.id, view.row.version)
        first = first or view.row.id
    token = accounts.create_token(accounts.actor_for(reviewer.id), "bench")
    return token, first


def _wait(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"the server did not answer at {url}") from None
            time.sleep(0.2)


def _locust(
    host: str, target: str, seconds: int, users: int, token: str, document: int, out: Path
) -> dict[str, float]:
    prefix = out / target
    env = {
        **os.environ,
        "JIXIAO_BENCH_TARGET": target,
        "JIXIAO_BENCH_TOKEN": token,
        "JIXIAO_BENCH_DOCUMENT": str(document),
    }
    locust = shutil.which("locust", path=str(Path(sys.executable).parent)) or "locust"
    cmd = [
        locust, "-f", str(Path(__file__).with_name("web_locustfile.py")), "--headless", "--only-summary",
        "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", host, "--csv", str(prefix),
        "--stop-timeout", "5", "--loglevel", "WARNING",
    ]  # fmt: skip
    subprocess.run(cmd, env=env, check=False, capture_output=True, timeout=seconds + 60)
    with open(f"{prefix}_stats.csv", encoding="utf-8") as f:
        row = next(r for r in csv.DictReader(f) if r["Name"] == target)
    return {
        "rps": float(row["Requests/s"]),
        "median": float(row["Median Response Time"]),
        "p95": float(row["95%"]),
        "requests": float(row["Request Count"]),
        "failures": float(row["Failure Count"]),
    }


def main(argv: list[str] | None = None) -> int:
    """Run the load test and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--users", type=int, default=16)
    parser.add_argument("--documents", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    args = parser.parse_args(argv)
    url = os.environ.get("JIXIAO_BENCH_DATABASE_URL", DEFAULT_URL)
    name = urlsplit(url).path.lstrip("/")
    _admin_sql(url, f'DROP DATABASE IF EXISTS "{name}"')
    _admin_sql(url, f'CREATE DATABASE "{name}"')
    work = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    server = None
    try:
        token, document = _seed(url, work / "data", args.documents)
        port = _free_port()
        env = {**os.environ, "JIXIAO_DATABASE_URL": url, "JIXIAO_DATA_DIR": str(work / "data")}
        server = subprocess.Popen(
            [sys.executable, "-m", "jixiao", "serve", "--port", str(port), "--workers", str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        host = f"http://127.0.0.1:{port}"
        _wait(f"{host}/health")
        results = {
            t: _locust(host, t, args.seconds, args.users, token, document, work)
            for t in ("health", "list", "read")
        }
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        from django.db import connections

        connections.close_all()
        _admin_sql(url, f'DROP DATABASE IF EXISTS "{name}"')
        shutil.rmtree(work, ignore_errors=True)
    base = results["health"]
    print(
        f"jixiao serve on PostgreSQL, {args.workers} gunicorn workers, {args.users} locust users, "
        f"{args.seconds} s per target, {args.documents} documents (list: 50 per page)"
    )
    print(
        f"{'target':<8}{'req/s':>9}{'median ms':>11}{'p95 ms':>8}{'failures':>10}{'req/s vs health':>17}{'p95 vs health':>15}"
    )
    for target, r in results.items():
        print(
            f"{target:<8}{r['rps']:>9.0f}{r['median']:>11.0f}{r['p95']:>8.0f}{r['failures']:>10.0f}"
            f"{r['rps'] / base['rps']:>17.2f}{r['p95'] / max(base['p95'], 1):>15.1f}"
        )
    return 0 if all(r["failures"] == 0 for r in results.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
