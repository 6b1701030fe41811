"""The report's streaming summary: counts, coverage, duplicates, syndication, quotes, failures, stories."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from scraper.report.counters import TopCounter, bucket
from scraper.report.reader import read_inputs
from scraper.report.summary import OTHER_SITES, Summary, utc_day


def article(**fields: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "url": "https://www.example.com/a.html",
        "site": "Example",
        "language": "en",
        "headline": "H",
        "bullets": [],
        "authors": [],
        "published": None,
        "attribution": None,
        "body": "one two three",
        "quotes": [],
        "images": [],
        "ticker": [],
        "word_count": 3,
        "fingerprint": None,
    }
    record.update(fields)
    return record


def write_lines(path: Path, lines: list[Any]) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for line in lines:
            out.write((line if isinstance(line, str) else json.dumps(line)) + "\n")
    return path


def test_counts_coverage_and_days_with_bad_lines_skipped(tmp_path: Path) -> None:
    articles = write_lines(
        tmp_path / "a.jsonl",
        [
            article(
                site="Yahoo Finance",
                authors=["A B"],
                published="2025-06-01T23:30:00-02:00",
                crawled_at="2025-06-03T08:00:00+00:00",
                ticker=["S&P 500 1 (+1%)"],
                fingerprint="f1",
            ),
            article(site="Yahoo Finance", published="2025-06-02T10:00:00+00:00", fingerprint="f1"),
            '{"url": "https://x.test/torn", "site": "Yah',  # torn by a kill
            "[1, 2]",  # JSON, but not an object
            "",  # blank lines are not records
            article(site=None, url="https://www.msn.com/x", language="fr", headline=None, fingerprint="f2"),
        ],
    )
    (tmp_path / "junk.jsonl").write_bytes(b"\xff\xfe\x00binary\n")
    summary = read_inputs([articles, tmp_path / "junk.jsonl", tmp_path / "missing.jsonl"], quiet=True)
    assert summary.articles == 3
    assert summary.bad_lines == {"articles": 3}
    assert len(summary.unreadable_files) == 1 and "missing.jsonl" in summary.unreadable_files[0]
    assert summary.sites == {"Yahoo Finance": 2, "msn.com": 1}
    yahoo = summary.coverage["Yahoo Finance"]
    assert (yahoo["articles"], yahoo["headline"], yahoo["authors"], yahoo["published"], yahoo["ticker"]) == (
        2,
        2,
        1,
        2,
        1,
    )
    assert summary.coverage["msn.com"]["headline"] == 0
    assert summary.languages == {"en": 2, "fr": 1}
    assert summary.published_days == {"2025-06-02": 2}  # 23:30 at UTC-2 is the next day in UTC
    assert summary.crawled_days == {"2025-06-03": 1}
    assert summary.date_range == ("2025-06-02", "2025-06-02")
    assert summary.duplicates == 1


def test_syndication_quotes_and_body_lengths() -> None:
    summary = Summary()
    bi = {
        "publisher": "Business Insider",
        "url": None,
        "text": "Read the original article on Business Insider",
    }
    quotes = [
        {"text": "q", "speaker": "Lisa Park", "paragraph": 0},
        {"text": "r", "speaker": None, "paragraph": 1},
    ]
    summary.add_article(article(site="Yahoo Finance", attribution=bi, quotes=quotes, word_count=250))
    summary.add_article(article(site="MSN", attribution=bi, quotes=quotes[:1], word_count=40))
    summary.add_article(article(site="MSN", attribution={"text": "wire"}, word_count=99_999))
    summary.add_article(
        article(site="Business Insider", quotes="not a list", word_count=None, body="a b c d")
    )
    assert summary.originals == 1
    assert summary.publishers.most_common() == [("Business Insider", 2), ("(unknown)", 1)]
    assert summary.copies.most_common(2) == [
        (("Yahoo Finance", "Business Insider"), 1),
        (("MSN", "Business Insider"), 1),
    ]
    assert summary.quotes == 3 and summary.speakers.most_common() == [("Lisa Park", 2)]
    assert summary.quotes_per_article == {2: 1, 1: 1, 0: 2}
    assert summary.words == {200: 1, 0: 2, 3000: 1}


def test_failures_and_stories(tmp_path: Path) -> None:
    failures = write_lines(
        tmp_path / "f.jsonl",
        [
            {"url": "https://www.a.test/1", "reason": "timeout", "status": None, "time": "t", "detail": ""},
            {"url": "https://a.test/2", "reason": "http_404", "status": 404, "time": "t", "detail": ""},
            {"url": "https://b.test/3", "reason": "timeout", "status": None, "time": "t", "detail": ""},
            "not json",
        ],
    )
    member = {
        "url": "https://y.test/1",
        "site": "Yahoo",
        "headline": "h",
        "similarity": 1.0,
        "is_original": False,
    }
    stories = write_lines(
        tmp_path / "s.jsonl",
        [
            {
                "story_id": "s1",
                "size": 3,
                "headline": "Big",
                "original": {"publisher": "Reuters"},
                "members": [member, {**member, "site": "MSN"}, {**member, "site": "MSN"}],
            },
            {"story_id": "s2", "headline": "Small", "original": None, "members": [member]},
        ],
    )
    summary = read_inputs([], [failures], stories, quiet=True)
    assert (summary.articles, summary.failures, summary.stories) == (0, 3, 2)
    assert summary.bad_lines == {"failures": 1}
    assert summary.failure_reasons == {"timeout": 2, "http_404": 1}
    assert summary.failure_sites.most_common() == [("a.test", 2), ("b.test", 1)]
    assert summary.story_sizes == {3: 1, 1: 1}
    largest = summary.largest_stories()
    assert [(s.headline, s.size, s.publisher, s.sites) for s in largest] == [
        ("Big", 3, "Reuters", 2),
        ("Small", 1, "(unknown)", 1),
    ]


def test_site_rows_are_bounded(monkeypatch: Any) -> None:
    monkeypatch.setattr("scraper.report.summary.MAX_SITES", 2)
    summary = Summary()
    for site in ["A", "B", "C", "D", "A"]:
        summary.add_article(article(site=site))
    assert summary.sites == {"A": 2, "B": 1, OTHER_SITES: 2}
    assert set(summary.coverage) == {"A", "B", OTHER_SITES}


def test_top_counter_drops_the_tail_and_keeps_the_head() -> None:
    counter: TopCounter[str] = TopCounter(cap=10)
    for _ in range(50):
        counter.add("frequent")
    for n in range(1_000):
        counter.add(f"rare-{n}")
    assert len(counter) <= 10 and counter.approximate
    assert counter.most_common(1) == [("frequent", 50)]


def test_helpers() -> None:
    assert utc_day("2025-06-01T12:00:00Z") == "2025-06-01"
    assert utc_day("2025-06-01") == "2025-06-01"
    assert utc_day("yesterday") is None and utc_day(None) is None
    assert [bucket(v, 100, 3000) for v in (0, 99, 100, 2999, 3000, 10**6, -5)] == [
        0,
        0,
        100,
        2900,
        3000,
        3000,
        0,
    ]
