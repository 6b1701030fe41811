"""The owner of a document that a sentence makes the speaker: "Smith's letter to the board said",
"The Democrats' open letter to Jo Hale, the inspector general, said" (wire and broadsheet reports of
letters, memos and statements). The possessor wrote it; the recipient and its appositive do not speak.
Likewise a person's office speaks for them ("his office said", "according to a statement from Hart's
office"): the person is the speaker, as a named spokesperson's body is.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import OWNED_DOCUMENTS, word_set

# A capitalized possessor (no comma in it), up to two lower-case modifiers ("open", "farewell"), the
# document, and optionally who it was sent to, however long that tail ("to X, the standards commissioner").
_OWNED = re.compile(
    r"(?P<owner>(?:[Tt]he\s+)?[A-Z][^,]*?)(?:['’]s|s['’])\s+(?:[a-z][a-z-]*\s+){0,2}?"
    r"(?P<doc>[a-z-]+)(?:\s+(?:(?:sent|addressed)\s+)?to\s+[A-Za-z].*)?"
)


# A person's office, by a possessive pronoun: "his office", "her office" (the pronoun's person speaks).
_PRONOUN_OFFICE = {"his office": "he", "her office": "she", "His office": "he", "Her office": "she"}


def document_owner(text: str) -> str | None:
    """The possessor whose document or office is the phrase's head, when the phrase is a possessed
    document ("Smith's letter") or a person's office ("his office": he)."""
    if text in _PRONOUN_OFFICE:
        return _PRONOUN_OFFICE[text]
    if "'" not in text and "’" not in text:  # (most phrases hold no possessive: skip the pattern)
        return None
    match = _OWNED.fullmatch(text)
    if match is None or match["doc"] not in OWNED_DOCUMENTS and match["doc"] != "office":
        return None
    owner = match["owner"]
    return owner + "s" if text[match.end("owner") :].startswith(("s'", "s’")) else owner


# A possessive pronoun's document or reply, perhaps with modifiers and an appositive ("His initial
# response, a written statement released Friday, dismissed ...", "Her letter to the board said"): the
# one the pronoun refers to wrote it.
_PRONOUN_OWNED = re.compile(
    r"(?P<owner>[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z][a-z-]*\s+){0,2}?(?P<doc>[a-z-]+)"
    r"(?:\s+(?:(?:sent|addressed)\s+)?to\s+[A-Za-z][^,]*)?(?:,.*)?"
)
_POSSESSIVES = ("His ", "his ", "Her ", "her ", "Their ", "their ")
_OWNER_PRONOUN = {"his": "he", "her": "she", "their": "they"}
_REPLIES = OWNED_DOCUMENTS | word_set("response reply tweet")


def pronoun_owner(text: str) -> str | None:
    """The subject pronoun of the possessor whose document or reply the phrase is ("his statement": he)."""
    if not text.startswith(_POSSESSIVES):  # (most phrases: skip the pattern)
        return None
    match = _PRONOUN_OWNED.fullmatch(text)
    if match is None or match["doc"] not in _REPLIES:
        return None
    return _OWNER_PRONOUN[match["owner"].lower()]


# Three or more full names listed as co-speakers or co-authors ('wrote Ann Lee, Bo Stone and Carl Wei in
# a paper', 'said Ann Lee, Bo Stone, and Carl Wei'): each a capitalized run of two to four words.
_FULL_NAME = r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){1,3}"
_NAME_LIST = re.compile(rf"{_FULL_NAME}(?:,\s+{_FULL_NAME})+,?\s+and\s+{_FULL_NAME}")
_LIST_END = re.compile(r"$|[,.;:!?]|\s+[a-z]")


def name_list(text: str) -> str | None:
    """The three or more full names a phrase lists, joined by commas and a last "and", without the
    lower-case words after them ("... and Carl Wei in a paper", "... and Carl Wei of Acme")."""
    if " and " not in text:
        return None
    listed = _NAME_LIST.match(text)
    if listed is None or not _LIST_END.match(text, listed.end()):
        return None
    return listed.group()
