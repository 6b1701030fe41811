"""A page title's parts: which segments are the headline and which the site's name or section.

Pure functions over the text of <title> (or another declared title), the site's names as comparison
keys (scraper.extract.site) and the texts of the page's headings; scraper.extract.headline decides
which declared title to start from.
"""

from __future__ import annotations

import re

from scraper.extract.names import WIRES
from scraper.extract.site import MAX_NAME_WORDS, is_site_name
from scraper.extract.text import clean_text, normalize_key

# A separator between a headline and a trailing (or leading) site name or section.
_PIPE = re.compile(r"\s+[|｜]\s+")
_DASH_OR_COLON = re.compile(r"\s+(?:[-–—:·•»«›‹*~/]|//|::)\s+")
SEGMENTS = re.compile(r"\s+(?:[|｜\-–—:·•»«›‹*~/]|//|::)\s+")
# Also "Blog name: Post title", a colon right after the name, where a heading confirms the part.
_BLOG_SEGMENTS = re.compile(r"\s+(?:[|｜\-–—:·•»«›‹*~]|//|::)\s+|(?<=\w):\s+|\s+:(?=\w)|^[»›]\s+")
# A host name standing for the site ("SUVBlogger.com", "www.example.co.uk").
_HOST_NAME = re.compile(
    r"^(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:com|net|org|info|biz|co|io|tv|news|[a-z]{2})$", re.IGNORECASE
)
# A date alone ("Nov 6, 2012", "6 November 2012", "2012-11-06", "11.12.12"): when the page was made.
_DATE_ALONE = re.compile(
    r"^(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2}\.? [A-Z][a-z]{2,8}\.? \d{4}|\d{4}-\d\d-\d\d"
    r"|\d{1,2}[./]\d{1,2}[./]\d{2,4})$"
)
# "» Post title" (a theme's breadcrumb mark; not «, which opens a French quotation)
_LEADING_MARK = re.compile(r"^(?:[|｜\-–—:·•»›*~/]|//|::)\s+")
# "Story headline |" (not a guillemet, which closes a French quotation after a space: « déjà vu »)
_DANGLING = re.compile(r"\s+(?:[|｜\-–—:·•*~/]|//|::)\s*$")
_BLOG_NAME = re.compile(r"\b(?:blog|weblog|website|homepage)$", re.IGNORECASE)
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")
_MAX_SUFFIX_WORDS = MAX_NAME_WORDS
_MIN_GLUED_NAME = 5  # a site name this long glued after a title is no accident ("ap", "cbs" may be)
MIN_H1_WORDS = 3  # fewer: a logo, "Log In", a section name, unless a title confirms it


def heading_in_whole_title(title: str, best: str, subheadings: list[str]) -> str:
    """Another " | " part of <title> that an <h2> or <h3> states in full, when the part kept (the
    longest) is stated nowhere: "Post | Site – We are consultants with a passion for ..." keeps a
    tagline longer than the post's title. A headline's length: a two-word part is a name."""
    parts = {normalize_key(part): part for part in _PIPE.split(title)}
    parts.pop(normalize_key(best), None)
    for text in subheadings:
        key = normalize_key(text)
        if key in parts and len(text.split()) >= MIN_H1_WORDS:
            return text
    return best


def h1_leading(title: str, h1s: list[str], names: set[str] | frozenset[str]) -> str:
    """The <h1> that <title> starts with when the site's name follows it with no separator a rule
    knows ("Post title Blog Name: tagline", "Post titleSiteName": themes that glue the two), else title."""
    flat = normalize_key(title).replace(" ", "")
    for h1 in h1s:
        head = normalize_key(h1).replace(" ", "")
        if len(h1.split()) < MIN_H1_WORDS or not flat.startswith(head) or flat == head:
            continue
        rest = flat[len(head):]
        if any(len(name) >= _MIN_GLUED_NAME and rest.startswith(name.replace(" ", "")) for name in names):
            return h1
    return title


def h1_completing(title: str, h1s: list[str], names: set[str] | frozenset[str]) -> str:
    """The <h1> whose first words are all of <title>'s first segment, when a site cut its titles to a
    length and added its name ("Video shows off plenty of creative - Game News", <h1> "Video shows off
    plenty of creative ways to kill"), else title."""
    parts = SEGMENTS.split(title)
    if len(parts) < 2 or is_site_name(parts[0], names):  # (a logo <h1> "Site, its tagline")
        return title
    head, count = normalize_key(parts[0]), len(parts[0].split())
    for h1 in h1s:
        # (the <h1> goes on with the same sentence, not after a comma: "Site, its tagline")
        goes_on = normalize_key(h1).startswith(head + " ") and h1.split()[count - 1][-1].isalnum()
        if count >= MIN_H1_WORDS and goes_on:
            return h1
    return title


def small_end_of(text: str, title: str) -> bool:
    """Whether text is the first or last segment of title and shorter than the rest of it."""
    parts = SEGMENTS.split(clean_text(title))
    key, words = normalize_key(text), len(text.split())
    for end, rest in ((parts[0], parts[1:]), (parts[-1], parts[:-1])):
        if rest and normalize_key(end) == key and words < len(" ".join(rest).split()):
            return True
    return False


def names_itself(text: str) -> bool:
    """Whether text is a name that calls itself a blog or website: capitalized words before the
    last ("Hacker Monthly Blog", "My website"), not a sentence about one ("Why I started a blog")."""
    words = text.split()
    return bool(_BLOG_NAME.search(text)) and all(not w[0].isalpha() or w[0].isupper() for w in words[:-1])


