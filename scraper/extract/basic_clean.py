"""trafilatura's `basic_cleaning` (before its jusText rescue and its baseline) in one walk.

Its expression tests every element's class and id with Python's `re` through EXSLT (~1.5 ms a call, on
the pages whose cascade reaches those rescues). Here the same questions are asked of each element
with compiled, memoized regexes read out of the installed expression (scraper.extract.xpath_shapes),
and the same elements are deleted the same way, in document order (tails kept). When the installed
expression has another shape, trafilatura's own function runs (tests/test_basic_clean.py compares both).
"""

from __future__ import annotations

import re

from lxml import etree
from trafilatura.baseline import basic_cleaning as trafilatura_basic_cleaning
from trafilatura.settings import BASIC_CLEAN_XPATH
from trafilatura.xml import delete_element

from scraper.extract.xpath_shapes import read_regexes

SHAPE = (
    ".//aside|.//div[contains(@class|@id, 'footer')]|.//fencedframe|.//footer|.//script|.//style|.//svg"
    "|.//template|.//*[re:test(@class, '{}', 'i') or re:test(@id, '{}', 'i')]"
)
_TAGS = frozenset({"aside", "fencedframe", "footer", "script", "style", "svg", "template"})
_TESTS = read_regexes(SHAPE, BASIC_CLEAN_XPATH, (re.IGNORECASE, re.IGNORECASE))
TRANSCRIPTION_CURRENT = _TESTS is not None


def basic_cleaning(tree: etree._Element) -> etree._Element:
    """Delete what trafilatura's basic_cleaning deletes (tails kept), in place."""
    if _TESTS is None:
        return trafilatura_basic_cleaning(tree)
    for node in [node for node in tree.iterdescendants(etree.Element) if _selected(node)]:
        # (document order; deleting inside an already deleted subtree changes nothing)
        delete_element(node)
    return tree


def _selected(node: etree._Element) -> bool:
    """Whether the expression selects this element."""
    assert _TESTS is not None, "the installed BASIC_CLEAN_XPATH differs from the transcription"
    if node.tag in _TAGS:
        return True
    items = node.items()
    if not items:
        return False
    class_test, id_test = _TESTS
    # (`@class|@id` reads the first of the two in source order; an absent one reads as "")
    if node.tag == "div" and "footer" in next((v for k, v in items if k in ("class", "id")), ""):
        return True
    return class_test(node.get("class") or "") or id_test(node.get("id") or "")
