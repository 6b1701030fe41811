"""Whom a pronoun tag ("he said", "she added", "it said", "il a ajouté") refers to among the speakers and
people an article has named so far (the entries of speaker_history, most recent last).

He or she is the most recent speaker or subject of the pronoun's sex, never a group, a place or a body
named in passing; a person introduced in this very paragraph may be meant too, unless the paragraph's
subject goes on; an addressee or a person named again here takes over from a speaker of earlier
paragraphs; a feature's subject returns after a passer-by of the same sex (speaker_topic). Before anyone
has spoken, the one person named just before, or of several the one the article credits with the most
quotes by name. "It" is a body's statement, never a person's.
"""

from __future__ import annotations

from scraper.extract.quotes.speaker_entries import (
    CONFLICTING,
    Speaker,
    addressee_here,
    compatible,
    gendered_intro,
    named_here,
    not_a_person,
    only_person,
    speaker_named_here,
)
from scraper.extract.quotes.speaker_full_names import surely_a_person
from scraper.extract.quotes.speaker_gender import pronoun_gender
from scraper.extract.quotes.speaker_topic import returning_subject
from scraper.extract.quotes.speaker_words import PERSONAL


def antecedent(
    entries: list[Speaker], quoted: dict[str, int], pronoun: str, paragraph: int
) -> Speaker | None:
    """The entry the pronoun `pronoun` in `paragraph` refers to, or None when the text does not say."""
    personal = pronoun in PERSONAL
    skip = {"intro", "source"} if personal else {"intro"}
    wanted = pronoun_gender(pronoun)
    # (he or she is one person: never a group word like "workers" or "police")
    found = next(
        (
            e
            for e in reversed(entries)
            if (e.role not in skip or (personal and named_here(e, paragraph)))
            and compatible(e, wanted)
            and not (personal and not_a_person(e))
            # ("it said" is an organization's statement: never a person's)
            and not (pronoun == "it" and surely_a_person(e))
        ),
        None,
    )
    if found is not None and personal and found.seen < paragraph:
        found = (
            addressee_here(entries, wanted, paragraph)  # (speaker_entries)
            or speaker_named_here(entries, wanted, paragraph)
            or found
        )
    if found is not None and found.role == "intro" and found.described != "apposed":
        found = _subject_here(entries, found, wanted, paragraph) or found
    if personal:  # (a feature's subject after a passer-by: speaker_topic)
        found = returning_subject(entries, found, wanted, paragraph) or found
    if found is not None or not personal:
        return found
    return only_person(entries, quoted, wanted, paragraph) or gendered_intro(entries, wanted, paragraph)


def _subject_here(entries: list[Speaker], intro: Speaker, gender: str, paragraph: int) -> Speaker | None:
    """A subject of this paragraph that he or she means over a person only named after them: in
    "Donald Trump met Ted Cruz at a rally. '...,' he said" the subject goes on speaking, as a pronoun
    leading a sentence continues the one the sentences before were about."""
    return next(
        (
            e
            for e in reversed(entries)
            # (a person by their sex, from the article or a given name: "Anchor Capital portfolio
            # manager Nolan Wapenaar" leads with a body, which is no subject of its own)
            if e.order < intro.order and e.role in {"subject", "speaker"} and e.seen == paragraph
            and e.sex not in {"", CONFLICTING} and compatible(e, gender)
        ),
        None,
    )
