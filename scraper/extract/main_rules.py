"""trafilatura's main-content rules (`extract_content`) with their costliest XPath steps done in Python.

The rules prune each candidate frame with `OVERALL_DISCARD_XPATH` and look for the frames with
`BODY_XPATH` (scraper.extract.frames): expressions calling Python's `re` through EXSLT for every
element, ~2 ms a page together. Here the same questions are asked of each element's attributes with
compiled regexes (memoized per attribute value: pages repeat their class strings); the discard
matches go to trafilatura's own guarded prune.

trafilatura's code is not copied: its functions run as they are, from clones whose global names
resolve those steps to ours (trafilatura's modules are left untouched for every other caller): the
main rules (`extract_content`) and the whole cascade (`bare_extraction`), whose first stage they
are and whose raw-tree prunes run in one pass too (scraper.extract.prune). The regexes are read from
the installed expressions (scraper.extract.xpath_shapes); an expression whose structure differs
from the one transcribed stays trafilatura's (tests/test_main_rules.py compares both). The rules'
link-density passes skip a repeat that cannot delete anything (scraper.extract.link_passes). The
cascade can be handed the rules' result on its tree (`bare_extraction_after`) and not run them again.
"""

from __future__ import annotations

import copy
import importlib
import types
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from lxml import etree
from trafilatura import core, external, htmlprocessing, main_extractor
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH

from scraper.extract.basic_clean import basic_cleaning
from scraper.extract.frames import frame_finders
from scraper.extract.link_passes import LinkPasses
from scraper.extract.prune import prune_nodes
from scraper.extract.xpath_shapes import Test, read_regexes

# The installed expressions' shapes, each {} a regex (scraper.extract.xpath_shapes).
_DISCARD_SHAPE = (
    ".//*[self::div or self::item or self::list or self::p or self::section or self::span][ "
    "@data-lp-replacement-content or contains(translate(@role, 'N', 'n'), 'nav') or "
    "contains(@data-component, 'MostPopularStories') or re:test(@id|@class, '{}') or "
    "re:test(@id, '{}') or re:test(@class, '{}')]",
    ".//*[@class='comments-title' or starts-with(@id|@class, 'reply-') or re:test(@id|@style, '{}') or "
    "contains(@style, 'display:none') or contains(@style, 'display: none') or re:test(@id, '{}') or "
    "re:test(@class, '{}') or @aria-hidden='true']",
)
_SELF_TAGS = frozenset({"div", "item", "list", "p", "section", "span"})
# Every condition needs one of these attributes (given regexes that do not match empty text).
_TESTED_ATTRIBUTES = frozenset(
    {"id", "class", "style", "role", "data-lp-replacement-content", "data-component", "aria-hidden"}
)


def _read_discard_tests() -> list[Test] | None:
    """The six regex tests of the two discard expressions, in order, or None if their shape changed."""
    if len(OVERALL_DISCARD_XPATH) != len(_DISCARD_SHAPE):
        return None
    pairs = zip(_DISCARD_SHAPE, OVERALL_DISCARD_XPATH, strict=True)
    found = [read_regexes(shape, xpath) for shape, xpath in pairs]
    return None if None in found else [test for tests in found if tests for test in tests]


_TESTS = _read_discard_tests()
TRANSCRIPTION_CURRENT = _TESTS is not None


def discarded(tree: etree._Element) -> tuple[list[etree._Element], list[etree._Element]]:
    """What each of the two OVERALL_DISCARD_XPATH expressions selects below tree, in document order."""
    selected: tuple[list[etree._Element], list[etree._Element]] = ([], [])
    # (a loop over the descendants asking for their attribute names costs half an XPath testing
    # each of them for these seven attributes)
    for element in tree.iterdescendants(etree.Element):
        if _TESTED_ATTRIBUTES.isdisjoint(element.keys()):
            continue
        first, second = _verdicts(element.tag in _SELF_TAGS, tuple(element.items()))
        if first:
            selected[0].append(element)
        if second:
            selected[1].append(element)
    return selected


