"""Which pictures on a page are the article's: figures, captioned and loose in-body pictures, their URLs.

A picture is skipped when it sits in page chrome (nav, aside, footer, related/teaser blocks), links to
another page (a teaser card), is a thumbnail size ("-250x222.jpg"), an icon, logo, avatar or pixel.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from lxml import etree, html

from scraper.extract.image_captions import is_text_element, visible_text

# Document order matters (the record lists pictures as the page shows them): one union XPath keeps it.
# Caption classes are reached through the class attributes and a plain 'caption' substring test first
# (every rule needs it): normalize-space on every element's class cost more than the rest of this field.
_CANDIDATES = etree.XPath(
    "//figure|//img|//picture[not(.//img)]"
    "|//@class[contains(., 'caption')][contains(concat(' ', normalize-space(.), ' '), ' caption ')"
    " or contains(., 'image-caption') or contains(., 'photo-caption')]/parent::*/parent::*[.//img]"
)
# Pictures inside an element: noscript copies and a <picture>'s own <img> are the same picture.
_PICTURE_COUNT = etree.XPath(
    "count(.//picture|.//img[not(ancestor::picture) and not(ancestor::noscript)])"
)
_CHROME = frozenset({"nav", "footer", "aside", "menu", "form"})
_CHROME_ATTR = re.compile(
    r"(?<![a-z])(?:nav|menu|related|recommend|promo|teaser|sidebar|footer|logo|avatar|recirc|onward)", re.I
)
_ARTICLE_ATTR = re.compile(r"(?:article|story|post|entry)[-_]?(?:body|text|content)|articlebody", re.I)
_PAGE_TOPS = frozenset({"main", "body", "html"})
_CARD_TAGS = frozenset({"article", "li", "td"})
_CAPTION_CLASS = re.compile(r"caption", re.I)
_JUNK_SRC = re.compile(
    r"logo|icon|sprite|pixel|spacer|blank\.gif|1x1|avatar|badge|placeholder|tracking|/ads?/|\.svg(?:$|\?)",
    re.I,
)
# A file name's size suffix below this on both sides is a thumbnail ("story-250x222.jpg").
_THUMBNAIL = re.compile(r"-(\d{2,4})x(\d{2,4})\.\w{2,5}(?:$|\?)")
_MAX_THUMBNAIL_SIDE = 300
# Lazy-loading attributes first: with them, src is often a blurred placeholder.
_SRC_ATTRS = ("data-src", "data-original", "data-lazy-src", "data-lazy", "data-srcset", "srcset", "src")
_LAZY_ATTR = re.compile(r"^data-.*(?:src|lazy)", re.I)
_URL_IN_JSON = re.compile(r"https?://[^\"'\s\\,}]+")
_SRCSET_URL = re.compile(r"[\s,]*(\S+)")
_SRCSET_DESCRIPTOR = re.compile(r"([^,]*)")
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif)(?:$|[?#])", re.I)
_SIZE_PARAM = re.compile(r"^(?:w|h|width|height|imwidth|quality|q|auto|format|fm|fit|crop|dpr|resize)$", re.I)
_MIN_SIDE = 60  # figures: below this a declared side is an icon or a pixel
_MIN_LOOSE_SIDE = 150  # pictures outside figures need to be bigger to count
_CAPTION_LEVELS = 3
_MIN_CAPTION_CHARS, _MAX_CAPTION_CHARS = 20, 300  # text beside a picture that can be its caption
_MAX_CARD_CHARS = 300


def article_pictures(tree: html.HtmlElement) -> list[tuple[html.HtmlElement, html.HtmlElement | None]]:
    """(holder, caption element or None) of each picture of the article, in document order."""
    found: list[tuple[html.HtmlElement, html.HtmlElement | None]] = []
    holders: set[html.HtmlElement] = set()
    for el in _CANDIDATES(tree):
        if el.tag not in ("img", "picture"):
            holders.add(el)
            if not is_page_furniture(el):
                found.append((el, None))
            continue
        if any(ancestor in holders for ancestor in el.iterancestors()):
            continue
        loose = loose_picture(el)
        if loose is not None:
            holders.add(loose[0])
            found.append(loose)
    return found


def loose_picture(el: html.HtmlElement) -> tuple[html.HtmlElement, html.HtmlElement | None] | None:
    """A picture outside figure markup: with a caption beside it, or big and inside an article body."""
    parent = el.getparent()
    base = parent if el.tag == "img" and parent is not None and parent.tag == "picture" else el
    if (el.tag == "img" and is_junk(el)) or not picture_source(base):
        return None
    captioned = nearby_caption(base)
    if captioned is not None:
        return None if is_page_furniture(captioned[0]) else captioned
    if el.tag == "img" and is_junk(el, _MIN_LOOSE_SIDE):
        return None
    return None if is_page_furniture(base, require_article=True) else (base, None)


def nearby_caption(base: html.HtmlElement) -> tuple[html.HtmlElement, html.HtmlElement] | None:
    """The smallest ancestor (a few levels up) holding this one picture and a caption beside it."""
    node = base
    for _ in range(_CAPTION_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in _PAGE_TOPS or parent.tag == "article":
            return None
        if _PICTURE_COUNT(parent) > 1:
            return None
        cap = _caption_beside(parent, node)
        if cap is not None:
            return parent, cap
        node = parent
    return None


def _caption_beside(parent: html.HtmlElement, node: html.HtmlElement) -> html.HtmlElement | None:
    """A caption-classed sibling of the picture's branch, else its only short text sibling (no link)."""
    texts = []
    for child in parent:
        if child is node or not is_text_element(child):
            continue
        text = visible_text(child)
        if text and (child.tag == "figcaption" or _CAPTION_CLASS.search(child.get("class") or "")):
            return child if len(text) <= 2 * _MAX_CAPTION_CHARS else None
        if text:
            texts.append(child)
    if len(texts) != 1 or (parent.text or "").strip() or any((c.tail or "").strip() for c in parent):
        return None
    text = visible_text(texts[0])
    if not _MIN_CAPTION_CHARS <= len(text) <= _MAX_CAPTION_CHARS or any(True for _ in texts[0].iter("a")):
        return None
    return texts[0]


