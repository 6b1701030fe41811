"""Story paragraphs in a sibling of the story's box: one story split in two boxes by an inline box.

Templates that put a rail, an ad slot or a share bar inside the story close the story's box before it
and open a second box of the same kind after it ("<div class=body>lead</div><div class=rail/>
<div class=body>rest</div>"). The main-content rules then keep one part, most often the longer one, and
lose the lead or the end. A box next to the story's own (at most MAX_GAP boxes away), of the same tag
and with its classes (or some of them, or more), made of paragraphs of prose and holding no headline
or linked heading, is the story's other part, as readability-style extractors read it (their siblings
of the top candidate with its class). A teaser or the next post carries a linked heading, a comment
box its marks.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import html

from scraper.extract.text import clean_text, normalize_key

MAX_LEVELS = 3  # how far above the paragraphs' deepest container the story's box may be
MAX_GAP = 3  # boxes (a rail, an ad slot, a share bar) allowed between the two parts
MIN_PARAGRAPH_CHARS = 80  # a shorter paragraph is a label, a date, a credit
MIN_PROSE_SHARE = 0.6  # share of the part's text its prose paragraphs must hold
MAX_LINK_SHARE = 0.3  # a paragraph made more of link text than this is a list of links
_SENTENCE_STOP = re.compile(r"[.!?…:][\"”’)\]]*$")
_NOT_STORY = re.compile(
    r"comment|repl(?:y|ies)|related|teaser|promo|sponsor|newsletter|subscribe|advert|\bads?\b|footer"
    r"|\bbio|author|byline|caption",
    re.I,
)
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


def split_parts(
    container: html.HtmlElement, known: Collection[str]
) -> tuple[list[str], list[str]]:
    """Paragraphs of the story's other part before and after the box around container (the deepest
    element holding the extracted paragraphs); known: keys of the paragraphs the body holds."""
    box = container
    for _ in range(MAX_LEVELS):
        parent = box.getparent()
        if parent is None or box.tag in {"body", "html"}:
            break
        classes = _classes(box)
        if classes:
            before = _part(box, classes, known, preceding=True)
            after = _part(box, classes, known, preceding=False)
            if before or after:
                return before, after
        box = parent
    return [], []


def _part(box: html.HtmlElement, classes: set[str], known: Collection[str], preceding: bool) -> list[str]:
    """Prose paragraphs of the nearest sibling of box with its tag and its classes, on one side."""
    gap = 0
    for sibling in box.itersiblings(preceding=preceding):
        if not isinstance(sibling.tag, str) or sibling.tag in {"script", "style", "noscript", "br"}:
            continue
        other = _classes(sibling)
        if sibling.tag == box.tag and other and (other <= classes or classes <= other):
            return _paragraphs(sibling, known)
        gap += 1
        if gap > MAX_GAP:
            break
    return []


def _paragraphs(part: html.HtmlElement, known: Collection[str]) -> list[str]:
    """The part's paragraphs, when it is made of prose paragraphs new to the body and holds no
    headline, no linked heading and no box marked as comments, teasers or a byline."""
    if _NOT_STORY.search(box_marks(part)):
        return []
    for heading in part.iter(*_HEADINGS):
        if heading.tag == "h1" or next(heading.iter("a"), None) is not None:
            return []
    if any(_NOT_STORY.search(box_marks(inner)) for inner in part.iter("div", "section", "aside")):
        return []
    texts = []
    for paragraph in part.iter("p"):
        text = clean_text(paragraph.text_content())
        links = sum(len(clean_text(anchor.text_content())) for anchor in paragraph.iter("a"))
        if (len(text) >= MIN_PARAGRAPH_CHARS and _SENTENCE_STOP.search(text)
                and links <= MAX_LINK_SHARE * len(text) and normalize_key(text) not in known):
            texts.append(text)
    whole = len(clean_text(part.text_content()))
    return texts if texts and sum(map(len, texts)) >= MIN_PROSE_SHARE * whole else []


def _classes(element: html.HtmlElement) -> set[str]:
    return set((element.get("class") or "").split())


def box_marks(element: html.HtmlElement) -> str:
    """A box's classes and id, as one string for the patterns that name what a box holds."""
    return f"{element.get('class') or ''} {element.get('id') or ''}"
