"""A few bad pages must not stall a crawl: `scraper crawl urls` over a hostile set, AutoThrottle on and off.

    python -m bench.faults [--timeout 5] [--hang 40]

Serves 25 URLs of one host on 127.0.0.1 with the project's fault server (tests/fault_server.py):
12 good pages (10 plain, one answering 503 twice, one answering 429 with `Retry-After: 1` once) and
13 hostile ones (a reset connection, a page that hangs `--hang` seconds, a truncated body, a PDF,
JSON, an empty page, garbage bytes, 50,000-deep nesting, a gzip bomb, a redirect loop, a redirect to
file://, a 404, a page robots.txt forbids). Crawls them twice with the project's defaults and
DOWNLOAD_TIMEOUT=`--timeout`: as shipped (AutoThrottle on), and with AUTOTHROTTLE_ENABLED=False and
DOWNLOAD_DELAY=0. Prints wall time beside the unavoidable waits (the hanging page's timeout x its
tries, plus the Retry-After asked for) and the ratio; the floor is 2 x that sum + 10 s. Also the
crawl's own backoff summary line, and whether every good page (and the article inside the deeply
nested page) was written once.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.fault_server import (  # noqa: E402
    PAGES,
    FaultHandler,
    Reply,
    article,
    fail_then,
    fault_server,
    hang,
    html,
    routes,
)

RETRY_TIMES = 3  # the shipped setting: 4 tries of a page that never answers
RETRY_AFTER = 1.0  # what the 429 page asks for
GOOD = [f"/good/{n}.html" for n in range(10)] + ["/flaky/503-twice.html", "/flaky/429.html"]
HOSTILE = [
    "/fail/reset.html", "/fail/hang.html", "/fail/truncated.html", "/fail/pdf.html", "/fail/json.html",
    "/fail/empty.html", "/fail/garbage.html", "/deep.html", "/fail/gzip-bomb.html", "/fail/loop-a.html",
    "/fail/to-file.html", "/fail/404.html", "/private/disallowed.html",
]
# The deep page is hostile markup around a real article: the nesting is cut and the article written.
WRITTEN = [*GOOD, "/deep.html"]
RUNS = {
    "AutoThrottle on (defaults)": (),
    "AutoThrottle off, DOWNLOAD_DELAY=0": ("AUTOTHROTTLE_ENABLED=False", "DOWNLOAD_DELAY=0"),
}


def hostile_routes(hang_seconds: float) -> dict[str, Callable[[FaultHandler], Reply | None]]:
    table = routes()
    table.update({path: (lambda h, n=n: html(article(n))) for n, path in enumerate(GOOD[:10])})
    table["/flaky/503-twice.html"] = fail_then(2, 503, 21)
    table["/flaky/429.html"] = PAGES["/flaky/429.html"][1]  # 429 with Retry-After: 1, once
    table["/fail/hang.html"] = hang(hang_seconds)
    return table


def crawl(base: str, settings: tuple[str, ...], timeout: float, work: Path) -> tuple[float, int, str]:
    """One `scraper crawl urls` run: wall seconds, exit status, stderr."""
    url_file = work / "urls.txt"
    url_file.write_text("\n".join(base + path for path in [*GOOD, *HOSTILE]) + "\n", "utf-8")
    command = [sys.executable, "-m", "scraper.cli", "crawl", "urls", "-a", f"url_file={url_file}",
               "-O", str(work / "out.jsonl")]
    for setting in ("SSRF_ALLOW_HOSTS=127.0.0.1", f"DOWNLOAD_TIMEOUT={timeout:g}",
                    f"STATE_DIR={work / 'state'}", "LOG_LEVEL=INFO", *settings):
        command += ["-s", setting]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "scraper.settings", "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    result = subprocess.run(command, cwd=work, env=env, capture_output=True, text=True, timeout=900,
                            check=False)
    return time.monotonic() - started, result.returncode, result.stderr


def written(path: Path, base: str) -> list[str]:
    if not path.exists():
        return []
    return [json.loads(line)["url"].removeprefix(base) for line in path.read_text("utf-8").splitlines()]


def summary_line(stderr: str, name: str) -> str:
    found = re.findall(rf"  {name}:\s+(.*)", stderr)
    return found[-1].strip() if found else "?"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timeout", type=float, default=5.0, help="DOWNLOAD_TIMEOUT (default 5)")
    parser.add_argument("--hang", type=float, default=40.0, help="seconds the hanging page hangs")
    args = parser.parse_args()
    unavoidable = args.timeout * (RETRY_TIMES + 1) + RETRY_AFTER
    floor = 2 * unavoidable + 10
    print(f"{len(GOOD)} good + {len(HOSTILE)} hostile URLs, DOWNLOAD_TIMEOUT={args.timeout:g}; unavoidable "
          f"waits {args.timeout:g} s x {RETRY_TIMES + 1} tries + Retry-After {RETRY_AFTER:g} s = "
          f"{unavoidable:g} s; floor 2 x {unavoidable:g} + 10 = {floor:g} s\n")
    print("| run | wall s | unavoidable s | ratio | in floor | exit | good written | backoff line |")
    print("|---|---|---|---|---|---|---|---|")
    failed = False
    for name, settings in RUNS.items():
        with fault_server(hostile_routes(args.hang)) as server, tempfile.TemporaryDirectory() as tmp:
            seconds, status, stderr = crawl(server.base, settings, args.timeout, Path(tmp))
            urls = written(Path(tmp) / "out.jsonl", server.base)
        good_once = sorted(urls) == sorted(WRITTEN)
        within = seconds <= floor
        failed |= not (within and good_once)
        print(f"| {name} | {seconds:.1f} | {unavoidable:g} | {seconds / unavoidable:.2f}x | "
              f"{'yes' if within else 'NO'} | {status} | {len(set(urls) & set(WRITTEN))}/{len(WRITTEN)}"
              f"{'' if good_once else ' (NOT each once)'} | {summary_line(stderr, 'backoff')} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
