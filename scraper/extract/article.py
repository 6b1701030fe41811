"""Compose the field extractors into one article record."""

from __future__ import annotations

from typing import Any

from scraper.extract.attribution import extract_attribution
from scraper.extract.authors import extract_authors
from scraper.extract.body import extract_paragraphs
from scraper.extract.bullets import extract_bullets
from scraper.extract.dates import extract_dates
from scraper.extract.declared_body import declared_body
from scraper.extract.document import Document, parse_document
from scraper.extract.fingerprint import fingerprint_paragraphs
from scraper.extract.headline import extract_headline
from scraper.extract.images.images import extract_images
from scraper.extract.language import detect_language
from scraper.extract.metadata import read_metadata
from scraper.extract.promos import strip_promos
from scraper.extract.quotes.quotes import extract_quotes
from scraper.extract.site import extract_site
from scraper.extract.text import count_words, join_paragraphs, normalize_key
from scraper.extract.ticker import strip_ticker
from scraper.extract.urls import join_url
from scraper.record import SCHEMA_VERSION, ordered

# The headline and attribution lines may take at most half of the body's words out of it (more: the
# page's only lines also had to serve as those fields). Captions and key points may take at most 30%:
# where they are more of the text, they are the story itself, a photo blog told in its captions, a
# page whose key points are also its paragraphs (at half, both lost their story; on the three dev
# sets 0.7 changed two pages, both up).
MIN_KEPT_SHARE = 0.5
MIN_KEPT_STORY_SHARE = 0.7


def extract_article(
    data: bytes | str, url: str | None = None, content_type: str | None = None
) -> dict[str, Any]:
    """Extract one clean article record from HTML (bytes or str) or a page's copied text."""
    doc = parse_document(data, url=url, content_type=content_type)
    strip_ticker_from(doc)
    return extract_fields(doc)


def strip_ticker_from(doc: Document) -> list[str]:
    """Remove market-ticker strips from the document, remembering the lines removed."""
    doc.ticker.extend(strip_ticker(doc.tree))
    return doc.ticker


def extract_fields(doc: Document) -> dict[str, Any]:
    """Every record field from a parsed (and ticker-stripped) document."""
    tree, url = doc.tree, doc.url
    meta = read_metadata(tree)
    headline = extract_headline(tree, meta, url)
    bullets = extract_bullets(tree, headline)
    images = extract_images(tree, meta, url)
    authors = extract_authors(tree, meta)
    published, modified = extract_dates(tree, meta)
    attribution, attribution_lines = extract_attribution(tree, meta, url)
    # Body extraction may rewrite the tree, so it runs after every tree-reading field.
    paragraphs = extract_paragraphs(tree, url, declared_body(meta.article))
    fields = {key for key in map(normalize_key, [headline or "", *attribution_lines]) if key}
    paragraphs = _without_other_fields(paragraphs, fields, MIN_KEPT_SHARE)
    paragraphs = _without_story_fields(paragraphs, bullets, images)
    paragraphs = strip_promos(paragraphs)
    body = join_paragraphs(paragraphs)
    canonical = meta.links.get("canonical") or meta.first("og:url") or url
    record = {
        "schema_version": SCHEMA_VERSION,
        "url": url,
        "canonical_url": join_url(url, canonical),
        "site": extract_site(meta, url),
        "language": detect_language(meta, body),
        "headline": headline,
        "bullets": bullets,
        "authors": authors,
        "published": published,
        "modified": modified,
        "attribution": attribution,
        "body": body,
        "quotes": extract_quotes(paragraphs),
        "images": images,
        "ticker": list(doc.ticker),
        "word_count": count_words(body),
        "fingerprint": fingerprint_paragraphs(paragraphs),
    }
    return ordered(record)


def _without_other_fields(paragraphs: list[str], exclude: set[str], share: float) -> list[str]:
    """Paragraphs without text that is another field's, unless the rest would keep less than `share`
    of the words: a photo story told in its captions, a list story whose items the key-point rule
    took, a page whose only line also had to serve as its headline."""
    kept = [p for p in paragraphs if normalize_key(p) not in exclude]
    if len(kept) == len(paragraphs):
        return kept  # (nothing excluded: no words to count)
    kept_words, all_words = sum(map(count_words, kept)), sum(map(count_words, paragraphs))
    return kept if kept_words >= share * all_words and kept else paragraphs


def _without_story_fields(
    paragraphs: list[str], bullets: list[str], images: list[dict[str, Any]]
) -> list[str]:
    """The paragraphs without the key points and captions, unless those are much of the story (a photo
    story told in its captions). Where captions repeat story sentences word for word and so would take
    much of it, the key points still go: they lead the story, never tell it."""
    kept = _without_other_fields(paragraphs, _story_field_keys(bullets, images), MIN_KEPT_STORY_SHARE)
    if kept is paragraphs and bullets:  # (the same list back: the removal was vetoed by its share)
        kept = _without_other_fields(paragraphs, _story_field_keys(bullets, []), MIN_KEPT_STORY_SHARE)
    return kept


def _story_field_keys(bullets: list[str], images: list[dict[str, Any]]) -> set[str]:
    """Comparison keys of the key points and captions (with their credits), which must not repeat in
    the body unless they are much of the story."""
    texts: list[str] = list(bullets)
    for image in images:
        for part in (image.get("caption"), image.get("credit")):
            if part:
                texts.append(part)
        if image.get("caption") and image.get("credit"):
            texts.append(f"{image['caption']}{image['credit']}")
            texts.append(f"{image['caption']} {image['credit']}")
    return {key for key in map(normalize_key, texts) if key}
