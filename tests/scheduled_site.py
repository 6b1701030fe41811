"""A generated news site for the scheduled-crawl tests: N article pages, a sitemap, robots.txt.

Served by the project's SiteServer (ETag, Last-Modified, 304); `SlowSiteServer` delays article
pages so a crawl can be killed in the middle. Helpers run `scraper crawl` as a real subprocess.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import scrapy

from scraper.demo_server import SiteServer

ROOT = Path(__file__).resolve().parent.parent
_WORD_TEXT = """council budget river bridge school library harbour market rail station tariff grain farmers
union hospital vaccine court appeal election ballot mayor storm flood drought energy wind
solar grid battery factory wages inflation rates lender housing rent tenants museum festival"""
WORDS = _WORD_TEXT.split()


def article_html(number: int, revision: int = 0, canonical: str | None = None) -> str:
    """A plain news article page; distinct words per number (and per revision) so fingerprints differ."""
    words = [WORDS[(number * 7 + i * (3 + revision)) % len(WORDS)] for i in range(90)]
    paragraphs = [" ".join(words[i:i + 30]).capitalize() + "." for i in range(0, 90, 30)]
    body = "\n".join(f"<p>Story {number} revision {revision}. {text}</p>" for text in paragraphs)
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Story number {number} about the {WORDS[number % len(WORDS)]}</title>
<link rel="canonical" href="{{{{BASE}}}}/{canonical or f"news/story-{number}.html"}">
<meta property="og:type" content="article">
<meta property="article:published_time" content="2024-05-0{1 + number % 9}T08:00:00Z">
</head><body><article>
<h1>Story number {number} about the {WORDS[number % len(WORDS)]}</h1>
<p class="byline">By Jane Reporter</p>
{body}
</article></body></html>
"""


def write_site(root: Path, count: int, lastmod: str = "2024-05-01T00:00:00Z") -> Path:
    """The site's files under root: robots.txt, sitemap.xml and count article pages."""
    (root / "news").mkdir(parents=True, exist_ok=True)
    (root / "robots.txt").write_text("User-agent: *\nAllow: /\n")
    for number in range(count):
        write_article(root, number)
    write_sitemap(root, {number: lastmod for number in range(count)})
    return root


def write_article(root: Path, number: int, revision: int = 0) -> None:
    (root / "news" / f"story-{number}.html").write_text(article_html(number, revision), "utf-8")


def write_sitemap(root: Path, lastmods: dict[int, str]) -> None:
    entries = "".join(
        f"<url><loc>{{{{BASE}}}}/news/story-{n}.html</loc><lastmod>{date}</lastmod></url>"
        for n, date in sorted(lastmods.items())
    )
    (root / "sitemap.xml").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


class SlowSiteServer(SiteServer):
    """A SiteServer whose article pages take `delay` seconds."""

    def __init__(self, root: Path, delay: float) -> None:
        super().__init__(root)
        self.delay = delay

    def content(self, path: str) -> tuple[bytes, float] | None:
        if path.startswith("/news/"):
            time.sleep(self.delay)
        return super().content(path)


# Fast and quiet crawls: no politeness delays against our own test server.
FAST = (
    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=False", "CONCURRENT_REQUESTS_PER_DOMAIN=2",
    "LOG_LEVEL=INFO", "PROGRESS_INTERVAL=0", "RETRY_TIMES=0", "DOWNLOAD_TIMEOUT=10",
    "SSRF_ALLOW_HOSTS=127.0.0.1",
)


def crawl_command(*args: str, settings: tuple[str, ...] = FAST) -> list[str]:
    command = [sys.executable, "-m", "scraper.cli", "crawl", *args]
    for setting in settings:
        command += ["-s", setting]
    return command


def run_crawl(cwd: Path, *args: str, timeout: float = 60, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """`scraper crawl ARGS` in cwd, waited for; output captured."""
    return subprocess.run(
        crawl_command(*args, **kwargs), cwd=cwd, capture_output=True, text=True, timeout=timeout,
        env=crawl_env(), check=False,
    )


def crawl_env() -> dict[str, str]:
    """The environment with the project importable from any working directory."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """Every line parsed; fails the test on a line that is not a JSON object or a missing final newline."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), f"{path} ends with a cut line"
    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert all(isinstance(record, dict) for record in records)
    return records


def urls_of(records: list[dict[str, Any]]) -> list[str]:
    return sorted(str(record["canonical_url"]) for record in records)


class BrokenStartSpider(scrapy.Spider):
    """A spider whose start() raises: `scraper crawl` must call that a crash (exit 1)."""

    name = "broken_start"

    async def start(self) -> AsyncIterator[Any]:
        raise RuntimeError("the start of this spider is broken")
        yield  # pragma: no cover - makes this an async generator
