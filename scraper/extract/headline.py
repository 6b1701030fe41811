"""The headline, without site suffixes.

Headline policy: every field where a page states its headline is a candidate: the JSON-LD article
headline, the Dublin Core title, og:title and twitter:title (one source: the social title),
parsely-title and <title>, each without the site's names (og:site_name, the JSON-LD publisher, the
domain, and a name an <h1> shows at the end of <title>). The candidate the most other sources state
wins, the visible <h1>s voting too; a source states its whole text and each run of its segments
that can be a headline ("Story - Section - Site" states "Story"), and texts one word apart agree.
A tie goes to the candidate the <h1> states (what readers see), then to the first in the order
above. With no declared title, the first <h1> of three words or more is the headline. An <h1> in
page chrome (masthead, nav, footer, dialogs) never counts, nor does text of consent, cookie,
newsletter or paywall dialogs anywhere.
"""

from __future__ import annotations

import html as html_lib
import re
from collections.abc import Callable, Iterable
from functools import cache

from lxml import etree, html

from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.site import is_site_name, site_names
from scraper.extract.text import clean_text, normalize_key
from scraper.extract.title_parts import (
    MIN_H1_WORDS,
    SEGMENTS,
    complete_from_h1,
    h1_completing,
    h1_leading,
    heading_in_whole_title,
    headline_runs,
    names_itself,
    segment_heading,
    segment_matching,
    shorter,
    small_end_of,
    strip_site_suffix,
    without_site_names,
)
from scraper.extract.urls import join_url

# A <header> inside the article or main content is the article's own header (headline, byline),
# not the page's masthead. (One ancestor::<tag> step per tag: libxml2 runs them about twice as fast
# as a single ancestor::* step testing every tag on every ancestor.)
_CHROME_ANCESTOR = etree.XPath(
    "boolean(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::dialog"
    " or ancestor::header[not(ancestor::article or ancestor::main)]"
    " or ancestor::*[@role='banner' or @role='navigation' or @role='dialog' or @aria-modal='true'])"
)
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
_MAX_SUBHEADINGS = 30  # enough for a blog page's post title among its sidebar headings
_HEADING_LINKS = etree.XPath("(//h1|//h2|//h3)//a[@href]")
# Permalink marks documentation generators append to headings ("Install¶").
_PERMALINK = re.compile(r"\s*[¶🔗]+$")
# Fields only ever meant to hold a headline (Dublin Core and <title> hold a blog's name as often).
_HEADLINE_FIELDS = ("jsonld", "social", "parsely")
_MIN_FUZZY_WORDS = 4  # shorter titles must match word for word
_MAX_H1_CHARS = 1000  # longer: a heading left unclosed, not a headline
_MAX_H1S = 5  # pages that mark every teaser as an <h1> state no headline past the first few
TITLE_LINE_MAX_WORDS = 25  # a first line longer than this is prose, not a stand-in title


def extract_headline(tree: html.HtmlElement, meta: PageMeta, url: str | None = None) -> str | None:
    """The article's title without site suffixes (see the module docstring for the order)."""
    declared = _declared(meta)
    h1s = _h1_texts(tree)
    subheadings = cache(lambda: _subheading_texts(tree))  # (read once, and only when a rule asks)
    names = site_names(meta, url)
    names |= _names_beside_title(meta.title, h1s, declared, lambda: without_site_names(subheadings(), names))
    h1s = [text for text in h1s if not is_site_name(text, names)]
    # A one- or two-word <h1> (a logo, "Log In", a section) may confirm a title but is never one alone.
    h1 = next((text for text in h1s if len(text.split()) >= MIN_H1_WORDS), None)
    candidates = []
    for source, raw in declared:
        text = _candidate_text(source, raw, names, h1s, meta.title)
        if text:
            candidates.append((source, text))
    if not candidates:
        return h1 or _permalink_heading(tree, url) or _first_text_line(tree)
    best = _most_stated(candidates, h1s, lambda: [*subheadings(), _permalink_heading(tree, url) or ""])
    title_text = next((text for source, text in candidates if source == "title"), None)
    matched = segment_matching(best, h1s)
    # (a social title that only copies <title>, site name and all, states nothing of its own; an <h1>
    # stating the whole title does)
    stated = [text for source, text in candidates if source in _HEADLINE_FIELDS
              and not (source == "social" and text == title_text)]
    if matched == best and best not in stated + h1s:
        matched = segment_heading(best, subheadings())
        if matched == best and best == title_text:
            whole = clean_text(_as_text(meta.title))
            matched = heading_in_whole_title(whole, best, without_site_names(subheadings(), names))
    return complete_from_h1(matched, h1)


