"""Images with their captions and credits (first version; to be refined)."""

from __future__ import annotations

from typing import Any

from lxml import etree, html

from scraper.extract.metadata import PageMeta
from scraper.extract.text import clean_text
from scraper.extract.urls import join_url

_FIGURES = etree.XPath("//figure")


def extract_images(tree: html.HtmlElement, meta: PageMeta, url: str | None) -> list[dict[str, Any]]:
    """Images inside <figure> elements, with figcaption text as the caption."""
    images: list[dict[str, Any]] = []
    for fig in _FIGURES(tree):
        img = next(fig.iter("img"), None)
        src = img.get("src") if img is not None else None
        cap = next(fig.iter("figcaption"), None)
        caption = clean_text(cap.text_content()) if cap is not None else ""
        images.append(
            {
                "url": join_url(url, src),
                "caption": caption or None,
                "credit": None,
            }
        )
    return images
