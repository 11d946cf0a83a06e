"""``manage.py check --deploy`` passes with production settings (HTTPS site, secret key, no debug)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def test_check_deploy_has_no_warning(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "jixiao.web.settings",
        "JIXIAO_DATA_DIR": str(tmp_path),
        "JIXIAO_SITE_URL": "https://jixiao.example.gov.cn",
        "JIXIAO_SECRET_KEY": "x7" * 30 + "-production-like-key",
    }
    cmd = [sys.executable, "-m", "django", "check", "--deploy", "--fail-level", "WARNING"]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert (result.returncode, result.stdout.strip()) == (
        0,
        "System check identified no issues (2 silenced).",
    ), result.stderr


def test_a_bad_setting_stops_the_start_with_a_chinese_message(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("JIXIAO_", "DJANGO_"))}
    env |= {
        "DJANGO_SETTINGS_MODULE": "jixiao.web.settings",
        "JIXIAO_DATA_DIR": str(tmp_path),
        "JIXIAO_DEBUG": "maybe",
    }
    result = subprocess.run(
        [sys.executable, "-m", "django", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    assert "环境变量 JIXIAO_DEBUG 应为 0 或 1，而不是“maybe”。" in result.stderr
