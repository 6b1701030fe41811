"""The caption beside a picture outside figure markup, and the element holding both.

A loose picture's caption is often its neighbour: a caption-classed element or one short line of
text (with an optional credit line after it) in the smallest ancestor, a few levels up, that holds
this one picture and nothing else but that text.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml import html

from scraper.extract.images.image_captions import is_text_element, visible_text

PAGE_TOPS = frozenset({"main", "body", "html"})
_SAME_PICTURE = frozenset({"picture", "source", "noscript"})
_CAPTION_CLASS = re.compile(r"caption|description", re.I)
_MAX_CREDIT_LINE = 80
_CAPTION_LEVELS = 3
_MIN_CAPTION_CHARS, _MAX_CAPTION_CHARS = 20, 300  # text beside a picture that can be its caption


class Picture(NamedTuple):
    """One picture of the article: the element holding it and, when found beside it, its caption and
    credit elements (None: look inside the holder)."""

    holder: html.HtmlElement
    caption: html.HtmlElement | None = None
    credit: html.HtmlElement | None = None


def _holds_one_picture(el: html.HtmlElement) -> bool:
    """At most one picture inside: a noscript copy and a <picture>'s own <img> are that picture."""
    count = 0
    for node in el.iter("img", "picture"):
        parent = node.getparent()
        if node.tag == "img" and parent is not None and parent.tag in _SAME_PICTURE:
            continue
        count += 1
        if count > 1:
            return False
    return True


def nearby_caption(base: html.HtmlElement) -> Picture | None:
    """The smallest ancestor (a few levels up) holding this one picture and a caption beside it."""
    node = base
    for _ in range(_CAPTION_LEVELS):
        parent = node.getparent()
        if parent is None or parent.tag in PAGE_TOPS or parent.tag == "article":
            return None
        if not _holds_one_picture(parent):
            return None
        found = _caption_beside(parent, node)
        if found is not None:
            return found
        node = parent
    return None


def _caption_beside(parent: html.HtmlElement, node: html.HtmlElement) -> Picture | None:
    """Beside the picture's branch: a caption-classed element, else its only short text (no link),
    optionally followed by a short credit line ('Chelsea beat Tottenham' + 'Getty Images')."""
    texts = []
    for child in parent:
        if child is node or not is_text_element(child):
            continue
        marked = _caption_marked(child)
        if marked is not None:
            return Picture(parent, marked) if len(visible_text(marked)) <= 2 * _MAX_CAPTION_CHARS else None
        if visible_text(child):
            texts.append(child)
    loose_text = (parent.text or "").strip() or any((c.tail or "").strip() for c in parent)
    if not texts or len(texts) > 2 or loose_text:
        return None
    text = visible_text(texts[0])
    if not _MIN_CAPTION_CHARS <= len(text) <= _MAX_CAPTION_CHARS or any(True for _ in texts[0].iter("a")):
        return None
    credit = texts[1] if len(texts) == 2 else None
    if credit is not None and not _credit_line(visible_text(credit)):
        return None
    return Picture(parent, texts[0], credit)


def _caption_marked(el: html.HtmlElement) -> html.HtmlElement | None:
    """The element itself or its first descendant marked as a caption (figcaption, a caption class)."""
    for candidate in el.iter():
        if not isinstance(candidate.tag, str):
            continue
        if candidate.tag == "figcaption" or _CAPTION_CLASS.search(candidate.get("class") or ""):
            return candidate if visible_text(candidate) else None
    return None


def _credit_line(text: str) -> bool:
    """A short line without a sentence end: a photographer or an agency."""
    return 0 < len(text) <= _MAX_CREDIT_LINE and len(text.split()) <= 8 and not text.endswith((".", "!", "?"))
