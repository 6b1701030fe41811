"""`scraper crawl` as cron runs it: real subprocesses against a local site on 127.0.0.1."""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scraper.commands.crawl import (
    EXIT_CRASHED,
    EXIT_LOCKED,
    EXIT_NOTHING_CRAWLED,
    EXIT_OK,
    EXIT_STATUSES,
    EXIT_TOO_MANY_ERRORS,
    EXIT_USAGE,
    judge,
)
from scraper.demo_server import SiteServer
from tests.scheduled_site import (
    FAST,
    SlowSiteServer,
    article_html,
    crawl_command,
    crawl_env,
    read_jsonl,
    run_crawl,
    urls_of,
    write_article,
    write_site,
    write_sitemap,
)

COUNT = 5


@pytest.fixture
def site(tmp_path: Path) -> Iterator[SiteServer]:
    with SiteServer(write_site(tmp_path / "site", COUNT)) as server:
        yield server


@pytest.fixture
def work(tmp_path: Path) -> Path:
    directory = tmp_path / "work"
    directory.mkdir()
    return directory


def sitemap_args(server: SiteServer) -> tuple[str, ...]:
    return ("sitemap", "-a", f"sitemap={server.url('sitemap.xml')}")


def test_incremental_runs_write_only_new_and_changed_articles(site: SiteServer, work: Path) -> None:
    first = run_crawl(work, *sitemap_args(site))
    assert first.returncode == EXIT_OK, first.stderr
    files = list((work / "output" / "sitemap").iterdir())
    assert [f.suffix for f in files] == [".jsonl"]  # a dated file under its final name, no .part left
    records = read_jsonl(files[0])
    assert len(records) == COUNT and {r["version"] for r in records} == {1}
    assert (work / ".state" / "sitemap" / "state.sqlite3").exists()  # the default STATE_DIR

    again = run_crawl(work, *sitemap_args(site))
    assert again.returncode == EXIT_OK, again.stderr
    assert "'incremental/skipped_by_date': 5" in again.stderr  # not even downloaded: sitemap lastmod
    assert len(list((work / "output" / "sitemap").iterdir())) == 1  # nothing new: no empty dated file

    root = site.root
    write_article(root, 1, revision=1)  # changed body, newer lastmod: a new version
    (root / "news" / "copy-of-2.html").write_text(article_html(2, canonical="news/copy-of-2.html"))
    lastmods = {n: "2024-05-01T00:00:00Z" for n in range(COUNT)}
    write_sitemap(root, lastmods | {1: "2024-06-01", 3: "2024-06-01"})
    third = run_crawl(work, *sitemap_args(site), "-o", "all.jsonl")
    assert third.returncode == EXIT_OK, third.stderr
    assert "'incremental/not_modified': 1" in third.stderr  # story 3: newer lastmod, server said 304
    changed = read_jsonl(work / "all.jsonl")
    assert [(r["canonical_url"].rsplit("/", 1)[1], r["version"]) for r in changed] == [("story-1.html", 2)]

    copy_url = site.url("news/copy-of-2.html")
    shared_state = ("-s", "STATE_DIR=.state/sitemap")  # cross-spider dedupe needs one STATE_DIR
    copy = run_crawl(work, "urls", "-a", f"urls={copy_url}", "-o", "all.jsonl", *shared_state)
    assert copy.returncode == EXIT_OK, copy.stderr
    assert "'incremental/republished': 1" in copy.stderr  # same text under a new URL: not written again
    assert len(read_jsonl(work / "all.jsonl")) == 1


def test_overwrite_replaces_the_file_only_when_complete(site: SiteServer, work: Path) -> None:
    (work / "out.jsonl").write_text('{"old": true}\n')
    result = run_crawl(work, *sitemap_args(site), "-O", "out.jsonl", "-s", "STATE_DIR=st")
    assert result.returncode == EXIT_OK, result.stderr
    assert len(urls_of(read_jsonl(work / "out.jsonl"))) == COUNT
    assert not (work / "out.jsonl.part").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("nosuchspider",), "unknown spider 'nosuchspider'"),
        (("sitemap", "-a", "sitemap=not-a-url"), "not an absolute http(s) URL"),
        (("urls", "-a", "urls"), "expected NAME=VALUE"),
        (("urls", "-a", "urls=http://127.0.0.1:9/", "-o", "out.csv"), "JSON lines"),
        (("urls", "-a", "urls=http://127.0.0.1:9/", "-s", "MAX_ERROR_RATIO=2"), "between 0 and 1"),
    ],
)
def test_bad_arguments_exit_2_before_any_request(work: Path, args: tuple[str, ...], message: str) -> None:
    result = run_crawl(work, *args)
    assert result.returncode == EXIT_USAGE, result.stderr
    assert message in result.stderr and "exit 2 (bad arguments)" in result.stderr
    assert not (work / "output").exists()


