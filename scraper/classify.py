"""Is a page an article? Index pages, tag pages and stubs are not, and are never written as records."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from lxml import etree, html

# Below this many body words a page is a stub, a teaser or an error page, not an article.
MIN_WORDS = 50
# Pages that do not declare their type are listings when their links hold this many times the words
# of the extracted body. Real articles' navigation reaches 2x (42 dev pages: max 2.05x), so 3x.
LISTING_LINK_RATIO = 3

_OG_TYPE = etree.XPath("//meta[@property='og:type']/@content")
_JSONLD = etree.XPath("//script[@type='application/ld+json']/text()")
_LINK_TEXT = etree.XPath("//body//a//text()")
_JSONLD_TYPE = re.compile(r'"@type"\s*:\s*(\[[^\]]*\]|"[^"]*")')

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
        "scholarlyarticle", "techarticle",
    }
)
LISTING_TYPES = frozenset({"collectionpage", "itemlist", "searchresultspage", "profilepage"})


@dataclass(frozen=True)
class PageSignals:
    """What the raw page says about itself, read before extraction rewrites the tree."""

    declared: str | None  # "article", "listing" or None (the page does not say)
    link_words: int  # words inside links in <body>


def read_page_signals(tree: html.HtmlElement) -> PageSignals:
    """The page's declared type (og:type, JSON-LD @type) and how many words sit in links."""
    return PageSignals(declared=declared_type(tree), link_words=len(" ".join(_LINK_TEXT(tree)).split()))


def declared_type(tree: html.HtmlElement) -> str | None:
    """'article' or 'listing' when JSON-LD or og:type says so (JSON-LD wins); else None."""
    types: set[str] = set()
    for script in _JSONLD(tree):
        for match in _JSONLD_TYPE.finditer(script):
            types.update(_type_names(match.group(1)))
    if types & ARTICLE_TYPES:
        return "article"
    if types & LISTING_TYPES:
        return "listing"
    og_types = {value.strip().lower() for value in _OG_TYPE(tree)}
    return "article" if "article" in og_types else None


def _type_names(raw: str) -> list[str]:
    try:
        value: Any = json.loads(raw)
    except ValueError:
        return []
    values = value if isinstance(value, list) else [value]
    return [str(item).lower() for item in values if isinstance(item, str)]


def not_article_reason(
    record: dict[str, Any], signals: PageSignals, min_words: int = MIN_WORDS
) -> str | None:
    """Why the extracted record is not an article ('no_headline', 'empty_body', 'too_short',
    'listing'), or None when it is one."""
    if not record.get("headline"):
        return "no_headline"
    words = int(record.get("word_count") or 0)
    if words == 0:
        return "empty_body"
    if words < min_words:
        return "too_short"
    if signals.declared == "listing":
        return "listing"
    # A page that does not declare itself an article and has far more words in links than in its
    # extracted body is a list of links (home, section or tag page) whose teasers were taken as text.
    if signals.declared != "article" and signals.link_words > LISTING_LINK_RATIO * words:
        return "listing"
    return None
