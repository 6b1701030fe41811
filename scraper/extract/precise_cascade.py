"""A second opinion for doubtful pages: trafilatura's cascade with favor_precision.

When the fast rules' result is doubtful, trafilatura's default cascade decides the region (body.py).
On some pages that cascade settles on the wrong region: a slideshow's captions, a river of teasers, a
site blurb beside a short post. The same cascade with favor_precision prunes such sections before it
compares its candidates, and then picks a different region. Where the two disagree (they share less
than half their text), the precise one is the story more often: measured end to end on the
development sets, dragnet/ 17 pages better and 4 worse (0.899 -> 0.904), readability/ 1 and 1, dev/
none such. Except when it is one paragraph of prose (beside labels) against the default's several:
that is a blurb (a site description, an author box, a video's synopsis) and the default cascade
found the post around it. The second cascade runs only on doubtful pages where the first one ran,
and not where the first one agrees with both the fast rules' result and the prose container (a
quarter of them).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree, html

from scraper.extract.boilerplate import drop_boilerplate
from scraper.extract.main_content import full_body
from scraper.extract.text import normalize_key

MAX_SHARED = 0.5  # share of their text two results hold in common (by length), below which they disagree


def precise_if_apart(
    tree: html.HtmlElement, url: str | None, full: etree._Element, full_texts: list[str],
    read: Callable[[etree._Element], list[str]], views: tuple[list[str], ...] = (),
) -> tuple[etree._Element, list[str]]:
    """The precise cascade's body and texts where it disagrees with the default one's, else full's.

    views: other readings of the page (the fast rules' result, the prose container); when the default
    cascade agrees with every one of them, the region is settled and the second cascade is not run."""
    if views and all(shared(full_texts, view) >= MAX_SHARED for view in views):
        return full, full_texts
    precise = full_body(tree, url, precision=True)
    if precise is None:
        return full, full_texts
    precise_texts = read(precise)
    if not precise_texts or shared(full_texts, precise_texts) >= MAX_SHARED:
        return full, full_texts
    if len(drop_boilerplate(precise_texts)) <= 1 < len(drop_boilerplate(full_texts)):
        return full, full_texts
    return precise, precise_texts


def shared(a: list[str], b: list[str]) -> float:
    """Share of their text two paragraph lists hold in common (Dice over paragraph keys, by length).
    A paragraph counts as shared when it lies inside the other list's text: the cascades cut the same
    text differently where it is written as <br>-separated lines (one takes a section whole, the other
    its lines one by one), and such results agree."""
    keys_a, keys_b = dict.fromkeys(map(normalize_key, a)), dict.fromkeys(map(normalize_key, b))  # in order
    size_a, size_b = sum(map(len, keys_a)), sum(map(len, keys_b))
    if not size_a or not size_b:
        return 0.0
    text_a, text_b = f" {' '.join(keys_a)} ", f" {' '.join(keys_b)} "
    in_b = sum(len(k) for k in keys_a if f" {k} " in text_b)
    in_a = sum(len(k) for k in keys_b if f" {k} " in text_a)
    return (in_a + in_b) / (size_a + size_b)

