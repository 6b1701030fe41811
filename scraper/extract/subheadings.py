"""Subheadings written as bold paragraphs: `<p><strong>The leader of leaders</strong></p>`.

Many pages mark a section heading inside the story not with <h2>-<h6> but with a paragraph whose only
text is bold. trafilatura's output keeps it as a plain paragraph, where, short and unpunctuated, it
reads as a label of page furniture; the page's markup says it is a heading, judged as one.
"""

from __future__ import annotations

from lxml import html

from scraper.extract.text import normalize_key

_BOLD = ("b", "strong")
_INLINE = frozenset({"span", "a", "em", "i", "u", "b", "strong", "font"})
_BLOCKS = frozenset({"p", "div", "li", "td"})
MAX_HEADING_CHARS = 120  # longer bold text is an emphasized sentence or a standfirst, not a heading


def bold_line_keys(tree: html.HtmlElement) -> frozenset[str]:
    """Keys of the texts of blocks whose whole text is bold (and has a word in it)."""
    keys: set[str] = set()
    for bold in tree.iter(*_BOLD):
        key = normalize_key(bold.text_content())
        if not key or len(key) > MAX_HEADING_CHARS or key in keys:
            continue
        block = bold.getparent()
        while block is not None and block.tag in _INLINE:
            block = block.getparent()
        if block is not None and block.tag in _BLOCKS and normalize_key(block.text_content()) == key:
            keys.add(key)
    return frozenset(keys)
