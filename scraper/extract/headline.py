"""The headline, without site suffixes.

Headline policy: the publisher's declared headline comes first (og:title, then the JSON-LD article
headline, then twitter:title, then <title>), each with site suffixes (" | Reuters", " - BBC News")
removed. The visible <h1> is used when no metadata names a headline, or when the declared headline
is cut short ("...") and an <h1> carries the whole of it. An <h1> in page chrome (header, nav,
footer, dialogs), equal to the site name, or of one or two words (logos, "Log In", section names)
is never taken.
"""

from __future__ import annotations

import html as html_lib
import re

from lxml import etree, html

from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.site import KNOWN_SITES, MAX_NAME_WORDS, is_site_name, site_names
from scraper.extract.text import clean_text, normalize_key

_H1 = etree.XPath("//h1")
_CHROME_ANCESTOR = etree.XPath(
    "ancestor::*[self::header or self::nav or self::footer or self::aside or self::dialog"
    " or @role='banner' or @role='navigation' or @role='dialog' or @aria-modal='true']"
)
# A separator between a headline and a trailing (or leading) site name or section.
_PIPE = re.compile(r"\s+[|｜]\s+")
_DASH_OR_COLON = re.compile(r"\s+[-–—:·•»*~]\s+")
_SEGMENTS = re.compile(r"\s+[|｜\-–—:·•»*~]\s+")
_MARKUP = re.compile(r"<[A-Za-z/!][^<>]*>")
# Text of consent, cookie, newsletter and paywall dialogs: never a headline, however it is marked up.
_DIALOG = re.compile(
    r"\b(?:we (?:value|care about) your privacy|(?:we|this (?:site|website)) uses? cookies"
    r"|cookie (?:settings|preferences|policy|consent)|manage (?:your )?(?:cookies|consent|privacy)"
    r"|your privacy choices"
    r"|(?:sign up|subscribe) (?:for|to) (?:our|the) newsletter"
    r"|subscribe to (?:continue|read)"
    r"|already a subscriber|you(?:'ve| have) reached your (?:free )?(?:article )?limit)\b",
    re.IGNORECASE,
)
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
_MAX_SUFFIX_WORDS = MAX_NAME_WORDS
TITLE_LINE_MAX_WORDS = 25  # a first line longer than this is prose, not a stand-in title


def extract_headline(tree: html.HtmlElement, meta: PageMeta, url: str | None = None) -> str | None:
    """The article's title without site suffixes (see the module docstring for the order)."""
    names = site_names(meta, url)
    declared = [
        meta.first("og:title"),
        jsonld_text(meta.article.get("headline")),
        meta.first("twitter:title"),
        meta.title,
    ]
    h1 = best_h1(tree, names)
    for candidate in declared:
        if candidate and not _DIALOG.search(candidate):
            title = strip_site_suffix(_as_text(candidate), names)
            if title and not is_site_name(title, names):
                return _complete_from_h1(_segment_matching(title, h1), h1)
    return h1 or _first_text_line(tree)


def strip_site_suffix(title: str, names: set[str] | frozenset[str] = KNOWN_SITES) -> str:
    """Remove trailing (and leading) site names and sections from a page title."""
    title = clean_text(title)
    parts = _PIPE.split(title)
    if len(parts) > 1:
        # " | " almost never occurs inside a headline: keep the longest segment.
        title = max(parts, key=lambda p: len(p.split()))
    while True:
        shorter = _strip_named_suffix(title, names)
        if shorter == title:
            return title
        title = shorter


def _strip_named_suffix(title: str, names: set[str] | frozenset[str]) -> str:
    """Drop one trailing " - Site" when Site is a known name of the page (never an arbitrary tail)."""
    matches = list(_DASH_OR_COLON.finditer(title))
    if not matches:
        return title
    last = matches[-1]
    tail = title[last.end():]
    if len(tail.split()) <= _MAX_SUFFIX_WORDS and is_site_name(tail, names) and last.start() > 0:
        return title[: last.start()].strip()
    return title


def _complete_from_h1(title: str, h1: str | None) -> str:
    """A declared headline cut short ("...") is replaced by the <h1> that starts the same way."""
    if not _TRUNCATED.search(title):
        return title
    stem = normalize_key(_TRUNCATED.sub("", title))
    return h1 if h1 and normalize_key(h1).startswith(stem) else title


def _segment_matching(title: str, h1: str | None) -> str:
    """The part of a title that the page's <h1> repeats, when the rest is a site name or section the
    page does not declare ("Story headline - National - Daily Courier" with <h1> "Story headline")."""
    if not h1:
        return title
    parts = _SEGMENTS.split(title)
    if len(parts) < 2:
        return title
    wanted = normalize_key(h1)
    for end in range(len(parts) - 1, 0, -1):  # the headline leads, the site trails
        if normalize_key(" ".join(parts[:end])) == wanted:
            return h1
    # A site name may lead instead, when it is shorter than the headline it precedes.
    for start in range(1, len(parts)):
        rest = " ".join(parts[start:])
        if normalize_key(rest) == wanted and len(rest.split()) > len(" ".join(parts[:start]).split()):
            return h1
    return title


def best_h1(tree: html.HtmlElement, names: set[str] | frozenset[str] = KNOWN_SITES) -> str | None:
    """The first <h1> outside page chrome that is not the site's name, a logo or a section name."""
    for node in _H1(tree):
        text = clean_text(node.text_content())
        if len(text.split()) < 3 or is_site_name(text, names) or _CHROME_ANCESTOR(node):
            continue
        return text
    return None


def _as_text(text: str) -> str:
    """Declared titles as plain text: entities unescaped (some sites double-escape them inside JSON-LD
    and meta content, "&#039;") and markup some templates leave in them removed."""
    text = html_lib.unescape(text) if "&" in text else text
    return _MARKUP.sub(" ", text) if "<" in text else text


def _first_text_line(tree: html.HtmlElement) -> str | None:
    """A page with no title at all: its first paragraph, when it is short enough to be a title line
    (a whole paragraph of prose is body, not a headline)."""
    for node in tree.iter("p"):
        text = clean_text(node.text_content())
        if text:
            return text if len(text.split()) <= TITLE_LINE_MAX_WORDS else None
    return None
