"""Which pictures on a page are the article's: figures, and captioned or loose in-body pictures.

A picture is skipped when it sits in page chrome (nav, aside, footer, related/teaser/newsletter/ad
blocks), links to another page of the same site or sits in a short teaser card, is a thumbnail size
("-250x222.jpg"), an icon, logo, avatar or pixel. A picture outside a figure needs a caption beside it,
or a big size inside an article body (not in a list item).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import NamedTuple

from lxml import etree, html

from scraper.extract.images.image_beside import PAGE_TOPS, Picture, nearby_caption
from scraper.extract.images.image_captions import visible_text
from scraper.extract.images.image_sources import IMAGE_FILE, image_source, is_junk, picture_source
from scraper.extract.urls import url_hostname

_PICTURE_TAGS = ("figure", "img", "picture")
# Caption classes are reached through the class attributes and a plain 'caption' substring test first
# (every rule needs it): normalize-space on every element's class cost more than the rest of this field.
_CAPTION_HOLDERS = etree.XPath(
    "//@class[contains(., 'caption')][contains(concat(' ', normalize-space(.), ' '), ' caption ')"
    " or contains(., 'image-caption') or contains(., 'photo-caption')]/parent::*/parent::*[.//img]"
)
_CHROME = frozenset({"nav", "footer", "aside", "menu", "form"})
# Whole words (any case, after a separator or a lower-case letter in camelCase): 'promoted-dune' is no promo.
_CHROME_ATTR = re.compile(
    r"(?<!(?-i:[a-z]))(?:nav(?:igation|bar)?|menus?|related|recommend\w*|promos?|promotions?|teasers?|sidebar"
    r"|footer|logos?|avatars?|recirc\w*|onward\w*|newsletters?|subscri\w+|adverts?|advertisements?|ads?"
    r"|sponsor\w*|partner\w*|reg-?wall|paywall|video-?player)(?!(?-i:[a-z]))",
    re.I,
)
_PICTURE_ATTR = re.compile(r"image|photo|picture|figure|media|gallery", re.I)
_MIN_PROSE_CHARS = 1500
_ARTICLE_ATTR = re.compile(r"(?:article|story|post|entry)[-_]?(?:body|text|content)|articlebody", re.I)
_CARD_TAGS = frozenset({"article", "li", "td"})
_MIN_LOOSE_SIDE = 150  # pictures outside figures need to be bigger to count
_MAX_CARD_CHARS = 300


def article_pictures(tree: html.HtmlElement, url: str | None = None) -> list[Picture]:
    """Each picture of the article, in document order."""
    page = _Page(_site_host(url))
    found: list[Picture] = []
    holders: set[html.HtmlElement] = set()
    for el in _candidates(tree):
        if el.tag not in ("img", "picture"):
            holders.add(el)
            if not page.is_furniture(el):
                found.append(Picture(el))
            continue
        if not holders.isdisjoint(el.iterancestors()):
            continue
        loose = page.loose_picture(el)
        if loose is not None:
            holders.add(loose[0])
            found.append(loose)
    return found


def _candidates(tree: html.HtmlElement) -> list[html.HtmlElement]:
    """Figures, pictures (a <picture> without an <img>: its own) and caption holders, in document order
    (the record lists pictures as the page shows them)."""
    # One C-level iter() over the picture tags, the few caption holders merged in, costs less than a
    # union XPath: each of its parts walks the tree, and the union sorts them together.
    pictures = [
        el for el in tree.getroottree().getroot().iter(*_PICTURE_TAGS)
        if el.tag != "picture" or next(el.iter("img"), None) is None
    ]
    index = {el: position for position, el in enumerate(pictures)}
    ahead: dict[int, list[html.HtmlElement]] = {}  # holders, by the picture they come right before
    for holder in _CAPTION_HOLDERS(tree):
        if holder not in index:  # (it holds an <img>: its first listed descendant follows it)
            first = next(el for el in holder.iter(*_PICTURE_TAGS) if el is not holder and el in index)
            ahead.setdefault(index[first], []).append(holder)
    if not ahead:
        return pictures
    return [el for position, picture in enumerate(pictures) for el in (*ahead.get(position, ()), picture)]


class _Chain(NamedTuple):
    """What the ancestors of an element, itself included, say about it (memoized per element)."""

    furniture: bool  # chrome, a teaser link or card at or above it
    in_article: bool  # an article (or <main>) at or above it
    listed: bool  # a list item between it and the nearest article marker


_PAGE_TOP_CHAIN = {"main": _Chain(False, True, False)}
_OUTSIDE = _Chain(False, False, False)


class _Page:
    """Per-page placement rules: the site's host (links to it are teasers) and what each ancestor says,
    computed once per element: pictures share their ancestors, and a page has hundreds of <img>."""

    def __init__(self, host: str) -> None:
        self.host = host
        self.chains: dict[html.HtmlElement, _Chain] = {}

    def loose_picture(self, el: html.HtmlElement) -> Picture | None:
        """A picture outside figure markup: with a caption beside it, or big and inside an article body."""
        base = _picture_element(el)
        if self.is_furniture(base):
            return None
        src = image_source(el) if el.tag == "img" else None
        if (src and is_junk(el, src=src)) or not (src or picture_source(base)):
            return None
        captioned = nearby_caption(base)
        if captioned is not None:
            return None if self.is_furniture(captioned.holder) else captioned
        if el.tag == "img" and is_junk(el, _MIN_LOOSE_SIDE, src):
            return None
        return None if self.is_furniture(base, require_article=True) else Picture(base)

    def is_furniture(self, el: html.HtmlElement, require_article: bool = False) -> bool:
        """In chrome, a link to another page of the site or a teaser card (the element's own class does
        not count); when required, outside any article body or in a list item (logos, teasers)."""
        parent = el.getparent()
        above = self._chain(parent) if parent is not None else _OUTSIDE
        if above.furniture or self._blocks(el, own=True):
            return True
        if not require_article:
            return False
        if _is_article_marker(el):
            return False
        return el.tag == "li" or above.listed or not above.in_article

    def _chain(self, el: html.HtmlElement) -> _Chain:
        path = []
        node: html.HtmlElement | None = el
        while node is not None and node not in self.chains and node.tag not in PAGE_TOPS:
            path.append(node)
            node = node.getparent()
        chain = _OUTSIDE if node is None else self.chains.get(node) or _PAGE_TOP_CHAIN.get(node.tag, _OUTSIDE)
        for node in reversed(path):
            if not chain.furniture:  # below furniture every picture is furniture: nothing more to learn
                attrs = _attrs(node)
                marker = _is_article_marker(node, attrs)
                chain = _Chain(
                    self._blocks(node, own=False, attrs=attrs),
                    chain.in_article or marker,
                    not marker and (node.tag == "li" or chain.listed),
                )
            self.chains[node] = chain
        return chain

    def _blocks(self, el: html.HtmlElement, own: bool, attrs: str = "") -> bool:
        """Chrome tags (an aside marked as a picture is a figure), chrome classes on a block that is not
        the article's prose itself (Nature wraps its body in 'article__teaser'), teaser links and cards."""
        tag = el.tag
        if tag in _CHROME:
            return not (tag == "aside" and _PICTURE_ATTR.search(_attrs(el)))
        if tag == "a" and self._links_within(el.get("href")):
            return True
        if tag in _CARD_TAGS and _is_card(el, self._links_within):
            return True
        return not own and bool(attrs) and _attr_flags(attrs)[0] and not _is_prose(el)

    def _links_within(self, href: str | None) -> bool:
        """A link to another page of this site (a teaser), not to a picture, an anchor or another site
        (a shop's product page beside a product picture)."""
        href = (href or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")) or IMAGE_FILE.search(href):
            return False
        if not self.host or "//" not in href[:8]:
            return True
        host = href.split("/", 3)[2].split(":", 1)[0].lower()
        return (host[4:] if host.startswith("www.") else host) == self.host


def _is_article_marker(el: html.HtmlElement, attrs: str | None = None) -> bool:
    if el.tag == "article" or el.get("itemprop") == "articleBody":
        return True
    attrs = _attrs(el) if attrs is None else attrs
    return bool(attrs) and _attr_flags(attrs)[1]


@lru_cache(maxsize=4096)
def _attr_flags(attrs: str) -> tuple[bool, bool]:
    """(chrome, article body) of a class/id string; cached: pages repeat their class strings many times."""
    return bool(_CHROME_ATTR.search(attrs)), bool(_ARTICLE_ATTR.search(attrs))


def _site_host(url: str | None) -> str:
    host = url_hostname(url)
    return host[4:] if host.startswith("www.") else host


def _is_prose(el: html.HtmlElement) -> bool:
    """Long text that is not mostly links: an article body, never a list of teasers. Both counts stop
    early: a page wrapper holds the whole page."""
    total = 0
    for text in el.itertext():
        total += len(text.strip())
        if total > 2 * _MIN_PROSE_CHARS:
            break
    if total <= _MIN_PROSE_CHARS:
        return False
    linked = 0
    for a in el.iter("a"):
        linked += sum(len(text.strip()) for text in a.itertext())
        if linked * 3 >= total:
            return False
    return True


def _picture_element(img: html.HtmlElement) -> html.HtmlElement:
    """The <picture> around an <img> (past the <source> elements an unclosed markup nests it in)."""
    for parent in img.iterancestors():
        if parent.tag == "picture":
            return parent
        if parent.tag != "source":
            break
    return img


def _is_card(el: html.HtmlElement, links_within: Callable[[str | None], bool]) -> bool:
    """A short <article> linking to another page, or a list item or cell of mostly link text: a teaser."""
    total = 0
    for text in el.itertext():
        total += len(text.strip())
        if total > _MAX_CARD_CHARS:
            return False
    links = [a for a in el.iter("a") if links_within(a.get("href"))]
    if el.tag == "article":
        return bool(links)
    linked = sum(len(visible_text(a)) for a in links)
    return total > 0 and linked * 2 >= total


def _attrs(el: html.HtmlElement) -> str:
    if not isinstance(el.tag, str):
        return ""
    cls, ident = el.get("class"), el.get("id")
    return f"{cls} {ident}" if cls and ident else cls or ident or ""
