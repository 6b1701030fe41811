"""Distributed crawling on a real Redis: several `scrapy crawl` workers, one frontier, each page once.

The site has 320 generated article pages (tests/cluster_site.py); redis-server is started on a free
port per test (tests/redis_server.py) and the test is skipped only when the binary is missing.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.cluster_site import ClusterSite
from tests.redis_server import MISSING_REASON, RedisServer, redis_binary

ROOT = Path(__file__).resolve().parent.parent
PAGES = 320
WORKER_SETTINGS = (
    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=8",
    "SSRF_ALLOW_HOSTS=127.0.0.1", "MAX_IDLE_TIME_BEFORE_CLOSE=2", "CLUSTER_HEARTBEAT_TTL=3",
    "PROGRESS_INTERVAL=0", "RETRY_TIMES=0", "DOWNLOAD_TIMEOUT=20", "LOG_LEVEL=INFO",
)

pytestmark = pytest.mark.skipif(redis_binary() is None, reason=MISSING_REASON)

# Every worker process a test starts; any still running when the test ends (it failed) is killed.
STARTED: list[subprocess.Popen[bytes]] = []


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test() -> Iterator[None]:
    yield
    while STARTED:
        worker = STARTED.pop()
        if worker.poll() is None:
            worker.kill()
            worker.wait()


def spawn(command: list[str], cwd: Path, redis_url: str, **kwargs: Any) -> subprocess.Popen[bytes]:
    """Start a worker process, remembered so the test's teardown can kill it if it still runs."""
    worker = subprocess.Popen(command, cwd=cwd, env=worker_env(redis_url), **kwargs)
    STARTED.append(worker)
    return worker