@lru_cache(maxsize=8192)  # (a page repeats its attribute sets many times)
def _verdicts(self_tag: bool, items: tuple[tuple[str, str], ...]) -> tuple[bool, bool]:
    """Whether each discard expression selects an element of a candidate tag (or not) with these
    attributes, in source order (`@id|@class` reads the first of the two)."""
    assert _TESTS is not None, "the installed OVERALL_DISCARD_XPATH differs from the transcription"
    first_test, id_test, cls_test, hidden_test, id_test2, cls_test2 = _TESTS
    attributes = dict(items)
    ident, classes = attributes.get("id", ""), attributes.get("class", "")
    id_or_class = next((v for k, v in items if k in ("id", "class")), "")
    first = self_tag and (
        "data-lp-replacement-content" in attributes
        or "nav" in attributes.get("role", "").replace("N", "n")
        or "MostPopularStories" in attributes.get("data-component", "")
        or first_test(id_or_class)
        or id_test(ident)
        or cls_test(classes)
    )
    style = attributes.get("style", "")
    second = (
        classes == "comments-title"
        or id_or_class.startswith("reply-")
        or hidden_test(next((v for k, v in items if k in ("id", "style")), ""))
        or "display:none" in style
        or "display: none" in style
        or id_test2(ident)
        or cls_test2(classes)
        or attributes.get("aria-hidden") == "true"
    )
    return first, second


def _prune_nodes(tree: Any, nodelist: list[Any], with_backup: bool = False) -> Any:
    """trafilatura's prune_unwanted_nodes, the discard expressions answered by `discarded`."""
    if nodelist is OVERALL_DISCARD_XPATH:
        first, second = discarded(tree)
        nodelist = [lambda _: first, lambda _: second]
    return prune_unwanted_nodes(tree, nodelist, with_backup)


def _cloned(module: types.ModuleType, replaced: dict[str, Any]) -> dict[str, Any]:
    """A private copy of a module's namespace holding `replaced` and clones of the functions defined
    in that module (those whose globals are its namespace; imported ones and decorator wrappers from
    elsewhere stay as they are), which resolve their global names in this copy."""
    namespace = {**vars(module), **replaced}
    for name, func in vars(module).items():
        if isinstance(func, types.FunctionType) and func.__globals__ is vars(module):
            code, defaults = func.__code__, func.__defaults__
            clone = types.FunctionType(code, namespace, func.__name__, defaults, func.__closure__)
            clone.__kwdefaults__ = func.__kwdefaults__
            namespace[name] = clone
    return namespace


def _link_passes() -> LinkPasses:
    """The link-density passes, trafilatura's function cloned to count its deletions."""
    passes = LinkPasses()

    def delete_element(element: Any, keep_tail: bool = True) -> None:
        passes.deleted += 1
        htmlprocessing.delete_element(element, keep_tail)

    passes.use(_cloned(htmlprocessing, {"delete_element": delete_element})["delete_by_link_density"])
    return passes


_PASSES = _link_passes()


def _replacements() -> dict[str, Any]:
    """The main_extractor names resolved to our steps, for the transcriptions that are current."""
    replaced: dict[str, Any] = {"delete_by_link_density": _PASSES.delete_by_link_density}
    if _TESTS is not None:
        replaced["prune_unwanted_nodes"] = _prune_nodes
    finders = frame_finders()
    if finders != BODY_XPATH:
        replaced["BODY_XPATH"] = finders
    return replaced


_MAIN = _cloned(main_extractor, _replacements())
_MAIN["prune_unwanted_sections"] = _PASSES.pruning(_MAIN["prune_unwanted_sections"])
_RECOVERIES = [0]  # calls of the rules' short-text recovery (`recover_wild_text`)


def _counted(recover: Callable[..., Any]) -> Callable[..., Any]:
    def recover_wild_text(*args: Any, **kwargs: Any) -> Any:
        _RECOVERIES[0] += 1
        return recover(*args, **kwargs)

    return recover_wild_text


