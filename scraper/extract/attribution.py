"""Where a page says it is a copy of another publisher's article.

Signals, strongest first: a visible notice ("Read the original article on Business Insider",
"This article originally appeared on ...", "republished from The Conversation under a Creative
Commons license", the feed footer "The post ... appeared first on ...", and the same in German, French,
Spanish, Italian, Portuguese and Dutch; the sentences live in notices.py); syndication
metadata (<link rel="original-source">, syndication-source/provider meta, JSON-LD isBasedOn,
sourceOrganization, provider, article:publisher naming another outlet); the syndicator's provider
markup (Yahoo/AOL/MSN "provider" logos and links); wire credits: "Copyright 2024 The Associated
Press", Reuters' "Reporting by ...; Editing by ...", a stand-alone "AFP, MANILA" credit, a wire
byline, and the dateline "WASHINGTON (AP) —".

The attribution is null when the credited publisher is the site itself (an AP story on apnews.com,
a Reuters story on reuters.com): the page is then the original. Stand-alone credit lines are still
returned for exclusion from the body; a dateline is never excluded (its paragraph is body text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lxml import etree, html

from scraper.extract.metadata import PageMeta, jsonld_text, jsonld_types
from scraper.extract.notices import NOTICE_CUES, feed_footer, notice_publisher
from scraper.extract.providers import foreign_publisher, from_provider_markup, original_url
from scraper.extract.site import extract_site, prettify_host
from scraper.extract.text import clean_text, normalize_key
from scraper.extract.urls import bare_host, is_absolute, is_deep_link, join_url
from scraper.extract.word_patterns import trie_pattern

# Inline tags (em, small...) are read through their block; spans hold stand-alone credit lines.
_BLOCKS = ("p", "div", "span", "li", "footer", "aside", "section", "h6", "address")
_CONTAINERS = frozenset({"div", "footer", "aside", "section", "li", "span"})
_BLOCK_CHILDREN = frozenset({"div", "p", "section", "ul", "ol", "article", "aside", "footer", "table"})
_MAX_LINE = 400
_MAX_BYLINE_WORDS = 15
# Every text pattern needs a notice cue (or a short line, or an early parenthesis); plain
# substring tests rule out nearly every block before any regex runs.
# (as a trie: one branch test per position, not one per cue; the block is scanned for any of them)
_CUE = re.compile(trie_pattern([*NOTICE_CUES, "copyright", "©", "(c)", "reporting by"]))
_SHORT_LINE = 60
_WIRE_STARTS = ("AP", "Associated", "The Associated", "Reuters", "AFP", "Agence", "dpa", "UPI", "CP", "PA",
                "ANSA", "EFE")
_DATELINE_REACH = 90
_PROFILE_PATH = re.compile(r"/(?:profiles?|authors?|people|contributors?)/", re.I)
_WIRE_NAMES = {
    "The Associated Press": ("ap", "associated press", "the associated press", "ap news", "apnews"),
    "Reuters": ("reuters", "thomson reuters"),
    "AFP": ("afp", "agence france presse", "agence france-presse", "afp news"),
    "dpa": ("dpa", "deutsche presse agentur", "dpa deutsche presse agentur"),
    "The Canadian Press": ("the canadian press", "canadian press", "cp"),
    "Bloomberg": ("bloomberg", "bloomberg news"),
    "PA Media": ("pa", "pa media", "press association"),
    "UPI": ("upi", "united press international"),
}
_WIRE_ALIAS = {normalize_key(a): name for name, aliases in _WIRE_NAMES.items() for a in aliases}
_WIRE = (
    r"(?P<wire>AP|Associated Press|The Associated Press|Reuters|AFP|Agence France-Presse|dpa|UPI|CP|PA"
    r"|ANSA|EFE)"
)
_COPYRIGHT = re.compile(
    rf"^(?:all contents )?(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:copyright\s*)?(?:\d{{4}}\s+)?{_WIRE}\b", re.I
)
_REPORTING = re.compile(r"^\(?(?:additional )?reporting by\b.{3,300}\b(?:editing|writing) by\b", re.I)
_CREDIT_LINE = re.compile(rf"^{_WIRE}\s*[,/]\s*[A-Z][A-Za-z .'/-]{{1,40}}$")
_DATELINE = re.compile(rf"^(?P<place>[A-ZÀ-Ý][\w.,'’/ -]{{0,60}}?)?\s*\({_WIRE}\)\s*[-—–:]")
_IN_CAPTION = etree.XPath("boolean(ancestor-or-self::*[self::figure or self::figcaption])")
_TEXT_PREFERENCE = ("copyright", "credit", "dateline", "reporting")
_PROVIDER_META = ("syndication-source", "original-source", "provider", "og:article:publisher",
                  "article:publisher", "article:source", "source")


def extract_attribution(
    tree: html.HtmlElement, meta: PageMeta, url: str | None
) -> tuple[dict[str, Any] | None, list[str]]:
    """(attribution or None, the stand-alone attribution lines to keep out of the body)."""
    own = own_names(meta, url, with_publisher=False)
    foreign = foreign_publisher(tree, meta, own, url)
    own = own if foreign else own_names(meta, url)
    found, lines = _scan_text(tree, url, _title_keys(meta))
    declared: dict[str, Any] | None = {"publisher": foreign, "url": None, "text": None} if foreign else None
    for candidate in _candidates(tree, meta, url, found, declared):
        if candidate and candidate["publisher"]:
            name = canonical_publisher(str(candidate["publisher"]))
            candidate = {**candidate, "publisher": name}
            if normalize_key(name) in own or _alias_key(name) in own:
                return None, lines
            return _with_url(tree, _with_visible_text(candidate, found), meta, url), lines
    return None, lines


def _candidates(
    tree: html.HtmlElement, meta: PageMeta, url: str | None, found: dict[str, dict[str, Any]],
    declared: dict[str, Any] | None,
) -> Iterator[dict[str, Any] | None]:
    """The signals, strongest first; each is read only when the stronger ones named no publisher (the
    provider markup takes a walk over the page's class attributes)."""
    yield found.get("notice")
    yield _from_metadata(meta, url)
    yield from_provider_markup(tree, url)
    yield declared
    yield found.get("copyright")
    yield found.get("reporting")
    yield _from_byline(meta)
    yield found.get("credit")
    yield found.get("dateline")


def _with_visible_text(candidate: dict[str, Any], found: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Metadata names the publisher; the page's own credit for it ("(Reuters)") is the text."""
    if candidate is found.get("notice"):
        return candidate
    for kind in _TEXT_PREFERENCE:
        visible = found.get(kind)
        if visible and _alias_key(visible["publisher"]) == _alias_key(candidate["publisher"]):
            return {**candidate, "text": visible["text"], "url": candidate.get("url") or visible["url"]}
    return candidate


def own_names(meta: PageMeta, url: str | None, with_publisher: bool = True) -> set[str]:
    """Comparison keys of the site's own names (and their wire aliases), the JSON-LD publisher's too."""
    names = {extract_site(meta, url), meta.first("og:site_name", "application-name"), prettify_host(url)}
    if with_publisher:
        names.add(jsonld_text(meta.article.get("publisher")))
    names |= {jsonld_text(o.get("name")) for o in meta.jsonld if "website" in jsonld_types(o)}
    keys = {normalize_key(n) for n in names if n}
    keys |= {k.replace(" ", "") for k in keys} | {_alias_key(k) for k in keys}
    return keys - {""}


def _alias_key(name: str) -> str:
    wire = _WIRE_ALIAS.get(normalize_key(name))
    return normalize_key(wire) if wire else normalize_key(name)


def canonical_publisher(name: str) -> str:
    """A clean outlet name: wire aliases unified ("AP" -> "The Associated Press"), punctuation trimmed."""
    name = clean_text(name).strip(" .,:;-—–\"'“”")
    name = re.sub(r"^(?:the website|the site|website)\s+", "", name, flags=re.I)
    return _WIRE_ALIAS.get(normalize_key(name), name)


def _title_keys(meta: PageMeta) -> list[str]:
    """Comparison keys of the page's declared titles (a feed footer repeats one of them)."""
    titles = (meta.title, meta.first("og:title", "twitter:title"), jsonld_text(meta.article.get("headline")))
    return [key for key in map(normalize_key, (t for t in titles if t)) if key]


def _scan_text(
    tree: html.HtmlElement, url: str | None, titles: list[str]
) -> tuple[dict[str, dict[str, Any]], list[str]]:
    """One pass over text blocks: the first match of each kind, and every stand-alone credit line."""
    found: dict[str, dict[str, Any]] = {}
    lines: list[str] = []
    for node in _text_blocks(tree):
        # (a block without children holds all its text in .text: no XPath string() call for it)
        raw = node.text_content() if len(node) else node.text or ""
        if len(raw) > 2 * _MAX_LINE or not raw or raw.isspace():
            continue  # (blank blocks have no text to clean either)
        cue, byline = _has_cue(raw), _may_be_byline(node, raw)
        if not (cue or byline):
            continue  # cheap checks on the raw text rule out nearly every block
        text = clean_text(raw)
        if not text or len(text) > _MAX_LINE:
            continue
        kind, publisher, shown = _classify(text) if cue else (None, None, text)
        if kind is None and cue and _is_feed_footer(node, text, titles):
            kind, publisher = "notice", canonical_publisher((feed_footer(text) or ("", ""))[1])
        if kind in ("copyright", "credit") and _IN_CAPTION(node):
            continue  # "© AFP" under a photo credits the picture, not the story
        if kind is None and byline and _is_original_byline(node, text, url):
            lines.append(text)
        if kind is None or publisher is None:
            continue
        if kind != "dateline" and text not in lines:
            lines.append(text)
        if kind not in found:
            found[kind] = {"publisher": publisher, "url": _link_in(node, url), "text": shown}
    return found, lines


def _is_feed_footer(node: html.HtmlElement, text: str, titles: list[str]) -> bool:
    """A whole block "The post <title> appeared first on <Site>." that links the post or repeats the title."""
    footer = feed_footer(text)
    if footer is None:
        return False
    title = normalize_key(footer[0])
    return next(node.iter("a"), None) is not None or any(title and title in key for key in titles)


def _text_blocks(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """The blocks that hold text themselves: every p, h6, address, and containers without block children."""
    # One C-level pass over the block children is cheaper than iterating every container's children.
    holders = {child.getparent() for child in tree.iter(*_BLOCK_CHILDREN)}
    return [node for node in tree.iter(*_BLOCKS) if node.tag not in _CONTAINERS or node not in holders]


def _has_cue(raw: str) -> bool:
    if len(raw) < _SHORT_LINE and raw.lstrip().startswith(_WIRE_STARTS):
        return True  # a stand-alone credit ("AFP, MANILA")
    if len(raw) > _SHORT_LINE and "(" in raw[:_DATELINE_REACH]:
        return True
    return _CUE.search(raw.lower()) is not None


def _may_be_byline(node: html.HtmlElement, raw: str) -> bool:
    return node.tag in ("p", "span") and len(raw) < 200 and next(node.iterdescendants("a"), None) is not None


def _is_original_byline(node: html.HtmlElement, text: str, url: str | None) -> bool:
    """A short line crediting the original's author with a link to their profile on another site."""
    if len(text.split()) > _MAX_BYLINE_WORDS or node.tag not in ("p", "span"):
        return False
    return any(
        _PROFILE_PATH.search(link.get("href") or "") and is_deep_link(join_url(url, link.get("href")), url)
        for link in node.iter("a")
    )


def _classify(text: str) -> tuple[str | None, str | None, str]:
    """(kind, publisher, attribution text) of one text block, or (None, None, text)."""
    publisher = notice_publisher(text)
    if publisher:
        return "notice", canonical_publisher(publisher), text
    for kind, pattern in (("copyright", _COPYRIGHT), ("credit", _CREDIT_LINE)):
        match = pattern.match(text)
        if match:
            return kind, canonical_publisher(match.group("wire")), text
    if _REPORTING.match(text):
        return "reporting", "Reuters", text
    match = _DATELINE.match(text)
    if match and len(text) > 60:
        return "dateline", canonical_publisher(match.group("wire")), f"({match.group('wire')})"
    return None, None, text


def _link_in(node: html.HtmlElement, url: str | None) -> str | None:
    """The first link in the node that leads off this site (the original), if any."""
    for link in node.iter("a"):
        href = join_url(url, (link.get("href") or "").strip())
        if is_deep_link(href, url):
            return href
    return None


def _from_metadata(meta: PageMeta, url: str | None) -> dict[str, Any] | None:
    """Syndication metadata: original-source links, provider meta, JSON-LD isBasedOn/provider."""
    original = meta.links.get("original-source") or meta.first("syndication-source", "original-source")
    based_on = meta.article.get("isBasedOn") or meta.article.get("isBasedOnUrl")
    if isinstance(based_on, list):
        based_on = based_on[0] if based_on else None
    if isinstance(based_on, dict):
        original = original or jsonld_text(based_on.get("url"))
        publisher = jsonld_text(based_on.get("publisher"))
    else:
        original = original or (based_on if isinstance(based_on, str) else None)
        publisher = None
    for value in (meta.article.get("provider"), meta.article.get("sourceOrganization")):
        publisher = publisher or jsonld_text(value)
    publisher = publisher or _named_meta(meta)
    if original and not is_absolute(original):
        publisher, original = publisher or original, None
    if original and not publisher and bare_host(original) != bare_host(url):
        publisher = prettify_host(original)
    if not publisher:
        return None
    return {"publisher": canonical_publisher(publisher), "url": original, "text": None}


def _named_meta(meta: PageMeta) -> str | None:
    """A provider/publisher meta tag that holds a name (URLs such as Facebook pages are ignored)."""
    for key in _PROVIDER_META[2:]:
        value = meta.first(key)
        if value and not is_absolute(value):
            return value
    return None


def _from_byline(meta: PageMeta) -> dict[str, Any] | None:
    """A wire named as the article's author in structured data or meta tags."""
    authors = meta.article.get("author")
    names = [jsonld_text(a) for a in (authors if isinstance(authors, list) else [authors])]
    names += [meta.first("author", "parsely-author", "article:author")]
    for name in names:
        if name and normalize_key(name) in _WIRE_ALIAS:
            return {"publisher": canonical_publisher(name), "url": None, "text": name}
    return None


def _with_url(
    tree: html.HtmlElement, found: dict[str, Any], meta: PageMeta, url: str | None
) -> dict[str, Any]:
    """Fill a missing original URL: original-source metadata, else a URL on the publisher's host."""
    if not found.get("url"):
        original = meta.links.get("original-source") or meta.first("syndication-source")
        if is_deep_link(original, url):
            found = {**found, "url": join_url(url, original)}
        else:
            found = {**found, "url": original_url(tree, meta, found["publisher"], url)}
    return {"publisher": found["publisher"], "url": found.get("url"), "text": found.get("text")}
