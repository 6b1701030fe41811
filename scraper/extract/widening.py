"""Whether the full cascade's wider result adds the story's missing parts or other content.

When the fast rules' result is doubtful (body.py), trafilatura's full cascade runs and usually wins:
it finds the story's paragraphs the rules missed. On some pages, though, the fast result is the whole
story and the cascade widens to the page around it: a river of teasers for other stories, a
slideshow, a comment thread, reprint notices. What it adds then lies outside the container of the
fast result's paragraphs and is scattered over many small containers (one card, one slide, one
comment each), while a story's missing paragraphs sit together, most of them in one or two
containers (a second chunk of the body after an ad slot, the paragraphs below a lead).
"""

from __future__ import annotations

from lxml import html

from scraper.extract.text import normalize_key

# Source elements whose text makes one block of trafilatura's output.
_SOURCE_TAGS = ("p", "li", "h2", "h3", "h4", "h5", "h6", "blockquote", "td", "dd", "pre")
_PARAGRAPH_TAGS = frozenset(_SOURCE_TAGS)
MIN_FAST_KEPT = 0.8  # share of the fast result's text the full one must repeat (it widened, not moved)
MIN_OUTSIDE = 0.8  # share of the added (located) text away from the fast result's container
MIN_CONTAINERS_PER_BLOCK = 0.5  # added blocks in at least this many distinct parents each: scattered


def widens_elsewhere(tree: html.HtmlElement, fast: list[str], full: list[str]) -> bool:
    """True when full is fast plus blocks from elsewhere on the page, scattered over many small
    containers (teaser cards, slides, comments): then the fast result is the story."""
    fast_keys = {normalize_key(text) for text in fast}
    full_keys = {normalize_key(text) for text in full}
    kept = sum(len(text) for text in fast if normalize_key(text) in full_keys)
    if not fast or kept < MIN_FAST_KEPT * sum(map(len, fast)):
        return False
    added = [text for text in full if normalize_key(text) not in fast_keys]
    if not added:
        return False
    sources = _sources(tree)
    container = _common_container([sources[key] for key in fast_keys if key in sources])
    if container is None:
        return False
    inside = set(container.iter())
    located = [(sources[key], len(key)) for key in map(normalize_key, added) if key in sources]
    if not located:
        return False
    outside = sum(size for block, size in located if block not in inside and not _beside(block, container))
    parents = {element.getparent() for element, _ in located}
    return (
        outside >= MIN_OUTSIDE * sum(size for _, size in located)
        and len(parents) >= MIN_CONTAINERS_PER_BLOCK * len(located)
    )


def _beside(element: html.HtmlElement, container: html.HtmlElement) -> bool:
    """A block next to the container, or in a box next to it: another chunk of the same story (split by
    an ad slot or a pull quote), a lead paragraph left above the container."""
    parent = container.getparent()
    return parent is not None and parent in (element.getparent(), _grandparent(element))


def _grandparent(element: html.HtmlElement) -> html.HtmlElement | None:
    parent = element.getparent()
    return parent.getparent() if parent is not None else None


def _sources(tree: html.HtmlElement) -> dict[str, html.HtmlElement]:
    """The first source element of each block text on the page, by comparison key."""
    sources: dict[str, html.HtmlElement] = {}
    for element in tree.iter(*_SOURCE_TAGS):
        key = normalize_key(element.text_content())
        if key and key not in sources:
            sources[key] = element
    return sources


def _common_container(elements: list[html.HtmlElement]) -> html.HtmlElement | None:
    """The deepest element holding all the given ones, when that is a container (not one paragraph:
    a fast result of a single block says nothing about where the story's other parts are)."""
    if not elements:
        return None
    common = [elements[0], *elements[0].iterancestors()]  # deepest first
    for other in elements[1:]:
        chain = {other, *other.iterancestors()}
        common = [node for node in common if node in chain]
    container = common[0] if common else None
    return None if container is None or container.tag in _PARAGRAPH_TAGS else container
