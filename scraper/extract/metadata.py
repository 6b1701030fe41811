"""Page metadata read once per page: meta tags, link rels and JSON-LD, before any cleaning."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from lxml import etree, html

from scraper.extract.text import clean_text

_HTML_LANG = etree.XPath("/html/@lang")
_HEAD_TAGS = ("meta", "link", "script", "title")  # collected in one walk of the tree
_CDATA = re.compile(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$")
_JSONLD_TYPES = ("application/ld+json", "application/json+ld")

ARTICLE_TYPES = frozenset(
    {
        "article", "newsarticle", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
        "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting",
        "scholarlyarticle", "techarticle", "socialmediaposting", "webpage", "report",
    }
)


@dataclass
class PageMeta:
    """Everything the <head> and structured data say about the page."""

    meta: dict[str, str] = field(default_factory=dict)  # lowercased name/property -> first content
    meta_all: dict[str, list[str]] = field(default_factory=dict)
    links: dict[str, str] = field(default_factory=dict)  # rel -> first href
    jsonld: list[dict[str, Any]] = field(default_factory=list)  # every JSON-LD object, flattened
    article: dict[str, Any] = field(default_factory=dict)  # the JSON-LD object for the article
    title: str = ""
    html_lang: str = ""

    def first(self, *names: str) -> str | None:
        """The first non-empty meta content among names."""
        for name in names:
            value = self.meta.get(name)
            if value:
                return value
        return None


def read_metadata(tree: html.HtmlElement) -> PageMeta:
    """Collect meta tags, link rels and JSON-LD objects from the tree."""
    page = PageMeta()
    nodes: dict[str, list[html.HtmlElement]] = {tag: [] for tag in _HEAD_TAGS}
    for node in tree.iter(*_HEAD_TAGS):
        nodes[node.tag].append(node)
    for node in nodes["meta"]:
        key = node.get("property") or node.get("name") or node.get("itemprop") or node.get("http-equiv")
        value = clean_text(node.get("content"))
        # RDFa lets one tag state several properties: property="og:title twitter:title".
        for name in (key or "").lower().split() if value else ():
            page.meta.setdefault(name, value)
            page.meta_all.setdefault(name, []).append(value)
    for node in nodes["link"]:
        if node.get("href") is not None:
            for rel in node.get("rel", "").lower().split():
                page.links.setdefault(rel, node.get("href", "").strip())
    for node in nodes["script"]:
        if node.get("type") in _JSONLD_TYPES:
            page.jsonld.extend(_flatten(_load_json(node.text or "")))
    page.article = _pick_article(page.jsonld)
    titles = nodes["title"]
    page.title = clean_text(titles[0].text_content()) if titles else ""
    langs = _HTML_LANG(tree)
    page.html_lang = clean_text(langs[0]) if langs else ""
    return page


def _load_json(text: str) -> Any:
    text = text.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    # XHTML-era templates wrap script text in a CDATA section (sometimes behind // comments).
    text = _CDATA.sub("", text) if "<![CDATA[" in text else text
    try:
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _flatten(data: Any) -> list[dict[str, Any]]:
    """Every dict in a JSON-LD payload that has an @type (top level, @graph, lists)."""
    out: list[dict[str, Any]] = []
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            if "@type" in item:
                out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                stack.extend(reversed(graph))
    return out


def jsonld_types(obj: dict[str, Any]) -> set[str]:
    kinds = obj.get("@type")
    if isinstance(kinds, str):
        kinds = [kinds]
    return {str(k).lower() for k in kinds or []}


def _pick_article(objects: list[dict[str, Any]]) -> dict[str, Any]:
    """The JSON-LD object describing the article: the most specific article type wins."""
    best: dict[str, Any] = {}
    best_rank = 0
    for obj in objects:
        kinds = jsonld_types(obj)
        if not kinds & ARTICLE_TYPES:
            continue
        rank = 1 if kinds <= {"webpage"} else 2 + bool(obj.get("articleBody") or obj.get("headline"))
        if rank > best_rank:
            best, best_rank = obj, rank
    return best


def jsonld_text(value: Any) -> str | None:
    """A JSON-LD value as clean text: strings as they are, {'name': ...} and lists by first item."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("name") or value.get("@value") or value.get("url")
    if isinstance(value, (str, int, float)):
        return clean_text(str(value)) or None
    return None
