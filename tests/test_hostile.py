"""Crawls against the fault-injecting server: each fault survived, every good page written once,
every bad one counted by reason in the stats and listed in failures.jsonl."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.fault_server import (
    BAD_FEEDS,
    BAD_SITEMAPS,
    FEED_PAGES,
    JAPANESE,
    MAXSIZE,
    PAGES,
    SITEMAP_PAGES,
    SLOW_SECONDS,
    TRUNCATED_PAGES,
    WESTERN,
    FaultHTTPServer,
    fault_server,
)

ROOT = Path(__file__).resolve().parent.parent
# Fast but faithful: real retries, backoff, timeouts and size limits, just shorter.
SETTINGS = (
    "SSRF_ALLOW_HOSTS=127.0.0.1", f"DOWNLOAD_TIMEOUT={SLOW_SECONDS / 2.5}", "RETRY_TIMES=2",
    "BACKOFF_BASE_DELAY=0.05", "BACKOFF_MAX_DELAY=1.5", "AUTOTHROTTLE_START_DELAY=0",
    "AUTOTHROTTLE_MAX_DELAY=1.5", "AUTOTHROTTLE_TARGET_CONCURRENCY=16", "DOWNLOAD_DELAY=0",
    "CONCURRENT_REQUESTS_PER_DOMAIN=16", f"DOWNLOAD_MAXSIZE={MAXSIZE}", "DOWNLOAD_WARNSIZE=0",
    "PROGRESS_INTERVAL=0",
    # Japanese has no spaces between words; the word-count threshold would call its pages stubs.
    "ARTICLE_MIN_WORDS=1",
)
REDIRECTED = {"/redirect/ok.html": "/good/target.html"}


@dataclass
class Crawl:
    server: FaultHTTPServer
    directory: Path
    expected: dict[str, str]  # path -> "good" or failure reason
    process: subprocess.Popen[str] | None = None

    def start(self, spider: str, *arguments: str) -> None:
        command = [sys.executable, "-m", "tests.hostile_crawl", spider, str(self.directory)]
        for argument in arguments:
            command += ["-a", argument]
        for setting in SETTINGS:
            command += ["-s", setting]
        self.process = subprocess.Popen(
            command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )

    def wait(self) -> None:
        assert self.process is not None
        output, _ = self.process.communicate(timeout=80)
        assert self.process.returncode == 0, output[-3000:]

    def path(self, url: str) -> str:
        return url.removeprefix(self.server.base)

    @property
    def records(self) -> list[dict[str, Any]]:
        return _jsonl(self.directory / "out.jsonl")

    @property
    def failures(self) -> list[dict[str, Any]]:
        return _jsonl(self.directory / "failures.jsonl")

    @property
    def stats(self) -> dict[str, Any]:
        stats: dict[str, Any] = json.loads((self.directory / "stats.json").read_text("utf-8"))
        return stats


def _jsonl(path: Path) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


@pytest.fixture(scope="module")
def crawls(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Crawl]]:
    """The three crawls, each against its own server (retry counters are per server), in parallel."""
    with ExitStack() as stack:
        servers = {name: stack.enter_context(fault_server()) for name in ("urls", "sitemap", "feed")}
        runs = {
            name: Crawl(server, tmp_path_factory.mktemp(name), {}) for name, server in servers.items()
        }
        url_file = runs["urls"].directory / "urls.txt"
        url_file.write_text("\n".join(servers["urls"].base + path for path in PAGES), "utf-8")
        runs["urls"].expected = {path: outcome for path, (outcome, _) in PAGES.items()}
        runs["urls"].start("urls", f"url_file={url_file}")
        runs["sitemap"].expected = {
            **{path: PAGES[path][0] for path in [*SITEMAP_PAGES, *TRUNCATED_PAGES]}, **BAD_SITEMAPS,
        }
        runs["sitemap"].start("sitemap", f"sitemap={servers['sitemap'].base}/sitemap-index.xml")
        runs["feed"].expected = {
            **{path: PAGES[path][0] for path in [*FEED_PAGES, *TRUNCATED_PAGES]}, **BAD_FEEDS,
        }
        feed_paths = ["/feed-good.xml", "/feed-truncated.xml", *BAD_FEEDS]
        feeds = ",".join(f"{servers['feed'].base}{path}" for path in feed_paths)
        runs["feed"].start("feed", f"feeds={feeds}")
        for run in runs.values():
            run.wait()
        yield runs


@pytest.mark.parametrize("name", ["urls", "sitemap", "feed"])
def test_every_good_page_is_written_exactly_once(crawls: dict[str, Crawl], name: str) -> None:
    crawl = crawls[name]
    written = Counter(crawl.path(record["url"]) for record in crawl.records)
    good = {REDIRECTED.get(path, path) for path, outcome in crawl.expected.items() if outcome == "good"}
    assert set(written) == good
    assert all(count == 1 for count in written.values()), written


@pytest.mark.parametrize("name", ["urls", "sitemap", "feed"])
def test_every_bad_page_is_listed_once_with_its_reason(crawls: dict[str, Crawl], name: str) -> None:
    crawl = crawls[name]
    listed = Counter((crawl.path(line["url"]), line["reason"]) for line in crawl.failures)
    bad = {(path, outcome) for path, outcome in crawl.expected.items() if outcome != "good"}
    assert set(listed) == bad
    assert all(count == 1 for count in listed.values()), listed
    for line in crawl.failures:
        assert set(line) >= {"url", "reason", "status", "time"}
        assert line["time"].endswith("+00:00")


@pytest.mark.parametrize("name", ["urls", "sitemap", "feed"])
def test_every_bad_page_is_counted_by_reason(crawls: dict[str, Crawl], name: str) -> None:
    crawl = crawls[name]
    expected = Counter(outcome for outcome in crawl.expected.values() if outcome != "good")
    counted = {
        key.removeprefix("failures/"): value
        for key, value in crawl.stats.items()
        if key.startswith("failures/") and key != "failures/count"
    }
    assert counted == dict(expected)
    assert crawl.stats["failures/count"] == sum(expected.values())


def test_transient_errors_are_retried_and_recovered(crawls: dict[str, Crawl]) -> None:
    hits = crawls["urls"].server.hits
    assert hits["/flaky/500.html"] == 3  # two 500s, then the page
    assert hits["/flaky/503.html"] == 2
    assert hits["/flaky/reset-once.html"] == 2
    assert hits["/fail/500.html"] == 3  # RETRY_TIMES=2, then given up and recorded


def test_retry_after_is_honoured(crawls: dict[str, Crawl]) -> None:
    first, second = crawls["urls"].server.times["/flaky/429.html"][:2]
    assert second - first >= 0.9  # Retry-After: 1


def test_wrong_charsets_come_out_right(crawls: dict[str, Crawl]) -> None:
    headlines = {crawls["urls"].path(r["url"]): r["headline"] for r in crawls["urls"].records}
    charset_pages = [path for path in PAGES if path.startswith("/charset/")]
    assert charset_pages
    for path in charset_pages:
        suffix = JAPANESE if "sjis" in path else WESTERN
        assert headlines[path].endswith(suffix.strip()), (path, headlines[path])


def test_guard_never_contacted_refused_targets(crawls: dict[str, Crawl]) -> None:
    """Redirects to file://, ftp:// and private addresses were refused before any connection."""
    hits = crawls["urls"].server.hits
    assert "/x" not in hits  # the ftp:// target on our own port
    assert hits["/good/0.html"] == 1  # the localhost redirect to it was not followed


def test_records_are_valid(crawls: dict[str, Crawl]) -> None:
    from scraper.record import validation_errors

    for crawl in crawls.values():
        for record in crawl.records:
            record.pop("crawled_at", None)
            assert validation_errors(record) == []


def test_retry_after_seconds_and_http_dates() -> None:
    from datetime import datetime, timezone

    from scrapy.http import Response

    from scraper.crawl.middlewares import retry_after

    def wait(value: str) -> float | None:
        now = datetime(2026, 1, 5, 12, 0, 0, tzinfo=timezone.utc)
        return retry_after(Response("http://a.test/", status=503, headers={"Retry-After": value}), now)

    assert wait("120") == 120.0 and wait(" 0 ") == 0.0 and wait("-5") == 0.0
    assert wait("Mon, 05 Jan 2026 12:01:30 GMT") == 90.0
    assert wait("Mon, 05 Jan 2026 11:00:00 GMT") == 0.0  # already past: retry now
    assert wait("soon") is None and wait("") is None
    assert retry_after(Response("http://a.test/", status=503)) is None
