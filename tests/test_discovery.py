"""Spider arguments, sitemap and feed parsing, link following: the pure parts of the spiders, in-process."""

from __future__ import annotations

import gzip
from datetime import datetime, timezone
from pathlib import Path

import pytest

from spiders.arguments import SpiderArgumentError, parse_positive_int, parse_since, read_url_file, split_urls
from spiders.feed import FeedSpider
from spiders.feed_entries import parse_feed
from spiders.site import SiteSpider, site_domain
from spiders.sitemap import SitemapSpider
from spiders.sitemap_entries import maybe_gunzip, parse_sitemap
from spiders.urls import UrlsSpider

NOW = datetime(2025, 6, 12, 12, 0, tzinfo=timezone.utc)
NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://example.com/a.html</loc><lastmod>2025-06-10</lastmod>
    <news:news><news:publication><news:name>Example Times</news:name><news:language>de</news:language>
      </news:publication><news:publication_date>2025-06-11T08:00:00+02:00</news:publication_date>
      <news:title>Ein Titel</news:title></news:news></url>
  <url><loc> https://example.com/b.html </loc></url>
  <url><lastmod>2025-01-01</lastmod></url>
</urlset>"""


def test_parse_since_durations_and_dates() -> None:
    assert parse_since("2d", NOW) == datetime(2025, 6, 10, 12, 0, tzinfo=timezone.utc)
    assert parse_since("90m", NOW) == datetime(2025, 6, 12, 10, 30, tzinfo=timezone.utc)
    assert parse_since("2025-06-01") == datetime(2025, 6, 1, tzinfo=timezone.utc)
    assert parse_since("2025-06-01T10:00:00+02:00") == datetime(2025, 6, 1, 8, tzinfo=timezone.utc)
    assert parse_since(None) is None and parse_since("") is None
    for bad in ("yesterday", "2x", "2025-13-01", "-2d"):
        with pytest.raises(SpiderArgumentError, match="since"):
            parse_since(bad)


def test_url_arguments() -> None:
    assert split_urls(" https://a.com/x , ,https://b.com/y", "urls") == ["https://a.com/x", "https://b.com/y"]
    with pytest.raises(SpiderArgumentError, match="'a.com/x' is not an absolute http"):
        split_urls("a.com/x", "urls")
    with pytest.raises(SpiderArgumentError, match="max_pages"):
        parse_positive_int("0", "max_pages")
    assert parse_positive_int("12", "max_pages") == 12


def test_url_file_comments_blank_lines_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "urls.txt"
    path.write_text("# list\n\nhttps://a.com/1  # first\n   # indented comment\nhttps://a.com/2#frag\n")
    assert read_url_file(str(path)) == ["https://a.com/1", "https://a.com/2"]
    with pytest.raises(SpiderArgumentError, match="cannot read"):
        read_url_file(str(tmp_path / "missing.txt"))
    path.write_text("https://a.com/1\nnot a url\n")
    with pytest.raises(SpiderArgumentError, match="line 2"):
        read_url_file(str(path))


@pytest.mark.parametrize(
    ("spider", "kwargs", "message"),
    [
        (UrlsSpider, {}, "give the pages to fetch"),
        (UrlsSpider, {"url": "https://a.com/"}, "unknown argument url for spider 'urls'"),
        (UrlsSpider, {"url_file": "/nonexistent/urls.txt"}, "cannot read"),
        (SitemapSpider, {"sitemap": "ftp://a.com/sitemap.xml"}, "not an absolute http"),
        (SitemapSpider, {"sitemap": "https://a.com/s.xml", "since": "soon"}, "since"),
        (FeedSpider, {"feeds": ""}, "give one or more feeds"),
        (SiteSpider, {}, "give the page to start from"),
        (SiteSpider, {"start": "https://a.com/", "allow": "(unclosed"}, "not a valid regular expression"),
        (SiteSpider, {"start": "https://a.com/", "max_pages": "many"}, "max_pages"),
    ],
)
def test_bad_arguments_raise_in_the_constructor(spider: type, kwargs: dict[str, str], message: str) -> None:
    with pytest.raises(SpiderArgumentError, match=message):
        spider(**kwargs)


def test_since_skips_older_entries_and_keeps_undated_ones() -> None:
    spider = SitemapSpider(sitemap="https://a.com/s.xml", since="2025-06-10")
    assert spider.is_older("2025-06-09T23:59:59+00:00")
    assert not spider.is_older("2025-06-10")
    assert spider.is_older(None, "2025-06-01")  # falls back to the second date
    assert not spider.is_older(None, None)


def test_sitemap_with_google_news_fields() -> None:
    sitemap = parse_sitemap(NEWS_SITEMAP)
    assert sitemap.kind == "urlset"
    assert [entry.loc for entry in sitemap.entries] == ["https://example.com/a.html", "https://example.com/b.html"]
    first = sitemap.entries[0]
    assert first.lastmod == "2025-06-10T00:00:00+00:00"
    assert first.news == {
        "publication": "Example Times", "language": "de",
        "publication_date": "2025-06-11T08:00:00+02:00", "title": "Ein Titel",
    }
    assert sitemap.entries[1].news == {} and sitemap.entries[1].lastmod is None


def test_sitemap_index_gzip_and_junk() -> None:
    index = (
        b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap>'
        b"<loc>https://a.com/s1.xml.gz</loc><lastmod>2025-06-01T10:00:00Z</lastmod></sitemap></sitemapindex>"
    )
    parsed = parse_sitemap(maybe_gunzip(gzip.compress(index)))
    assert parsed.kind == "sitemapindex"
    assert parsed.entries[0].loc == "https://a.com/s1.xml.gz"
    assert parsed.entries[0].lastmod == "2025-06-01T10:00:00+00:00"
    assert parse_sitemap(b"<html><body>not a sitemap</body></html>").kind == "unknown"
    assert parse_sitemap(b"").kind == "unknown"
    with pytest.raises(ValueError, match="larger than"):
        maybe_gunzip(gzip.compress(b"x" * 5000), max_size=1000)


def test_rss_atom_and_rdf_feeds() -> None:
    rss = b"""<rss version="2.0"><channel><item><title>One</title><link>/news/1.html</link>
      <pubDate>Wed, 11 Jun 2025 20:30:00 +0000</pubDate></item>
      <item><guid>https://a.com/news/2.html</guid></item>
      <item><guid isPermaLink="false">tag-3</guid></item></channel></rss>"""
    entries = parse_feed(rss, "https://a.com/feed.xml") or []
    assert [(e.link, e.published, e.title) for e in entries] == [
        ("https://a.com/news/1.html", "2025-06-11T20:30:00+00:00", "One"),
        ("https://a.com/news/2.html", None, None),
    ]
    atom = b"""<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>A</title>
      <link rel="enclosure" href="https://a.com/a.mp3"/><link rel="alternate" type="text/html" href="https://a.com/a"/>
      <published>2025-06-01T10:00:00Z</published><updated>2025-06-02T10:00:00Z</updated></entry></feed>"""
    (entry,) = parse_feed(atom, "https://a.com/atom.xml") or []
    assert (entry.link, entry.published, entry.updated) == (
        "https://a.com/a", "2025-06-01T10:00:00+00:00", "2025-06-02T10:00:00+00:00")
    rdf = b"""<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
      xmlns:dc="http://purl.org/dc/elements/1.1/"><item rdf:about="https://a.com/r"><title>R</title>
      <link>https://a.com/r</link><dc:date>2025-06-03</dc:date></item></rdf:RDF>"""
    (item,) = parse_feed(rdf, "https://a.com/rdf") or []
    assert (item.link, item.published) == ("https://a.com/r", "2025-06-03T00:00:00+00:00")
    assert parse_feed(b"<html><body>hi</body></html>", "https://a.com/") is None


def test_site_spider_stays_within_the_domain_and_allow() -> None:
    spider = SiteSpider(start="https://www.example.com/", allow=r"/news/")
    assert site_domain("https://www.example.com/") == "example.com"
    assert spider.should_follow("https://example.com/news/1")
    assert spider.should_follow("https://m.example.com/news/2")
    assert not spider.should_follow("https://example.com/about")
    assert not spider.should_follow("https://notexample.com/news/3")
    assert not spider.should_follow("https://example.org/news/4")
