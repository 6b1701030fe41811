"""Which capitalized runs of narration may be names: not a headline's words, not across a quotation.

A headline set in title case ("Warren Unloads on Trump in Fiery Speech") capitalizes its verbs and nouns,
so a run of capitals there joins a name to the words after it ("Elizabeth Warren Unloads"); the body
names the same people in running text. A quotation blanked out of a sentence leaves spaces where it
stood: 'writing that Donald Trump "does not ..." It was' holds two runs, not "Donald Trump It". A name
between "a" and a noun modifies the noun ("plays a Hank Williams song"): no one in the scene. A name after
opening phrases set off by commas still leads its sentence.
"""

from __future__ import annotations

import re

# A lower-case word of four letters or more: running text has them, a title-case headline has none.
_LOWER_WORD = re.compile(r"(?<![\w’'-])[a-z]{4,}\b")
# A headline's few words: fewer than this many is a label or a name, not a headline.
_HEADLINE_WORDS = 5
# The blanks a quotation leaves in the attribution view.
BLANK = "   "


def is_headline(sentence: str) -> bool:
    """Whether `sentence` is a title-case headline: no final stop, five words or more, none of four
    letters or more in lower case."""
    end = sentence.rstrip(" \"“”'’‘»)")
    if not end or end[-1] in ".!?" or _LOWER_WORD.search(sentence):
        return False
    return len(sentence.split()) >= _HEADLINE_WORDS


def before_blank(run: str) -> str:
    """`run` up to a blanked quotation inside it."""
    return run[: run.index(BLANK)].rstrip() if BLANK in run else run


# "a" or "an" as a word right before a run, and a lower-case word right after it, or the run ending a
# clause ("what used to be called a Rockefeller Republican, and she knows").
_ARTICLE_BEFORE = re.compile(r"(?:^|(?<=[^\w’'-]))an? $")
_NOUN_AFTER = re.compile(r" [a-z]|[,;:.!?]|$")


def attributive(sentence: str, start: int, end: int) -> bool:
    """Whether the run at `start`..`end` of `sentence` modifies a noun after "a" ("a Hank Williams song",
    "an Obama appointee") or is a kind of person a predicate names ("is a Reagan Democrat."): it names
    no one who may speak."""
    if _NOUN_AFTER.match(sentence, end) is None:
        return False
    return _ARTICLE_BEFORE.search(sentence, max(0, start - 4), start) is not None


def after_openers(sentence: str, at: int, openers: re.Pattern[str] | None = None) -> bool:
    """Whether `at`, right after a comma, follows only opening phrases ("At a town hall in Exeter, Rubio
    was asked"): the sentence's subject still leads it (after a title, "the former Virginia attorney
    general", only after short ones)."""
    opening = (openers or _OPENERS).match(sentence)
    return opening is not None and opening.end() == at


# One or two opening phrases set off by commas, up to ten words each ("This year, with Donald Trump at the
# top of the ticket, Whitfield expects"): a feature sets the scene at length before its subject.
_OPENERS = re.compile(r"\s*(?:[\w’'\-]+(?:\s+[\w’'\-]+){0,9},\s+){1,2}")
