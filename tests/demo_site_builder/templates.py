"""Page templates in the markup styles of real syndicators, filled with the demo's fictional stories."""

# ruff: noqa: E501 - HTML templates and prose read better unwrapped

from __future__ import annotations

import json
from datetime import datetime
from html import escape

from tests.demo_site_builder.stories import Story

BASE = "{{BASE}}"  # replaced by the server's base URL at serve time
HERALD = "The Demo Herald"


def long_date(iso: str) -> str:
    moment = datetime.fromisoformat(iso)
    return f"{moment:%B} {moment.day}, {moment.year} at {moment:%I:%M %p} UTC".replace(" 0", " ")


def jsonld(story: Story, path: str, publisher: str, provider: str | None = None) -> str:
    data: dict[str, object] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.headline,
        "url": f"{BASE}/{path}",
        "datePublished": story.published,
        "inLanguage": story.language,
        "author": [{"@type": "Person", "name": name} for name in story.authors],
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if provider:
        data["sourceOrganization"] = {"@type": "Organization", "name": provider}
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def head(story: Story, path: str, site: str, title_suffix: str, canonical: str | None = None,
         provider: str | None = None) -> str:
    canonical = canonical or f"{BASE}/{path}"
    return f"""<!DOCTYPE html>
<html lang="{story.language}">
<head>
<meta charset="utf-8">
<title>{escape(story.headline)}{title_suffix}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{escape(story.paragraphs[0][:150])}">
<link rel="canonical" href="{canonical}">
<meta property="og:type" content="article">
<meta property="og:site_name" content="{escape(site)}">
<meta property="og:title" content="{escape(story.headline)}">
<meta property="og:url" content="{canonical}">
<meta property="article:published_time" content="{story.published}">
<meta name="author" content="{escape(', '.join(story.authors))}">
{jsonld(story, path, site, provider)}
</head>"""


def paragraphs(story: Story, first_prefix: str = "") -> str:
    parts = [f"<p>{escape(first_prefix + story.paragraphs[0], quote=False)}</p>"]
    parts += [f"<p>{escape(text, quote=False)}</p>" for text in story.paragraphs[1:]]
    return "\n".join(parts)


def bullets(story: Story, css: str) -> str:
    if not story.bullets:
        return ""
    items = "".join(f"<li>{escape(text, quote=False)}</li>" for text in story.bullets)
    return f'<ul class="{css}">{items}</ul>'


def figure(story: Story, image: str, glued: bool = False) -> str:
    """An image with caption and credit; `glued` puts them in one run of text, as some sites do."""
    if not story.caption:
        return ""
    if glued:
        caption = f"<figcaption>{escape(story.caption)}{escape(story.credit)}</figcaption>"
    else:
        caption = (f'<figcaption><span class="caption">{escape(story.caption)}</span> '
                   f'<span class="credit">{escape(story.credit)}</span></figcaption>')
    return f'<figure><img src="{BASE}/images/{image}" alt="{escape(story.caption)}" width="800">{caption}</figure>'


def site_nav(links: list[tuple[str, str]]) -> str:
    return "<nav>" + " ".join(f'<a href="{href}">{escape(text)}</a>' for href, text in links) + "</nav>"


TICKER = (
    ("S&P 500", "5,431.60", "+12.44", "(+0.23%)"),
    ("Dow 30", "38,712.21", "-57.94", "(-0.15%)"),
    ("Nasdaq", "17,608.44", "+171.35", "(+0.98%)"),
    ("Russell 2000", "2,038.33", "-8.62", "(-0.42%)"),
    ("Crude Oil", "78.41", "+0.51", "(+0.65%)"),
    ("Gold", "2,331.10", "-4.20", "(-0.18%)"),
)


def ticker_strip() -> str:
    items = "".join(
        f'<li><a href="{BASE}/quote/{i}"><span class="name">{escape(name)}</span> '
        f'<fin-streamer class="price">{price}</fin-streamer> <fin-streamer class="change">{change}</fin-streamer> '
        f'<fin-streamer class="pct">{pct}</fin-streamer></a></li>'
        for i, (name, price, change, pct) in enumerate(TICKER)
    )
    return f'<section id="market-summary" aria-label="Market summary"><ul class="ticker">{items}</ul></section>'