def worker_env(redis_url: str) -> dict[str, str]:
    env = dict(os.environ, REDIS_URL=redis_url, SCRAPY_SETTINGS_MODULE="scraper.settings")
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def start_worker(cwd: Path, spider: str, redis_url: str, number: int,
                 settings: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    """An ordinary `scrapy crawl SPIDER` with REDIS_URL set; its log in worker-<number>.log."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider]
    for setting in (*WORKER_SETTINGS, *settings, f"LOG_FILE=worker-{number}.log"):
        command += ["-s", setting]
    return spawn(command, cwd, redis_url)


def enqueue(cwd: Path, redis_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "scraper.cli", "enqueue", *args]
    return subprocess.run(command, cwd=cwd, env=worker_env(redis_url), capture_output=True, text=True,
                          timeout=60, check=False)


def wait_all(workers: list[subprocess.Popen[bytes]], timeout: float = 90) -> list[int]:
    deadline = time.monotonic() + timeout
    codes = []
    for worker in workers:
        try:
            codes.append(worker.wait(timeout=max(1.0, deadline - time.monotonic())))
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()
            raise
    return codes


def read_parts(cwd: Path, spider: str) -> dict[Path, list[dict[str, Any]]]:
    """Every worker's part; each must hold only complete JSON lines."""
    parts = {}
    for path in sorted((cwd / "output" / spider).glob("*.jsonl")):
        data = path.read_bytes()
        assert not data or data.endswith(b"\n"), f"{path.name} ends with a cut line"
        parts[path] = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    return parts


def canonical_counts(parts: dict[Path, list[dict[str, Any]]]) -> Counter[str]:
    return Counter(str(record["canonical_url"]) for records in parts.values() for record in records)


def assert_each_page_once(site: ClusterSite, parts: dict[Path, list[dict[str, Any]]]) -> None:
    counts = canonical_counts(parts)
    twice = sorted(url for url, count in counts.items() if count > 1)
    missing = sorted(set(site.page_urls()) - set(counts))
    assert not twice, f"{len(twice)} articles written more than once, e.g. {twice[:3]}"
    assert not missing, f"{len(missing)} articles never written, e.g. {missing[:3]}"
    assert set(counts) == set(site.page_urls())


def test_three_workers_crawl_every_page_exactly_once(tmp_path: Path, redis_server: RedisServer) -> None:
    with ClusterSite(PAGES, delay=0.005) as site:
        pushed = enqueue(tmp_path, redis_server.url, "sitemap", site.url("sitemap.xml"))
        assert pushed.returncode == 0, pushed.stderr
        workers = [start_worker(tmp_path, "sitemap", redis_server.url, n) for n in range(3)]
        assert wait_all(workers) == [0, 0, 0]
        fetched = Counter(site.article_requests())
    parts = read_parts(tmp_path, "sitemap")
    assert_each_page_once(site, parts)
    assert len([records for records in parts.values() if records]) >= 2, "the work was not shared"
    assert all(count == 1 for count in fetched.values()) and len(fetched) == PAGES, "a page fetched twice"
    for path in parts:  # worker id in the name: <UTC start>-<host>-<pid>.jsonl
        assert path.stem.rsplit("-", 1)[1].isdigit()


def test_worker_killed_mid_crawl_is_requeued_and_loses_nothing(
    tmp_path: Path, redis_server: RedisServer, redis_client: Any
) -> None:
    """Its requests go back to the queue; the others write each of its unwritten pages, none twice."""
    with ClusterSite(PAGES, delay=0.05) as site:
        url_file = tmp_path / "pages.txt"
        url_file.write_text("# the whole site\n" + "\n".join(site.page_urls()) + "\n")
        pushed = enqueue(tmp_path, redis_server.url, "urls", "--file", str(url_file))
        assert pushed.returncode == 0, pushed.stderr
        victim = start_worker(tmp_path, "urls", redis_server.url, 0)
        other = start_worker(tmp_path, "urls", redis_server.url, 1)
        held = wait_for_leases(redis_client, "urls", victim.pid, at_least=4, after_pages=(site, 60))
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        restarted = start_worker(tmp_path, "urls", redis_server.url, 2)
        assert wait_all([other, restarted]) == [0, 0]
    assert_each_page_once(site, read_parts(tmp_path, "urls"))
    logs = "".join((tmp_path / f"worker-{n}.log").read_text() for n in (1, 2))
    assert "Requeued" in logs, f"the {held} leased requests of the killed worker were not requeued"
    assert not redis_client.zcard("urls:requests") and not redis_client.llen("urls:start_urls")


def test_worker_stopped_by_sigterm_gives_its_work_back_at_once(
    tmp_path: Path, redis_server: RedisServer, redis_client: Any
) -> None:
    """A clean stop: the worker finishes what it is writing, returns its leases and exits 0; the other
    worker takes them without waiting for a heartbeat to expire (the TTL here is longer than the test)."""
    pages = 120
    with ClusterSite(pages, delay=0.05) as site:
        url_file = tmp_path / "pages.txt"
        url_file.write_text("\n".join(site.page_urls()) + "\n")
        assert enqueue(tmp_path, redis_server.url, "urls", "--file", str(url_file)).returncode == 0
        settings = ("CLUSTER_HEARTBEAT_TTL=300",)
        stopped = start_worker(tmp_path, "urls", redis_server.url, 0, settings)
        other = start_worker(tmp_path, "urls", redis_server.url, 1, settings)
        wait_for_leases(redis_client, "urls", stopped.pid, at_least=2, after_pages=(site, 20))
        stopped.send_signal(signal.SIGTERM)
        assert stopped.wait(timeout=30) == 0
        left = list(redis_client.scan_iter(f"urls:worker:*-{stopped.pid}:*"))
        assert not left, f"the stopped worker left its leases or heartbeat: {left}"
        members = [raw.decode() for raw in redis_client.smembers("urls:workers")]
        assert not any(member.endswith(f"-{stopped.pid}") for member in members)
        assert wait_all([other], timeout=60) == [0]  # well before the TTL: nothing waited for expiry
    parts = read_parts(tmp_path, "urls")
    assert_each_page_once(site, parts)
    assert all(records for records in parts.values()), "the stopped worker wrote nothing before stopping"
    assert "Spider closed (shutdown)" in (tmp_path / "worker-0.log").read_text()
    assert "Requeued" not in (tmp_path / "worker-1.log").read_text()


def test_claims_left_by_killed_workers_are_settled_from_their_parts(
    tmp_path: Path, redis_server: RedisServer, redis_client: Any
) -> None:
    """Three workers killed around a write, each leaving a pending claim: one after writing its
    lines, one before, one mid-line. The live workers keep the first's lines, write the others'."""
    from scraper.cluster.claims import Pending
    from scraper.record import dedupe_keys
    from scraper.runs.output import serialize

    pages = 40
    with ClusterSite(pages, delay=0.005) as site:
        urls = site.page_urls()
        records = [{"url": url, "canonical_url": url, "headline": f"page {n}"} for n, url in enumerate(urls)]
        parts = tmp_path / "output" / "urls"
        parts.mkdir(parents=True)
        dead = {name: parts / f"20260101T000000Z-{name}.jsonl" for name in ("gone-1", "gone-2", "gone-3")}

        def plant(worker: str, offset: int, record: dict[str, Any]) -> None:
            value = Pending(worker, str(dead[worker].resolve()), offset).encode()
            redis_client.hset("urls:claims", mapping=dict.fromkeys(dedupe_keys(record), value))

        with dead["gone-1"].open("wb") as written:  # killed after writing, before marking written
            for record in records[:10]:
                plant("gone-1", written.tell(), record)
                written.write(serialize(record))
        dead["gone-2"].write_bytes(b"")  # killed after claiming, before writing
        for record in records[10:20]:
            plant("gone-2", 0, record)
        dead["gone-3"].write_bytes(serialize(records[20])[:30])  # killed mid-write
        plant("gone-3", 0, records[20])

        url_file = tmp_path / "pages.txt"
        url_file.write_text("\n".join(urls) + "\n")
        assert enqueue(tmp_path, redis_server.url, "urls", "--file", str(url_file)).returncode == 0
        workers = [start_worker(tmp_path, "urls", redis_server.url, n) for n in range(2)]
        assert wait_all(workers) == [0, 0]
    found = read_parts(tmp_path, "urls")
    assert_each_page_once(site, found)
    assert [record["url"] for record in found[dead["gone-1"]]] == urls[:10]
    assert found[dead["gone-2"]] == found[dead["gone-3"]] == []  # the cut line was removed
    logs = "".join((tmp_path / f"worker-{n}.log").read_text() for n in range(2))
    assert sum(map(int, re.findall(r"'cluster/dead_claims_found_written': (\d+)", logs))) == 10
    assert sum(map(int, re.findall(r"'cluster/dead_claims_taken_over': (\d+)", logs))) == 11


def wait_for_leases(client: Any, spider: str, pid: int, at_least: int,
                    after_pages: tuple[ClusterSite, int], timeout: float = 60) -> int:
    """Wait until the worker with this pid holds at least `at_least` leases, mid-crawl."""
    site, pages = after_pages
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for raw in client.smembers(f"{spider}:workers"):
            worker = raw.decode()
            if worker.endswith(f"-{pid}") and len(site.article_requests()) >= pages:
                held = int(client.hlen(f"{spider}:worker:{worker}:leases"))
                if held >= at_least:
                    return held
        time.sleep(0.02)
    raise AssertionError(f"worker {pid} never held {at_least} leases after {pages} pages")


def test_without_redis_url_nothing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapy.settings import Settings

    from scraper.cluster.addon import Cluster

    monkeypatch.delenv("REDIS_URL", raising=False)
    settings = Settings({"ITEM_PIPELINES": {}, "EXTENSIONS": {}, "SPIDER_MIDDLEWARES": {}})
    Cluster().update_settings(settings)
    assert settings.get("SCHEDULER") == "scrapy.core.scheduler.Scheduler"
    assert not settings.getdict("ITEM_PIPELINES") and not settings.getdict("EXTENSIONS")
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    Cluster().update_settings(settings)
    assert settings.get("SCHEDULER") == "scraper.cluster.scheduler.LeasingScheduler"
    assert settings.getbool("SCHEDULER_PERSIST")
    assert "scraper.cluster.addon.PartWriter" in settings["EXTENSIONS"]


@pytest.mark.parametrize("output", [("-O", "out.jsonl"), ("-o", "out.jsonl"),
                                    ("-s", 'FEEDS={"out.jsonl": {"format": "jsonlines"}}')])
def test_feed_output_is_refused_in_cluster_mode(
    tmp_path: Path, redis_server: RedisServer, redis_client: Any, output: tuple[str, str]
) -> None:
    """-o/-O/FEEDS write after the claim (a kill would lose articles): a worker refuses them at start-up."""
    with ClusterSite(4) as site:
        command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", f"urls={site.page_urls()[0]}",
                   *output, "-s", "SSRF_ALLOW_HOSTS=127.0.0.1"]
        result = subprocess.run(command, cwd=tmp_path, env=worker_env(redis_server.url), capture_output=True,
                                text=True, timeout=60, check=False)
        fetched = list(site.article_requests())
    assert result.returncode == 2, result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert "-o/-O/FEEDS cannot be used with REDIS_URL" in last and "its own part" in last
    assert result.stderr.count("cannot be used with REDIS_URL") == 1
    assert not fetched and not (tmp_path / "out.jsonl").exists() and not (tmp_path / "output").exists()
    assert redis_client.dbsize() == 0  # refused before the worker touched the cluster


