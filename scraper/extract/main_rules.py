"""trafilatura's main-content rules (`extract_content`) with their two costliest XPath steps done in Python.

The rules prune each candidate frame with `OVERALL_DISCARD_XPATH` and look for the frame first with
`BODY_XPATH[0]`: expressions calling Python's `re` through EXSLT for every element, ~2 ms a page
together. Here the same questions are asked of each element's attributes with compiled regexes
(memoized per attribute value: pages repeat their class strings); the discard matches go to
trafilatura's own guarded prune.

trafilatura's code is not copied: its functions run as they are, from clones whose global names
resolve those two steps to ours (trafilatura's modules are left untouched for every other caller):
the main rules (`extract_content`) and the whole cascade (`bare_extraction`), whose first stage they
are and whose raw-tree prunes run in one pass too (scraper.extract.prune). The regexes are read from the installed expressions; when an expression's structure differs from
the one transcribed here, or a regex matches empty text (absent attributes would then count), that
step stays trafilatura's (tests/test_main_rules.py compares both).
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree
from trafilatura import core, main_extractor
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH

from scraper.extract.prune import prune_nodes

# The installed expressions' shapes: each {} is a regex, read from the installed expression (white
# space collapsed) under the name given beside the shape.
_DISCARD_SHAPE = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
    "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, '{}') or "
    "re:test(@id, '{}') or re:test(@class, '{}')]",
    ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or re:test(@id|@style, '{}') or "
    "contains(@style, 'display:none') or contains(@style, 'display: none') or re:test(@id, '{}') or "
    "re:test(@class, '{}') or @aria-hidden='true']",
)
_DISCARD_NAMES = (("first", "id", "class"), ("hidden", "id2", "class2"))
_BODY_SHAPE = (
    ".//*[self::article or self::div or self::main or self::section][ @class='post' or @class='entry' or "
    "@itemprop='articleBody' or @id='articleContent' or re:test(@id, '{}') or re:test(@class, '{}') ][1]",
)
_BODY_NAMES = (("id", "class"),)
_SELF_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})
# Every condition needs one of these attributes (given regexes that do not match empty text).
_HAS_ATTRIBUTE = etree.XPath(
    ".//*[@id or @class or @style or @role or @data-lp-replacement-content or @data-component"
    " or @aria-hidden]"
)
_BODY_CANDIDATES = etree.XPath(
    ".//*[self::article or self::div or self::main or self::section][@id or @class or @itemprop]"
)

Test = Callable[[str], bool]


def _read_regexes(
    shapes: tuple[str, ...], names: tuple[tuple[str, ...], ...], xpaths: list[etree.XPath]
) -> dict[str, Test] | None:
    """The installed expressions' regexes as memoized tests, or None when their shape changed."""
    if len(xpaths) != len(shapes):
        return None
    found: dict[str, str] = {}
    for shape, named, xpath in zip(shapes, names, xpaths, strict=True):
        pattern = "([^']*)".join(map(re.escape, shape.split("{}")))
        match = re.fullmatch(pattern, " ".join(xpath.path.split()))
        if match is None:
            return None
        found.update(zip(named, match.groups(), strict=True))
    if any(re.search(regex, "") for regex in found.values()):
        return None
    return {name: _memoized(re.compile(regex)) for name, regex in found.items()}


def _memoized(regex: re.Pattern[str]) -> Test:
    return lru_cache(maxsize=4096)(lambda text: regex.search(text) is not None)


_TESTS = _read_regexes(_DISCARD_SHAPE, _DISCARD_NAMES, OVERALL_DISCARD_XPATH)
_BODY_TESTS = _read_regexes(_BODY_SHAPE, _BODY_NAMES, BODY_XPATH[:1])
TRANSCRIPTION_CURRENT = _TESTS is not None and _BODY_TESTS is not None