_MAIN["recover_wild_text"] = _counted(_MAIN["recover_wild_text"])
# (the comparison with readability and jusText prunes the raw tree with the discard expressions too,
# on the precise cascade's pages; the jusText rescue and the baseline clean the tree first)
_DISCARD_PRUNE = {"prune_unwanted_nodes": _prune_nodes} if _TESTS is not None else {}
_EXTERNAL = _cloned(external, {"basic_cleaning": basic_cleaning, **_DISCARD_PRUNE})
# (the package's `baseline` is its function: the module is imported by name)
_BASELINE = _cloned(importlib.import_module("trafilatura.baseline"), {"basic_cleaning": basic_cleaning})
_CORE = _cloned(core, {
    "extract_content": _MAIN["extract_content"], "prune_unwanted_nodes": prune_nodes,
    "compare_extraction": _EXTERNAL["compare_extraction"], "justext_rescue": _EXTERNAL["justext_rescue"],
    "baseline": _BASELINE["baseline"], "html2txt": _BASELINE["html2txt"],
})
extract_content: Callable[..., Any] = _MAIN["extract_content"]
bare_extraction: Callable[..., Any] = _CORE["bare_extraction"]


def extract_content_counted(cleaned_tree: Any, options: Any) -> tuple[etree._Element, str, bool]:
    """extract_content's body and text, and whether its short-text recovery ran: the one step of the
    rules that reads the `fast` option (in fast mode it keeps teaser blocks)."""
    before = _RECOVERIES[0]
    body, text = extract_content(cleaned_tree, options)
    return body, text, _RECOVERIES[0] != before


class _Known:
    """The main rules' result handed to one cascade run (identified by its options object)."""

    options: Any = None
    result: tuple[etree._Element, str] | None = None


def _prepare_tree(tree: Any, options: Any, url: str | None) -> tuple[Any, Any]:
    """The cascade's cleaned and converted tree and its unconverted copy; when the rules' result is
    known, no converted tree (only the rules read it), and the cleaned tree itself as the copy."""
    if _Known.options is not options:
        return _PREPARE_TREE(tree, options, url)
    return None, _CORE["tree_cleaning"](copy.copy(tree), options)


def _first_stage(cleaned_tree: Any, options: Any) -> tuple[etree._Element, str]:
    """The cascade's main rules, or their known result (for the run whose tree was not converted)."""
    if cleaned_tree is not None or _Known.result is None:
        return extract_content(cleaned_tree, options)
    result, _Known.options, _Known.result = _Known.result, None, None
    return result


# (with comments off and balanced focus, trafilatura_sequence reads the converted tree only in its
# first stage; tests/test_main_content.py compares the cascade's output with and without the result)
_PREPARE_TREE = _CORE["_prepare_tree"]
_CORE.update(_prepare_tree=_prepare_tree, extract_content=_first_stage)


def bare_extraction_after(tree: Any, options: Any, rules: tuple[etree._Element, str] | None) -> Any:
    """bare_extraction(tree, options=options), given its main rules' result (body and text of
    extract_content with these options on this tree, pruned, cleaned and converted as the fast rules
    do), which its first stage then takes instead of running the rules again. The cascade prunes the
    raw tree as the fast rules do unless comments are on, or the page is a forum thread and the focus
    is not precision; only balanced focus goes straight from the prunes to the rules."""
    if (rules is None or options.comments or options.focus != "balanced"
            or _CORE["_forum_thread_page"](tree)):
        return bare_extraction(tree, options=options)
    _Known.options, _Known.result = options, rules
    try:
        return bare_extraction(tree, options=options)
    finally:
        _Known.options = _Known.result = None


def hash_stoplist_once() -> None:
    """Give the cascade's jusText rescue trafilatura's all-languages stoplist (~150,000 words, built as
    trafilatura builds it, on first use) as a set: jusText memoizes the stoplist's lower-cased set by
    the stoplist, and a tuple's hash is computed again on each call (~2 ms a page reaching jusText),
    a set's once. Same words, same lower-cased set; trafilatura's own module keeps its tuple."""
    if not isinstance(_EXTERNAL["JT_STOPLIST"], frozenset):
        _EXTERNAL["JT_STOPLIST"] = frozenset(_EXTERNAL["JT_STOPLIST"] or _EXTERNAL["jt_stoplist_init"]())
