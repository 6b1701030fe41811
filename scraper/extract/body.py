"""The article body as a list of paragraphs: trafilatura's full extraction, refined.

trafilatura's whole cascade (its main-content rules, then its comparison with readability and jusText,
then its baseline rescue and recall retry) chooses the region of the page; that choice is the floor,
and nothing here replaces it with another region (only where the cascade merely widened its own
rules' result to teasers or slides around the story, that result stays: widening.py). What this
module adds is refinement inside it:
comments are never body, subheadings stay as their own paragraphs, and furniture the rules let
through (standfirsts repeated from the description, newsletter boxes, labels, bylines, credits)
is dropped.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator

from lxml import etree, html

from scraper.extract.boilerplate import drop_boilerplate
from scraper.extract.declared_body import DeclaredBody, with_declared_blocks
from scraper.extract.density import find_prose
from scraper.extract.loose_prose import with_loose_prose
from scraper.extract.main_content import fast_body, full_body
from scraper.extract.precise_cascade import precise_if_apart
from scraper.extract.slideshow import without_embedded_slides
from scraper.extract.story_end import until_comment_thread, until_end_label, without_comment_area
from scraper.extract.subheadings import bold_line_keys
from scraper.extract.text import clean_paragraphs, normalize_key
from scraper.extract.visibility import drop_hidden
from scraper.extract.widening import widens_elsewhere

_SOURCE_SEPARATOR = re.compile(r"\s[—–|-]\s")
_DESCRIPTION = etree.XPath('/descendant::meta[@name="description" or @property="og:description"]/@content')
MAX_WIDGET_CHARS = 400  # a box around a form with at most this much text is a widget, not the story

LINK_BLOCK_MIN_CHARS = 200  # only long blocks are judged by their links (short ones by boilerplate)
LINK_MIN_CHARS = 12  # link texts shorter than this ("Home", "More") are too common to count
LINK_BLOCK_SHARE = 0.6  # ... and a block of which links make up this share is navigation
# Blocks of trafilatura's output that are read whole; anything else holding one is a wrapper.
LEAF_BLOCKS = ("p", "head", "quote", "list", "code")
DUMP_PART_CHARS = 60  # paragraphs at least this long, repeated inside a table row, make it a dump
DUMP_COVERAGE = 0.8  # ... and when they make up this share of it, the row is only a repeat
SOURCE_TAIL_MAX_WORDS = 4  # a teaser's source after its link ("— The Hollywood Reporter")
MIN_GRID_ROWS = 3  # a table of at least this many rows, each with the same number (2+) of cells, is data
MIN_SHARED = 0.5  # share of the fast extraction's text that must lie inside the prose container
MIN_UNCHECKED_CHARS = 500  # with no prose container to compare, a shorter fast result is doubtful
MIN_COVERAGE = 0.5  # ... and the share of the container's text it must cover, or the full cascade runs


def extract_paragraphs(
    tree: html.HtmlElement, url: str | None, declared: DeclaredBody | None = None
) -> list[str]:
    """Main-text paragraphs of the page, in order. Rewrites the tree: call it after every other reader.

    declared: the page's JSON-LD articleBody, evidence of which blocks are the story (declared_body)."""
    drop_hidden(tree)
    not_body = standfirst_keys(tree) | title_keys(tree)
    widgets = form_widget_keys(tree)
    form_texts = form_text_keys(tree)  # (read now: the cascade may strip forms from the tree)
    bold_lines = bold_line_keys(tree)
    links = LinkKeys(tree)
    prose = drop_boilerplate(find_prose(tree).paragraphs)
    rules = fast_body(tree, url)
    body = rules.body if rules is not None else None
    texts = clean_paragraphs(body_texts(body, links)) if body is not None else []
    if not agrees_with(texts, prose):
        # The fast rules found little of the page's prose, or text elsewhere: trafilatura's full
        # cascade decides (its choice is the floor; the prose container only says when to ask),
        # unless it only widened the fast result to teasers, slides or comments around the story.
        links.read()  # (before the cascade, which may strip control characters from the tree)
        full = full_body(tree, url, rules=rules)
        if full is not None:
            def read(result: etree._Element) -> list[str]:
                return _without_link_blocks(clean_paragraphs(body_texts(result, links)), links)

            full, full_texts = precise_if_apart(tree, url, full, read(full), read, (texts, prose))
            if not widens_elsewhere(tree, texts, full_texts):
                body, texts = full, full_texts
    if body is None:
        return []
    texts = with_loose_prose(with_declared_blocks(texts, tree, declared), tree)
    headings = frozenset(clean_paragraphs([block_text(head) for head in body.iter("head")]))
    headings |= grid_rows(body, links)
    headings |= frozenset(text for text in texts if normalize_key(text) in bold_lines)
    # The furniture rules judge text alone; when they would leave nothing of what trafilatura found,
    # the page is a short one (a note, a stub) and its text is all there is. A form box that would
    # hold all of it is a short post with its comment form, not a signup card in a story.
    story = until_comment_thread(until_end_label(texts))
    kept = drop_boilerplate(without_comment_area(story), headings)
    kept = (_without(kept, not_body | widgets) or _without(texts, not_body | widgets)
            or _without(kept, not_body | form_texts))
    return without_embedded_slides(kept)