def _candidate_text(
    source: str, raw: str | None, names: set[str] | frozenset[str], h1s: list[str], title: str
) -> str | None:
    """A declared title as a headline candidate: for <title>, the part an <h1> repeats when there is
    one; a Dublin Core title that is only the small end of <title> is the blog's name, not a headline."""
    if source == "title" and raw:
        whole = clean_text(_as_text(raw))
        led = h1_leading(whole, h1s, names)
        led = led if led != whole else h1_completing(whole, h1s, names)
        matched = led if led != whole else segment_matching(whole, h1s)
        if matched != whole:
            return matched
    text = _declared_text(raw, names)
    if text and source not in _HEADLINE_FIELDS and source != "title" and small_end_of(text, title):
        return None
    return text


def _names_beside_title(
    title: str, h1s: list[str], declared: list[tuple[str, str | None]], subheadings: Callable[[], list[str]]
) -> set[str]:
    """Keys of a site name the page shows beside its headline without declaring it: the last segment
    of <title> when an <h1> (a logo) states it alone, it is shorter than the rest of the title and no
    headline field states it ("Story headline « Ann's Blog" with an <h1> "Ann's Blog"). Another end of
    the title (a first segment, or several) is taken so only when an <h2> or <h3> states the rest of the
    title (the post's own heading): short headlines lead titles as often as blog names do."""
    parts = SEGMENTS.split(clean_text(title))
    headlines = {normalize_key(_as_text(raw)) for kind, raw in declared if raw and kind in _HEADLINE_FIELDS}
    # A first segment <title> states twice in a row ("High Scalability - High Scalability - Story")
    # is the site's name, which a template put before a title that already had it.
    first = normalize_key(parts[0])
    if len(parts) > 2 and first == normalize_key(parts[1]) and first not in headlines:
        return {first}
    # An end segment that calls itself a blog or website ("Almost There - Hacker Monthly Blog",
    # "Post – My website") is the site's name; a first segment only when shorter than the rest, as
    # short names lead titles no more often than headlines do.
    ends = [parts[-1], parts[0]] if len(parts) > 1 else []
    if ends and not shorter(parts[0], parts[1:]):
        ends.pop()
    blogs = {normalize_key(part) for part in ends if names_itself(part)}
    if blogs - headlines:
        return blogs - headlines
    if len(parts) < 2 or not h1s:
        return set()
    h1_keys = set(map(normalize_key, h1s))
    key = normalize_key(parts[-1])
    if key in h1_keys and key not in headlines and shorter(parts[-1], parts[:-1]):
        return {key}
    # Either end of the title, one segment or several ("danah boyd | apophenia » Post"), that a logo
    # <h1> states while an <h2> or <h3> states the rest (the post's own heading, a headline's length).
    shown: set[str] | None = None  # (the lower headings' keys, read once and only when an end qualifies)
    for cut in range(1, len(parts)):
        for end, rest in ((parts[:cut], parts[cut:]), (parts[cut:], parts[:cut])):
            key, rest_text = normalize_key(" ".join(end)), " ".join(rest)
            if key not in h1_keys or key in headlines or len(rest_text.split()) < MIN_H1_WORDS:
                continue
            shown = set(map(normalize_key, subheadings())) if shown is None else shown
            if normalize_key(rest_text) in shown:
                return {key}
    return set()


def _declared(meta: PageMeta) -> list[tuple[str, str | None]]:
    """(source, text) of every headline the page declares, in the order ties are broken; og:title and
    twitter:title are one source (the social title, copied from network to network)."""
    return [
        ("jsonld", jsonld_text(meta.article.get("headline"))),
        ("dublin core", meta.first("dc:title", "dcterms:title", "dc.title", "dcterms.title")),
        ("social", meta.first("og:title")),
        ("social", meta.first("twitter:title")),
        ("parsely", meta.first("parsely-title")),
        ("title", meta.title),
    ]


def _declared_text(raw: str | None, names: set[str] | frozenset[str]) -> str | None:
    """A declared title as plain text without site names; None for dialog text or the site's name."""
    if not raw or _DIALOG.search(raw):
        return None
    title = strip_site_suffix(_as_text(raw), names)
    return title if title and not is_site_name(title, names) else None