def discarded(tree: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """What each of the two OVERALL_DISCARD_XPATH expressions selects below tree, in document order."""
    assert _TESTS is not None, "the installed OVERALL_DISCARD_XPATH differs from the transcription"
    first_test, id_test, cls_test = _TESTS["first"], _TESTS["id"], _TESTS["class"]
    hidden_test, id_test2, cls_test2 = _TESTS["hidden"], _TESTS["id2"], _TESTS["class2"]
    selected: tuple[list[etree._Element], list[etree._Element]] = ([], [])
    for element in _HAS_ATTRIBUTE(tree):
        attributes = dict(element.items())  # (in source order: `@id|@class` reads the first one)
        ident, classes = attributes.get("id", ""), attributes.get("class", "")
        id_or_class = next((v for k, v in attributes.items() if k in ("id", "class")), "")
        if element.tag in _SELF_TAGS and (
            "data-lp-replacement-content" in attributes
            or "nav" in attributes.get("role", "").replace("N", "n")
            or "MostPopularStories" in attributes.get("data-component", "")
            or first_test(id_or_class)
            or id_test(ident)
            or cls_test(classes)
        ):
            selected[0].append(element)
        style = attributes.get("style", "")
        if (
            classes == "comments-title"
            or id_or_class.startswith("reply-")
            or hidden_test(next((v for k, v in attributes.items() if k in ("id", "style")), ""))
            or "display:none" in style
            or "display: none" in style
            or id_test2(ident)
            or cls_test2(classes)
            or attributes.get("aria-hidden") == "true"
        ):
            selected[1].append(element)
    return selected


class FirstArticleBody:
    """BODY_XPATH[0] as _extract uses it: the first element it selects below a tree (the first match
    in document order is the first matching child of its parent, which the expression's [1] asks)."""

    def __init__(self, tests: dict[str, Test]) -> None:
        self.id_test, self.class_test = tests["id"], tests["class"]

    def __call__(self, tree: etree._Element) -> list[etree._Element]:
        for element in _BODY_CANDIDATES(tree):
            ident, classes = element.get("id"), element.get("class")
            if (
                classes in ("post", "entry")
                or element.get("itemprop") == "articleBody"
                or ident == "articleContent"
                or self.id_test(ident or "")
                or self.class_test(classes or "")
            ):
                return [element]
        return []

    def __str__(self) -> str:  # (_extract logs the expression that found the frame)
        return str(BODY_XPATH[0])


def _prune_nodes(tree: Any, nodelist: list[Any], with_backup: bool = False) -> Any:
    """trafilatura's prune_unwanted_nodes, the discard expressions answered by `discarded`."""
    if nodelist is OVERALL_DISCARD_XPATH:
        first, second = discarded(tree)
        nodelist = [lambda _: first, lambda _: second]
    return prune_unwanted_nodes(tree, nodelist, with_backup)


def _cloned(module: types.ModuleType, replaced: dict[str, Any]) -> dict[str, Any]:
    """A private copy of a module's namespace holding `replaced` and clones of the functions written
    in that module (decorator wrappers from elsewhere stay as they are), which resolve their global
    names in this copy."""
    namespace = {**vars(module), **replaced}
    for name, func in vars(module).items():
        if isinstance(func, types.FunctionType) and func.__code__.co_filename == module.__file__:
            code, defaults = func.__code__, func.__defaults__
            clone = types.FunctionType(code, namespace, func.__name__, defaults, func.__closure__)
            clone.__kwdefaults__ = func.__kwdefaults__
            namespace[name] = clone
    return namespace


def _replacements() -> dict[str, Any]:
    """The main_extractor names resolved to our steps, for the transcriptions that are current."""
    replaced: dict[str, Any] = {}
    if _TESTS is not None:
        replaced["prune_unwanted_nodes"] = _prune_nodes
    if _BODY_TESTS is not None:
        replaced["BODY_XPATH"] = [FirstArticleBody(_BODY_TESTS), *BODY_XPATH[1:]]
    return replaced


if _replacements():
    _MAIN = _cloned(main_extractor, _replacements())
    _CORE = _cloned(core, {"extract_content": _MAIN["extract_content"], "prune_unwanted_nodes": prune_nodes})
    extract_content: Callable[..., Any] = _MAIN["extract_content"]
    bare_extraction: Callable[..., Any] = _CORE["bare_extraction"]
else:
    extract_content, bare_extraction = main_extractor.extract_content, core.bare_extraction