def _without_link_blocks(texts: list[str], links: Collection[str]) -> list[str]:
    """Without blocks of links, which the full cascade's whole-page rescue can return (the main rules
    drop link-dense blocks themselves)."""
    return [text for text in texts if not is_link_block(text, links)]


def agrees_with(texts: list[str], prose: list[str]) -> bool:
    """True when the extracted paragraphs mostly lie inside the prose container and cover much of it."""
    if not texts:
        return False
    texts_chars, prose_chars = sum(map(len, texts)), sum(map(len, prose))
    # No container to compare with, or one holding less prose than the rules found (a box of <p>
    # beside a story written in <br>-separated text or <div> paragraphs, a short comment): no
    # evidence that the rules missed the story, so only a result of some length is trusted.
    if prose_chars < texts_chars:
        return texts_chars >= MIN_UNCHECKED_CHARS
    in_prose = {normalize_key(p) for p in prose}
    shared = sum(len(p) for p in texts if normalize_key(p) in in_prose)
    return shared >= MIN_SHARED * texts_chars and texts_chars >= MIN_COVERAGE * prose_chars


def link_keys(tree: html.HtmlElement) -> frozenset[str]:
    """Keys of the page's link texts (read before trafilatura, whose output here carries no links)."""
    return frozenset(normalize_key(anchor.text_content() or "") for anchor in tree.iter("a"))


class LinkKeys(Collection[str]):
    """link_keys of a tree, read on first use: only bodies holding a list, and the full cascade's
    output, are checked against them (the tree must be unchanged until then)."""

    def __init__(self, tree: html.HtmlElement) -> None:
        self._tree = tree
        self._keys: frozenset[str] | None = None

    def read(self) -> frozenset[str]:
        if self._keys is None:
            self._keys = link_keys(self._tree)
        return self._keys

    def __contains__(self, key: object) -> bool:
        return key in self.read()

    def __iter__(self) -> Iterator[str]:
        return iter(self.read())

    def __len__(self) -> int:
        return len(self.read())


def is_link_block(text: str, links: Collection[str]) -> bool:
    """A paragraph made mostly of the page's link texts: a menu or a river of teasers, as trafilatura's
    whole-page rescue returns them on pages without an article."""
    key = normalize_key(text)
    if len(key) < LINK_BLOCK_MIN_CHARS:
        return False
    linked = sum(len(link) for link in links if len(link) >= LINK_MIN_CHARS and link in key)
    return linked >= LINK_BLOCK_SHARE * len(key)


def body_texts(body: etree._Element, links: Collection[str] = frozenset()) -> list[str]:
    """Texts of trafilatura's body blocks in reading order: paragraphs, quotes and subheadings one
    each, lists one paragraph per item (not lists whose every item is a link), tables one per row."""
    texts: list[str] = []
    _collect_blocks(body, texts, links)
    return _without_layout_dumps(texts, body)


def _collect_blocks(container: etree._Element, texts: list[str], links: Collection[str]) -> None:
    """Block texts below container, in order. Wrappers around the story's blocks (a <div>, or the
    rows and cells of a layout table, as trafilatura keeps them on table-laid-out pages) are opened,
    not taken whole; a data table gives one text per row."""
    if container.text and container.text.strip():
        texts.append(container.text)
    for block in container:
        if block.tag == "list":
            # A nested list's items are items of their own, not part of the item holding them.
            items = [block_text(item, skip="list") for item in block.iter("item")]
            if not all(_is_link_item(item, links) for item in items):  # a list of links: related, tags
                texts.extend(items)
        elif block.tag in LEAF_BLOCKS or not _holds_blocks(block) or _has_loose_text(block):
            rows = block.iter("row") if block.tag == "table" else [block]
            texts.extend(block_text(row) for row in rows)
        else:
            _collect_blocks(block, texts, links)
        if block.tail and block.tail.strip():
            texts.append(block.tail)


