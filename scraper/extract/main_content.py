"""trafilatura's main-content extraction, run on the tree we already parsed.

Two depths. The fast one runs trafilatura's main-content rules alone, on a copy of our tree, with its
raw-tree prunes done in one pass (scraper.extract.prune). The full one is trafilatura's whole public
cascade (`bare_extraction`: the rules, then the comparison with readability and jusText, the
baseline rescue and the recall retry). The full cascade costs about twice as much, so the caller
runs it only for pages where the fast result is doubtful (see body.py).
"""

from __future__ import annotations

import copy
import logging
import re
from typing import NamedTuple

from lxml import etree, html
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.settings import Extractor

from scraper.extract.main_rules import bare_extraction_after, extract_content_counted, hash_stoplist_once
from scraper.extract.prune import prune_raw_tree

_LOG = logging.getLogger(__name__)
# Extractor options are copied per page: building them reads trafilatura's config (~60 µs).
_FAST = Extractor(comments=False, fast=True)
_FULL = Extractor(comments=False)
_FULL_PRECISION = Extractor(comments=False, precision=True)
# The fast rules' result is the default cascade's first stage where the options differ in `fast` alone
# and the rules' one step reading it (the short-text recovery) did not run.
_ONLY_FAST_DIFFERS = [s for s in _FAST.__slots__ if getattr(_FAST, s) != getattr(_FULL, s)] == ["fast"]
# Characters XML forbids: lxml keeps them from str input, then refuses them when trafilatura assigns
# the text back, and the page would lose its body.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


class MainRules(NamedTuple):
    """The fast rules' result: body, its text, and whether trafilatura's short-text recovery ran."""

    body: etree._Element
    text: str
    recovered: bool


def fast_body(tree: html.HtmlElement, url: str | None) -> MainRules | None:
    """trafilatura's main-content rules on a copy of the tree (no comparison, rescue or retry)."""
    options = _options(_FAST, url)
    try:
        work = prune_raw_tree(copy.deepcopy(tree))
        cleaned = convert_tags(tree_cleaning(work, options), options, url)
        return MainRules(*extract_content_counted(cleaned, options))
    except (ValueError, TypeError, AttributeError) as err:  # hostile markup: the full cascade decides
        _LOG.debug("fast main content extraction failed for %s: %s", url, err)
        return None


def full_body(
    tree: html.HtmlElement, url: str | None, precision: bool = False, rules: MainRules | None = None
) -> etree._Element | None:
    """trafilatura's whole cascade (no metadata, no comments), or with favor_precision; the tree is
    left as it was. rules: fast_body's result on this same tree, which the default cascade takes as
    its first stage where it is the same result (not run twice)."""
    options = _options(_FULL_PRECISION if precision else _FULL, url)
    reused = None
    if rules is not None and not precision and not rules.recovered and _ONLY_FAST_DIFFERS:
        reused = (copy.deepcopy(rules.body), rules.text)  # (the caller keeps reading the fast body)
    body = _run(tree, options, reused)
    # trafilatura gives up on text holding characters XML forbids: only pages where it gave up pay
    # for the walk that finds and removes them.
    if body is None and _strip_control_chars(tree):
        body = _run(tree, options)
    return body


def _options(template: Extractor, url: str | None) -> Extractor:
    options = copy.copy(template)
    options.url = url
    options.source = url and url.encode("utf-8", "replace").decode("utf-8")
    return options


def _run(
    tree: html.HtmlElement, options: Extractor, rules: tuple[etree._Element, str] | None = None
) -> etree._Element | None:
    hash_stoplist_once()
    try:
        document = bare_extraction_after(tree, options, rules)
    except (ValueError, TypeError, AttributeError) as err:  # trafilatura on hostile markup
        _LOG.debug("main content extraction failed for %s: %s", options.source, err)
        return None
    body = getattr(document, "body", None)  # a Document; a dict only with the deprecated as_dict
    return body if isinstance(body, etree._Element) else None


def _strip_control_chars(tree: html.HtmlElement) -> bool:
    """Remove characters XML forbids from the tree's text; True when there were any."""
    found = False
    for element in tree.iter():
        if element.text and _CONTROL_CHARS.search(element.text):
            element.text, found = _CONTROL_CHARS.sub("", element.text), True
        if element.tail and _CONTROL_CHARS.search(element.tail):
            element.tail, found = _CONTROL_CHARS.sub("", element.tail), True
    return found
