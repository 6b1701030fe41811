"""The article body as a list of paragraphs, from two opinions on where the body is.

1. The prose container (scraper.extract.density): the element holding most of the page's prose
   paragraphs. Cheap, read-only, robust when the body sits in odd markup or trafilatura's rules miss it.
2. trafilatura's main-content rules, run in place on our tree (no copy of ours, no metadata, no
   fallbacks): finer at leaving out captions, teasers and widgets inside the container.
trafilatura's paragraphs win when they mostly lie inside the prose container and cover a good part of
it; otherwise (a navigation dump, a paywall box, a truncated body) the container's paragraphs do.
"""

from __future__ import annotations

import logging

from lxml import etree, html
from trafilatura.htmlprocessing import convert_tags, prune_unwanted_nodes, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from scraper.extract.boilerplate import drop_boilerplate
from scraper.extract.density import prose_paragraphs
from scraper.extract.text import clean_paragraphs, normalize_key

# Block elements of trafilatura's output that are body text; "head" (subheadings) and "list"
# (bullets, link lists) are not, and the ground truth of news extraction excludes them too.
BODY_BLOCKS = frozenset({"p", "quote"})

MIN_SHARED = 0.5  # share of trafilatura's text that must lie inside the prose container
MIN_COVERAGE = 0.5  # ... and the share of the container's text it must cover

_LOG = logging.getLogger(__name__)


def extract_paragraphs(tree: html.HtmlElement, url: str | None) -> list[str]:
    """Main-text paragraphs of the page, in order. Rewrites the tree: call it after every other reader."""
    prose = drop_boilerplate(prose_paragraphs(tree))
    body = main_content(tree, url)
    if body is None:
        return prose
    rules = drop_boilerplate(clean_paragraphs([block_text(b) for b in body if b.tag in BODY_BLOCKS]))
    return rules if agrees_with(rules, prose) else prose


def agrees_with(rules: list[str], prose: list[str]) -> bool:
    """True when the rule-based paragraphs mostly lie inside the prose container and cover much of it."""
    if not rules:
        return False
    if not prose:
        return True
    in_prose = {normalize_key(p) for p in prose}
    shared = sum(len(p) for p in rules if normalize_key(p) in in_prose)
    rules_chars, prose_chars = sum(map(len, rules)), sum(map(len, prose))
    return shared >= MIN_SHARED * rules_chars and rules_chars >= MIN_COVERAGE * prose_chars


def main_content(tree: html.HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's fast path (no metadata, no fallbacks, no tree copies of ours) on the given tree."""
    options = Extractor(fast=True, comments=False, url=url)
    try:
        tree = prune_unwanted_nodes(tree, RAW_TREE_PRUNE_XPATH)
        tree = prune_unwanted_nodes(tree, REMOVE_COMMENTS_AND_LISTS_XPATH)
        tree = convert_tags(tree_cleaning(tree, options), options, url)
        body, _ = extract_content(tree, options)
    except (ValueError, TypeError, AttributeError) as err:  # trafilatura on hostile markup
        _LOG.debug("main content extraction failed for %s: %s", url, err)
        return None
    return body


def block_text(block: etree._Element) -> str:
    """Text of one output block; line breaks (<lb>) inside it become spaces."""
    for linebreak in block.iter("lb"):
        linebreak.tail = " " + (linebreak.tail or "")
    return "".join(block.itertext())
