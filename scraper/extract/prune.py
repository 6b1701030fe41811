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
_TRAFILATURA_XPATHS = [*RAW_TREE_PRUNE_XPATH, *REMOVE_COMMENTS_AND_LISTS_XPATH]


def _installed_sources() -> tuple[str, ...]:
    return tuple(" ".join(xpath.path.split()) for xpath in _TRAFILATURA_XPATHS)


# True when the installed trafilatura asks exactly the questions transcribed here.
TRANSCRIPTION_CURRENT = _installed_sources() == TRANSCRIBED_FROM


def prune_raw_tree(tree: etree._Element) -> etree._Element:
    """Delete what trafilatura's raw-tree and comment-section prunes delete (tails kept), in place."""
    if not TRANSCRIPTION_CURRENT:
        return prune_unwanted_nodes(tree, _TRAFILATURA_XPATHS)
    doomed = [node for node in tree.iterdescendants(*_CANDIDATE_TAGS) if is_pruned(node)]
    for node in doomed:  # document order; deleting inside an already deleted subtree changes nothing
        delete_element(node)
    return tree


def is_pruned(node: etree._Element) -> bool:
    """Whether any of the transcribed expressions selects this element."""
    ident, classes = node.get("id") or "", node.get("class") or ""
    tag = node.tag
    if tag in _SCROLL_TAGS:
        if (_SCROLL.search(ident) or _SCROLL.search(classes)) and (
            next(node.iterdescendants("h1"), None) is None
            or _APPENDED.search(ident)
            or _APPENDED.search(classes)
        ):
            return True
        if _SHARE_BAR in classes:
            return True
    if tag in _COMMENT_TAGS:
        comment_class = _COMMENTS_CLASS_RE.search(classes)
        if comment_class or _COMMENTS_ANY_ID.search(ident):
            return tag not in ("ol", "ul") or bool(comment_class or _COMMENTS_LIST_ID.search(ident))
    return False
