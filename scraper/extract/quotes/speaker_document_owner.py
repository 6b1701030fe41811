"""Who wrote a document the article cites again by its kind alone: "The letter also said that ...", "As
the report states: ...", "The memo, written by DCCC executive director Kelly Ward, argues that ...".

Reports of letters, memos and reports introduce the document once with its author ("a new report
released on Monday by Stanford University's Center on ...", "The Conservatives' letter to X said:") and
then call it "the report" or "the letter". A document says nothing of its own: its author speaks.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_names import is_role_word
from scraper.extract.quotes.speaker_words import OWNED_DOCUMENTS, is_person_noun
from scraper.extract.quotes.speakers import classify_phrase

_DOCS = "|".join(sorted(OWNED_DOCUMENTS, key=len, reverse=True))
# A speaker that is only a document named by its kind: "the letter", "The memo", "the new report".
_DOC_SPEAKER = re.compile(rf"[Tt]he\s+(?:[a-z][\w-]*\s+){{0,2}}(?P<doc>{_DOCS})")
# A capitalized name, its lower-case joiners kept ("Center on Poverty and Inequality").
_CAP = r"[A-Z][\w.&'’-]*"
_RUN = rf"{_CAP}(?:\s+(?:(?:of|on|for|and|the)\s+)*{_CAP})*"
_OWNER_RUN = re.compile(_RUN)
_BY_WORDS = r"(?:written|issued|released|published|signed|sent|prepared|produced|authored|compiled)"


def _introductions(doc: str) -> re.Pattern[str]:
    """Where a document of kind `doc` is introduced with its author: possessed ("The Conservatives'
    letter"), or followed by "by"/"from" and perhaps a verb of issuing ("a report released on Monday by X",
    "The memo, written by X,")."""
    return re.compile(
        rf"(?P<owner>{_RUN})(?:['’]s|s['’]|['’])\s+(?:[a-z][\w-]*\s+){{0,3}}{doc}\b"
        rf"|\b{doc}(?:,\s+|\s+)(?:{_BY_WORDS}\b[^.,;:\"“”]{{0,30}}?\s+)?(?:by|from)\s+"
        rf"(?P<by>[^.,;:!?\"“”()]{{1,90}})"
    )


_INTRODUCTIONS = {doc: _introductions(doc) for doc in OWNED_DOCUMENTS}


def document_author(speaker: str, before: str) -> str | None:
    """For a speaker that is a document named by its kind, its author as the text before the quote
    (`before`) introduces it, the latest such introduction; None otherwise."""
    match = _DOC_SPEAKER.fullmatch(speaker)
    if match is None:
        return None
    found = None
    for introduction in _INTRODUCTIONS[match["doc"]].finditer(before):
        found = introduction  # (the latest wins)
    if found is None:
        return None
    if found["owner"] is not None:
        return _without_article(found["owner"])
    return _author(found["by"])


def _author(phrase: str) -> str | None:
    """The name a "by" phrase gives: its first capitalized run, or the run after a title of lower-case
    words ending in a role ("DCCC executive director Kelly Ward" -> "Kelly Ward")."""
    phrase = phrase[4:] if phrase.startswith("the ") else phrase
    first = _OWNER_RUN.match(phrase)
    if first is None:
        return None
    rest = phrase[first.end() :].split()
    title = []
    for word in rest[:3]:
        if not word[:1].islower():
            break
        title.append(word)
    if title and (is_role_word(title[-1]) or is_person_noun(title[-1])):
        after = _OWNER_RUN.match(" ".join(rest[len(title) :]))
        if after is not None:
            return _without_article(after.group())
    return _without_article(first.group())


def _without_article(name: str) -> str:
    """The name without an article before it, and a person's name without a title ("Mr. Pruitt")."""
    name = name[4:] if name.startswith("The ") else name
    if any(w[:1].islower() or w.endswith(("'s", "’s")) for w in name.split()):
        return name  # (a body's whole name: "Stanford University's Center on Poverty and Inequality")
    phrase = classify_phrase(name)
    return phrase.name if phrase is not None and phrase.kind == "name" and phrase.name else name
