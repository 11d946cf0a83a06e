"""``jixiao serve`` for real: a first start in an empty data folder, gunicorn answering on loopback."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=5) as r:
        return int(r.status), bytes(r.read())


def test_first_start_serves_the_api_and_static_files(tmp_path: Path) -> None:
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    cmd = [
        sys.executable,
        "-m",
        "jixiao",
        "serve",
        "--port",
        str(port),
        "--data-dir",
        str(tmp_path),
        "--workers",
        "1",
    ]
    with subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) as proc:
        try:
            deadline = time.monotonic() + 60
            while True:
                assert proc.poll() is None, proc.stdout.read() if proc.stdout else ""
                try:
                    status, _ = _get(f"http://127.0.0.1:{port}/health")
                    break
                except OSError:
                    assert time.monotonic() < deadline, "jixiao serve did not answer within 60 s"
                    time.sleep(0.2)
            status, body = _get(f"http://127.0.0.1:{port}/api/openapi.json")
            assert (status, b'"title": "jixiao API"' in body) == (200, True)
            status, body = _get(f"http://127.0.0.1:{port}/static/admin/css/base.css")
            assert (status, len(body) > 1000) == (200, True)
            status, body = _get(f"http://127.0.0.1:{port}/api/documents")
            assert (status, body) == (200, b'{"items": [], "total": 0}')  # the example is a draft
        finally:
            proc.send_signal(signal.SIGTERM)
            output = proc.communicate(timeout=20)[0]
    assert "首次启动：已载入示例绩效文本" in output
    assert f"在浏览器中打开 http://127.0.0.1:{port}/ （网站）" in output
    assert (tmp_path / "jixiao.sqlite3").exists()
