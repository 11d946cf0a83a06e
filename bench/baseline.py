"""The code of a named earlier commit, to time the same work with it on this machine (the ratio an issue asks).

``baseline_src()`` extracts ``src/`` of the commit with ``git archive`` into a temporary folder (once per run);
``timed_with(src, code)`` runs Python code in a fresh process importing jixiao from that folder and returns
the seconds it prints. Without git or the commit the ratio is not printed.
"""

from __future__ import annotations

import atexit
import shutil
import subprocess
import sys
import tempfile
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: issue 11's "today": the last commit before the table engine replaced the two readers
BASELINE = "f14f7c6"


@cache
def baseline_src(commit: str = BASELINE) -> Path | None:
    """``src/`` of the commit in a temporary folder, or None when git or the commit is not at hand."""
    folder = Path(tempfile.mkdtemp(prefix="jixiao-baseline-"))
    atexit.register(shutil.rmtree, folder, True)
    try:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "src"], capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return folder / "src"


def timed_with(src: Path, code: str) -> float:
    """Seconds printed by ``code`` run in a fresh interpreter that imports jixiao from ``src``."""
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(src), "PATH": "/usr/bin:/bin"},
    )
    return float(result.stdout.strip().splitlines()[-1])