def test_feed_output_is_allowed_without_redis_url(monkeypatch: pytest.MonkeyPatch) -> None:
    from scrapy.exceptions import UsageError
    from scrapy.settings import Settings

    from scraper.cluster.addon import refuse_feeds

    settings = Settings({"FEEDS": {"out.jsonl": {"format": "jsonlines"}}})
    monkeypatch.delenv("REDIS_URL", raising=False)
    refuse_feeds(settings)  # a single-machine crawl: -o/-O are Scrapy's usual output
    monkeypatch.setenv("REDIS_URL", "redis://127.0.0.1:1/0")
    with pytest.raises(UsageError, match="cannot be used with REDIS_URL"):
        refuse_feeds(settings)
    settings.set("FEEDS", {})
    refuse_feeds(settings)  # the default per-worker part


def test_leases_of_a_dead_worker_go_back_alive_ones_stay(redis_client: Any) -> None:
    from scraper.cluster.leases import Leases

    def worker(name: str) -> Leases:
        return Leases(redis_client, "s", "s:requests", "s:start_urls", name, ttl=60)

    alive, dead = worker("alive"), worker("dead")
    redis_client.zadd("s:requests", {b"r1": 0, b"r2": -1})
    redis_client.rpush("s:start_urls", b"u1", b"u2")
    alive.beat()
    assert alive.pop() is not None and dead.pop() is not None and dead.pop_starts(5) == [b"u1", b"u2"]
    assert redis_client.zcard("s:requests") == 0 and redis_client.llen("s:start_urls") == 0
    assert alive.reap() == 3  # dead never beat: its request and both start URLs come back
    assert redis_client.zcard("s:requests") == 1 and redis_client.llen("s:start_urls") == 2
    assert dead.reap() == 0 and alive.leased_here() == 1  # a live worker keeps its lease
    token, _ = alive.pop() or ("", b"")
    alive.ack([token])
    assert alive.leased_here() == 1 and alive.stop() == 1 and redis_client.zcard("s:requests") == 1


