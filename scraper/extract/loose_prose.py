"""Story text written outside paragraph elements, beside the paragraphs the main-content rules kept.

Blog engines and hand-written posts often write part of a story as bare text in the story's box: text
between <br> tags, the part after a "read more" anchor, a <div> or <span> used as a paragraph next to
real <p> ones; or as a list whose items are paragraphs of prose. trafilatura's rules read the
paragraphs and can skip such text. Where the extracted paragraphs (with what is found) make up most
of one container's text, runs of prose written loose in that container (in a paragraph's parent, or
in a box next to the paragraphs) and lists of prose beside the paragraphs are the story's too, as
readability-style extractors read them. Boxes marked as comments, captions, bylines or teasers are
not entered, and what is added still goes through the furniture rules after it. The paragraphs located
on the page also tell which are teaser cards linked whole, and where the story's box has a second part
(split_story).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator

from lxml import html

from scraper.extract.split_story import box_marks, split_parts
from scraper.extract.text import clean_text, normalize_key

# Elements whose text makes one block of the extracted body (the paragraphs located on the page).
_SOURCE_TAGS = ("p", "li", "h2", "h3", "h4", "blockquote", "dd", "pre")
# Inline elements: their text belongs to the run around them.
_INLINE = frozenset({
    "a", "b", "strong", "i", "em", "span", "font", "u", "small", "sup", "sub", "abbr", "cite", "q", "code",
    "mark", "time", "s", "strike", "big", "tt", "acronym", "ins", "del",
})
# Boxes never read for loose text: page furniture, media, forms, and blocks the rules read themselves.
_SKIP = frozenset({
    "script", "style", "noscript", "template", "aside", "nav", "footer", "header", "form", "figure",
    "figcaption", "button", "select", "textarea", "iframe", "h1", "h2", "h3", "h4", "h5", "h6", "table",
    "ul", "ol", "dl", "blockquote", "pre", "label",
})
# Classes and ids of boxes inside a story's container that are not the story.
_NOT_STORY = re.compile(
    r"comment|repl(?:y|ies)|respon|caption|credit|author|byline|\bbio|related|share|social|promo|sponsor"
    r"|newsletter|subscribe|signup|advert|\bads?\b|footer|meta|tags?\b|categor",
    re.I,
)
_LISTS = frozenset({"ul", "ol"})
_SENTENCE_STOP = re.compile(r"[.!?…][\"”’)\]]*$")
MIN_RUN_CHARS = 100  # a loose run shorter than this is a label, a date, a credit, not a paragraph
MIN_COVERAGE = 0.5  # share of the container's text the extracted paragraphs and the runs found must hold
MAX_LINK_SHARE = 0.3  # a run made more of link text than this is a list of links
MAX_KNOWN_SHARE = 0.5  # a run with this share of its word pairs in the body repeats what it holds
MIN_PROSE_ITEMS = 0.5  # share of a list's items that must read as prose for the list to be read
MIN_KEY_SHARE = 0.7  # a block's comparison key keeps at least this share of its text's length
MIN_CARD_CHARS = 100  # a text wholly inside a link this long is a teaser card's, not a linked title
MIN_CARD_SHARE = 0.9  # ... or one link holding this share of a block's text makes it a card
MIN_LOCATED = 1  # paragraphs located on the page, to tell where the story's container is


def with_loose_prose(texts: list[str], tree: html.HtmlElement) -> list[str]:
    """texts with the prose runs written loose beside them inserted in reading order."""
    if not texts:
        return texts
    keys = {normalize_key(text): index for index, text in enumerate(texts)}
    located = _locate(texts, keys, tree)
    container = _container(list(located))
    if container is None:
        return texts
    before, after = split_parts(container, keys)
    cards = _linked_cards(texts, located)
    merged = before + _with_runs(texts, keys, located, container) + after
    return [text for text in merged if text not in cards] if cards else merged


def _linked_cards(texts: list[str], located: dict[html.HtmlElement, int]) -> set[str]:
    """Texts of paragraphs found on the page only inside a link: teaser cards linked whole (headline,
    kicker and summary in one <a>), as news pages list the next stories; a story's paragraph is never
    one link. Short ones (a linked title in a story's own list of reading) are left to the link rules."""
    inside: dict[int, bool] = {}
    for element, index in located.items():
        inside[index] = inside.get(index, True) and _linked_whole(element, len(texts[index]))
    return {texts[index] for index, linked in inside.items()
            if linked and len(texts[index]) >= MIN_CARD_CHARS}


def _linked_whole(element: html.HtmlElement, size: int) -> bool:
    """Whether the block sits inside a link, or holds one link with (nearly) all its text of size."""
    if next(element.iterancestors("a"), None) is not None:
        return True
    anchor = next(element.iter("a"), None)
    return anchor is not None and len(clean_text(anchor.text_content())) >= MIN_CARD_SHARE * size


def _with_runs(
    texts: list[str], keys: dict[str, int], located: dict[html.HtmlElement, int], container: html.HtmlElement
) -> list[str]:
    """texts with the loose runs of the container's box inserted where they stand."""
    parents = {element.getparent() for element in located}
    runs: list[tuple[int, str]] = []
    last = -1
    root = container.getparent() if container.getparent() is not None else container
    holders = {ancestor for element in located for ancestor in element.iterancestors()}
    for item in _walk(root, located, parents | {root}, holders):
        if isinstance(item, int):
            last = max(last, item)
        else:
            runs.append((last, item))
    if not runs:
        return texts
    known: set[tuple[str, str]] = set()
    for key in keys:  # (each key's pairs added by C-level zip: no list per paragraph)
        words = key.split()
        known.update(zip(words, words[1:], strict=False))
    added: dict[int, list[str]] = {}
    for after, text in runs:
        if _new(normalize_key(text), known):
            added.setdefault(after, []).append(text)
    extra = sum(len(text) for runs in added.values() for text in runs)
    if not added or not _covered(texts, located, container, extra):
        return texts
    merged = added.get(-1, [])
    for index, text in enumerate(texts):
        merged.append(text)
        merged.extend(added.get(index, []))
    return merged


def _locate(texts: list[str], keys: dict[str, int], tree: html.HtmlElement) -> dict[html.HtmlElement, int]:
    """The page's blocks holding one of the texts (by exact text or comparison key), with its index."""
    located: dict[html.HtmlElement, int] = {}
    # (texts are white-space collapsed as the page's blocks are: an exact look-up first, the
    # comparison key only for blocks whose length is near a paragraph's, where the two may differ in
    # spacing or punctuation; a key is at most as long as its text)
    exact = {text: index for index, text in enumerate(texts)}
    key_lengths = sorted(len(key) for key in keys)
    # (collapsing white space never lengthens a text: a block shorter than every text and every key,
    # most menu items and labels, is passed by without collapsing it)
    shortest = min(min(map(len, texts)), key_lengths[0])
    for element in tree.iter(*_SOURCE_TAGS):
        text = element.text_content()
        if len(text) < shortest:
            continue
        text = " ".join(text.split())
        index = exact.get(text)
        if index is None and _near(key_lengths, len(text)):
            index = keys.get(normalize_key(text))
        if index is not None:
            located[element] = index
    return located


def _new(key: str, known: set[tuple[str, str]]) -> bool:
    """Whether a run's text is new to the body: not mostly word pairs the body holds already (the same
    paragraph, read whole with a caption or a dateline, or without an inline label the rules cut)."""
    pairs = _pairs(key)
    return sum(pair in known for pair in pairs) < MAX_KNOWN_SHARE * len(pairs)


def _pairs(key: str) -> list[tuple[str, str]]:
    words = key.split()
    return list(zip(words, words[1:], strict=False))


def _near(lengths: list[int], size: int) -> bool:
    """Whether some key of the sorted lengths could be the key of a text of this size."""
    start = bisect_left(lengths, int(MIN_KEY_SHARE * size))
    return start < len(lengths) and lengths[start] <= size


def _container(elements: list[html.HtmlElement]) -> html.HtmlElement | None:
    """The deepest element holding all the located paragraphs (None for fewer than MIN_LOCATED)."""
    if len(elements) < MIN_LOCATED:
        return None
    common = [elements[0], *elements[0].iterancestors()]  # deepest first
    for other in elements[1:]:
        chain = {other, *other.iterancestors()}
        common = [node for node in common if node in chain]
    if not common:
        return None
    # (one paragraph located: the box around it is the story's container)
    return common[0] if len(elements) > 1 or common[0].getparent() is None else common[0].getparent()


def _covered(
    texts: list[str], located: dict[html.HtmlElement, int], container: html.HtmlElement, extra: int
) -> bool:
    """Whether the located paragraphs and the runs found (extra characters) hold MIN_COVERAGE of the
    container's text: a story's box, not a page whose story is one part among sidebars and teasers."""
    held = sum(len(texts[index]) for index in set(located.values())) + extra
    return held >= MIN_COVERAGE * len(clean_text(container.text_content()))


def _walk(
    element: html.HtmlElement, located: dict[html.HtmlElement, int], parents: set[html.HtmlElement],
    holders: set[html.HtmlElement],
) -> Iterator[int | str]:
    """In reading order: the index of each located paragraph, and each loose prose run of a box that
    holds located paragraphs or sits beside them (holders: the located paragraphs' ancestors)."""
    eligible = element in parents or element.getparent() in parents
    # (a box beside no located paragraph, holding none, has no box below it that does either: no run
    # or paragraph to find there, so it is passed by unread: sidebars, comment threads, footers)
    enter_all = element in parents
    run, links = [element.text or ""], 0
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _INLINE and not len(child):  # (most inline elements hold only text: no search)
            text = child.text or ""
            run.append(text)
            links += len(text) if tag == "a" else 0
        elif tag in _INLINE and next(child.iter(*_SOURCE_TAGS, "div"), None) is None:
            run.append(child.text_content())
            links += sum(len(anchor.text_content()) for anchor in child.iter("a"))
        elif tag:
            yield from _prose(run, links, eligible)
            run, links = [], 0
            if child in located:
                yield located[child]
            elif tag in _LISTS and element in parents and not _NOT_STORY.search(box_marks(child)):
                yield from _prose_list(child, located)
            elif _enters(child, enter_all, holders) and not _NOT_STORY.search(box_marks(child)):
                yield from _walk(child, located, parents, holders)
        run.append(child.tail or "")
    yield from _prose(run, links, eligible)


def _enters(child: html.HtmlElement, enter_all: bool, holders: set[html.HtmlElement]) -> bool:
    """Whether the walk reads a child box: one that may hold a run or a located paragraph."""
    return (enter_all or child in holders) and child.tag not in _SKIP and child.tag != "br"


def _prose_list(element: html.HtmlElement, located: dict[html.HtmlElement, int]) -> Iterator[int | str]:
    """A list beside the story's paragraphs whose items are paragraphs of prose (a how-to's advice, a
    list of arguments), or that the story introduces: its items in order, when most of them read as
    prose (or, introduced, are not mostly links)."""
    items = [item for item in element if item.tag == "li"]
    inside = _introduced(element, located)
    found: list[int | str] = []
    for item in items:
        if item in located:
            found.append(located[item])
        else:
            links = sum(len(anchor.text_content()) for anchor in item.iter("a"))
            text = item.text_content()
            found.extend(_item(text, links) if inside else _prose([text], links, True))
    if len(found) >= MIN_PROSE_ITEMS * len(items):
        yield from found


def _introduced(element: html.HtmlElement, located: dict[html.HtmlElement, int]) -> bool:
    """Whether the list is one the story reads through: right after a paragraph of the story that
    introduces it with a colon ("The update brings:"), and before another one or the end of the box;
    its items then belong to the story whatever their length."""
    before = _neighbour(element, True)
    if before is None or before not in located or not before.text_content().rstrip().endswith(":"):
        return False
    after = _neighbour(element, False)
    return after is None or after in located


def _neighbour(element: html.HtmlElement, preceding: bool) -> html.HtmlElement | None:
    """The nearest sibling with text on one side (empty spacers passed by)."""
    for sibling in element.itersiblings(preceding=preceding):
        if isinstance(sibling.tag, str) and sibling.tag != "br" and sibling.text_content().strip():
            return sibling
    return None


def _item(text: str, links: int) -> Iterator[str]:
    """A list item's text among the story's paragraphs, unless it is mostly a link."""
    text = clean_text(text)
    if text and links <= MAX_LINK_SHARE * len(text):
        yield text


def _prose(run: list[str], links: int, eligible: bool) -> Iterator[str]:
    """The run's text when it reads as a paragraph of prose: long, ending as a sentence does, and not
    mostly link text."""
    if not eligible:
        return
    text = clean_text("".join(run))
    if len(text) >= MIN_RUN_CHARS and _SENTENCE_STOP.search(text) and links <= MAX_LINK_SHARE * len(text):
        yield text
