"""Run `scrapy crawl` as a real subprocess (a Twisted reactor cannot restart in one process)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# A local server answers at once; the polite delays meant for real sites only slow the tests.
FAST = (
    "AUTOTHROTTLE_ENABLED=0", "DOWNLOAD_DELAY=0", "BACKOFF_BASE_DELAY=0.1", "LOG_LEVEL=INFO",
    "SSRF_ALLOW_HOSTS=127.0.0.1",  # the hostile-web guard refuses loopback unless allowed
)


def scrapy_crawl(
    spider: str, args: dict[str, str], output: Path | None, *settings: str, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """`scrapy crawl SPIDER -a k=v ... [-O output] -s ...`, output captured.

    Runs in the output's directory (settings found through SCRAPY_SETTINGS_MODULE), so relative
    paths a crawl writes (default feed, logs) land there, not in the repository.
    """
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for key, value in args.items():
        command += ["-a", f"{key}={value}"]
    if output is not None:
        command += ["-O", str(output)]
    for setting in (*FAST, *settings):
        command += ["-s", setting]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "scraper.settings", "PYTHONPATH": str(ROOT)}
    cwd = output.parent if output is not None else ROOT
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every line of a JSONL file, each required to be one complete JSON object."""
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert all(isinstance(record, dict) for record in records)
    return records


def stat_line(stderr: str, name: str) -> str:
    """The summary line for `name` ('skipped', 'dropped', 'errors') from a crawl's log."""
    for line in stderr.splitlines():
        if f"  {name}:" in line:
            return line.split(f"  {name}:", 1)[1].strip()
    raise AssertionError(f"no '{name}' summary line in the log:\n{stderr[-3000:]}")