def _most_stated(
    candidates: list[tuple[str, str]], h1s: list[str], subheadings: Callable[[], list[str]]
) -> str:
    """The candidate the most other sources state; a tie goes to the one the visible <h1> states
    (what readers see), then to one an <h2>, <h3> or permalink heading states (a blog theme titles its
    post so, while a site-wide social title describes the site), then to the first in declared order."""
    stated: dict[str, list[frozenset[str]]] = {}
    for source, text in candidates:
        stated.setdefault(source, []).extend(map(_words, headline_runs(text)))
    stated["h1"] = list(map(_words, h1s))

    def rank(item: tuple[int, tuple[str, str]]) -> tuple[int, bool]:
        words = _words(item[1][1])
        support = sum(1 for other, texts in stated.items() if other != item[1][0] and _agree(words, texts))
        return support, _agree(words, stated["h1"])

    ranked = [(rank(item), item) for item in enumerate(candidates)]
    top = max(key for key, _ in ranked)
    tied = [item for key, item in ranked if key == top]
    if len({text for _, (_, text) in tied}) > 1:  # (read the lower headings only for a tie)
        lower = list(map(_words, subheadings()))

        def shown(item: tuple[int, tuple[str, str]]) -> bool:
            return any(_agree(_words(run), lower) for run in headline_runs(item[1][1]))

        return max(tied, key=lambda item: (shown(item), -item[0]))[1][1]
    return tied[0][1][1]


def _words(text: str) -> frozenset[str]:
    return frozenset(normalize_key(text).split())


def _agree(words: frozenset[str], others: list[frozenset[str]]) -> bool:
    """Whether one of others is the same headline: the same words, or one word more or less in a
    headline of several ("The seven secrets" / "Seven secrets", "Dropbox's ATF" / "Dropbox ATF")."""
    for other in others:
        if words == other or (len(words ^ other) <= 1 and min(len(words), len(other)) >= _MIN_FUZZY_WORDS):
            return True
    return False


def _subheading_texts(tree: html.HtmlElement) -> list[str]:
    """The first <h2>s and <h3>s outside page chrome that are not dialog text."""
    # (read lazily, in document order: the search stops at the limit)
    return _heading_texts(tree.getroottree().getroot().iter("h2", "h3"), _MAX_SUBHEADINGS)


def _h1_texts(tree: html.HtmlElement) -> list[str]:
    """Every <h1> outside page chrome that is not dialog text (the first few)."""
    return _heading_texts(tree.iter("h1"), _MAX_H1S)


def _heading_texts(nodes: Iterable[html.HtmlElement], limit: int) -> list[str]:
    texts = []
    for node in nodes:
        text = _PERMALINK.sub("", clean_text(_bounded_text(node)))
        if text and not _DIALOG.search(text) and not _CHROME_ANCESTOR(node):
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


def _as_text(text: str) -> str:
    """Declared titles as plain text: entities unescaped (some sites double-escape them inside JSON-LD
    and meta content, "&#039;") and markup some templates leave in them removed."""
    text = html_lib.unescape(text) if "&" in text else text
    return _MARKUP.sub(" ", text) if "<" in text else text


def _permalink_heading(tree: html.HtmlElement, url: str | None) -> str | None:
    """A page that declares no title of its own (its <title> is the blog's name): the first heading
    that links to the page itself, by its URL or as the permalink (rel="bookmark"), as blog themes
    title their posts."""
    here = _url_key(url) if url else None
    for link in _HEADING_LINKS(tree):
        href = join_url(url, link.get("href"))  # (a theme may write the permalink relative: "/2012/10/post/")
        if "bookmark" in (link.get("rel") or "").split() or (here and _url_key(href) == here):
            text = _PERMALINK.sub("", clean_text(_bounded_text(link)))
            if len(text.split()) >= MIN_H1_WORDS and not _DIALOG.search(text) and not _CHROME_ANCESTOR(link):
                return text
    return None


def _url_key(url: str | None) -> str:
    """A URL without scheme, fragment and trailing slash: two spellings of one page compare equal."""
    url = (url or "").split("#", 1)[0].strip()
    return url.split("://", 1)[-1].rstrip("/").lower()


def _first_text_line(tree: html.HtmlElement) -> str | None:
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
