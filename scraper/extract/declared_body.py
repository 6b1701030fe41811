"""The body the page declares: JSON-LD `articleBody` as evidence of which of the page's blocks are the story.

Pages that split the story into several containers (chunks between ad slots, a "continue reading"
part) lead main-content rules to keep only the first one. When the publisher's own `articleBody`
holds much more than was extracted, and what was extracted lies inside it, the page's blocks whose
text `articleBody` contains are the story, in document order. Only the page's visible blocks are
used: `articleBody` says which blocks belong, never supplies text of its own (it can carry markup
leftovers, and a paywalled page's `articleBody` can hold text its HTML does not show).
"""

from __future__ import annotations

import html as html_entities
import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from lxml import html

from scraper.extract.text import clean_text, normalize_key

MIN_DECLARED_CHARS = 1000  # a shorter articleBody is a teaser or a description, no evidence of more
MIN_GAIN = 1.3  # the declared body must be this much longer than the extracted one to look further
MIN_INSIDE = 0.8  # share of the extracted text that must lie inside the declared body (same story)
MIN_COVERED = 0.9  # share of the extracted text the declared blocks must keep (nothing real lost)
MIN_BLOCK_CHARS = 25  # shorter paragraph texts ("Photo", "Advertisement") match too easily
MIN_HEADING_CHARS = 12
MIN_PAIRS_INSIDE = 0.8  # share of a block's word pairs the declared body must hold for it to belong
_BLOCKS = ("p", "h2", "h3", "h4", "li", "blockquote")
_HEADINGS = frozenset({"h2", "h3", "h4"})
_HIDDEN = frozenset({"script", "style", "noscript", "template", "textarea"})
_TAG = re.compile(r"<[^>]{0,400}>")
# Link targets some publishers leave inline in articleBody ("[a film](https://...)"): not text.
_URL = re.compile(r"\bhttps?://[^\s)\]>\"']+")


@dataclass(frozen=True)
class DeclaredBody:
    """The declared body as word pairs (tolerant of the markup and spacing articleBody varies in)."""

    words: int
    keyed: tuple[str, ...] = field(repr=False)  # its words, normalized

    @cached_property
    def pairs(self) -> frozenset[tuple[str, str]]:
        """Its word pairs, made only when a text is tested against them: most pages keep their
        extraction after the word count alone (with_declared_blocks)."""
        return frozenset(zip(self.keyed, self.keyed[1:], strict=False))  # (no list: thousands of pairs)

    def holds(self, text: str) -> bool:
        """Whether nearly all of text's word pairs occur in the declared body."""
        pairs = _pairs(normalize_key(text).split())
        # (counted by a C-level map over the pairs: every block of the page is tested)
        return bool(pairs) and sum(map(self.pairs.__contains__, pairs)) >= MIN_PAIRS_INSIDE * len(pairs)


def declared_body(article: dict[str, Any]) -> DeclaredBody | None:
    """The JSON-LD article's `articleBody`, or None when it is absent or short."""
    body = article.get("articleBody")
    if isinstance(body, list):
        body = " ".join(part for part in body if isinstance(part, str))
    if not isinstance(body, str) or len(body) < MIN_DECLARED_CHARS:
        return None
    words = normalize_key(_URL.sub(" ", _TAG.sub(" ", html_entities.unescape(body)))).split()
    return DeclaredBody(len(words), tuple(words))


def _pairs(words: list[str] | tuple[str, ...]) -> list[tuple[str, str]]:
    return list(zip(words, words[1:], strict=False))


def declared_blocks(tree: html.HtmlElement, declared: DeclaredBody | None) -> list[str]:
    """Texts of the page's blocks that the declared body holds, in document order, each once."""
    if declared is None:
        return []
    texts: list[str] = []
    seen: set[str] = set()
    for block in tree.iter(*_BLOCKS):
        if _read_elsewhere(block):
            continue
        text = clean_text(block.text_content())
        key = normalize_key(text)
        minimum = MIN_HEADING_CHARS if block.tag in _HEADINGS else MIN_BLOCK_CHARS
        if len(key) >= minimum and key not in seen and declared.holds(text):
            seen.add(key)
            texts.append(text)
    return texts


_SKIPPED_ABOVE = frozenset(_BLOCKS) | _HIDDEN


def _read_elsewhere(element: html.HtmlElement) -> bool:
    """Nested in another block (a <p> in an <li>: read with its outer block) or in a script or template."""
    return any(ancestor.tag in _SKIPPED_ABOVE for ancestor in element.iterancestors())


def with_declared_blocks(
    texts: list[str], tree: html.HtmlElement, declared: DeclaredBody | None
) -> list[str]:
    """The page's declared blocks instead of the extracted texts when the extraction is one part of
    the declared story (inside it, much shorter) and the blocks keep what it found; else the texts."""
    if declared is None:
        return texts
    chars = sum(map(len, texts))
    if chars == 0 or declared.words < MIN_GAIN * sum(len(text.split()) for text in texts):
        return texts
    if sum(len(text) for text in texts if declared.holds(text)) < MIN_INSIDE * chars:
        return texts
    blocks = declared_blocks(tree, declared)  # read only now: most pages stop at the checks above
    kept = {normalize_key(block) for block in blocks}
    joined = " ".join(kept)
    covered = sum(len(text) for text in texts if (key := normalize_key(text)) in kept or key in joined)
    if covered < MIN_COVERED * chars or sum(map(len, blocks)) < MIN_GAIN * chars:
        return texts
    return blocks