def test_redis_state_store_decides_like_sqlite(tmp_path: Path, redis_server: RedisServer) -> None:
    from scraper.cluster.state_redis import RedisStateStore

    store = RedisStateStore(tmp_path / "state", redis_server.url, "urls")
    record = {"url": "http://a.test/x?ref=1", "canonical_url": "http://a.test/x", "fingerprint": "f1",
              "modified": "2024-05-01T00:00:00Z", "version": 1}
    assert store.decide(record).action == "new"
    store.remember(record, source_date="2024-05-01", aliases=["http://a.test/old-x"])
    assert store.decide(record).action == "unchanged" and store.count_articles() == 1
    assert store.article_for_url("http://a.test/old-x") == store.article("http://a.test/x")
    copy = {**record, "url": "http://b.test/y", "canonical_url": "http://b.test/y"}
    assert store.decide(copy).action == "republished" and store.decide(copy).known_as == "http://a.test/x"
    changed = {**record, "modified": "2024-06-01T00:00:00Z"}
    assert (store.decide(changed).action, store.decide(changed).version) == ("changed", 2)
    assert store.validators("http://elsewhere.test/") is None
    store.save_validators("http://a.test/x", '"e1"', None, 1)
    assert store.validators("http://a.test/x") == ('"e1"', None)
    seen = store.article("http://a.test/x")
    assert seen is not None and seen.source_date == "2024-05-01"
    store.close()


def test_enqueue_checks_its_arguments(tmp_path: Path, redis_server: RedisServer, redis_client: Any) -> None:
    bad = enqueue(tmp_path, redis_server.url, "urls", "ftp://example.test/x")
    assert bad.returncode == 2 and "not an absolute http(s) URL" in bad.stderr
    unknown = enqueue(tmp_path, redis_server.url, "no_such_spider", "http://example.test/")
    assert unknown.returncode == 2 and "unknown spider" in unknown.stderr
    good = enqueue(tmp_path, redis_server.url, "urls", "http://example.test/a", "http://example.test/a")
    assert good.returncode == 0 and redis_client.lrange("urls:start_urls", 0, -1) == [
        b'{"url": "http://example.test/a"}'
    ]
    busy = enqueue(tmp_path, redis_server.url, "urls", "--new-round")
    assert busy.returncode == 1 and "still running" in busy.stderr
