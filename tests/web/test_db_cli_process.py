"""``jixiao db backup`` then ``jixiao db restore`` into a new, empty data folder: the same archive comes back."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _jixiao(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    return subprocess.run(
        [sys.executable, "-m", "jixiao", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_backup_and_restore_between_data_folders(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    seed = (
        "from jixiao.service.runtime import start; from pathlib import Path; import sys;"
        f"start(Path({str(first)!r}));"
        "from django.core.management import call_command; call_command('migrate', verbosity=0);"
        "from jixiao.cli.server import first_start; print(first_start() is not None)"
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    seeded = subprocess.run(
        [sys.executable, "-c", seed], env=env, capture_output=True, text=True, timeout=120, check=False
    )
    assert seeded.stdout.strip() == "True", seeded.stderr
    assert (
        _jixiao("unit", "create", "801", "某某局", "--region", "130529", "--data-dir", str(first)).returncode
        == 0
    )

    archive = tmp_path / "backup.json"
    saved = _jixiao("db", "backup", str(archive), "--data-dir", str(first))
    assert saved.returncode == 0, saved.stderr
    restored = _jixiao("db", "restore", str(archive), "--data-dir", str(second))
    assert restored.returncode == 0, restored.stderr
    again = tmp_path / "again.json"
    assert _jixiao("db", "backup", str(again), "--data-dir", str(second)).returncode == 0

    before, after = (
        json.loads(archive.read_text(encoding="utf-8")),
        json.loads(again.read_text(encoding="utf-8")),
    )
    assert after == before
    tables = before["tables"]
    counts = (len(tables["store.document"]), len(tables["store.unit"]), len(tables["store.auditentry"]))
    assert counts == (1, 2, 7)  # audit: region, unit, three accounts, the import, the unit made by the CLI
    assert tables["store.documentversion"][0]["fields"]["snapshot"]["unit_name"] == "巨鹿县总工会"
