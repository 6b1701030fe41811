"""JSON-LD articleBody as evidence of which blocks are the story: a chunked article read whole."""

from __future__ import annotations

import json

from lxml import html

from scraper import extract_article
from scraper.extract.declared_body import declared_blocks, declared_body, with_declared_blocks

FIRST = [
    f"Part one, paragraph {n}: the harbour authority approved the new ferry terminal after years of "
    f"delays, and the first ships are expected to dock there before the end of the coming summer."
    for n in range(4)
]
SECOND = [
    f"Part two, paragraph {n}: residents of the old quarter worry about traffic on the narrow streets "
    f"that lead down to the water, and asked the council for a study before construction begins."
    for n in range(5)
]
NEXT_STORY = [
    "A different story entirely: the football club signed a new goalkeeper from a rival team on Friday "
    "for a fee that neither side would disclose to the press."
]


def _page(declared: list[str] | None, shown: list[str], after: list[str] = NEXT_STORY) -> str:
    ld = ""
    if declared is not None:
        data = {"@type": "NewsArticle", "headline": "Ferry terminal approved",
                "articleBody": "\n\n".join(declared)}
        ld = f"<script type='application/ld+json'>{json.dumps(data)}</script>"
    chunk = "".join(f"<p>{p}</p>" for p in FIRST)
    rest = "".join(f"<p>{p}</p>" for p in shown)
    nxt = "".join(f"<p>{p}</p>" for p in after)
    return (
        f"<html><head><title>Ferry terminal approved</title>{ld}</head><body>"
        f"<article><h1>Ferry terminal approved</h1><div class='chunk'>{chunk}</div>"
        "<div class='ad'>Advertisement</div>"
        f"<div class='chunk'>{rest}</div></article>"
        f"<section class='next'><h2>Next story</h2>{nxt}</section></body></html>"
    )


def _declared(paragraphs: list[str]) -> dict[str, str]:
    return {"articleBody": "\n\n".join(paragraphs)}


def test_blocks_of_the_declared_body_in_document_order() -> None:
    tree = html.document_fromstring(_page(FIRST + SECOND, SECOND))
    blocks = declared_blocks(tree, declared_body(_declared(FIRST + SECOND)))
    assert blocks == FIRST + SECOND  # the next story's paragraph is not in articleBody


def test_declared_blocks_replace_one_chunk_of_the_story() -> None:
    tree = html.document_fromstring(_page(FIRST + SECOND, SECOND))
    declared = declared_body(_declared(FIRST + SECOND))
    assert with_declared_blocks(FIRST, tree, declared) == FIRST + SECOND


def test_declared_body_with_markup_and_inline_links_still_matches() -> None:
    tree = html.document_fromstring(_page(FIRST + SECOND, SECOND))
    marked = [p.replace("harbour authority", "[harbour authority](https://example.com/port)") for p in FIRST]
    declared = declared_body(_declared([f"<em>{p}</em>" for p in marked] + SECOND))
    assert with_declared_blocks(FIRST, tree, declared) == FIRST + SECOND


def test_extraction_outside_the_declared_body_is_kept() -> None:
    # What was extracted is not part of the declared story (a wrong or stale articleBody): no change.
    tree = html.document_fromstring(_page(FIRST + SECOND, SECOND))
    declared = declared_body(_declared(SECOND * 3))
    assert with_declared_blocks(FIRST, tree, declared) == FIRST


def test_paywalled_page_keeps_what_it_shows() -> None:
    # articleBody holds the whole story, the page shows only its first part: nothing to add.
    tree = html.document_fromstring(_page(FIRST + SECOND, []))
    declared = declared_body(_declared(FIRST + SECOND))
    assert with_declared_blocks(FIRST, tree, declared) == FIRST


def test_short_or_missing_article_body_is_no_evidence() -> None:
    assert declared_body({}) is None
    assert declared_body({"articleBody": "A teaser of one sentence."}) is None
    assert declared_body({"articleBody": 42}) is None


def test_chunked_article_comes_out_whole_without_the_next_story() -> None:
    record = extract_article(_page(FIRST + SECOND, SECOND), "https://example.com/news/ferry")
    body = record["body"]
    assert all(p in body for p in FIRST + SECOND)
    assert NEXT_STORY[0] not in body
