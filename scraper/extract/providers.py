"""Markup and metadata that name a copy's original publisher without a sentence saying so.

Portals that carry partner content show the partner as a provider block (a logo and the name,
linking to the partner), or declare it only in JSON-LD (a `publisher` that is not the site).
When the original is named without a link, its URL can often still be found: the canonical URL
of a copy often points to the original, and copies link to the same publisher elsewhere.
Names are returned as the page writes them; the caller makes them canonical.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree, html

from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.promos import is_promo_line
from scraper.extract.text import clean_text, normalize_key
from scraper.extract.tree_text import subtree_texts
from scraper.extract.urls import bare_host, is_absolute, is_deep_link, join_url

# Reached through the attributes (the elements that own them), which libxml2 finds faster than by
# testing every element's attributes.
_PROVIDER = etree.XPath(
    "//@class[contains(., 'rovider')]/parent::* | //@data-provider-name/parent::*"
    "[not(ancestor-or-self::*[self::footer or self::aside or self::nav])]"
)
# Provider classes of things that are not the article's source: players, share buttons, shop cards.
_NOT_SOURCE = re.compile(r"affiliate|video|player|social|share|icon|product|card|related|ad[-_]|auth", re.I)
# Off-site links wrapping a named picture, outside page chrome: candidates for a logo block.
# (Reached from the named pictures up: a page has fewer of them than links to search for one. The
# `/descendant::` steps and one `ancestor::<tag>` test per tag: libxml2 runs them several times
# faster than `//` and `ancestor::*[self::a or self::b]`, which tests each ancestor in turn.)
_LOGO_LINKS = etree.XPath(
    "/descendant::img[@alt!='' or @title!='']/ancestor::a[@href]"
    "[not(ancestor::footer or ancestor::aside or ancestor::nav or ancestor::header[not(ancestor::article)])]"
)
_ARTICLE_LINKS = etree.XPath(
    "/descendant::a[@href][not(ancestor::footer or ancestor::aside or ancestor::nav)]"
)
_PROFILE_PATH = re.compile(r"/(?:profiles?|authors?|people|contributors?|tags?|topics?)/", re.I)
_LOGO_WORD = re.compile(r"\s*\blogo\b\s*", re.I)
_MAX_NAME_WORDS = 6
_MAX_CREDIT_LINKS = 2
_MORE_FROM = re.compile(r"^more (?:stories |news |articles )?from\b:?\s*(.*)$", re.I)
_MIN_HOST_KEY = 4  # "ap" in a host proves nothing; "harborledger" does
# Text under these is not what the page shows as its own (the footer names the site's owner).
_UNSEEN = frozenset({"script", "style", "footer", "nav"})


def from_provider_markup(tree: html.HtmlElement, url: str | None) -> dict[str, Any] | None:
    """A provider block: markup classed as a provider, else a logo and name linking off-site."""
    return _classed_provider(tree, url) or _logo_block(tree, url)


def _classed_provider(tree: html.HtmlElement, url: str | None) -> dict[str, Any] | None:
    for node in _PROVIDER(tree):
        if _NOT_SOURCE.search(" ".join(a.get("class", "") for a in node.iterancestors())
                              + " " + node.get("class", "")):
            continue
        if _is_story_list(node):
            # "More from <provider>" teasers: the provider is the list's heading, not a teaser's name
            listed = _more_from_name(node)
            if listed:
                return {"publisher": listed, "url": None, "text": listed}
            continue
        name = node.get("data-provider-name") or _visible_name(node)
        if name and not is_absolute(name) and len(name.split()) <= _MAX_NAME_WORDS:
            link = node if node.tag == "a" else next(node.iter("a"), None)
            href = join_url(url, link.get("href")) if link is not None else None
            off_site = href if is_deep_link(href, url) else None
            return {"publisher": name, "url": off_site, "text": name}
    return None


def _is_story_list(node: html.HtmlElement) -> bool:
    """Whether a block links to more stories than a credit does (a logo link and a name link)."""
    return len({link.get("href") for link in node.iter("a")}) > _MAX_CREDIT_LINKS


def _more_from_name(node: html.HtmlElement) -> str | None:
    """The name a "More from <name>" heading gives (written out, or a logo's alt after the words)."""
    heading = next(node.iter("h1", "h2", "h3", "h4", "h5", "h6"), None)
    if heading is None:
        return None
    match = _MORE_FROM.match(clean_text(heading.text_content()))
    if not match:
        return None
    name = match.group(1) or next((img.get("alt") for img in heading.iter("img") if img.get("alt")), "")
    name = clean_text(name)
    return name if name and len(name.split()) <= _MAX_NAME_WORDS else None


def _visible_name(node: html.HtmlElement) -> str | None:
    for el in node.iter():
        for attr in ("alt", "title", "aria-label"):
            value = clean_text(el.get(attr))
            if value:
                return value
    return clean_text(node.text_content()) or None


def _logo_block(tree: html.HtmlElement, url: str | None) -> dict[str, Any] | None:
    """A link to another site holding that outlet's logo and, beside it, its name written out.

    Logo and written name together are how a portal credits a partner; a social icon or an ad
    banner has a picture but not the outlet's name as text beside it.
    """
    for link in _LOGO_LINKS(tree):
        href = join_url(url, link.get("href"))
        host = bare_host(href)
        if not href or not is_absolute(href) or not host or host == bare_host(url):
            continue
        if _NOT_SOURCE.search(" ".join(a.get("class", "") for a in (link, *link.iterancestors()))):
            continue
        img = next(link.iter("img"))
        name = clean_text(_LOGO_WORD.sub(" ", img.get("alt") or img.get("title") or ""))
        if not name or len(name.split()) > _MAX_NAME_WORDS or not names_host(name, href):
            continue  # a teaser's picture is named after its story, not after the linked site
        parent = link.getparent()
        shown = clean_text((parent if parent is not None else link).text_content())
        if normalize_key(name) and normalize_key(shown) == normalize_key(name):
            return {"publisher": name, "url": href if is_deep_link(href, url) else None, "text": name}
    return None


def foreign_publisher(
    tree: html.HtmlElement, meta: PageMeta, site_keys: set[str], url: str | None
) -> str | None:
    """The JSON-LD article's publisher when it is another outlet than the site the page is on.

    It must differ from every name of the site, link to another host when it gives a URL, and be
    named in the page's visible text outside the footer: a parent company declared only in
    metadata or the copyright footer is the site's owner, not an original.
    """
    publisher = meta.article.get("publisher")
    name = jsonld_text(publisher.get("name") if isinstance(publisher, dict) else publisher)
    if not name or is_absolute(name):
        return None
    key = normalize_key(name)
    if key in site_keys or key.replace(" ", "") in site_keys or names_host(name, url):
        return None
    link = jsonld_text(publisher.get("url")) if isinstance(publisher, dict) else None
    if link and bare_host(link) == bare_host(url):
        return None
    visible = normalize_key(" ".join(visible_texts(tree)))
    return name if f" {key} " in f" {visible} " else None


def visible_texts(tree: html.HtmlElement) -> list[str]:
    """The body's text nodes in document order, outside script, style, footer and nav elements."""
    # A walk that skips those subtrees whole: an XPath testing every text node's ancestors cost
    # a few milliseconds on a big page, more than all the other attribution readers together.
    texts: list[str] = []
    for body in tree.getroottree().getroot().iter("body"):
        if next(body.iterancestors("body", *_UNSEEN), None) is None:
            texts.extend(subtree_texts(body, _UNSEEN))
    return texts


def names_host(name: str, href: str | None) -> bool:
    """Whether the name spelt without spaces is in the URL's host ("Harbor Ledger", harborledger.com)."""
    key = normalize_key(name).replace(" ", "")
    key = key.removeprefix("the") if len(key) - 3 >= _MIN_HOST_KEY else key
    host = bare_host(href).replace("-", "")
    return len(key) >= _MIN_HOST_KEY and key in host


def original_url(tree: html.HtmlElement, meta: PageMeta, publisher: str, url: str | None) -> str | None:
    """A URL for an original named without a link: the canonical URL, else a link to the publisher."""
    canonical = join_url(url, meta.links.get("canonical") or meta.first("og:url"))
    if is_deep_link(canonical, url) and names_host(publisher, canonical):
        return canonical
    key = normalize_key(publisher)
    for link in _ARTICLE_LINKS(tree):
        href = join_url(url, (link.get("href") or "").strip())
        if not (is_deep_link(href, url) and names_host(publisher, href)) or _PROFILE_PATH.search(href or ""):
            continue
        # The copy credits the publisher where it links it ("Harbor Ledger first reported ...");
        # a recommendation box or a newsletter call linking the same host is no original.
        block = link.getparent() if link.getparent() is not None else link
        if _NOT_SOURCE.search(" ".join(a.get("class", "") for a in (link, *link.iterancestors()))):
            continue
        text = clean_text(block.text_content())
        if f" {key} " in f" {normalize_key(text)} " and not is_promo_line(text):  # not "Sign up for X's ..."
            return href
    return None
