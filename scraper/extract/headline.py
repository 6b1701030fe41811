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
from collections.abc import Callable
from functools import cache

from lxml import html

from scraper.extract.metadata import PageMeta, jsonld_text
from scraper.extract.page_headings import (
    DIALOG,
    first_text_line,
    h1_texts,
    permalink_heading,
    subheading_texts,
)
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

_MARKUP = re.compile(r"<[A-Za-z/!][^<>]*>")
# Fields only ever meant to hold a headline (Dublin Core and <title> hold a blog's name as often).
_HEADLINE_FIELDS = ("jsonld", "social", "parsely")
_MIN_FUZZY_WORDS = 4  # shorter titles must match word for word


def extract_headline(tree: html.HtmlElement, meta: PageMeta, url: str | None = None) -> str | None:
    """The article's title without site suffixes (see the module docstring for the order)."""
    declared = _declared(meta)
    h1s = h1_texts(tree)
    subheadings = cache(lambda: subheading_texts(tree))  # (read once, and only when a rule asks)
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
        return h1 or permalink_heading(tree, url) or first_text_line(tree)
    best = _most_stated(candidates, h1s, lambda: [*subheadings(), permalink_heading(tree, url) or ""])
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
    if not raw or DIALOG.search(raw):
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


def _as_text(text: str) -> str:
    """Declared titles as plain text: entities unescaped (some sites double-escape them inside JSON-LD
    and meta content, "&#039;") and markup some templates leave in them removed."""
    text = html_lib.unescape(text) if "&" in text else text
    return _MARKUP.sub(" ", text) if "<" in text else text
