"""Paragraph-level boilerplate: page furniture that sits among the body paragraphs.

Judged by text alone, so it must be conservative: a sentence of reporting that mentions a newsletter
or a subscription is long and reads as prose, while furniture is short and formulaic.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from scraper.extract.text import count_words

# Calls to action, ad slots, paywall and comment furniture: dropped when the paragraph is short.
# Only verbs that address the site open a call to action by themselves (sign up, follow, share);
# verbs that act on the page's content (click, tap, download, watch, listen) as often open a how-to's
# step or a pointer to the story's own media ("Tap “Done” ...", "Watch the video below:"), and are
# furniture only as "click here to get / sign up / ...".
_FURNITURE = re.compile(
    r"^(?:advertisement|advert|sponsored|ad)\b(?:\s*\d+)?\s*$"
    r"|story continues below|advertisement has not loaded|this video has failed to load"
    r"|refreshing your browser|^(?:sign[ -]up|subscribe|register|log ?in|sign in|join|follow"
    r"|share|read more|see more|related|recommended|most read|trending)\b|^tweet(?: this)?$"
    r"|^(?:click|tap)(?: here)? to"
    r" (?:get|download|sign[ -]up|subscribe|register|log ?in|sign in|join|follow)\b"
    r"|sign(?:ing)?[ -]up for|subscribe to|our newsletters?|in your inbox|thanks for signing up"
    r"|already (?:a subscriber|have an account)|create an account|to continue (?:reading|with your)"
    r"|join the (?:conversation|discussion)|comments? (?:may|are|have been)|keep comments"
    r"|share this (?:story|article)|^(?:print|e-?mail) this (?:story|article|page|post)"
    r"|(?:cookie|consent) (?:settings|preferences|policy)"
    r"|affiliate commission|we may earn|bookmark \S+ and sign up|enable javascript"
    r"|all rights reserved|copyright ©|^©|skip to (?:main )?content|^author of the article"
    r"|^(?:published|updated|last updated|posted)\b[^.!?]{0,40}$|^\d+ min(?:ute)?s? read$"
    # a widget's status text and a pager's controls ("Please wait...", "Poll Loading ...", "This feature is
    # temporarily unavailable. Please try again later.", "Next Page »", "Page 2 of 3")
    r"|^(?:please wait|(?:[\w/]+ )*loading)\W*$|temporarily unavailable\. please try again"
    r"|^[«‹<]*\s*(?:next|previous|prev) page\s*[»›>]*$|^page \d+ of \d+$",
    re.IGNORECASE,
)
# The lines blog engines print around a post, whatever its length: the links to the previous and next
# posts ("« Older title | Main | Newer title »", "Next post: ..."), the post's filing ("This entry
# was posted on ... and is filed under ...", "Posted in News | Music on ...", "Tags: ...") and its
# comment count.
_POST_META = re.compile(
    r"^[«‹←].*\|.*$|^.*\|.*[»›→]$|^(?:next|previous|prev|older|newer) (?:post|article|entry|story)\s*:"
    r"|^this entry was posted\b|\bis filed under\b|^filed (?:under|in)\s*:|^posted in\b[^.!?]{0,120}$"
    r"|^tags?\s*:"
    # the tags and the permalink as fields after a separator ("Posted by Ann | Tags: Budget, Roads",
    # "Posted Nov. 6, 2012 at 5:32 PM by Ann | Permalink", "Print | Permalink | Trackback")
    r"|\|\s*(?:tags?\s*:|permalink\b)|\bpermalink\s*\|"
    # a newspaper's note on the story's print edition ("A version of this article appeared July 24,
    # 2012, on page A2 in the U.S. edition of ..."), a blog engine's credit ("Powered by Movable Type."),
    # the site's copyright line, whatever its length ("© Example Ltd. This article is licensed for use on
    # ... only. Please do not reproduce ...", "Copyright 2012 <owner>")
    r"|^(?:a version of this (?:article|story|review|column|essay) (?:appears|appeared)\b"
    r"|(?:proudly )?powered by (?:movable type|wordpress|blogger|typepad|drupal|ghost)\b"
    r"|©|copyright (?:©|\(c\)|\d{4}))"
    # a post's comment count among its meta ("Posted on ... • 7 Comments", "Tweet 8 comments | Add
    # comment |"), a line of fields, not a sentence ("The post drew 941 comments within an hour.")
    r"|^(?=[^.!?]*$)(?=.*[|•·]).*\b\d[\d,]* comments?\b|^\d[\d,]* comments?$",
    re.IGNORECASE,
)
POST_META_MAX_CHARS = 300  # longer paragraphs are prose, whatever they start with
# Photo, image and text credits standing alone as a paragraph.
_CREDIT = re.compile(
    r"^(?:photo|image|picture|video|credit|source|illustration)s?(?: credit)?\s*[:/]"
    r"|^\(?(?:photo|image|picture)s?(?: by| credit)?:?[^.]{0,60}\)?$"
    r"|^(?:text|words|photo|image|picture|illustration)s? (?:by|from|courtesy of) "
    r"[^.!?]{0,60}(?:\.[a-z]{2,4})?$"  # (a name, or a site's address)
    r"|(?:getty images|shutterstock|reuters|afp|ap photo|alamy|pa images?|epa)\s*\)?$",
    re.IGNORECASE,
)
# A byline standing alone: "By Jane Doe", "By Jane Doe and John Roe, Reuters".
_BYLINE = re.compile(r"^by\s+[\w.'’-]+(?:\s+[\w.'’-]+){0,3}(?:\s*(?:,|and|&)\s*[\w.'’ -]{2,40})?$", re.I)
# A byline with its staff title and date: "By Ruth Ann Pelletier Times Staff Writer · Feb. 9, 2024" —
# every word capitalized, a number or a connector, unlike a sentence opening "By Tuesday, the board ...".
_BYLINE_WORD = re.compile(r"^(?:[A-Z][\w.'’-]*|\d[\d,.:]*|and|&|of|the|[·|•/,–—-]+)$")
BYLINE_MAX_WORDS = 14
# Reporting verbs: a paragraph that reports someone's words is article text, whatever it mentions.
_REPORTING = re.compile(
    r"\b(?:said|says|told|tells|according to|urged|reported|announced|added|wrote)\b", re.IGNORECASE
)
# Cookie and privacy-consent notices, however long: they address the reader about this website.
_CONSENT = re.compile(
    r"\b(?:these|our|we use|this site uses) cookies\b|\bcookies (?:are|may be) (?:set|used|necessary)"
    r"|right to (?:opt[- ]out|direct a business)|(?:sale|sharing) of your personal information",
    re.IGNORECASE,
)
# Words every _CONSENT match holds: an ASCII text (where ignoring case is lower-casing) without one of
# them in lower case cannot match, and most paragraphs are ruled out without the regex's scan.
_CONSENT_WORDS = ("cookies", "right to ", "personal information")
# The site's other notices to its visitor, however long, as consent notices: a welcome box for
# first-time visitors, a warning about the browser, the license of the site's content.
_SITE_NOTICE = re.compile(
    r"\bif (?:you['’]re|you are) new here\b|\bif this is your first time (?:visiting|here|on)\b"
    r"|\busing a browser (?:version )?(?:with limited support|that is (?:no longer supported|outdated))"
    r"|\b(?:this|all) (?:website|site|work|article|post|blog|contents?|pages?|materials?)\b[^.!?]{0,60}"
    r"\blicen[cs]ed under (?:a |the )?creative commons",
    re.IGNORECASE,
)
# Words every _SITE_NOTICE match holds (lower-cased): the regex runs only on texts holding one.
_SITE_NOTICE_WORDS = ("new here", "first time", "browser", "licen")
# A sentence's own stop, maybe inside closing quotes (not a closing bracket alone: "(10p per hour)").
_SENTENCE_STOP = re.compile(r"[.!?:…。！？][\"”’)\]]*\s*$")
# A numbered subheading of a listicle or a how-to ("1. Do the research", "Step 3: Seal it", "Day 2: Rome"):
# short and unpunctuated like a label, but its number ties it to the story's sequence.
_NUMBERED = re.compile(r"^(?:(?:step|part|tip|day|chapter|no\.?)\s*)?\d{1,2}\s*[.):]\s+[^\W\d]", re.I)
# A measured ingredient or part ("1 cup flour", "½ tsp. salt", "2-1/2 cups Flour", "4 cloves garlic"): a
# recipe's or a kit's list item written as its own line, short and unpunctuated like a label.
_MEASURED = re.compile(
    r"^(?:\d+(?:[./-]\d+)*|[½¼¾⅓⅔⅛]|\d+\s*[½¼¾⅓⅔⅛]|a)\s*(?:-\s*\d+\s*)?"
    r"(?:cups?|c\.|tablespoons?|tbsp?s?\.?|tbs\.?|teaspoons?|tsp\.?|ounces?|oz\.?|pounds?|lbs?\.?|grams?|g|kg|ml"
    r"|liters?|litres?|cloves?|pinch|dash|cans?|sticks?|slices?|sprigs?|bunch|handful|large|medium|small|whole)"
    r"\b",
    re.I,
)
_ADDRESS = re.compile(r"://|\bwww\.", re.I)
_SENTENCE_END = re.compile(r"[.!?:;…\"”’)\]。！？」』）]\s*$")
FURNITURE_MAX_WORDS = 25  # longer paragraphs are prose, whatever words they contain
LABEL_MAX_WORDS = 4  # unpunctuated fragments this short are labels and headings, not prose
LIST_ITEM_MAX_WORDS = 12  # an unpunctuated fragment this short, kept, may sit in a list among labels
LIST_RUN_MIN = 3  # this many short fragments in a row, inside the story, are a list's items
SENTENCE_MIN_WORDS = 4  # a repeated text this long that ends as a sentence does is not a label
REPEAT_MAX_CHARS = 100  # short texts repeated on the page are furniture ("Article content")


@lru_cache(maxsize=4096)  # pages repeat paragraphs (teasers, labels): judge each text once
def is_boilerplate(text: str, heading: bool = False) -> bool:
    """True when a paragraph (or a subheading, which may be a short unpunctuated label) is page
    furniture rather than article text."""
    words = count_words(text)
    if (_is_consent(text) or _is_site_notice(text)) and not _REPORTING.search(text):
        return True
    if len(text) <= POST_META_MAX_CHARS and _POST_META.search(text.strip()):
        return True
    if words > FURNITURE_MAX_WORDS:
        return False
    if _BYLINE.match(text) or _is_long_byline(text):
        return True
    if _FURNITURE.search(text) and not _REPORTING.search(text):
        return True
    if words <= 12 and _CREDIT.search(text):
        return True
    if heading or words > LABEL_MAX_WORDS:
        return False
    return not _SENTENCE_END.search(text) and not _NUMBERED.match(text) and not _MEASURED.match(text)


def _is_consent(text: str) -> bool:
    if text.isascii():
        lowered = text.lower()
        if not any(word in lowered for word in _CONSENT_WORDS):
            return False
    return bool(_CONSENT.search(text))


def _is_site_notice(text: str) -> bool:
    lowered = text.lower()
    return any(word in lowered for word in _SITE_NOTICE_WORDS) and bool(_SITE_NOTICE.search(text))


def _is_long_byline(text: str) -> bool:
    words = text.split()
    if len(words) < 3 or len(words) > BYLINE_MAX_WORDS or words[0].lower() != "by":
        return False
    return all(_BYLINE_WORD.match(word) for word in words[1:])


def drop_boilerplate(paragraphs: list[str], headings: frozenset[str] = frozenset()) -> list[str]:
    """Paragraphs without furniture and without short texts the page repeats; texts in headings
    are subheadings, judged as such."""
    counts = Counter(p for p in paragraphs
                     if len(p) <= REPEAT_MAX_CHARS and not _is_sentence(p) and not _MEASURED.match(p))
    keep = [counts[p] < 2 and not is_boilerplate(p, p in headings) for p in paragraphs]
    # Only the label rule would drop them (a heading is allowed to be short and unpunctuated); a
    # subheading the page repeats heads each of its cards ("Ingredients" in every recipe of a post) and
    # is judged like a label, by the list or the prose it opens.
    label = [not kept and (counts[p] < 2 or p in headings) and not is_boilerplate(p, True)
             for p, kept in zip(paragraphs, keep, strict=True)]
    item = [lab or (kept and _is_fragment(p)) for p, kept, lab in zip(paragraphs, keep, label, strict=True)]
    for start, end in _list_runs(item, label, keep):
        keep[start:end] = [True] * (end - start)
    for index in _before_prose(paragraphs, label, keep):
        keep[index] = True
    return [p for p, kept in zip(paragraphs, keep, strict=True) if kept]


def _is_sentence(text: str) -> bool:
    """A sentence of several words: said twice on a page it is a refrain, a step done again, a line of
    dialogue, not furniture (which is a label: "Article content", "Share", "Next")."""
    return count_words(text) >= SENTENCE_MIN_WORDS and bool(_SENTENCE_STOP.search(text))


def _is_fragment(text: str) -> bool:
    """A list item's shape: a few words with no sentence end ("1 carrot, diced")."""
    return count_words(text) <= LIST_ITEM_MAX_WORDS and not _SENTENCE_END.search(text)


