"""Pipeline stages in-process: one parse per page, the record, drops counted by reason, reordering."""

from __future__ import annotations

from typing import Any

import pytest
from scrapy.crawler import Crawler
from scrapy.exceptions import DropItem
from scrapy.utils.test import get_crawler

import pipelines.stages as stages
from pipelines import DedupePipeline, FieldsPipeline, TickerPipeline, ValidatePipeline
from scraper.classify import PageSignals, not_article_reason
from scraper.crawl.items import ArticleItem, PageItem
from scraper.demo_server import demo_site_root
from scraper.extract.article import extract_article
from scraper.record import FIELDS, OPTIONAL_FIELDS

BASE = "https://demo.example"
YAHOO = "yahoo-finance/news/norvane-raises-forecast.html"


def page(path: str, url_path: str | None = None) -> PageItem:
    """A page item for a demo site file, as the spiders would yield it."""
    body = (demo_site_root() / path).read_bytes().replace(b"{{BASE}}", BASE.encode())
    return PageItem(url=f"{BASE}/{url_path or path}", body=body, content_type="text/html; charset=utf-8")


@pytest.fixture
def crawler() -> Crawler:
    return get_crawler(settings_dict={"ARTICLE_MIN_WORDS": 50})


def run_stages(crawler: Crawler, item: Any, classes: list[type] | None = None) -> Any:
    for cls in classes or [TickerPipeline, FieldsPipeline, ValidatePipeline, DedupePipeline]:
        item = cls.from_crawler(crawler).process_item(item)
    return item


def test_the_stages_make_the_same_record_as_extract_article(crawler: Crawler) -> None:
    item = page(YAHOO)
    article = run_stages(crawler, item)
    assert isinstance(article, ArticleItem)
    assert list(article) == [name for name in FIELDS if name not in OPTIONAL_FIELDS]
    assert article["crawled_at"] == item.crawled_at
    offline = extract_article(item.body, url=item.url, content_type=item.content_type)
    assert {key: value for key, value in article.items() if key != "crawled_at"} == offline
    assert article["ticker"] and article["bullets"]  # the Yahoo Finance strip and key points
    assert article.page is not None and article.page.body == b"" and article.page.url == item.url
    assert "<article" in repr(article) and len(repr(item)) < 200  # logs never dump a page


def test_the_page_is_parsed_once(crawler: Crawler, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = stages.parse_document

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls.append("parse")
        return real(*args, **kwargs)

    monkeypatch.setattr(stages, "parse_document", counting)
    run_stages(crawler, page(YAHOO))
    assert calls == ["parse"]


def test_a_stage_can_be_dropped_or_reordered(crawler: Crawler) -> None:
    without_ticker = run_stages(crawler, page(YAHOO), [FieldsPipeline, ValidatePipeline])
    assert without_ticker["ticker"] == []  # the strip is then left in place, not recorded
    order = [ValidatePipeline, DedupePipeline, TickerPipeline, FieldsPipeline]
    reordered = run_stages(crawler, page(YAHOO), order)
    assert isinstance(reordered, ArticleItem) and reordered["ticker"]


@pytest.mark.parametrize(
    ("path", "reason"),
    [("index.html", "empty_body"), ("tag/markets/index.html", "listing"), ("about.html", "too_short")],
)
def test_pages_that_are_not_articles_are_skipped(crawler: Crawler, path: str, reason: str) -> None:
    with pytest.raises(DropItem, match=f"Not an article \\({reason}\\)"):
        run_stages(crawler, page(path))
    stats = crawler.stats.get_stats()
    assert stats["skipped/not_article"] == 1 and stats[f"skipped/not_article/{reason}"] == 1


def test_link_lists_that_do_not_declare_a_type_are_listings() -> None:
    record = {"headline": "Latest news", "word_count": 100}
    assert not_article_reason(record, PageSignals(declared=None, link_words=301)) == "listing"
    assert not_article_reason(record, PageSignals(declared=None, link_words=250)) is None
    assert not_article_reason(record, PageSignals(declared="article", link_words=900)) is None
    assert not_article_reason(record, PageSignals(declared="listing", link_words=0)) == "listing"
    assert not_article_reason({"headline": None, "word_count": 500}, PageSignals(None, 0)) == "no_headline"


def test_invalid_records_are_dropped_with_the_reason(crawler: Crawler) -> None:
    article = run_stages(crawler, page(YAHOO), [TickerPipeline, FieldsPipeline])
    article["word_count"] = -1
    del article["headline"]
    with pytest.raises(DropItem, match="'headline' is a required property") as caught:
        ValidatePipeline.from_crawler(crawler).process_item(article)
    assert "word_count: -1 is less than the minimum of 0" in str(caught.value)
    assert caught.value.log_level == "WARNING"
    assert crawler.stats.get_value("dropped/invalid") == 1


def test_duplicates_by_canonical_url_and_by_fingerprint(crawler: Crawler) -> None:
    dedupe = DedupePipeline.from_crawler(crawler)
    fields = [TickerPipeline, FieldsPipeline]
    original = run_stages(crawler, page("news/2025/06/river-bridge-reopens.html"), fields)
    amp = run_stages(crawler, page("amp/news/2025/06/river-bridge-reopens.html"), fields)
    tracked = run_stages(crawler, page("news/2025/06/river-bridge-reopens.html",
                                       "news/2025/06/river-bridge-reopens.html?utm_source=rss"), fields)
    wire_a = run_stages(crawler, page("riverside-gazette/news/wildfire-evacuations.html"), fields)
    wire_b = run_stages(crawler, page("lakeside-tribune/nation/wildfire-evacuations.html"), fields)
    assert wire_a["canonical_url"] != wire_b["canonical_url"]
    assert wire_a["fingerprint"] == wire_b["fingerprint"]
    assert dedupe.process_item(original) is original
    assert dedupe.process_item(wire_a) is wire_a
    for copy in (amp, tracked, wire_b):
        with pytest.raises(DropItem, match="Duplicate"):
            dedupe.process_item(copy)
    assert crawler.stats.get_value("dropped/duplicate") == 3


def test_items_a_stage_does_not_handle_pass_through(crawler: Crawler) -> None:
    other = {"url": "https://a.com/x", "note": "from another spider"}
    assert run_stages(crawler, other, [TickerPipeline, FieldsPipeline]) is other
    item = page(YAHOO)
    assert ValidatePipeline.from_crawler(crawler).process_item(item) is item
    assert DedupePipeline.from_crawler(crawler).process_item(item) is item
