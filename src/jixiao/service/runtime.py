"""Starting the service in a process Django did not start (the CLI): the data folder, then Django itself."""

from __future__ import annotations

from pathlib import Path

from jixiao.store import setup


def start(data_dir: Path | None = None) -> Path:
    """Make the data folder (with its secret key) if needed and set Django up; returns the folder."""
    return setup(data_dir, prepare=True)
