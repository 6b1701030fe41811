"""A second opinion on the body: the container holding most prose paragraphs (readability-style).

It reads the tree without changing it, in one pass over the <p> elements, so it can run before
trafilatura's in-place cleaning and serve as the fallback when that finds little or the wrong block.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import islice

from lxml import html

from scraper.extract.text import clean_text

# Paragraphs inside these are never body text.
NON_BODY_ANCESTORS = frozenset(
    {"figure", "figcaption", "nav", "footer", "form", "button", "noscript", "template", "select", "h1",
     "h2", "h3", "h4", "h5", "h6", "table"}
)
BLOCK_TAGS = frozenset(
    {"div", "p", "ul", "ol", "table", "section", "article", "aside", "header", "footer", "figure", "form",
     "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dl", "nav", "main"}
)
MIN_PROSE_CHARS = 60  # a paragraph shorter than this does not vote for its container
MAX_PROSE_LINK_SHARE = 0.3  # ... nor one that is mostly link text
MIN_PARENT_PROSE = 2 * MIN_PROSE_CHARS  # kept paragraphs sit beside real prose, not in widgets
MAX_KEPT_LINK_SHARE = 0.6  # inside the chosen container, paragraphs above this are link lists
LAYOUT_TABLE_MIN_P = 3  # a table holding this many <p> paragraphs is page layout, its text may be body
SHARE_OF_PROSE = 0.75  # the container holds at least this share of all prose on the page


@dataclass
class Prose:
    """The container with the most prose (None when the page has none) and its paragraphs' text."""

    container: html.HtmlElement | None
    paragraphs: list[str]


def prose_paragraphs(tree: html.HtmlElement) -> list[str]:
    """Text of the <p> paragraphs of the container with the most prose, in document order."""
    return find_prose(tree).paragraphs


def find_prose(tree: html.HtmlElement) -> Prose:
    """The container with the most prose and the text of its <p> paragraphs, in document order."""
    excluded = {
        node
        for outer in tree.iter(*NON_BODY_ANCESTORS)
        if outer.tag != "table" or not _is_layout_table(outer)
        for node in outer.iter("p", "div")
    }
    candidates = [
        (p, *_text_and_links(p)) for p in tree.iter("p", "div") if p not in excluded and _is_paragraph(p)
    ]
    prose: dict[html.HtmlElement, int] = defaultdict(int)
    depth: dict[html.HtmlElement, int] = {}
    total = 0
    for p, text, links in candidates:
        if len(text) >= MIN_PROSE_CHARS and links <= MAX_PROSE_LINK_SHARE * len(text):
            weight = len(text) - links
            total += weight
            ancestors = list(p.iterancestors())
            for level, ancestor in enumerate(reversed(ancestors)):
                prose[ancestor] += weight
                depth[ancestor] = level
    if not total:
        return Prose(None, [])
    # The deepest element that still holds most of the page's prose: the body's container, even
    # when ads or widgets split the body into several sibling blocks.
    held = [node for node, amount in prose.items() if amount >= SHARE_OF_PROSE * total]
    container = max(held, key=depth.__getitem__)
    inside = set(container.iter("p", "div"))
    inside.discard(container)
    kept = (
        text
        for p, text, links in candidates
        if text
        and links <= MAX_KEPT_LINK_SHARE * len(text)
        and prose.get(p.getparent(), 0) >= MIN_PARENT_PROSE
        and p in inside
    )
    return Prose(container, [cleaned for cleaned in map(clean_text, kept) if cleaned])


def _is_layout_table(table: html.HtmlElement) -> bool:
    """A table that lays out the page (old sites put the whole story in a cell), not one of data."""
    return sum(1 for _ in islice(table.iter("p"), LAYOUT_TABLE_MIN_P)) >= LAYOUT_TABLE_MIN_P


def _text_and_links(p: html.HtmlElement) -> tuple[str, int]:
    """Whitespace-collapsed text (full cleaning waits for the few paragraphs kept) and link-text length."""
    text = " ".join(p.text_content().split())
    links = sum(len(a.text_content().strip()) for a in p.iter("a")) if text else 0
    return text, links


def _is_paragraph(node: html.HtmlElement) -> bool:
    """A <p>, or a <div> used as one: its own text and no block-level children."""
    if node.tag == "p":
        return True
    return bool(node.text and node.text.strip()) and not any(child.tag in BLOCK_TAGS for child in node)
