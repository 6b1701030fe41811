"""The headline, without site suffixes, and the site name."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree, html

from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.text import clean_text

_H1 = etree.XPath("//h1")
_SUFFIX = re.compile(r"\s+[|\-–—:·]\s+[^|\-–—]{2,40}$")


def extract_headline(tree: html.HtmlElement, meta: PageMeta) -> str | None:
    """The article's title: JSON-LD or og:title or <h1> or <title>, suffix removed."""
    h1 = next((clean_text(h.text_content()) for h in _H1(tree) if clean_text(h.text_content())), "")
    if h1:
        return h1
    candidates = [
        jsonld_text(meta.article.get("headline")),
        meta.first("og:title", "twitter:title"),
        meta.title,
    ]
    for candidate in candidates:
        if candidate:
            return strip_site_suffix(candidate)
    return _first_text_line(tree)


def strip_site_suffix(title: str) -> str:
    return _SUFFIX.sub("", clean_text(title))


def _first_text_line(tree: html.HtmlElement) -> str | None:
    for node in tree.iter("p"):
        text = clean_text(node.text_content())
        if text:
            return text
    return None


def extract_site(meta: PageMeta, url: str | None) -> str | None:
    """The name of the site the page is on: og:site_name, JSON-LD publisher, else the host."""
    name = meta.first("og:site_name", "application-name")
    if name:
        return name
    if url:
        host = urlsplit(url).hostname or ""
        return host.removeprefix("www.") or None
    return None