def _before_prose(paragraphs: list[str], label: list[bool], keep: list[bool]) -> Iterator[int]:
    """Labels standing alone inside the story, right before a kept paragraph of prose and after kept
    text: the label is the subheading of the prose it opens ("Great expectations", "Root cause") or
    an aside of the story ("or", "Update"), not furniture, which gathers at the story's edges or comes
    with more furniture; a web address is a source line, not a heading. Across the three dev sets,
    142 of 159 such labels between two paragraphs of prose are in the truth, 48 of 67 after a short
    kept text."""
    for index in range(1, len(paragraphs) - 1):
        inside = keep[index - 1] and keep[index + 1] and label[index]
        if inside and count_words(paragraphs[index + 1]) > LIST_ITEM_MAX_WORDS and not _ADDRESS.search(
            paragraphs[index]
        ):
            yield index


def _list_runs(item: list[bool], label: list[bool], keep: list[bool]) -> Iterator[tuple[int, int]]:
    """Runs of LIST_RUN_MIN+ short fragments between kept paragraphs: a list written as paragraphs
    inside the story (a recipe's ingredients, a roster, a how-to's parts), not a lone label. Across
    the three dev sets, 67 of 70 such fragments are in the truth; of lone ones, 1 in 3 (but most of
    those right before a paragraph of prose: _before_prose). A list's
    items are judged together: the short ones (labels alone) stay with the longer ones beside them,
    which the label rule keeps ("1 carrot, diced" among "1 pound sausage meat, casings removed")."""
    i = 0
    while i < len(item):
        if not item[i]:
            i += 1
            continue
        end = i
        while end < len(item) and item[end]:
            end += 1
        labels = sum(label[i:end])
        if labels and end - i >= LIST_RUN_MIN and i > 0 and keep[i - 1] and end < len(keep) and keep[end]:
            yield i, end
        i = end
