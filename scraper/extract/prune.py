"""trafilatura's raw-tree prunes (appended infinite-scroll stories, share bars, comments) in one pass.

trafilatura runs them as XPath expressions calling Python's `re` through EXSLT for every candidate
element, three whole-tree walks that cost ~3 ms a page. This module asks the same questions in one
C-level walk over the candidate tags with compiled regexes, and deletes the same elements the same
way (tails kept). The expressions are transcribed from trafilatura's `RAW_TREE_PRUNE_XPATH` and
`REMOVE_COMMENTS_AND_LISTS_XPATH`; when an installed trafilatura ships different expressions, ours
step aside and trafilatura's own run (tests/test_prune.py compares both on every fixture page).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.xml import delete_element
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

# The XPath sources the regexes below were transcribed from (white space collapsed).
_COMMENTS_ID = "[Cc]omment(?!ary)|comol"
_COMMENTS_CLASS = "^[Cc]omment(?!ary)|(?:article|post)-comments"
TRANSCRIBED_FROM = (
    ".//*[self::div or self::section or self::aside][ re:test(@id, "
    "'mvp-post-add-(?:box|wrap)|infinite-?scroll') or re:test(@class, "
    "'mvp-post-add-(?:box|wrap)|infinite-?scroll')][ not(.//h1) or re:test(@id, "
    "'mvp-post-add-(?:box|wrap)') or re:test(@class, 'mvp-post-add-(?:box|wrap)')]",
    ".//*[self::div or self::section or self::aside][contains(@class, 'elementor-share-buttons')]",
    ".//*[self::div or self::list or self::section or self::details or self::ol or self::ul][ re:test(@id, "
    f"'^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)') or re:test(@class, '{_COMMENTS_CLASS}')]"
    f"[ not(self::ol or self::ul) or re:test(@id, '^(?:{_COMMENTS_ID})') or "
    f"re:test(@class, '{_COMMENTS_CLASS}')]",
)
_SCROLL = re.compile(r"mvp-post-add-(?:box|wrap)|infinite-?scroll")
_APPENDED = re.compile(r"mvp-post-add-(?:box|wrap)")
_SHARE_BAR = "elementor-share-buttons"
_COMMENTS_ANY_ID = re.compile(f"^(?:{_COMMENTS_ID}|disqus_thread|dsq-comments)")
_COMMENTS_LIST_ID = re.compile(f"^(?:{_COMMENTS_ID})")
_COMMENTS_CLASS_RE = re.compile(_COMMENTS_CLASS)
_SCROLL_TAGS = frozenset({"div", "section", "aside"})
_COMMENT_TAGS = frozenset({"div", "list", "section", "details", "ol", "ul"})
_CANDIDATE_TAGS = tuple(_SCROLL_TAGS | _COMMENT_TAGS)
# What the patterns above need somewhere in the id or class (all are case-sensitive; "[Cc]omment"
# needs "omment"): one search rules out nearly every element before the exact ones run.
_APPENDED_CUES = r"mvp-post-add-|infinite-?scroll|elementor-share-buttons"
_COMMENT_CUES = r"omment|comol|disqus_thread"
_COMMENT_CUE = re.compile(_COMMENT_CUES)
_ANY_CUE = re.compile(f"{_APPENDED_CUES}|{_COMMENT_CUES}")
_TRAFILATURA_XPATHS = [*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH]


def _installed_sources() -> tuple[str, ...]:
    return tuple(" ".join(xpath.path.split()) for xpath in _TRAFILATURA_XPATHS)


# True when the installed trafilatura asks exactly the questions transcribed here.
TRANSCRIPTION_CURRENT = _installed_sources() == TRANSCRIBED_FROM


def prune_raw_tree(tree: etree._Element) -> etree._Element:
    """Delete what trafilatura's raw-tree and comment-section prunes delete (tails kept), in place."""
    if not TRANSCRIPTION_CURRENT:
        return prune_unwanted_nodes(tree, _TRAFILATURA_XPATHS)
    return _delete_where(tree, _CANDIDATE_TAGS, is_pruned)


def prune_nodes(tree: etree._Element, nodelist: list[Any], with_backup: bool = False) -> etree._Element:
    """trafilatura's prune_unwanted_nodes, in one pass for the two lists transcribed here (its cascade
    runs them one after the other)."""
    if TRANSCRIPTION_CURRENT and not with_backup:
        if nodelist is RAW_TREE_PRUNE_XPATH:
            return _delete_where(tree, tuple(_SCROLL_TAGS), is_appended_or_shared)
        if nodelist is REMOVE_COMMENTS_AND_LISTS_XPATH:
            return _delete_where(tree, tuple(_COMMENT_TAGS), is_comment_section)
    return prune_unwanted_nodes(tree, nodelist, with_backup)


def _delete_where(
    tree: etree._Element, tags: tuple[str, ...], doomed: Callable[[etree._Element], bool]
) -> etree._Element:
    for node in [node for node in tree.iterdescendants(*tags) if doomed(node)]:
        # (document order; deleting inside an already deleted subtree changes nothing)
        delete_element(node)
    return tree


def is_pruned(node: etree._Element) -> bool:
    """Whether any of the transcribed expressions selects this element."""
    if not _ANY_CUE.search(f"{node.get('id') or ''} {node.get('class') or ''}"):
        return False
    return is_appended_or_shared(node) or is_comment_section(node)


def is_appended_or_shared(node: etree._Element) -> bool:
    """Whether RAW_TREE_PRUNE_XPATH selects this element: an appended story or a share bar."""
    if node.tag not in _SCROLL_TAGS:
        return False
    ident, classes = node.get("id") or "", node.get("class") or ""
    if (_SCROLL.search(ident) or _SCROLL.search(classes)) and (
        next(node.iterdescendants("h1"), None) is None
        or _APPENDED.search(ident)
        or _APPENDED.search(classes)
    ):
        return True
    return _SHARE_BAR in classes


def is_comment_section(node: etree._Element) -> bool:
    """Whether REMOVE_COMMENTS_AND_LISTS_XPATH selects this element: a comment section."""
    tag = node.tag
    if tag not in _COMMENT_TAGS:
        return False
    ident, classes = node.get("id") or "", node.get("class") or ""
    if not _COMMENT_CUE.search(f"{ident} {classes}"):
        return False
    comment_class = _COMMENTS_CLASS_RE.search(classes)
    if comment_class or _COMMENTS_ANY_ID.search(ident):
        return tag not in ("ol", "ul") or bool(comment_class or _COMMENTS_LIST_ID.search(ident))
    return False