def test_nothing_crawled_when_every_request_fails_or_robots_forbid(site: SiteServer, work: Path) -> None:
    refused = run_crawl(work, "urls", "-a", "urls=http://127.0.0.1:9/a.html,http://127.0.0.1:9/b.html")
    assert refused.returncode == EXIT_NOTHING_CRAWLED, refused.stderr
    assert "2 requests failed" in refused.stderr
    (site.root / "robots.txt").write_text("User-agent: *\nDisallow: /\n")
    forbidden = run_crawl(work, "urls", "-a", f"urls={site.url('news/story-0.html')}", "-s", "STATE_DIR=b")
    assert forbidden.returncode == EXIT_NOTHING_CRAWLED, forbidden.stderr
    assert "1 refused (1 disallowed by robots.txt)" in forbidden.stderr


def test_error_ratio_over_the_threshold(site: SiteServer, work: Path) -> None:
    urls = ",".join([site.url("news/story-0.html"), site.url("gone-1.html"), site.url("gone-2.html")])
    strict = run_crawl(work, "urls", "-a", f"urls={urls}", "-s", "MAX_ERROR_RATIO=0.5")
    assert strict.returncode == EXIT_TOO_MANY_ERRORS, strict.stderr
    assert "error ratio 0.67" in strict.stderr
    lenient = run_crawl(work, "urls", "-a", f"urls={urls}", "-s", "MAX_ERROR_RATIO=0.8", "-s", "STATE_DIR=l")
    assert lenient.returncode == EXIT_OK, lenient.stderr


def test_lost_pages_are_listed_beside_the_output(site: SiteServer, work: Path) -> None:
    urls = ",".join([site.url("news/story-0.html"), site.url("gone-1.html")])
    result = run_crawl(work, "urls", "-a", f"urls={urls}", "-O", "out.jsonl", "-s", "MAX_ERROR_RATIO=0.9")
    assert result.returncode == EXIT_OK, result.stderr
    failures = read_jsonl(work / "out.failures.jsonl")
    lost = [(f["url"], f["reason"], f["status"]) for f in failures]
    assert lost == [(site.url("gone-1.html"), "http_404", 404)]
    assert len(read_jsonl(work / "out.jsonl")) == 1


def test_a_spider_that_crashes_exits_1(work: Path) -> None:
    result = run_crawl(work, "broken_start", "-s", "SPIDER_MODULES=tests.scheduled_site")
    assert result.returncode == EXIT_CRASHED, result.stderr
    assert "crashed" in result.stderr


def test_second_run_exits_at_once_while_the_first_holds_the_lock(tmp_path: Path, work: Path) -> None:
    with SlowSiteServer(write_site(tmp_path / "slow", 6), delay=0.8) as server:
        first = subprocess.Popen(
            crawl_command(*sitemap_args(server), settings=(*FAST, "CONCURRENT_REQUESTS_PER_DOMAIN=1")),
            cwd=work, env=crawl_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        )
        try:
            _wait_for(lambda: any("/news/" in path for path in server.requests))
            started = time.monotonic()
            second = run_crawl(work, *sitemap_args(server))
            assert time.monotonic() - started < 3
            assert second.returncode == EXIT_LOCKED, second.stderr
            assert f"process {first.pid} is already running" in second.stderr
            _, first_err = first.communicate(timeout=60)
        finally:
            first.kill()
        assert first.returncode == EXIT_OK, first_err
    assert len(read_jsonl(next((work / "output" / "sitemap").iterdir()))) == 6


def test_judge_table() -> None:
    ok = {"outcome/ok": 3}
    assert judge(ok, "finished", None, 0.5)[0] == EXIT_OK
    assert judge({}, "finished", None, 0.5)[0] == EXIT_NOTHING_CRAWLED
    erratic = {"outcome/ok": 1, "outcome/failed": 1, "spider_exceptions/count": 1}
    assert judge(erratic, "finished", None, 0.5)[0] == EXIT_TOO_MANY_ERRORS
    assert judge(ok, "start_error", None, 0.5)[0] == EXIT_CRASHED
    assert judge({}, None, ValueError("bad -a"), 0.5)[0] == EXIT_USAGE
    assert len(set(EXIT_STATUSES)) == len(EXIT_STATUSES) == 7


def _wait_for(condition: object, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_articles_skipped_as_written_before_are_not_failures() -> None:
    from scrapy.exceptions import DropItem

    from scraper.crawl.failures import drop_reason
    from scraper.runs.incremental import AlreadyWritten

    assert drop_reason(AlreadyWritten("incremental: unchanged, written before", "unchanged", "u")) is None
    assert drop_reason(DropItem("Duplicate: written by another worker")) is None
    assert drop_reason(DropItem("Invalid record: headline missing")) == "invalid_record"