def _is_link_item(item: str, links: Collection[str]) -> bool:
    """A list item that is a link's text, alone or with its source after a dash or a pipe (teaser
    lists: "Molly Sims introduces her son! — People")."""
    if normalize_key(item) in links:
        return True
    parts = _SOURCE_SEPARATOR.split(item)
    if len(parts) < 2 or len(parts[-1].split()) > SOURCE_TAIL_MAX_WORDS:
        return False
    return normalize_key(item[: len(item) - len(parts[-1])]) in links


def grid_rows(body: etree._Element, links: Collection[str]) -> frozenset[str]:
    """Texts of the rows of data tables: short and unpunctuated ("Load map", "Gmail 17.8 MB"), they read
    as labels, but a grid of rows with the same number of cells is data, not page furniture (a layout
    table's rows and cells vary); a row that is one of the page's links (a grid of book covers and
    titles, a menu laid out as a table) stays judged as a label."""
    rows: list[str] = []
    for table in body.iter("table"):
        shape = [sum(1 for cell in row if cell.tag == "cell") for row in table.iter("row")]
        if len(shape) >= MIN_GRID_ROWS and min(shape) >= 2 and len(set(shape)) == 1:
            rows.extend(block_text(row) for row in table.iter("row"))
    return frozenset(row for row in clean_paragraphs(rows) if normalize_key(row) not in links)


def _has_loose_text(element: etree._Element) -> bool:
    """Text between the blocks of a wrapper: one paragraph broken by links the cleaning unwrapped
    ("<p>... as </p>announced<p> on the blog</p>"), read whole rather than in fragments."""
    return any(child.tail and child.tail.strip() for child in element if child.tag in LEAF_BLOCKS)


def _holds_blocks(element: etree._Element) -> bool:
    return any(True for _ in element.iter(*LEAF_BLOCKS)) if element.tag not in LEAF_BLOCKS else False


def _without_layout_dumps(texts: list[str], body: etree._Element) -> list[str]:
    """Each text once, on pages laid out with tables, where the cell holding the story comes out
    whole beside the story's own paragraphs: a row made mostly of paragraphs given elsewhere goes,
    and a row that holds more (text those paragraphs miss) stays while the paragraphs go."""
    if body.find("table") is None:
        return texts
    keys = [normalize_key(text) for text in texts]
    long_keys = {key for key in keys if len(key) >= DUMP_PART_CHARS}
    dropped: set[str] = set()
    for key in keys:
        parts = [other for other in long_keys if other != key and other in key]
        if len(parts) < 2:
            continue
        if sum(map(len, parts)) >= DUMP_COVERAGE * len(key):
            dropped.add(key)
        else:
            dropped.update(parts)
    seen: set[str] = set()
    kept = []
    for text, key in zip(texts, keys, strict=True):
        if key in dropped or key in seen:
            continue
        if key in long_keys:  # the same paragraph again, from the wrapper that repeats the story
            seen.add(key)
        kept.append(text)
    return kept


def title_keys(tree: html.HtmlElement) -> set[str]:
    """Key of the page's first <h1>: the headline, a field of its own, which the rules often keep."""
    first = next(tree.iter("h1"), None)
    key = normalize_key(first.text_content()) if first is not None else ""
    return {key} if key else set()


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


def form_text_keys(tree: html.HtmlElement) -> set[str]:
    """Keys of the texts inside forms: field labels ("Name (required)"), buttons, notes."""
    return {normalize_key(node.text_content()) for form in tree.iter("form")
            for node in form.iter("p", "label", "div", "span", "li", "small")}


def _without(paragraphs: list[str], keys: set[str]) -> list[str]:
    return [p for p in paragraphs if normalize_key(p) not in keys] if keys else paragraphs


# Elements of trafilatura's output that end a run of text: their neighbours are other words
# ("<item><hi>WebIDE</hi><p>Develop ...</p>"), unlike inline formatting inside a word.
_SEPARATE = frozenset({"lb", "p", "item", "list", "head", "quote", "cell", "row", "table", "graphic"})


def block_text(block: etree._Element, skip: str | None = None) -> str:
    """Text of one output block, with a space where a line break or a nested block separates words;
    without the text of nested `skip` elements (their tails stay)."""
    parts: list[str] = []
    _collect_text(block, parts, skip)
    return "".join(parts)


def _collect_text(element: etree._Element, parts: list[str], skip: str | None) -> None:
    parts.append(element.text or "")
    for child in element:
        separate = child.tag in _SEPARATE
        if separate:
            parts.append(" ")
        if child.tag != skip:
            _collect_text(child, parts, skip)
        if separate:
            parts.append(" ")
        parts.append(child.tail or "")
