"""Spiders: real crawls over HTTP of the demo site (one `scrapy crawl` subprocess each), bad arguments."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from scraper.demo_server import SiteServer
from scraper.record import FIELDS, OPTIONAL_FIELDS, validation_errors
from tests.crawling import read_jsonl, scrapy_crawl, stat_line
from tests.demo_site_builder.build import ATOM_PATHS, RSS_PATHS, by_path
from tests.demo_site_builder.pages import ARTICLES, NON_ARTICLES, Page

STORY_SLUGS = {page.story.slug for page in ARTICLES}


def slug_of(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1].removesuffix(".html")


def check_records(records: list[dict[str, object]], raw: bytes) -> None:
    """Every record: the schema's fields in the schema's order, valid, no duplicates, UTF-8 unescaped."""
    for record in records:
        assert list(record) == [name for name in FIELDS if name not in OPTIONAL_FIELDS]
        assert validation_errors(record) == []
        assert record["headline"] and record["body"] and record["crawled_at"]
    assert len({record["canonical_url"] for record in records}) == len(records)
    assert len({record["fingerprint"] for record in records}) == len(records)
    assert b"\\u" not in raw


def listed_date(page: Page) -> str:
    """The date the sitemap spider compares with `since`: news publication date, else lastmod (a day)."""
    return page.story.published if page.listed_in == "news" else page.story.published[:10] + "T00:00:00+00:00"


def test_sitemap_spider_crawls_index_news_and_gzip_sitemaps(demo_site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = scrapy_crawl("sitemap", {"sitemap": demo_site.url("sitemap.xml")}, out)
    assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl(out)
    check_records(records, out.read_bytes())
    # 20 article pages, 18 stories: an AP story on two papers, an AMP copy with a canonical link.
    assert len(records) == len(STORY_SLUGS) == 18
    assert {slug_of(str(r["url"])) for r in records} == STORY_SLUGS
    non_articles = {demo_site.url(path) for path, _ in NON_ARTICLES}
    assert not non_articles & {r["url"] for r in records}
    assert "«" in out.read_text(encoding="utf-8")  # the French page, written as UTF-8
    assert stat_line(result.stderr, "dropped") == "duplicate 2"
    skipped = stat_line(result.stderr, "skipped")
    for reason in ("not_article 3", "not_html 2", "http_404 1", "robots_txt 1"):
        assert reason in skipped
    assert "/private/draft.html" not in demo_site.requests  # robots.txt obeyed


def test_sitemap_spider_from_robots_txt_with_since(demo_site: SiteServer, tmp_path: Path) -> None:
    since = "2025-06-10"
    out = tmp_path / "out.jsonl"
    args = {"sitemap": demo_site.url("robots.txt"), "since": since}
    result = scrapy_crawl("sitemap", args, out)
    assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl(out)
    check_records(records, out.read_bytes())
    recent = [page for page in ARTICLES if listed_date(page) >= since + "T00:00:00+00:00"]
    older = [page for page in ARTICLES if page not in recent]
    assert older and {slug_of(str(r["url"])) for r in records} == {page.story.slug for page in recent}
    assert f"older_than_since {len(older)}" in stat_line(result.stderr, "skipped")
    assert not any(page.path in path for path in demo_site.requests for page in older)


def test_feed_spider_reads_rss_and_atom_with_since(demo_site: SiteServer, tmp_path: Path) -> None:
    since = "2025-06-08T00:00:00+00:00"
    out = tmp_path / "out.jsonl"
    feeds = f"{demo_site.url('feed.xml')},{demo_site.url('atom.xml')}"
    result = scrapy_crawl("feed", {"feeds": feeds, "since": since}, out)
    assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl(out)
    check_records(records, out.read_bytes())
    stories = [by_path(path).story for path in (*RSS_PATHS, *ATOM_PATHS)]
    expected = {story.slug for story in stories if story.published >= since}
    assert 0 < len(expected) < len(RSS_PATHS) + len(ATOM_PATHS)
    assert {slug_of(str(r["url"])) for r in records} == expected
    bridge = next(r for r in records if "river-bridge" in str(r["url"]))
    assert "utm_source" in str(bridge["url"]) and "utm_source" not in str(bridge["canonical_url"])


def test_urls_spider_with_file_retries_and_skips(demo_site: SiteServer, tmp_path: Path) -> None:
    url_file = tmp_path / "urls.txt"
    url_file.write_text(
        "# pages to fetch\n\n"
        f"{demo_site.url('news/2025/06/river-bridge-reopens.html')}   # the original\n"
        f"{demo_site.url('amp/news/2025/06/river-bridge-reopens.html')}\n"
        f"{demo_site.url('files/annual-report.pdf')}\n"
        f"{demo_site.url('news/2025/05/removed-story.html')}\n"
        f"{demo_site.url('news/2025/06/heat-pump-grants.html')}\n",
        encoding="utf-8",
    )
    demo_site.script("/news/2025/06/heat-pump-grants.html", 503)  # fails once, then succeeds on retry
    out = tmp_path / "out.jsonl"
    args = {"urls": demo_site.url("news/2025/06/city-council-budget.html"), "url_file": str(url_file)}
    result = scrapy_crawl("urls", args, out)
    assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl(out)
    check_records(records, out.read_bytes())
    written = {slug_of(str(r["url"])) for r in records}
    assert written == {"city-council-budget", "river-bridge-reopens", "heat-pump-grants"}
    assert demo_site.requests.count("/news/2025/06/heat-pump-grants.html") == 2
    assert "'backoff/count': 1" in result.stderr
    assert stat_line(result.stderr, "dropped") == "duplicate 1"
    assert stat_line(result.stderr, "skipped") == "http_404 1, not_html 1"


def test_site_spider_follows_links_and_keeps_articles(demo_site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    result = scrapy_crawl("site", {"start": demo_site.url("")}, out, "PROGRESS_INTERVAL=0.2")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Progress: " in result.stderr and " pages/min), " in result.stderr
    records = read_jsonl(out)
    check_records(records, out.read_bytes())
    assert {slug_of(str(r["url"])) for r in records} == STORY_SLUGS
    assert "not_article 3" in stat_line(result.stderr, "skipped")  # home, tag and about pages


def test_site_spider_allow_and_max_pages(demo_site: SiteServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    args = {"start": demo_site.url(""), "allow": r"/news/2025/06/", "max_pages": "4"}
    result = scrapy_crawl("site", args, out, "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr[-3000:]
    # Printed, not logged: the log hides INFO.
    assert "Crawl finished (finished)" in result.stderr and "[scraper.crawl.extensions]" not in result.stderr
    records = read_jsonl(out)
    pages = [path for path in demo_site.requests if path != "/robots.txt"]
    assert len(pages) == 4 and len(records) == 3
    assert all("/news/2025/06/" in path for path in pages[1:])


def test_site_spider_max_pages_counts_distinct_pages(demo_site: SiteServer, tmp_path: Path) -> None:
    # Pages link to each other many times over (navigation, related links): only new pages count.
    out = tmp_path / "out.jsonl"
    result = scrapy_crawl("site", {"start": demo_site.url(""), "max_pages": "12"}, out, "LOG_LEVEL=WARNING")
    assert result.returncode == 0, result.stderr[-3000:]
    pages = [path for path in demo_site.requests if path != "/robots.txt"]
    assert len(pages) == len(set(pages)) == 12


@pytest.mark.parametrize(
    ("spider", "args", "message"),
    [
        ("sitemap", {}, "give a sitemap: -a sitemap=URL"),
        ("feed", {"feeds": "FEED", "since": "last tuesday"}, "since: 'last tuesday' is neither a duration"),
    ],
)
def test_bad_arguments_stop_before_any_request(
    demo_site: SiteServer, tmp_path: Path, spider: str, args: dict[str, str], message: str
) -> None:
    args = {key: value.replace("FEED", demo_site.url("feed.xml")) for key, value in args.items()}
    out = tmp_path / "out.jsonl"
    result = scrapy_crawl(spider, args, out)
    assert result.returncode != 0
    assert f"not started, bad argument: {message}" in result.stderr
    assert demo_site.requests == []
    assert not out.exists() or out.read_text() == ""