def is_page_furniture(el: html.HtmlElement, require_article: bool = False) -> bool:
    """In chrome, a link to another page or a teaser card; or, when required, outside any article body."""
    in_article = False
    for ancestor in (el, *el.iterancestors()):
        tag = ancestor.tag
        if tag in _PAGE_TOPS:
            return require_article and not (in_article or tag == "main")
        if tag in _CHROME or (ancestor is not el and _CHROME_ATTR.search(_attrs(ancestor))):
            return True
        if tag == "a" and _links_away(ancestor.get("href")):
            return True
        if tag in _CARD_TAGS and _is_card(ancestor):
            return True
        in_article = in_article or tag == "article" or bool(_ARTICLE_ATTR.search(_attrs(ancestor)))
        in_article = in_article or ancestor.get("itemprop") == "articleBody"
    return require_article and not in_article


def _links_away(href: str | None) -> bool:
    """A link to another page (a teaser), not to the picture itself or an anchor on this page."""
    href = (href or "").strip()
    return bool(href) and not href.startswith(("#", "javascript:")) and not _IMAGE_FILE.search(href)


def _is_card(el: html.HtmlElement) -> bool:
    """A list item or cell of short text that is mostly link text: a teaser for another story."""
    total = 0
    for text in el.itertext():
        total += len(text.strip())
        if total > _MAX_CARD_CHARS:
            return False
    linked = sum(len(visible_text(a)) for a in el.iter("a") if a.get("href"))
    return total > 0 and linked * 2 >= total


def picture_source(holder: html.HtmlElement) -> str | None:
    """The URL of the holder's picture: its first usable <img>, else its <picture>'s widest <source>."""
    for img in holder.iter("img"):
        if not is_junk(img):
            src = image_source(img)
            if src:
                return src
    for source in holder.iter("source"):
        src = image_source(source)
        if src and not _JUNK_SRC.search(src):
            return src
    return None


def image_source(img: html.HtmlElement) -> str | None:
    """The image's URL: src, or a lazy-loading attribute, or the widest srcset candidate."""
    extra = tuple(a for a in img.attrib if _LAZY_ATTR.match(a) and a not in _SRC_ATTRS)
    for attr in (*_SRC_ATTRS[:4], *extra, *_SRC_ATTRS[4:]):
        value = (img.get(attr) or "").strip()
        if not value or value.startswith("data:") or value[:1] == "<":
            continue
        if value[:1] in "{[":  # JSON config of a lazy loader: its first URL
            match = _URL_IN_JSON.search(value)
            if match:
                return match.group(0)
            continue
        if "srcset" in attr or ("," in value and " " in value):
            return widest_candidate(value)
        return value
    return None


def widest_candidate(srcset: str) -> str | None:
    """The srcset URL with the largest width or density descriptor (URLs may hold commas)."""
    best, best_size, pos = None, -1.0, 0
    while pos < len(srcset):
        match = _SRCSET_URL.match(srcset, pos)
        if match is None or not match.group(1):
            break
        url, pos = match.group(1), match.end()
        descriptor = ""
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            tail = _SRCSET_DESCRIPTOR.match(srcset, pos)
            descriptor, pos = (tail.group(1).strip(), tail.end() + 1) if tail else ("", pos)
        try:
            size = float(descriptor.rstrip("wx") or 1) if descriptor else 1.0
        except ValueError:
            size = 0.0
        if url and size > best_size:
            best, best_size = url, size
    return best


def is_junk(img: html.HtmlElement, min_side: int = _MIN_SIDE) -> bool:
    """Tracking pixels, icons, logos and thumbnails: small declared sizes or tell-tale file names."""
    for side in (img.get("width"), img.get("height")):
        if side and side.strip().isdigit() and int(side) < min_side:
            return True
    src = image_source(img) or ""
    thumbnail = _THUMBNAIL.search(src)
    if thumbnail and max(int(thumbnail.group(1)), int(thumbnail.group(2))) < _MAX_THUMBNAIL_SIDE:
        return True
    return bool(_JUNK_SRC.search(src))


def dedupe_key(url: str) -> str:
    """The URL without sizing query parameters: one picture served at two widths is one image."""
    try:
        parts = urlsplit(url)
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, v) for k, v in pairs if not _SIZE_PARAM.match(k)]
    except ValueError:
        return url
    return urlunsplit(("", parts.netloc, parts.path, urlencode(query), ""))


def _attrs(el: html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}" if isinstance(el.tag, str) else ""
