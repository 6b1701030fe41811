"""The article body as a list of paragraphs, from two opinions on where the body is.

1. The prose container (scraper.extract.density): the element holding most of the page's prose
   paragraphs. Cheap, read-only, robust when the body sits in odd markup or trafilatura's rules miss it.
2. trafilatura's main-content rules, run in place on our tree (no copy of ours, no metadata, no
   fallbacks): finer at leaving out captions, teasers and widgets inside the container.
trafilatura's paragraphs win when they mostly lie inside the prose container and cover a good part of
it; otherwise (a navigation dump, a paywall box, a truncated body) the container's paragraphs do.
"""

from __future__ import annotations

import copy
import logging

from lxml import etree, html
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content
from trafilatura.settings import Extractor

from scraper.extract.boilerplate import drop_boilerplate
from scraper.extract.density import find_prose
from scraper.extract.prune import prune_raw_tree
from scraper.extract.text import clean_paragraphs, normalize_key

# Block elements of trafilatura's output that are body text; "head" (subheadings) and "list"
# (bullets, link lists) are not, and the ground truth of news extraction excludes them too; only a
# list the story introduces ("The new schedule adds:") gives body paragraphs, one per item.
BODY_BLOCKS = frozenset({"p", "quote"})

_DESCRIPTION = etree.XPath('//meta[@name="description" or @property="og:description"]/@content')
MAX_WIDGET_CHARS = 400  # a box around a form with at most this much text is a widget, not the story
MIN_SHARED = 0.5  # share of trafilatura's text that must lie inside the prose container
MIN_COVERAGE = 0.5  # ... and the share of the container's text it must cover

_OPTIONS = Extractor(fast=True, comments=False)  # copied per page: its config reads cost ~60 µs
_LOG = logging.getLogger(__name__)


def extract_paragraphs(tree: html.HtmlElement, url: str | None) -> list[str]:
    """Main-text paragraphs of the page, in order. Rewrites the tree: call it after every other reader."""
    found = find_prose(tree)
    prose = drop_boilerplate(found.paragraphs)
    not_body = standfirst_keys(tree) | form_widget_keys(tree)
    body = main_content(rules_scope(tree, found.container), url)
    if body is None:
        return _without(prose, not_body)
    rules = drop_boilerplate(clean_paragraphs(body_texts(body)))
    return _without(rules if agrees_with(rules, prose) else prose, not_body)


def body_texts(body: etree._Element) -> list[str]:
    """Texts of trafilatura's body blocks: paragraphs, plus one per item of an ordinary list in the
    story (not leading key points, trailing link lists or spec sheets: see _between_paragraphs)."""
    blocks = list(body)
    texts: list[str] = []
    for i, block in enumerate(blocks):
        if block.tag in BODY_BLOCKS:
            texts.append(block_text(block))
        elif block.tag == "list" and _between_paragraphs(blocks, i):
            texts.extend(block_text(item) for item in block.iter("item"))
    return texts


def _between_paragraphs(blocks: list[etree._Element], i: int) -> bool:
    """Whether the list at i is part of the story: introduced by a paragraph ending in a colon ("The new
    schedule adds:") with the story going on after it (spec sheets and link lists are not introduced)."""
    if i == 0 or blocks[i - 1].tag != "p" or not block_text(blocks[i - 1]).rstrip().endswith(":"):
        return False
    return any(b.tag == "p" for b in blocks[i + 1 :])


def standfirst_keys(tree: html.HtmlElement) -> set[str]:
    """Keys of the standfirst: the meta description repeated beside the <h1> in the article header
    (a sibling of the headline with no other paragraph there), unlike a lede the description quotes."""
    descriptions = {normalize_key(d) for d in _DESCRIPTION(tree) if d.strip()}
    headline = next(tree.iter("h1"), None)
    header = headline.getparent() if headline is not None else None
    if not descriptions or header is None or sum(1 for _ in header.iter("p")) > 1:
        return set()
    keys = (normalize_key(node.text_content()) for node in header if node.tag in {"p", "div", "h2"})
    return {key for key in keys if key in descriptions}


def form_widget_keys(tree: html.HtmlElement) -> set[str]:
    """Keys of the texts of small boxes built around a form (newsletter signup cards in the body):
    the form's ancestors up to MAX_WIDGET_CHARS of text. A page wrapped in one big form has none."""
    keys: set[str] = set()
    for form in tree.iter("form"):
        widget, parent = None, form.getparent()
        while parent is not None and len(parent.text_content()) <= MAX_WIDGET_CHARS:
            widget, parent = parent, parent.getparent()
        if widget is not None:
            keys.update(normalize_key(node.text_content()) for node in widget.iter("p", "h2", "h3", "h4"))
    return keys


def _without(paragraphs: list[str], keys: set[str]) -> list[str]:
    return [p for p in paragraphs if normalize_key(p) not in keys] if keys else paragraphs


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


def rules_scope(tree: html.HtmlElement, container: html.HtmlElement | None) -> html.HtmlElement:
    """Where trafilatura's rules look: the prose container's parent, when there is a container.

    Their cost grows with the tree (every candidate element meets a dozen regexes), and the body they
    may pick must lie mostly inside the container anyway (see agrees_with); the parent keeps the
    container's siblings, where bodies split by widgets continue, and the container itself as a
    candidate for trafilatura's article-body expressions, which look below their context node.
    """
    parent = container.getparent() if container is not None else None
    if parent is None or parent.getparent() is None:  # no container, or it is <html> itself
        return tree
    return parent


def _extractor_options(url: str | None) -> Extractor:
    """Extractor(fast=True, comments=False, url=url) without re-reading trafilatura's config per page."""
    options = copy.copy(_OPTIONS)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def main_content(tree: html.HtmlElement, url: str | None) -> etree._Element | None:
    """trafilatura's fast path (no metadata, no fallbacks, no tree copies of ours) on the given tree."""
    options = _extractor_options(url)
    try:
        tree = prune_raw_tree(tree)  # trafilatura's raw-tree prunes, in one pass
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
