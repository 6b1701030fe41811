"""A distributed cron crawl end to end: `scraper crawl` workers on a real Redis, three rounds.

Round 1: two `scraper crawl sitemap` workers (one STATE_DIR each, REDIS_URL in the environment)
share the pushed sitemap and write every article exactly once between them. Round 2, started as cron
would (`scraper enqueue --new-round`), writes nothing: the seen-article state lives in Redis. Round 3,
after one article's text changed on the site, writes exactly that article again, as version 2.
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from tests.cluster_site import ClusterSite
from tests.redis_server import MISSING_REASON, RedisServer, redis_binary
from tests.test_distributed import (  # noqa: F401 - the fixture kills workers a failed test leaves
    enqueue,
    no_worker_outlives_its_test,
    spawn,
    wait_all,
    wait_for_leases,
)

PAGES = 60
WORKERS = 2
CHANGED = 17  # the article whose text changes before round 3
WORKER_SETTINGS = (
    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=4",
    "SSRF_ALLOW_HOSTS=127.0.0.1", "MAX_IDLE_TIME_BEFORE_CLOSE=2", "CLUSTER_HEARTBEAT_TTL=3",
    "PROGRESS_INTERVAL=0", "RETRY_TIMES=0", "DOWNLOAD_TIMEOUT=20",
)

pytestmark = pytest.mark.skipif(redis_binary() is None, reason=MISSING_REASON)


class EditableSite(ClusterSite):
    """The generated site, where a test can add a paragraph to some articles."""

    def __init__(self, count: int, delay: float = 0.0) -> None:
        super().__init__(count, delay)
        self.edited: set[str] = set()

    def generate(self, path: str) -> tuple[str | None, str]:
        text, ctype = super().generate(path)
        if text is not None and path in self.edited:
            text = text.replace("</p>", "</p><p>Update: the council has since approved the plan.</p>", 1)
        return text, ctype


def start_worker(cwd: Path, redis_url: str, number: int, round_: int) -> subprocess.Popen[bytes]:
    """`scraper crawl sitemap` with REDIS_URL set, as cron starts it; its own STATE_DIR."""
    command = [sys.executable, "-m", "scraper.cli", "crawl", "sitemap"]
    for setting in (*WORKER_SETTINGS, f"STATE_DIR=state-{number}", f"LOG_FILE=worker-{number}-{round_}.log"):
        command += ["-s", setting]
    return spawn(command, cwd, redis_url, stderr=subprocess.PIPE)


def articles_known(redis_url: str) -> int:
    import redis

    client = redis.Redis.from_url(redis_url)
    try:
        return int(client.scard("sitemap:state:articles"))
    finally:
        client.close()


def run_round(cwd: Path, redis_url: str, sitemap: str, round_: int) -> list[dict[str, Any]]:
    """Push the sitemap (a new round after the first), run the workers to the end; the new records."""
    before = set((cwd / "output" / "sitemap").glob("*.jsonl"))
    pushed = enqueue(cwd, redis_url, "sitemap", *(["--new-round"] if round_ > 1 else []), sitemap)
    assert pushed.returncode == 0, pushed.stderr
    workers = [start_worker(cwd, redis_url, number, round_) for number in range(WORKERS)]
    try:
        codes = wait_all(workers, timeout=60)
    finally:  # a hung round must not leave workers behind
        for worker in workers:
            if worker.poll() is None:
                worker.kill()
                worker.wait()
    errors = [worker.stderr.read().decode() if worker.stderr else "" for worker in workers]
    assert codes == [0] * WORKERS, f"round {round_}: exit statuses {codes}: {errors}"
    parts = sorted(set((cwd / "output" / "sitemap").glob("*.jsonl")) - before)
    assert not list((cwd / "output" / "sitemap").glob("*.part")), "a run left its output unfinished"
    return [json.loads(line) for part in parts for line in part.read_text("utf-8").splitlines()]


def test_distributed_cron_rounds_are_incremental(tmp_path: Path, redis_server: RedisServer) -> None:
    # Slow enough (60 pages x 0.2 s / 4 at a time = 3 s for one worker alone) that the second worker,
    # started at the same moment, is up before the first could take the whole round.
    with EditableSite(PAGES, delay=0.2) as site:
        sitemap = site.url("sitemap.xml")
        first = run_round(tmp_path, redis_server.url, sitemap, 1)
        counts = Counter(record["canonical_url"] for record in first)
        assert sorted(counts) == sorted(site.page_urls()) and set(counts.values()) == {1}
        assert {record["version"] for record in first} == {1}
        shared = [path for path in (tmp_path / "output" / "sitemap").glob("*.jsonl") if path.stat().st_size]
        assert len(shared) == WORKERS, "the two workers did not share the crawl"
        assert articles_known(redis_server.url) == PAGES, "the seen articles are not in Redis"

        assert run_round(tmp_path, redis_server.url, sitemap, 2) == []

        changed_url = site.page_urls()[CHANGED]
        site.edited.add(f"/news/story-{CHANGED}.html")
        third = run_round(tmp_path, redis_server.url, sitemap, 3)
        misspelt = enqueue(tmp_path, redis_server.url, "sitemap", "--new-rounds", sitemap)
        assert misspelt.returncode == 2 and "unrecognized arguments: --new-rounds" in misspelt.stderr
        # A worker that finds the shared queue empty until the cluster is idle did its part: exit 0.
        idle = start_worker(tmp_path, redis_server.url, WORKERS, 4)
        assert wait_all([idle], timeout=30) == [0]
        assert idle.stderr is not None and "no work for this worker" in idle.stderr.read().decode()
    assert [(record["canonical_url"], record["version"]) for record in third] == [(changed_url, 2)]
    old = next(record for record in first if record["canonical_url"] == changed_url)
    assert third[0]["fingerprint"] != old["fingerprint"]


def test_killed_scraper_crawl_worker_restarted_by_cron_loses_and_repeats_nothing(
    tmp_path: Path, redis_server: RedisServer, redis_client: Any
) -> None:
    """kill -9 of one worker mid-round; cron starts it again (same STATE_DIR): it resumes its run, and
    the finished files hold every article once, all of them known to the shared state."""
    pages = 120
    with ClusterSite(pages, delay=0.05) as site:
        pushed = enqueue(tmp_path, redis_server.url, "sitemap", site.url("sitemap.xml"))
        assert pushed.returncode == 0, pushed.stderr
        victim, other = (start_worker(tmp_path, redis_server.url, number, 1) for number in range(WORKERS))
        wait_for_leases(redis_client, "sitemap", victim.pid, at_least=2, after_pages=(site, 40))
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        restarted = start_worker(tmp_path, redis_server.url, 0, 2)
        codes = wait_all([other, restarted], timeout=90)
        errors = [worker.stderr.read().decode() if worker.stderr else "" for worker in (other, restarted)]
        assert codes == [0, 0], errors
        assert "resuming run" in errors[1], "the restarted worker did not resume the killed run"
    outputs = [path for path in sorted((tmp_path / "output" / "sitemap").glob("*.jsonl"))
               if not path.name.endswith(".failures.jsonl")]
    assert not list((tmp_path / "output" / "sitemap").glob("*.part")), "a run left its output unfinished"
    records = [json.loads(line) for path in outputs for line in path.read_text("utf-8").splitlines()]
    counts = Counter(record["canonical_url"] for record in records)
    assert sorted(counts) == sorted(site.page_urls()), f"{pages - len(counts)} articles lost"
    assert set(counts.values()) == {1}, "an article was written twice"
    assert articles_known(redis_server.url) == pages, "a written article is missing from the shared state"