def without_site_names(texts: list[str], names: set[str] | frozenset[str]) -> list[str]:
    """The texts that hold none of the site's names (a tagline heading "Site Name | Car Reviews")."""
    return [text for text in texts if not any(is_site_name(part, names) for part in SEGMENTS.split(text))]


def shorter(text: str, others: list[str]) -> bool:
    return len(text.split()) < len(" ".join(others).split())


def headline_runs(title: str, separators: re.Pattern[str] = SEGMENTS) -> list[str]:
    """The title and each run of its segments that can be a headline: longer than the part before
    it, and of a headline's length or longer than the part after it ("Story - Section - Site" has
    "Story"; "New Zealand - Encyclopedia" has "New Zealand"; "Ed Brill - New IBM study" not "Ed Brill")."""
    parts = separators.split(title)
    counts = [len(part.split()) for part in parts]
    runs = [title]
    for i in range(len(parts)):
        for j in range(i + 1, len(parts) + 1):
            words, before, after = sum(counts[i:j]), sum(counts[:i]), sum(counts[j:])
            if (i, j) != (0, len(parts)) and words > before and (words >= MIN_H1_WORDS or words > after):
                runs.append(" ".join(parts[i:j]))
    return runs


def strip_site_suffix(title: str, names: set[str] | frozenset[str] = WIRES) -> str:
    """Remove trailing (and leading) site names and sections from a page title."""
    title = clean_text(title)
    parts = _PIPE.split(title)
    if len(parts) > 1:
        # " | " almost never occurs inside a headline: keep the longest segment.
        title = max(parts, key=lambda p: len(p.split()))
    original = title
    while True:
        shorter = _strip_named_suffix(title, names)
        if shorter == title:
            break
        title = shorter
    # A title names its site once: a leading name only goes when no trailing one did
    # ("BBC News - Story", but "Firefox - Make it yours - Mozilla" keeps its product name).
    return _strip_named_prefix(title, names) if title == original else title


def _strip_named_suffix(title: str, names: set[str] | frozenset[str]) -> str:
    """Drop one trailing " - Site" when Site is a known name of the page (never an arbitrary tail), a
    host name ("SUVBlogger.com"), or a date alone ("Nov 6, 2012"); and a separator left dangling."""
    title = _LEADING_MARK.sub("", _DANGLING.sub("", title))
    matches = list(_DASH_OR_COLON.finditer(title))
    if not matches:
        return title
    last = matches[-1]
    tail = title[last.end():]
    if len(tail.split()) <= _MAX_SUFFIX_WORDS and _is_site_part(tail, names) and last.start() > 0:
        return title[: last.start()].strip()
    return title


def _is_site_part(text: str, names: set[str] | frozenset[str]) -> bool:
    """A site's name, its host name, or a date standing alone as a segment of <title>."""
    text = text.strip()
    return is_site_name(text, names) or bool(_HOST_NAME.match(text) or _DATE_ALONE.match(text))


def _strip_named_prefix(title: str, names: set[str] | frozenset[str]) -> str:
    """Drop a leading "Site - " when Site is a known name of the page and one longer segment follows
    (a title of several segments after the name is a list whose first item is its subject)."""
    parts = _DASH_OR_COLON.split(title)
    twice = len(parts) > 2 and normalize_key(parts[0]) == normalize_key(parts[1])
    if twice and _is_site_part(parts[0], names):  # (the name twice: both go)
        return title[list(_DASH_OR_COLON.finditer(title))[1].end() :].strip()
    if len(parts) == 2 and _is_site_part(parts[0], names) and len(parts[1].split()) > len(parts[0].split()):
        return parts[1].strip()
    return title


def complete_from_h1(title: str, h1: str | None) -> str:
    """A declared headline cut short ("...") is replaced by the <h1> that starts the same way."""
    if not _TRUNCATED.search(title):
        return title
    stem = normalize_key(_TRUNCATED.sub("", title))
    return h1 if h1 and normalize_key(h1).startswith(stem) else title


def segment_matching(title: str, h1s: list[str]) -> str:
    """The part of a title that one of the page's <h1>s repeats, when the rest is a site name or
    section the page does not declare ("Story headline - National - Daily Courier", <h1> "Story
    headline"); the title itself otherwise."""
    runs = {normalize_key(run): run for run in headline_runs(title)[1:]}
    for h1 in h1s:
        if normalize_key(h1) in runs:
            return h1
    return title


def segment_heading(title: str, subheadings: list[str]) -> str:
    """The part of a title (no headline field states it) that a lower heading of the page repeats:
    blogs title a post with an <h2> or <h3> and keep the blog's name for the <h1> and <title>
    ("Ann's Blog: Story headline", <h2> "Story headline"). Of several, the longest: a blog's name is
    usually the shorter part."""
    # Any tail of the title too: "Blog Name – Short post" puts a post title shorter than the name last.
    parts = [part for part in _BLOG_SEGMENTS.split(title) if part.strip()]
    tails = [" ".join(parts[i:]) for i in range(1, len(parts))]
    runs = {normalize_key(run) for run in headline_runs(title, _BLOG_SEGMENTS)[1:] + tails}
    found = [text for text in subheadings if normalize_key(text) in runs]
    return max(found, key=lambda text: len(text.split()), default=title)
