"""Images with their captions and credits: the article's pictures, the page's declared lead image as fallback.

Finding the pictures lives in image_candidates, splitting caption text from credits in image_captions.
"""

from __future__ import annotations

import re
from typing import Any

from lxml import html

from scraper.extract.images.image_candidates import article_pictures
from scraper.extract.images.image_captions import (
    clean_credit,
    is_text_element,
    split_caption_credit,
    visible_raw,
    visible_text,
)
from scraper.extract.images.image_sources import dedupe_key, is_junk, picture_source
from scraper.extract.metadata import PageMeta
from scraper.extract.text import clean_text
from scraper.extract.urls import join_url

__all__ = ["extract_images", "figure_caption", "figure_image", "lead_image", "split_caption_credit"]

_CREDIT_ATTR = re.compile(r"credit|copyright|byline|photographer|source|attribution|distributor|agency", re.I)
_MAX_CREDIT_CHARS = 160
_CAPTION_ATTR = re.compile(r"caption|description|summary", re.I)
_ONE_SIDED_SLASH = re.compile(r"(?<=\S)/\s+|\s+/(?=\S)")


def extract_images(tree: html.HtmlElement, meta: PageMeta, url: str | None) -> list[dict[str, Any]]:
    """Images of the article as {url, caption, credit}: its pictures, else the declared lead image."""
    images: list[dict[str, Any]] = []
    seen: set[str] = set()
    for picture in article_pictures(tree, url):
        image = figure_image(picture.holder, url, picture.caption, picture.credit)
        if image is None:
            continue
        key = dedupe_key(image["url"]) if image["url"] else ""
        if key and key in seen:
            continue
        if key:
            seen.add(key)
        images.append(image)
    if not any(image["url"] for image in images):
        lead = lead_image(meta, url)
        if lead is not None and dedupe_key(lead["url"]) not in seen:
            images.insert(0, lead)
    return images


def figure_image(
    fig: html.HtmlElement,
    url: str | None,
    cap: html.HtmlElement | None = None,
    credit_el: html.HtmlElement | None = None,
) -> dict[str, Any] | None:
    """One figure's image, or None for figures without a usable image or caption (embeds, icons)."""
    src = picture_source(fig)
    # No URL: a page's copied text keeps a figure's <img> without src; embeds and junk pictures are none
    if src is None and _only_embeds(fig):
        return None
    caption, credit = figure_caption(fig, cap, credit_el)
    if not src and not caption and not credit:
        return None
    return {"url": join_url(url, src), "caption": caption, "credit": credit}


def _only_embeds(fig: html.HtmlElement) -> bool:
    """Embeds (iframes, videos, tweets) or junk pictures, and no picture whose URL is just missing."""
    if any(not is_junk(img) for img in fig.iter("img")):
        return False
    return any(True for _ in fig.iter("img", "iframe", "video", "blockquote"))


def figure_caption(
    fig: html.HtmlElement, cap: html.HtmlElement | None = None, credit_el: html.HtmlElement | None = None
) -> tuple[str | None, str | None]:
    """Caption and credit from the figure's caption and credit elements, split where glued."""
    if cap is None:
        cap = next(fig.iter("figcaption"), None)
    if cap is None:
        cap = next((el for el in fig.iter() if _CAPTION_ATTR.search(_attrs(el))), None)
    if credit_el is None:
        credit_el = _credit_element(fig, cap)
        credit_text = _credit_text(credit_el) if credit_el is not None else ""
    else:
        credit_text = visible_text(credit_el)
    text = visible_text(cap) if cap is not None else ""
    for shown in (credit_text, visible_text(credit_el) if credit_el is not None else ""):
        if shown and text.endswith(shown):  # the credit element sits at the end of the caption
            text = text[: -len(shown)]
            break
    caption, split_credit = split_caption_credit(text)
    return caption, clean_credit(credit_text) or split_credit


def _credit_element(fig: html.HtmlElement, cap: html.HtmlElement | None) -> html.HtmlElement | None:
    """The first element marked as a credit that holds a short text and not the caption itself."""
    for el in fig.iter():
        if el is fig or el is cap or not isinstance(el.tag, str):
            continue
        if not (_CREDIT_ATTR.search(_attrs(el)) or el.get("itemprop") in ("creditText", "copyrightHolder")):
            continue
        if cap is not None and cap in el.iterdescendants():
            continue
        if 0 < len(visible_text(el)) <= _MAX_CREDIT_CHARS:
            return el
    return None


def _credit_text(el: html.HtmlElement) -> str:
    """The credit element's text and whatever follows it in its parent ('Photo by X /<span>AFP</span>')."""
    parts = [visible_raw(el), el.tail or ""]
    for sibling in el.itersiblings():
        if is_text_element(sibling):
            parts.append(visible_raw(sibling))
        parts.append(sibling.tail or "")
    text = clean_text("".join(parts))
    # 'X /<span>AFP</span>' joins as "X /AFP": close a one-sided gap, keep "Marc Delorme / AFP" as printed
    return _ONE_SIDED_SLASH.sub("/", text) if len(text) <= _MAX_CREDIT_CHARS else visible_text(el)


def _attrs(el: html.HtmlElement) -> str:
    return f"{el.get('class', '')} {el.get('id', '')}" if isinstance(el.tag, str) else ""


def lead_image(meta: PageMeta, url: str | None) -> dict[str, Any] | None:
    """The page's declared lead image (JSON-LD image, og:image), with its caption when declared."""
    value: Any = meta.article.get("image")
    if isinstance(value, list):
        value = value[0] if value else None
    caption = None
    if isinstance(value, dict):
        caption = value.get("caption") or value.get("description")
        value = value.get("url") or value.get("contentUrl")
    src = value if isinstance(value, str) else meta.first("og:image", "og:image:url", "twitter:image")
    if not src:
        return None
    text, credit = split_caption_credit(caption if isinstance(caption, str) else None)
    return {"url": join_url(url, src.strip()), "caption": text, "credit": credit}
