"""A sentence head cut into its comma chunks, and which chunk is the subject an appositive describes.

"Kenji Moreland, a portfolio manager at X, said": the appositive's chunk is the name before it;
"La CGT, majoritaire sur le site, dénonce": an adjective's chunk describes the subject before it. Used by
quote_attribution.subject_before, which reads the chunks from the verb backwards.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_subjects import clause_name
from scraper.extract.quotes.speaker_documents import document_owner, pronoun_owner
from scraper.extract.quotes.speaker_words import is_person_noun
from scraper.extract.quotes.speakers import classify_phrase

# Where a clause ends inside a sentence; one character each, so offsets stay those of str.split.
_CLAUSE_BREAK = re.compile(r"[,;:—]")
_CONJUNCTIONS = frozenset({"and", "but", "or", "nor", "so", "yet", "then", "et", "und", "oder", "mais"})


def appositive_owner(head: str, chunks: list[tuple[str, int]], i: int) -> tuple[str, int]:
    """Chunk i, or the name it is an appositive of ("Kenji Moreland, a portfolio manager at X, said")."""
    chunk, offset = chunks[i]
    phrase = classify_phrase(chunk)
    # (a lower-case title is a descriptor, though a name ends it: "executive director of Equality Ohio";
    # not a clause a conjunction opens, "and coach Dale Bright")
    described = chunk[:1].islower() and chunk.split(None, 1)[0] not in _CONJUNCTIONS
    if phrase is None or (phrase.kind == "name" and not described):
        return chunk, offset
    for name, start in reversed(chunks[max(0, i - 2) : i]):
        if phrase.kind == "group" and _adjectival(chunk) and classify_phrase(name) is not None:
            return name, start  # ("La CGT, majoritaire sur le site, dénonce": an appositive of the CGT)
        # ("X's letter to Jo Hale, the inspector general, said": X's; "His reply, a statement, said": his)
        if document_owner(name) is not None or pronoun_owner(name) is not None:
            return name, start
        joined = clause_name(head[start:offset].rstrip(" ,"), start)  # ("X quit and Jo Li, the chair, said")
        if joined is not None:
            return head[joined[1] : offset + len(chunk)], joined[1]
        named = classify_phrase(name)
        if named is not None and named.kind == "name":
            return head[start : offset + len(chunk)], start
    return chunk, offset


def _adjectival(chunk: str) -> bool:
    """Whether a lower-case chunk opens with an adjective, not people ("majoritaire sur le site", not
    "analysts" or "police"): it describes the subject before it."""
    first = chunk.split(None, 1)[0]
    return first.islower() and not first.endswith("s") and not is_person_noun(first)


def clause_chunks(head: str) -> list[tuple[str, int]]:
    """Pieces of `head` between commas and clause breaks (colon, semicolon, dash) with their offsets,
    stripped: after "...: the government says" the subject is "the government"."""
    pieces, offset = [], 0
    for piece in _CLAUSE_BREAK.split(head):
        stripped = piece.strip()
        if stripped:
            pieces.append((stripped, offset + piece.index(stripped)))
        offset += len(piece) + 1
    return pieces


