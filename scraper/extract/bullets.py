"""The bullet key points that lead an article: the list between the headline and the body.

Business Insider's summary list, "Key Points", "Highlights", "In brief": a short list of sentence
items that comes after the headline (and lead image) and before the body's running text. Lists in
navigation, lists of links, ticker lists and ordinary lists further down the body are not bullets.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from lxml import etree, html

from scraper.extract.text import clean_text, normalize_key
from scraper.extract.ticker import is_ticker_text

_LISTS = frozenset({"ul", "ol"})
_CHROME = frozenset({"nav", "footer", "aside", "menu", "form", "select", "button"})
_SKIP = frozenset({"script", "style", "noscript", "template", "figure", "figcaption", "svg"})
_READ = _LISTS | {"p"}
# A <cite> names a source or captions a slide (galleries between headline and key points): not story.
_UNCOUNTED = _SKIP | {"cite"}
_LABEL = re.compile(
    r"^(?:key\s+(?:points|takeaways|facts)|highlights|in\s+brief|summary|at\s+a\s+glance|"
    r"the\s+big\s+picture|what\s+you\s+need\s+to\s+know|tl;?dr|in\s+short|"
    r"l'essentiel|points\s+clés|en\s+bref|das\s+wichtigste|auf\s+einen\s+blick|in\s+kürze|"
    r"en\s+resumen|puntos\s+clave|in\s+sintesi|punti\s+chiave)\s*:?$",
    re.I,
)
_LABEL_ATTR = re.compile(r"summary|key-?points|highlights|takeaways|bullets|tl-?dr|standfirst", re.I)
_NAV_ATTR = re.compile(r"\b(?:nav|menu|breadcrumb|related|share|social|tags?|footer|trending)\b", re.I)
# Entries set apart by pipes ("Subscribe: rss | email | twitter"): a menu, not a sentence.
_MENU = re.compile(r"\|[^|]*\|")
# A last sentence that points at the list after it: "Here are the five points.", "These are the
# rules.", "They include the following."
_ANNOUNCES = re.compile(
    r"\b(?:here (?:are|is)|here's|these are)\b[^.!?]*[.!]$|\b(?:the following|as follows|below)[.!]$",
    re.IGNORECASE,
)
# CSS frameworks' utility classes that hide a box (a paywall's offer list waiting behind the headline).
_HIDING_CLASSES = frozenset({"hidden", "hide", "d-none", "is-hidden", "visually-hidden", "sr-only"})
# Running text after the key points (key points lead a story, they are not the whole of it): a
# paragraph holding a sentence, before more than this many words of other text (captions, ads).
_MIN_SENTENCE_WORDS = 8
_SENTENCE = re.compile(r"\w[.!?…。！？][\"'”’)]*(?:\s|$)")
_MAX_WORDS_TO_STORY = 150
_H1 = etree.XPath("/descendant::h1")  # (libxml2 runs `/descendant::` faster than `//`)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
_MIN_ITEMS, _MAX_ITEMS = 2, 8
_MIN_WORDS, _MAX_WORDS = 4, 70
# Running text allowed between headline and key points: a standfirst, a byline, captions.
_LONG_PARAGRAPH_WORDS = 25
_MAX_LONG_BEFORE, _MAX_LONG_BEFORE_LABELLED = 1, 3
# Words of any text between headline and key points (a byline, a date, captions, a standfirst):
# more means the list is further down the story, which blogs also write outside paragraphs.
_MAX_WORDS_BEFORE, _MAX_WORDS_BEFORE_LABELLED = 150, 400
# Text before an unlabelled list in its own container that makes it a list of the story: more than a
# byline and a standfirst hold (those may stand beside key points).
_MIN_RUNNING_WORDS = 80


def extract_bullets(tree: html.HtmlElement, headline: str | None) -> list[str]:
    """Items of the key-point list that leads the article, or [] when there is none."""
    long_before = 0
    walk = _after_headline(tree, headline)
    for node, words_before, text in walk:
        if words_before > max(_MAX_WORDS_BEFORE, _MAX_WORDS_BEFORE_LABELLED):
            return []  # (the count only grows: no list further down is near enough; why walk on)
        if node is None:
            return []
        if node.tag in _LISTS:
            items = list_items(node)
            labelled = has_key_point_label(node)
            limit = _MAX_LONG_BEFORE_LABELLED if labelled else _MAX_LONG_BEFORE
            near = words_before <= (_MAX_WORDS_BEFORE_LABELLED if labelled else _MAX_WORDS_BEFORE)
            in_story = in_running_text(node) or introduced(node)
            if items and near and long_before <= limit and (labelled or not in_story):
                return items if _story_follows(walk, words_before + len(text.split())) else []
        elif node.tag == "p" and len(clean_text(text).split()) >= _LONG_PARAGRAPH_WORDS:
            long_before += 1
            if long_before > _MAX_LONG_BEFORE_LABELLED:
                return []
    return []


def _story_follows(walk: Iterator[tuple[html.HtmlElement | None, int, str]], words_at_end: int) -> bool:
    """Whether the walk shows running text right past the list: a paragraph with a sentence in it. A
    list followed by none is the whole post (a link roundup, a schedule), not key points leading a story."""
    for node, words_before, text in walk:
        if node is None or words_before - words_at_end > _MAX_WORDS_TO_STORY:
            return False
        if node.tag == "p" and len(text.split()) >= _MIN_SENTENCE_WORDS and _SENTENCE.search(text):
            return True
    return False


def in_running_text(node: html.HtmlElement) -> bool:
    """Whether the list follows running text in its own container (paragraphs, or text broken only by
    <br> that no paragraph count sees): a list inside the story, not key points set before it."""
    parent = node.getparent()
    words = len((parent.text or "").split()) if parent is not None else 0
    for sibling in node.itersiblings(preceding=True):
        if isinstance(sibling.tag, str) and sibling.tag not in _HEADINGS and sibling.tag not in _SKIP:
            words += len(sibling.text_content().split())
        words += len((sibling.tail or "").split())
        if words >= _MIN_RUNNING_WORDS:
            return True
    return False


def introduced(node: html.HtmlElement) -> bool:
    """Whether the text right before the list, in its own container, ends with a colon: a sentence of
    the story announcing the list ("Here is how to do it:"), unlike key points set before the story.
    Empty elements between them (anchors, ad slots, a "read more" marker) are passed over."""
    previous = node.getprevious()
    while previous is not None and _is_empty(previous):
        node, previous = previous, previous.getprevious()
    if previous is None:
        parent = node.getparent()
        text = parent.text if parent is not None else None
    elif previous.tail and previous.tail.strip():
        text = previous.tail
    else:
        text = previous.text_content() if isinstance(previous.tag, str) else None
    # A sentence trailing off into the list ("I'm betting you've felt…") announces it too, and so does
    # a last sentence that points at what follows ("Here are his first five points.").
    if text is None:
        return False
    text = text.rstrip()
    return text.endswith((":", "：", "…", "...")) or _ANNOUNCES.search(text) is not None


def _is_empty(element: html.HtmlElement) -> bool:
    """An element that shows no text, before or after it (a comment, an anchor, an empty <p>)."""
    if element.tail and element.tail.strip():
        return False
    return not isinstance(element.tag, str) or not element.text_content().strip()


def _after_headline(
    tree: html.HtmlElement, headline: str | None
) -> Iterator[tuple[html.HtmlElement | None, int, str]]:
    """Lists and paragraphs after the headline element, in order, outside page chrome, each with
    the words of text shown between the headline and it (in any element, not only paragraphs; a
    text the page repeats, such as a gallery's title on every slide, counts once) and its own text."""
    anchor = _headline_element(tree, headline)
    # Items are elements, or the tail text that follows an element once its subtree is done.
    stack = [tree] if anchor is None else _walk_after(tree, anchor)
    shown = _ShownWords()
    while stack:
        node = stack.pop()
        if isinstance(node, str):
            shown.add(node)
            continue
        if node.tail and node is not tree:
            stack.append(node.tail)
        if not isinstance(node.tag, str) or node.tag in _UNCOUNTED or _is_chrome(node):
            continue
        if node.tag in _READ:
            text = node.text_content()
            yield node, shown.words, text
            shown.add(text)
            continue
        if node.text:
            shown.add(node.text)
        stack.extend(reversed(node))
    yield None, shown.words, ""  # (the end of the walk, with every word it showed)


def _walk_after(tree: html.HtmlElement, anchor: html.HtmlElement) -> list[html.HtmlElement | str]:
    """The walk's stack just past the anchor, as a walk from the root would leave it: for each element
    from the root down to the anchor, its later siblings and its tail. Empty when the anchor is in
    chrome (the walk never reaches it). Built from the anchor's ancestors: the page before the
    headline (its header, menus) is not walked."""
    chain = [anchor]
    for ancestor in anchor.iterancestors():
        chain.append(ancestor)
        if ancestor is tree:
            break
    else:
        return []  # (not below the tree walked)
    chain.reverse()
    # (by tag and role only: the classes of the headline's own containers name states and the post's
    # tags, "header-menu-nav--closed", "tag-diy", "heading-tag-switch", not page chrome)
    if any(node.tag in _UNCOUNTED or _is_chrome_element(node) for node in chain[:-1]):
        return []
    stack: list[html.HtmlElement | str] = []
    for node in chain[1:]:
        stack.extend(reversed(list(node.itersiblings())))
        if node.tail:
            stack.append(node.tail)
    return stack


class _ShownWords:
    """Words of the distinct texts seen so far."""

    def __init__(self) -> None:
        self.words = 0
        self._seen: set[str] = set()

    def add(self, text: str) -> None:
        key = " ".join(text.split())
        if key and key not in self._seen:
            self._seen.add(key)
            self.words += key.count(" ") + 1


def _headline_element(tree: html.HtmlElement, headline: str | None) -> html.HtmlElement | None:
    """The <h1> (or, in copied text, the paragraph) that shows the headline."""
    key = normalize_key(headline or "")
    h1s = _H1(tree)
    for node in h1s:
        if normalize_key(node.text_content()) == key:
            return node
    if key:
        for node in tree.iter("p", "h2"):
            if normalize_key(node.text_content()) == key:
                return node
    return h1s[0] if h1s else None


def _is_chrome(node: html.HtmlElement) -> bool:
    """Page chrome by tag, role or name, or a box the page hides with a utility class."""
    if _is_chrome_element(node):
        return True
    classes = node.get("class", "")
    return _is_nav_attrs(f"{classes} {node.get('id', '')}") or bool(_HIDING_CLASSES & set(classes.split()))


def _is_chrome_element(node: html.HtmlElement) -> bool:
    return node.tag in _CHROME or node.get("role") in ("navigation", "menu", "complementary")


@lru_cache(maxsize=4096)  # (pages repeat their class strings)
def _is_nav_attrs(attrs: str) -> bool:
    return bool(_NAV_ATTR.search(attrs)) and not _LABEL_ATTR.search(attrs)


def list_items(node: html.HtmlElement) -> list[str]:
    """The list's item texts if it reads as key points (sentences, not links or quotes), else []."""
    lis = [li for li in node if li.tag == "li"]
    if not _MIN_ITEMS <= len(lis) <= _MAX_ITEMS:
        return []
    if any(_is_card(li) for li in lis):
        return []
    items = [clean_text(li.text_content()) for li in lis]
    if not all(_MIN_WORDS <= len(item.split()) <= _MAX_WORDS for item in items):
        return []
    if any(_mostly_links(li, item) or is_ticker_text(item) for li, item in zip(lis, items, strict=True)):
        return []
    if sum(item.isupper() for item in items) > len(items) // 2:
        return []
    if any(_MENU.search(item) for item in items):
        return []
    return items


def _is_card(li: html.HtmlElement) -> bool:
    """An item built like a teaser or feature card (its own heading, or several paragraphs): a key
    point is one sentence or two of inline text."""
    return any(True for _ in li.iter(*_HEADINGS)) or sum(1 for _ in li.iter("p")) > 1


def _mostly_links(li: html.HtmlElement, text: str) -> bool:
    linked = sum(len(clean_text(a.text_content())) for a in li.iter("a"))
    return linked >= 0.5 * len(text)


def has_key_point_label(node: html.HtmlElement) -> bool:
    """Whether the list (or its wrapper) is marked or headed as key points."""
    for el in (node, node.getparent()):
        if el is None:
            continue
        if _LABEL_ATTR.search(f"{el.get('class', '')} {el.get('id', '')}"):
            return True
        prev = el.getprevious()
        while prev is not None and not isinstance(prev.tag, str):  # comments, processing instructions
            prev = prev.getprevious()
        if prev is not None and _LABEL.match(clean_text(prev.text_content())):
            return True
    return False
