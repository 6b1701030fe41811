"""The owner of a document that a sentence makes the speaker: "Smith's letter to the board said",
"The Democrats' open letter to Jo Hale, the inspector general, said" (wire and broadsheet reports of
letters, memos and statements). The possessor wrote it; the recipient and its appositive do not speak.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import OWNED_DOCUMENTS

# A capitalized possessor (no comma in it), up to two lower-case modifiers ("open", "farewell"), the
# document, and optionally who it was sent to, however long that tail ("to X, the standards commissioner").
_OWNED = re.compile(
    r"(?P<owner>(?:[Tt]he\s+)?[A-Z][^,]*?)(?:['’]s|s['’])\s+(?:[a-z][a-z-]*\s+){0,2}?"
    r"(?P<doc>[a-z-]+)(?:\s+(?:(?:sent|addressed)\s+)?to\s+[A-Za-z].*)?"
)


def document_owner(text: str) -> str | None:
    """The possessor whose document is the phrase's head, when the phrase is a possessed document."""
    if "'" not in text and "’" not in text:  # (most phrases hold no possessive: skip the pattern)
        return None
    match = _OWNED.fullmatch(text)
    if match is None or match["doc"] not in OWNED_DOCUMENTS:
        return None
    owner = match["owner"]
    return owner + "s" if text[match.end("owner") :].startswith(("s'", "s’")) else owner
