"""The frontier (spiders/frontier.py): a crawl of N discovered pages keeps at most a window of requests in
Scrapy's scheduler, fetches every page once, and reads the next sitemap only when the pages run low."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from pathlib import Path

from scraper.demo_server import SiteServer
from spiders.frontier import Frontier
from tests.crawling import scrapy_crawl

SITEMAPS, PER_SITEMAP = 3, 80
CONCURRENT = 4  # the default window is 2 x CONCURRENT_REQUESTS
WINDOW = 2 * CONCURRENT
PROBE = 'EXTENSIONS={"tests.scheduler_probe.SchedulerProbe": 0}'
SETTINGS = (f"CONCURRENT_REQUESTS={CONCURRENT}", "EXTRACT_WORKERS=0", PROBE)


def write_site(root: Path) -> Path:
    """An index of SITEMAPS sitemaps of PER_SITEMAP small pages (not articles: fetched, then skipped)."""
    root.mkdir()
    index = "".join(f"<sitemap><loc>{{{{BASE}}}}/sitemaps/{k}.xml</loc></sitemap>" for k in range(SITEMAPS))
    (root / "sitemap.xml").write_text(f'<sitemapindex xmlns="{NS}">{index}</sitemapindex>', "utf-8")
    (root / "sitemaps").mkdir()
    (root / "news").mkdir()
    for k in range(SITEMAPS):
        numbers = range(k * PER_SITEMAP, (k + 1) * PER_SITEMAP)
        urls = "".join(f"<url><loc>{{{{BASE}}}}/news/{n}.html</loc><lastmod>2025-06-10</lastmod></url>"
                       for n in numbers)
        (root / "sitemaps" / f"{k}.xml").write_text(f'<urlset xmlns="{NS}">{urls}</urlset>', "utf-8")
        for n in numbers:
            (root / "news" / f"{n}.html").write_text(f"<html><body><p>Page {n}</p></body></html>", "utf-8")
    return root


NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
PAGES = [f"/news/{n}.html" for n in range(SITEMAPS * PER_SITEMAP)]


def stat(stderr: str, name: str) -> int:
    """An integer stat from the stats Scrapy dumps at the end of a crawl."""
    found = re.search(rf"'{re.escape(name)}': (\d+)", stderr)
    assert found, f"no stat {name} in the log:\n{stderr[-3000:]}"
    return int(found.group(1))


def test_a_sitemap_index_keeps_the_scheduler_within_the_window(
    serve: Callable[[Path], SiteServer], tmp_path: Path
) -> None:
    site = serve(write_site(tmp_path / "site"))
    result = scrapy_crawl("sitemap", {"sitemap": site.url("sitemap.xml")}, tmp_path / "out.jsonl", *SETTINGS)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(path for path in site.requests if path.startswith("/news/")) == sorted(PAGES)  # each once
    assert stat(result.stderr, "probe/max_scheduled") <= WINDOW
    assert stat(result.stderr, "frontier/max_pending") <= WINDOW
    # The next sitemap is read when the pages held run low, not all sitemaps at once.
    assert stat(result.stderr, "frontier/max_held") <= PER_SITEMAP + WINDOW
    order = site.requests
    for k in range(1, SITEMAPS):
        fetched_before = order[: order.index(f"/sitemaps/{k}.xml")]
        previous = {f"/news/{n}.html" for n in range((k - 1) * PER_SITEMAP, k * PER_SITEMAP)}
        assert len(previous & set(fetched_before)) >= PER_SITEMAP - WINDOW


def test_without_a_frontier_every_page_is_scheduled_at_once(
    serve: Callable[[Path], SiteServer], tmp_path: Path
) -> None:
    """FRONTIER_WINDOW=0 (what a Redis cluster does): the old way, and proof the probe sees a full queue."""
    site = serve(write_site(tmp_path / "site"))
    args = {"sitemap": site.url("sitemap.xml")}
    result = scrapy_crawl("sitemap", args, tmp_path / "out.jsonl", *SETTINGS, "FRONTIER_WINDOW=0")
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(path for path in site.requests if path.startswith("/news/")) == sorted(PAGES)
    assert stat(result.stderr, "probe/max_scheduled") >= PER_SITEMAP * 2
    assert "frontier/max_pending" not in result.stderr


def test_a_url_file_keeps_the_scheduler_within_the_window(
    serve: Callable[[Path], SiteServer], tmp_path: Path
) -> None:
    site = serve(write_site(tmp_path / "site"))
    url_file = tmp_path / "urls.txt"
    url_file.write_text("".join(site.url(path.lstrip("/")) + "\n" for path in PAGES), "utf-8")
    result = scrapy_crawl("urls", {"url_file": str(url_file)}, tmp_path / "out.jsonl", *SETTINGS)
    assert result.returncode == 0, result.stderr[-3000:]
    assert sorted(path for path in site.requests if path.startswith("/news/")) == sorted(PAGES)
    assert stat(result.stderr, "probe/max_scheduled") <= WINDOW


def test_pages_first_and_the_next_listing_when_pages_run_low() -> None:
    frontier = Frontier(window=2)
    frontier.listings.extend([("s1", None), ("s2", None)])
    assert frontier.next_entry(pending=0) == (True, ("s1", None))
    assert frontier.next_entry(pending=0) is None  # s1 in flight, no pages yet
    frontier.pages.extend((f"p{n}", "s1", None) for n in range(3))
    frontier.listing_ended()
    assert frontier.next_entry(pending=2) is None  # the window is full
    assert frontier.next_entry(pending=1) == (False, ("p0", "s1", None))
    assert frontier.next_entry(pending=0) == (False, ("p1", "s1", None))
    assert frontier.next_entry(pending=0) == (True, ("s2", None))  # one page left: read the next sitemap
    assert frontier.next_entry(pending=0) == (False, ("p2", "s1", None))
    assert frontier.next_entry(pending=0) is None and len(frontier) == 0


def test_held_entries_live_in_the_jobdir_state_and_come_back() -> None:
    state: dict[str, object] = {}
    frontier = Frontier(window=4)
    assert not frontier.keep_in(state)  # a fresh run: its arguments are still to be taken up
    frontier.pages.append(("p1", "s1", None))
    frontier.listings.append(("s2", {"found_on": "index"}))
    saved = pickle.loads(pickle.dumps(state))  # what Scrapy's SpiderState writes on a graceful stop
    resumed = Frontier(window=4)
    assert resumed.keep_in(saved)
    assert list(resumed.pages) == [("p1", "s1", None)]
    assert list(resumed.listings) == [("s2", {"found_on": "index"})]
