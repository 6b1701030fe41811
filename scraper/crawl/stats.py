"""A crawl's outcome from Scrapy's stats: what was written, skipped, dropped and failed. No Scrapy here."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# Our own counters use these prefixes: `skipped/<reason>` (pages that are not articles, never
# written), `dropped/<reason>` (records removed by a pipeline), `errors/<ExceptionName>`.
SKIPPED, DROPPED, ERRORS = "skipped/", "dropped/", "errors/"
# Scrapy's own counters worth reporting, renamed as skip reasons.
SCRAPY_SKIPS = {"robotstxt/forbidden": "robots_txt", "offsite/filtered": "offsite"}
# RetryBackoffMiddleware's per-domain counters.
BACKOFF_SECONDS, BACKOFF_OVERLOAD = "backoff/seconds/", "backoff/overload/"
STORIES = "stories/"
BACKOFF_SHOWN = 5  # domains named on the summary line; the rest are summed


@dataclass
class CrawlSummary:
    """Counts that describe a finished (or running) crawl."""

    pages: int = 0  # responses received, any status
    items: int = 0  # articles written
    skipped: dict[str, int] = field(default_factory=dict)
    # Finer reasons under a skip reason, e.g. not_article -> {"listing": 2, "too_short": 1}.
    skipped_details: dict[str, dict[str, int]] = field(default_factory=dict)
    dropped: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    finish_reason: str | None = None
    seconds: float | None = None
    # Per domain: seconds with requests held back by the backoff, and times it was found overloaded.
    backoff_seconds: dict[str, float] = field(default_factory=dict)
    overloads: dict[str, int] = field(default_factory=dict)
    # The stories stage (STORIES_ENABLED): new, joined, merged, seeded_records.
    stories: dict[str, int] = field(default_factory=dict)

    @property
    def error_count(self) -> int:
        return sum(self.errors.values())


def summarize(stats: dict[str, Any]) -> CrawlSummary:
    """Group a Scrapy stats dict into a CrawlSummary."""
    summary = CrawlSummary(
        pages=int(stats.get("response_received_count", 0)),
        items=int(stats.get("item_scraped_count", 0)),
        finish_reason=stats.get("finish_reason"),
        seconds=stats.get("elapsed_time_seconds"),
    )
    buckets = ((SKIPPED, summary.skipped), (DROPPED, summary.dropped), (ERRORS, summary.errors))
    for key, value in stats.items():
        for prefix, bucket in buckets:
            if key.startswith(prefix) and isinstance(value, int):
                name, _, detail = key[len(prefix):].partition("/")
                if not detail:
                    bucket[name] = value
                elif prefix == SKIPPED:
                    summary.skipped_details.setdefault(name, {})[detail] = value
    for key, reason in SCRAPY_SKIPS.items():
        if stats.get(key):
            summary.skipped[reason] = summary.skipped.get(reason, 0) + int(stats[key])
    for key, value in stats.items():  # exceptions raised in spider callbacks, by type
        if key.startswith("spider_exceptions/") and key != "spider_exceptions/count":
            summary.errors[f"spider/{key.split('/', 1)[1]}"] = int(value)
    for key, value in stats.items():
        if key.startswith(BACKOFF_SECONDS):
            summary.backoff_seconds[key[len(BACKOFF_SECONDS):]] = float(value)
        elif key.startswith(BACKOFF_OVERLOAD):
            summary.overloads[key[len(BACKOFF_OVERLOAD):]] = int(value)
        elif key.startswith(STORIES):
            summary.stories[key[len(STORIES):]] = int(value)
    return summary


def format_counts(counts: dict[str, int]) -> str:
    """'a 2, b 1' largest first; 'none' when empty."""
    if not counts:
        return "none"
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return ", ".join(f"{name} {count}" for name, count in ranked)


def format_skipped(summary: CrawlSummary) -> str:
    """Skip reasons with their finer reasons in parentheses: 'not_article 3 (listing 2, too_short 1)'."""
    if not summary.skipped:
        return "none"
    ranked = sorted(summary.skipped.items(), key=lambda kv: (-kv[1], kv[0]))
    parts = []
    for name, count in ranked:
        details = summary.skipped_details.get(name)
        parts.append(f"{name} {count}" + (f" ({format_counts(details)})" if details else ""))
    return ", ".join(parts)


def format_backoff(summary: CrawlSummary) -> str:
    """'example.com 41.5 s (overloaded 2x), other.org 3.0 s' longest first; 'none' when nothing waited."""
    domains = set(summary.backoff_seconds) | set(summary.overloads)
    if not domains:
        return "none"
    ranked = sorted(domains, key=lambda d: (-summary.backoff_seconds.get(d, 0.0), d))
    parts = []
    for domain in ranked[:BACKOFF_SHOWN]:
        overloads = summary.overloads.get(domain)
        note = f" (overloaded {overloads}x)" if overloads else ""
        parts.append(f"{domain} {summary.backoff_seconds.get(domain, 0.0):.1f} s{note}")
    rest = ranked[BACKOFF_SHOWN:]
    if rest:
        seconds = sum(summary.backoff_seconds.get(domain, 0.0) for domain in rest)
        parts.append(f"{len(rest)} more domains {seconds:.1f} s")
    return ", ".join(parts)


def format_summary(summary: CrawlSummary) -> list[str]:
    """The end-of-crawl summary as a few human-readable lines."""
    took = f" in {summary.seconds:.1f} s" if summary.seconds is not None else ""
    lines = [
        f"Crawl finished ({summary.finish_reason or 'unknown'}){took}: {summary.pages} pages, "
        f"{summary.items} articles written",
        f"  skipped: {format_skipped(summary)}",
        f"  dropped: {format_counts(summary.dropped)}",
        f"  errors:  {format_counts(summary.errors)}",
        # Time with requests held back after faults, so a slow crawl explains itself.
        f"  backoff: {format_backoff(summary)}",
    ]
    if summary.stories:
        lines.append(f"  stories: {format_stories(summary.stories)}")
    return lines


def format_stories(counts: dict[str, int]) -> str:
    """Articles that started a story, joined one, merged two; records the seeds brought."""
    text = f"{counts.get('new', 0)} new, {counts.get('joined', 0)} joined, {counts.get('merged', 0)} merged"
    seeded = counts.get("seeded_records")
    return f"{text} (after {seeded} seed records)" if seeded else text
