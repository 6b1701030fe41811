"""Which story appears where, in which style: the demo site's article pages."""

# ruff: noqa: E501 - HTML templates and prose read better unwrapped

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tests.demo_site_builder import stories as s
from tests.demo_site_builder.stories import Story
from tests.demo_site_builder.styles import (
    aol,
    conversation,
    herald,
    local_ap,
    msn,
    yahoo_finance,
    yahoo_news_reuters,
)
from tests.demo_site_builder.templates import BASE


@dataclass(frozen=True)
class Page:
    path: str
    story: Story
    render: Callable[[Story, str], str]
    listed_in: str  # "news" (Google News sitemap) or "articles" (the gzipped regular sitemap)


def _bi_notice(story: Story) -> str:
    return f'Read the original article on <a href="{story.original_url}">Business Insider</a>'


ARTICLES: tuple[Page, ...] = (
    Page("yahoo-finance/news/norvane-raises-forecast.html", s.CHIPMAKER, yahoo_finance, "news"),
    Page("yahoo-finance/news/housing-starts-slow.html", s.HOUSING, yahoo_finance, "news"),
    Page("msn/en-us/money/shoppers-trade-down.html", s.RETAIL,
         lambda st, p: msn(st, p, "Business Insider", _bi_notice(st)), "news"),
    Page("msn/en-us/news/heat-wave-power-grid.html", s.HEATWAVE,
         lambda st, p: msn(st, p, "USA TODAY", f'This article originally appeared on USA TODAY: '
                                                 f'<a href="{st.original_url}">{st.headline}</a>'), "articles"),
    Page("aol/travel/airline-delays-summer.html", s.AIRLINES,
         lambda st, p: aol(st, p, "Business Insider", _bi_notice(st)), "articles"),
    Page("aol/finance/retirement-savings-mistakes.html", s.RETIREMENT,
         lambda st, p: aol(st, p, "GOBankingRates", f'This article originally appeared on GOBankingRates.com: '
                                                    f'<a href="{st.original_url}">{st.headline}</a>'), "articles"),
    Page("yahoo-news/port-workers-strike.html", s.PORT_STRIKE,
         lambda st, p: yahoo_news_reuters(st, p, "ROTTERDAM"), "news"),
    Page("yahoo-news/central-bank-holds-rates.html", s.CENTRAL_BANK,
         lambda st, p: yahoo_news_reuters(st, p, "LONDON"), "news"),
    Page("riverside-gazette/news/wildfire-evacuations.html", s.WILDFIRE,
         lambda st, p: local_ap(st, p, "Riverside Gazette"), "news"),
    # The same AP story on a second local paper: written once, the copy dropped by its fingerprint.
    Page("lakeside-tribune/nation/wildfire-evacuations.html", s.WILDFIRE,
         lambda st, p: local_ap(st, p, "Lakeside Tribune"), "news"),
    Page("riverside-gazette/news/free-school-meals.html", s.SCHOOL_MEALS,
         lambda st, p: local_ap(st, p, "Riverside Gazette"), "articles"),
    Page("science-daily-digest/teenagers-sleep-school-start.html", s.TEEN_SLEEP,
         lambda st, p: conversation(st, p, "Science Daily Digest"), "articles"),
    Page("science-daily-digest/urban-trees-heat.html", s.URBAN_TREES,
         lambda st, p: conversation(st, p, "Science Daily Digest"), "articles"),
    Page("news/2025/06/city-council-budget.html", s.COUNCIL_BUDGET, herald, "news"),
    Page("news/2025/06/river-bridge-reopens.html", s.BRIDGE, herald, "news"),
    # An AMP-style copy whose canonical link names the page above: dropped by its canonical URL.
    Page("amp/news/2025/06/river-bridge-reopens.html", s.BRIDGE,
         lambda st, p: herald(st, p, canonical=f"{BASE}/news/2025/06/river-bridge-reopens.html"), "articles"),
    Page("news/2025/06/bakery-wins-award.html", s.BAKERY, herald, "articles"),
    Page("news/2025/05/library-expansion.html", s.LIBRARY, herald, "articles"),
    Page("news/2025/06/heat-pump-grants.html", s.HEAT_PUMPS, herald, "articles"),
    Page("fr/2025/06/festival-musique.html", s.MUSIC_FESTIVAL, herald, "news"),
)

# Pages of the regular sitemap that are not articles: each is skipped with its own counted reason.
NON_ARTICLES: tuple[tuple[str, str], ...] = (
    ("", "home page (a list of links): skipped/not_article"),
    ("tag/markets/", "tag page (CollectionPage with teasers): skipped/not_article"),
    ("about.html", "a short page: skipped/not_article"),
    ("files/annual-report.pdf", "a PDF: skipped/not_html"),
    ("images/chart.png", "an image: skipped/not_html"),
    ("news/2025/05/removed-story.html", "a link to a page that is gone: skipped/http_404"),
    ("private/draft.html", "disallowed by robots.txt: skipped/robots_txt"),
)
