"""Whose words a block quotation is when the paragraph above introduces it with a colon but no speech
verb: 'Susan Page then offered this contrast:', 'From Parker's farewell letter:', 'let us leave the final
words to the poet, Manuel Bandeira:'. A first-person lead-in ('What I wrote back in 2010:') is the
writer's own words and names no one; so does a lead-in naming no person or body ('Furthermore:').
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_sentences import sentence_start
from scraper.extract.quotes.speaker_mentions import matched_speaker
from scraper.extract.quotes.speaker_words import word_set
from scraper.extract.quotes.speakers import classify_phrase

_NAME_RUN = r"[A-Z][\w’'\-\u2024]*(?:\s+[A-Z][\w’'\-\u2024]*){0,3}"
# Verbs of handing over words (not "obtained", "found": "Reuters obtained a copy of the memo:" quotes
# the memo's writer).
_MESSAGES = r"(?:call|message|letter|e-?mail|note|text|voicemail|statement|reply|post|tweet)"
_OFFERS = (
    r"(?:offered|offers|gave|gives|had|has|issued|issues|released|posted|shared|sent|made|provided|delivered)"
)
# A named subject offering what follows: "Susan Page then offered this contrast:", "Apple released the
# following statement:"; "From Parker's farewell letter:"; a message from someone: "a call days later
# from Zhian:". Then those the writer hands the words to, first person or not: "let us leave the final
# words to the poet, Manuel Bandeira:", "let me quote Wikipedia here:".
_INTROS = (
    re.compile(
        rf"(?P<spk>{_NAME_RUN})\s+(?:then\s+|also\s+|later\s+)?{_OFFERS}\s+"
        r"(?:this|these|the\s+following|a|an|his|her|its|their)\b[^:\"“”]{0,60}:$"
    ),
    re.compile(rf"From\s+(?P<spk>{_NAME_RUN})[’']s?\s+[^:\"“”]{{1,60}}:$"),
    re.compile(rf".*\b{_MESSAGES}\b[^:\"“”]{{0,60}}\bfrom\s+(?P<spk>{_NAME_RUN}):$"),
)
_HANDED = (
    re.compile(r".*\b(?:final|last)\s+words?\s+to\s+(?P<spk>[^:\"“”]{1,80}):$"),
    re.compile(rf".*\bquote\s+(?P<spk>{_NAME_RUN})\b[^:\"“”]{{0,60}}:$"),
)
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")


def intro_speaker(above: str) -> tuple[str, int] | None:
    """The speaker a lead-in ending with a colon names, and the offset of the phrase in `above`."""
    text = above.rstrip()
    start = sentence_start(text[:-1])
    sentence = text[start:]
    if len(sentence) > 200:
        return None
    # (the writer may hand over the last word, "let us leave the final words to X:"; else a first person
    # in the lead-in makes the words the writer's: "From my letter to Li:")
    first_person = _FIRST_PERSON.search(sentence) is not None
    lead = len(sentence) - len(sentence.lstrip(" \"“”'‘’("))
    for pattern in _HANDED if first_person else _INTROS + _HANDED:
        found = matched_speaker(pattern.match(sentence, lead), {"name"})
        if found is not None:
            return found[0], start + found[1]
    return None


# A short sentence ending the paragraph above, led by a person and telling how they take a question
# ("Tyler doesn't hesitate.", "She shrugs.", "Reyes smiles and leans back."): up to six words.
_REACTION = re.compile(rf"(?P<spk>[Hh]e|[Ss]he|{_NAME_RUN})\s+[a-z][\w’']*(?:\s+[a-z][\w’']*){{0,4}}\.$")
_MARKS = frozenset('"“”«»„')


def reaction_above(above: str) -> tuple[str, int] | None:
    """The person leading a short last sentence of a paragraph without quotations ('On the bus, a reporter
    asks Tyler about Trump. Tyler doesn't hesitate.'): a block quotation opening the next paragraph with no
    attribution of its own is their answer. (phrase, offset) or None."""
    text = above.rstrip()
    if not text.endswith(".") or not _MARKS.isdisjoint(text):
        return None
    start = sentence_start(text[:-1])
    match = _REACTION.fullmatch(text, start + len(text[start:]) - len(text[start:].lstrip()))
    if match is None:
        return None
    verb = text[match.end("spk") :].split(None, 1)[0]
    if verb in _NOT_ANSWERING:
        return None  # (a state or a refusal, "Smith was not available.", "Li declined to comment.")
    phrase = classify_phrase(match["spk"])
    if phrase is None or phrase.kind not in {"name", "pronoun"}:
        return None
    return match["spk"], match.start("spk")


_NOT_ANSWERING = word_set(
    "is was are were has had have declined refused could would will did cannot can't couldn't"
)
