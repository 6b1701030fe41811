"""A generated news site for cluster tests and the benchmark: N article pages made on the fly.

Nothing is written to disk: robots.txt, sitemap.xml and /news/story-<n>.html are generated per
request, in a few varied layouts (headline, byline, date, paragraph count and words differ by
number), so each page is a distinct article. `delay` slows article pages down, like a remote site.
Every request path is recorded (SiteServer.requests), so a test can count fetches.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from scraper.demo_server import SiteServer

_WORD_TEXT = """council budget river bridge school library harbour market rail station tariff grain farmers
union hospital vaccine court appeal election ballot mayor storm flood drought energy wind solar grid
battery factory wages inflation rates lender housing rent tenants museum festival ferry airport
orchard vineyard bakery clinic nurses teachers students researchers satellite telescope volcano glacier
fishery port warehouse pipeline refinery mine quarry forest wildfire reservoir canal tunnel highway"""
_WORDS = _WORD_TEXT.split()
_FIRST = ("Ada", "Ben", "Chloe", "Dev", "Eli")
_LAST = ("Okafor", "Lind", "Moreau", "Sato")
_DESKS = ("Metro", "Business", "Science", "Politics", "Weather", "Culture")
_LAYOUTS = (
    '<article><h1>{title}</h1><p class="byline">By {author}</p>{body}</article>',
    '<main><div class="story"><h1 class="headline">{title}</h1><span class="author">{author}</span>'
    '<div class="story-body">{body}</div></div></main>',
    '<div id="content"><header><h1>{title}</h1><address>{author}, {desk} desk</address></header>'
    '<section itemprop="articleBody">{body}</section></div>',
)


def word(number: int, index: int) -> str:
    return _WORDS[(number * 31 + index * 17 + index * index) % len(_WORDS)]


def article_html(number: int) -> str:
    """One article page; text, layout, author and date all vary with the number."""
    paragraphs = []
    for p in range(3 + number % 3):
        words = [word(number, p * 40 + i) for i in range(28 + (number + p) % 9)]
        paragraphs.append(f"<p>{' '.join(words).capitalize()} in story {number}.</p>")
    title = f"{word(number, 1).capitalize()} {word(number, 2)} report number {number}"
    author = f"{_FIRST[number % len(_FIRST)]} {_LAST[number % len(_LAST)]}"
    body = _LAYOUTS[number % len(_LAYOUTS)].format(
        title=title, author=author, desk=_DESKS[number % len(_DESKS)], body="".join(paragraphs)
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{title}</title><link rel=\"canonical\" href=\"{{{{BASE}}}}/news/story-{number}.html\">"
        '<meta property="og:type" content="article">'
        f'<meta property="article:published_time" content="2024-0{1 + number % 9}-1{number % 10}T08:00:00Z">'
        f"</head><body>{body}</body></html>"
    )


def sitemap_xml(count: int) -> str:
    entries = "".join(f"<url><loc>{{{{BASE}}}}/news/story-{n}.html</loc></url>" for n in range(count))
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    )


class ClusterSite(SiteServer):
    """count generated article pages, a sitemap listing them all, and a robots.txt allowing everything."""

    def __init__(self, count: int, delay: float = 0.0) -> None:
        self._empty = tempfile.TemporaryDirectory(prefix="cluster-site-")
        super().__init__(self._empty.name)
        self.count = count
        self.delay = delay
        self.started = time.time()

    def page_urls(self) -> list[str]:
        return [self.url(f"news/story-{n}.html") for n in range(self.count)]

    def article_requests(self) -> list[str]:
        return [path for path in self.requests if path.startswith("/news/")]

    def content(self, path: str) -> tuple[bytes, float, str] | None:
        text, ctype = self.generate(path)
        if text is None:
            return None
        if path.startswith("/news/") and self.delay:
            time.sleep(self.delay)
        return text.replace("{{BASE}}", self.base_url).encode("utf-8"), self.started, ctype

    def generate(self, path: str) -> tuple[str | None, str]:
        if path == "/robots.txt":
            return "User-agent: *\nAllow: /\n", "text/plain; charset=utf-8"
        if path == "/sitemap.xml":
            return sitemap_xml(self.count), "application/xml"
        name = Path(path).name
        if path.startswith("/news/story-") and name.endswith(".html"):
            number = name[len("story-"):-len(".html")]
            if number.isdigit() and int(number) < self.count:
                return article_html(int(number)), "text/html; charset=utf-8"
        return None, ""

    def stop(self) -> None:
        super().stop()
        self._empty.cleanup()
