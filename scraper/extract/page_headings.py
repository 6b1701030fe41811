"""The page's visible headings as headline evidence: its <h1>s and first subheadings outside page
chrome, the heading that links to the page itself, and, on a page with no title at all, a first line."""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree, html

from scraper.extract.text import clean_text
from scraper.extract.title_parts import MIN_H1_WORDS
from scraper.extract.urls import join_url

# A <header> inside the article or main content is the article's own header (headline, byline),
# not the page's masthead. (One ancestor::<tag> step per tag: libxml2 runs them about twice as fast
# as a single ancestor::* step testing every tag on every ancestor.)
_CHROME_ANCESTOR = etree.XPath(
    "boolean(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::dialog"
    " or ancestor::header[not(ancestor::article or ancestor::main)]"
    " or ancestor::*[@role='banner' or @role='navigation' or @role='dialog' or @aria-modal='true'])"
)
# Text of consent, cookie, newsletter and paywall dialogs: never a headline, however it is marked up.
DIALOG = re.compile(
    r"\b(?:we (?:value|care about) your privacy|(?:we|this (?:site|website)) uses? cookies"
    r"|cookie (?:settings|preferences|policy|consent)|manage (?:your )?(?:cookies|consent|privacy)"
    r"|your privacy choices"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter"
    r"|subscribe to (?:continue|read)"
    r"|already a subscriber|you(?:'ve| have) reached your (?:free )?(?:article )?limit)\b",
    re.IGNORECASE,
)
_MAX_SUBHEADINGS = 30  # enough for a blog page's post title among its sidebar headings
_HEADING_LINKS = etree.XPath("(//h1|//h2|//h3)//a[@href]")
# Permalink marks documentation generators append to headings ("Install¶").
_PERMALINK = re.compile(r"\s*[¶🔗]+$")
_MAX_H1_CHARS = 1000  # longer: a heading left unclosed, not a headline
_MAX_H1S = 5  # pages that mark every teaser as an <h1> state no headline past the first few
TITLE_LINE_MAX_WORDS = 25  # a first line longer than this is prose, not a stand-in title


def subheading_texts(tree: html.HtmlElement) -> list[str]:
    """The first <h2>s and <h3>s outside page chrome that are not dialog text."""
    # (read lazily, in document order: the search stops at the limit)
    return _heading_texts(tree.getroottree().getroot().iter("h2", "h3"), _MAX_SUBHEADINGS)


def h1_texts(tree: html.HtmlElement) -> list[str]:
    """Every <h1> outside page chrome that is not dialog text (the first few)."""
    return _heading_texts(tree.iter("h1"), _MAX_H1S)


def _heading_texts(nodes: Iterable[html.HtmlElement], limit: int) -> list[str]:
    texts = []
    for node in nodes:
        text = _PERMALINK.sub("", clean_text(_bounded_text(node)))
        if text and not DIALOG.search(text) and not _CHROME_ANCESTOR(node):
            texts.append(text)
            if len(texts) == limit:
                break
    return texts


def _bounded_text(node: html.HtmlElement) -> str:
    """The text of an element, or "" when it runs past a headline's length: an <h1> left unclosed
    can hold the whole page, and reading all of it would cost more than the rest of this module."""
    parts, size = [], 0
    for part in node.itertext():
        parts.append(part)
        size += len(part)
        if size > _MAX_H1_CHARS:
            return ""
    return "".join(parts)


def permalink_heading(tree: html.HtmlElement, url: str | None) -> str | None:
    """A page that declares no title of its own (its <title> is the blog's name): the first heading
    that links to the page itself, by its URL or as the permalink (rel="bookmark"), as blog themes
    title their posts."""
    here = _url_key(url) if url else None
    for link in _HEADING_LINKS(tree):
        href = join_url(url, link.get("href"))  # (a theme may write the permalink relative: "/2012/10/post/")
        if "bookmark" in (link.get("rel") or "").split() or (here and _url_key(href) == here):
            text = _PERMALINK.sub("", clean_text(_bounded_text(link)))
            if len(text.split()) >= MIN_H1_WORDS and not DIALOG.search(text) and not _CHROME_ANCESTOR(link):
                return text
    return None


def _url_key(url: str | None) -> str:
    """A URL without scheme, fragment and trailing slash: two spellings of one page compare equal."""
    url = (url or "").split("#", 1)[0].strip()
    return url.split("://", 1)[-1].rstrip("/").lower()


def first_text_line(tree: html.HtmlElement) -> str | None:
    """A page with no title at all: its first paragraph, when it is short enough to be a title line
    (a whole paragraph of prose, or a sentence ending in a full stop, is body, not a headline)."""
    for node in tree.iter("p"):
        text = clean_text(node.text_content())
        if text:
            return text if _title_line(text) else None
    return None


def _title_line(text: str) -> bool:
    """Whether a page's first line can stand in for its title."""
    return len(text.split()) <= TITLE_LINE_MAX_WORDS and not _ends_sentence(text)


def _ends_sentence(text: str) -> bool:
    """Whether `text` ends in a sentence's full stop. Headlines do not (1 of the data sets' 169
    headlines does, after "N.Y.C."): a first line that does is the story's first sentence."""
    text = text.rstrip("\"'”’)")  # the stop inside a closing quote ("... the country.")
    if not text.endswith(".") or text.endswith(".."):
        return False
    last = text[:-1].rstrip("\"'”’)").rsplit(None, 1)[-1]
    return len(last) >= 2 and last.isalpha() and not last.isupper()
