"""Locust users for bench/web_load.py: one task, chosen by JIXIAO_BENCH_TARGET (health, list or read)."""

from __future__ import annotations

import os

from locust import FastHttpUser, constant, task

TARGET = os.environ.get("JIXIAO_BENCH_TARGET", "health")
TOKEN = os.environ.get("JIXIAO_BENCH_TOKEN", "")
DOCUMENT = os.environ.get("JIXIAO_BENCH_DOCUMENT", "1")


class Reader(FastHttpUser):  # type: ignore[misc, unused-ignore]  # Any without jixiao[bench]
    """A script with an API token reading as fast as the server answers."""

    wait_time = constant(0)

    @task  # type: ignore[untyped-decorator, unused-ignore]
    def one(self) -> None:
        """The request under test."""
        headers = {"Authorization": f"Bearer {TOKEN}"}
        if TARGET == "list":
            self.client.get("/api/documents?limit=50", headers=headers, name="list")
        elif TARGET == "read":
            self.client.get(f"/api/documents/{DOCUMENT}", headers=headers, name="read")
        else:
            self.client.get("/health", name="health")
