"""The report's charts: a `Summary` turned into titled Vega-Lite specs, grouped by section.

A chart with nothing to show (no failures file, no quotes) is left out; the section says why
instead, so every chart on the page has data.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from scraper.report import specs
from scraper.report.specs import Spec
from scraper.report.summary import COVERAGE_FIELDS, QUOTES_LAST, WORDS_BUCKET, WORDS_LAST, Summary

TOP_SITES = 30
TOP_PUBLISHERS = 25
TOP_SPEAKERS = 25
TOP_PAIRS = 60
TOP_FAILURE_SITES = 25


@dataclass
class Chart:
    """One chart on the page: `key` names its element, `spec` is the Vega-Lite JSON."""

    key: str
    title: str
    spec: Spec


@dataclass
class Section:
    title: str
    charts: list[Chart] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def build_sections(summary: Summary) -> list[Section]:
    return [
        _volume(summary),
        _coverage(summary),
        _syndication(summary),
        _quotes(summary),
        _bodies(summary),
        _failures(summary),
    ]


def _volume(summary: Summary) -> Section:
    section = Section("Articles per day and per site")
    for key, basis, days in (
        ("published_per_day", "published", summary.published_days),
        ("crawled_per_day", "crawled_at", summary.crawled_days),
    ):
        rows = _padded_days(days)
        if rows:
            chart = Chart(key, f"Articles per day by {basis} (UTC)", specs.per_day(rows, "articles"))
            section.charts.append(chart)
        elif basis == "published":
            section.notes.append("No article has a published date.")
    sites = [{"site": site, "articles": n} for site, n in summary.sites.most_common(TOP_SITES)]
    if sites:
        section.charts.append(
            Chart(
                "per_site",
                _top("Articles per site", summary.sites, TOP_SITES),
                specs.bar_chart(sites, "site", "articles", "articles"),
            )
        )
    return section


def _coverage(summary: Summary) -> Section:
    section = Section("Field coverage per site")
    sites = [site for site, _ in summary.sites.most_common(TOP_SITES)]
    rows = []
    for site in sites:
        present = summary.coverage[site]
        total = present["articles"]
        for name in COVERAGE_FIELDS:
            share = present[name] / total if total else 0.0
            rows.append(
                {
                    "site": site,
                    "field": name,
                    "share": round(share, 4),
                    "label": f"{share:.0%}",
                    "articles": total,
                }
            )
    if rows:
        spec = specs.heat_map(rows, "field", "site", "share", "label", sites, list(COVERAGE_FIELDS))
        section.charts.append(Chart("coverage", "Share of articles with each field", spec))
    else:
        section.notes.append("No articles.")
    return section


def _syndication(summary: Summary) -> Section:
    section = Section("Syndication")
    publishers = [{"publisher": p, "copies": n} for p, n in summary.publishers.most_common(TOP_PUBLISHERS)]
    if publishers:
        title = _top("Original publishers named by attribution (copies)", summary.publishers, TOP_PUBLISHERS)
        section.charts.append(
            Chart("publishers", title, specs.bar_chart(publishers, "publisher", "copies", "copies"))
        )
        pairs = [
            {"site": s, "publisher": p, "articles": n} for (s, p), n in summary.copies.most_common(TOP_PAIRS)
        ]
        section.charts.append(
            Chart(
                "copies",
                "Which sites copy whom",
                specs.bubble_grid(pairs, "publisher", "site", "articles", "original", "copy on"),
            )
        )
    else:
        section.notes.append("No article names an original publisher (attribution).")
    if summary.stories:
        section.charts.append(
            Chart(
                "story_sizes",
                "Copies per story",
                specs.histogram(
                    [{"copies": str(k), "stories": n} for k, n in sorted(summary.story_sizes.items())],
                    "copies",
                    "stories",
                    "articles in the story",
                    "stories",
                ),
            )
        )
        largest = [
            {"story": _cut(s.headline), "articles": s.size, "original": s.publisher, "sites": s.sites}
            for s in summary.largest_stories()
        ]
        spec = specs.bar_chart(largest, "story", "articles", "articles")
        spec["encoding"]["tooltip"] += [{"field": "original"}, {"field": "sites", "type": "quantitative"}]
        section.charts.append(Chart("stories", "Largest stories", spec))
    else:
        section.notes.append("Give --stories STORIES.jsonl (from scraper cluster) for copies per story.")
    return section


def _quotes(summary: Summary) -> Section:
    section = Section("Quotes")
    speakers = [{"speaker": s, "quotes": n} for s, n in summary.speakers.most_common(TOP_SPEAKERS)]
    if speakers:
        title = _top("Most quoted speakers", summary.speakers, TOP_SPEAKERS)
        section.charts.append(
            Chart("speakers", title, specs.bar_chart(speakers, "speaker", "quotes", "quotes"))
        )
    else:
        section.notes.append("No quote has a named speaker.")
    if summary.articles:
        rows = [
            {"quotes": _plus(k, QUOTES_LAST), "articles": summary.quotes_per_article[k]}
            for k in range(QUOTES_LAST + 1)
        ]
        section.charts.append(
            Chart(
                "quotes_per_article",
                "Quotes per article",
                specs.histogram(rows, "quotes", "articles", "quotes", "articles"),
            )
        )
    return section


def _bodies(summary: Summary) -> Section:
    section = Section("Body length")
    if summary.articles:
        rows = [
            {
                "words": _plus(k, WORDS_LAST) if k == WORDS_LAST else f"{k}-{k + WORDS_BUCKET - 1}",
                "articles": summary.words[k],
            }
            for k in range(0, WORDS_LAST + 1, WORDS_BUCKET)
        ]
        section.charts.append(
            Chart(
                "words", "Words in the body", specs.histogram(rows, "words", "articles", "words", "articles")
            )
        )
    return section


def _failures(summary: Summary) -> Section:
    section = Section("Failures")
    if not summary.failures:
        section.notes.append("No failures read (give --failures FILE.failures.jsonl).")
        return section
    reasons = [{"reason": r, "pages": n} for r, n in summary.failure_reasons.most_common()]
    section.charts.append(
        Chart("failure_reasons", "Failures by reason", specs.bar_chart(reasons, "reason", "pages", "pages"))
    )
    top_sites = {site for site, _ in summary.failure_sites.most_common(TOP_FAILURE_SITES)}
    rows = [
        {"site": s, "reason": r, "pages": n}
        for (s, r), n in summary.failure_site_reasons.most_common()
        if s in top_sites
    ]
    title = _top("Failures by site", summary.failure_sites, TOP_FAILURE_SITES)
    section.charts.append(
        Chart("failure_sites", title, specs.bar_chart(rows, "site", "pages", "pages", "reason"))
    )
    return section


def _padded_days(days: Counter[str]) -> list[dict[str, Any]]:
    """Rows per day, with a zero day before and after: a single day would otherwise fill the axis."""
    if not days:
        return []
    first, last = date.fromisoformat(min(days)), date.fromisoformat(max(days))
    edges = {(first - timedelta(days=1)).isoformat(): 0, (last + timedelta(days=1)).isoformat(): 0}
    return [{"day": day, "articles": n} for day, n in sorted({**edges, **days}.items())]


def _top(title: str, counter: object, n: int) -> str:
    size = len(counter)  # type: ignore[arg-type]
    return f"{title} (top {n} of {size})" if size > n else title


def _plus(value: int, last: int) -> str:
    return f"{value}+" if value == last else str(value)


def _cut(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
