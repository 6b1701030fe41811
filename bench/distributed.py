"""Distributed crawl throughput: pages/s with 1 and 2 `scrapy crawl` workers on one Redis, and the ratio.

    python -m bench.distributed [--pages 400] [--delay 0.05] [--workers 1,2]

Starts redis-server (Debian's) on a free port and the generated local site of tests/cluster_site.py
(article pages answered after `--delay` seconds, like a remote site), pushes the sitemap with
`scraper enqueue`, runs the workers to the end of the crawl and times from the push to the last
article written (the workers' start-up and idle wait are excluded: each part's last line is dated by
its file's modification time). Prints a table; each row also checks that every page was written once.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.cluster_site import ClusterSite  # noqa: E402
from tests.redis_server import RedisServer  # noqa: E402

SETTINGS = (
    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "SSRF_ALLOW_HOSTS=127.0.0.1", "MAX_IDLE_TIME_BEFORE_CLOSE=2", "CLUSTER_HEARTBEAT_TTL=10",
    "PROGRESS_INTERVAL=0", "LOG_LEVEL=WARNING", "CRAWL_SUMMARY_PRINT=False",
)


def environment(redis_url: str) -> dict[str, str]:
    env = dict(os.environ, REDIS_URL=redis_url, SCRAPY_SETTINGS_MODULE="scraper.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def run_cluster(workers: int, pages: int, delay: float) -> tuple[float, int, bool]:
    """(seconds from the push to the last article written, articles written, each page exactly once)."""
    with tempfile.TemporaryDirectory(prefix="bench-cluster-") as tmp, \
            RedisServer(Path(tmp) / "redis") as redis, ClusterSite(pages, delay=delay) as site:
        env, cwd = environment(redis.url), Path(tmp)
        command = [sys.executable, "-m", "scrapy", "crawl", "sitemap"]
        for setting in SETTINGS:
            command += ["-s", setting]
        procs = [subprocess.Popen(command, cwd=cwd, env=env) for _ in range(workers)]
        time.sleep(4.0)  # let every worker import Scrapy and open its spider before work appears
        pushed = time.time()
        enqueue = [sys.executable, "-m", "scraper.cli", "enqueue", "sitemap", site.url("sitemap.xml")]
        subprocess.run(enqueue, cwd=cwd, env=env, check=True, capture_output=True)
        for proc in procs:
            proc.wait(timeout=600)
        parts = sorted((cwd / "output" / "sitemap").glob("*.jsonl"))
        urls = Counter(json.loads(line)["canonical_url"] for part in parts for line in part.open())
        finished = max(part.stat().st_mtime for part in parts)
        once = set(urls) == set(site.page_urls()) and all(count == 1 for count in urls.values())
        return finished - pushed, sum(urls.values()), once


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=400)
    parser.add_argument("--delay", type=float, default=0.05, help="seconds per article page (default 0.05)")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    args = parser.parse_args(argv)
    counts = [int(part) for part in args.workers.split(",")]
    print(f"{args.pages} article pages, {args.delay * 1000:.0f} ms each, {os.cpu_count()} CPUs")
    print(f"{'workers':>7} {'seconds':>8} {'pages/s':>8} {'vs 1':>6}  each page once")
    base = None
    for workers in counts:
        seconds, written, once = run_cluster(workers, args.pages, args.delay)
        rate = written / seconds
        base = base or rate
        print(f"{workers:>7} {seconds:>8.1f} {rate:>8.1f} {rate / base:>5.2f}x  {'yes' if once else 'NO'}",
              flush=True)


if __name__ == "__main__":
    main()
