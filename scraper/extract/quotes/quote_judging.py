"""Quotes that a sentence's subject gives as a judgment, with a verb of naming or judging rather than of
speech: 'X went further, calling the remarks "a betrayal ..."', 'Mr. Trump, speaking in Palm Beach,
praised Mr. Rubio as "tough, smart ..."', 'X tore into Y, branding him "..."'. The words are the
subject's: the one who calls, describes, praises or brands.

Also the subject that opens such a sentence (and a speech participle's: quote_subjects) when a title
with lower-case words stands before the name: "Talk radio host Laura Ingraham", "Former first lady
Laura Bush", "McConnell spokesman Don Stewart".
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_sentences import sentence_start
from scraper.extract.quotes.speaker_names import is_role_word
from scraper.extract.quotes.speaker_words import NAME_PARTICLES, is_person_noun, word_set
from scraper.extract.quotes.speakers import classify_phrase
from scraper.extract.quotes.speech_verbs import PARTICIPLES

# A verb of naming or judging, then its object (and "as"), up to the opening mark; not across a clause
# of its own (a stop, a colon or another quotation). Participles and finite forms alike.
_JUDGING = re.compile(
    r"\b(?P<verb>call(?:ing|ed|s)|describ(?:ing|ed|es)|prais(?:ing|ed|es)|hail(?:ing|ed|s)|brand(?:ing|ed|s)|"
    r"dub(?:bing|bed|s)|label(?:l?ing|l?ed|s)|deriding|derided|derides|dismissing|dismissed|dismisses)"
    r"\b[^.;:!?\"“”]{0,60}$"
    # (a verb of attacking, praising or portraying says what its object is only with "as" before the
    # words: 'blasting the nominee as "..."', 'touted the bill as "..."', 'cast herself as "..."')
    r"|\b(?P<framing>(?:blast|slamm?|denounc|mock|tout|laud|assail|lambast|ridicul|characteriz|characteris|"
    r"portray|paint|cast|criticiz|criticis|attack|decry|decri|scorn)(?:ing|ed|es|s)?)"
    r"\b[^.;:!?\"“”]{0,60}\sas\s*$"
)
# The sentence's subject at its start: a name, he or she (or "the" and a noun, "The mayor did ..."), a
# title perhaps before the name, perhaps an aside between commas after it ("Mr. Trump, speaking at his
# club, praised"; it may name a place, "Portland, Maine", or a country's initials, "U.S."); then a
# lower-case verb.
_SUBJECT = re.compile(
    r"\s*(?:\([A-Z][\w.&\-]{1,15}\)\s*(?:[–—-]\s*)?)?(?P<spk>[Hh]e|[Ss]he|[Tt]he(?:\s+[a-z][\w\-]*){1,2}?(?=\s+[a-z])|"
    r"(?:[A-Z][\w’'.\-\u2024]*\s+){0,3}(?:[a-z][\w\-]*\s+){0,3}(?:[A-Z][\w’'.\-\u2024]*\s+){0,3}[A-Z][\w’'\-]*)"
    r"(?:\s*,(?:[^.;:!?\"“”]|(?<=[A-Z])\.|\.(?=\S)){1,90}?,)?\s+(?:[a-z]\w*ly\s+)?[a-z]"
)
# Words of a name's run: capitalized, with a masked period ("Mr\u2024").
_CAPITAL = re.compile(r"[A-Z]")


def judging_subject(sentence: str) -> tuple[str, int] | None:
    """For a quote ending `sentence` that a verb of naming or judging introduces ('calling it "..."',
    'praised X as "..."'), the sentence's subject, if it surely names a person: (phrase, offset)."""
    judging = _JUDGING.search(sentence, max(0, len(sentence) - 80))
    if judging is None:
        return None
    before = sentence[: judging.start()].split()
    passive = (judging["verb"] or judging["framing"]).endswith("ed")
    if passive and before and before[-1][:1].islower() and before[-1] not in _SUBJECTS:
        return None  # (a passive after a noun names a thing: 'the box labelled "..."', 'a plan dubbed "..."')
    found = opening_subject(sentence)
    opener = _OPENER.match(sentence) if found is None else None
    if opener is not None:  # ('In a statement, he dismissed the speech as "..."': the subject after it)
        rest = sentence[opener.end() :]
        after = opening_subject(rest[:1].upper() + rest[1:])  # ("he" after the opener leads as "He" would)
        found = (after[0], after[1] + opener.end()) if after is not None else None
    return found


# A short prepositional or time phrase opening a sentence before its subject ("In a statement, ", "On
# Tuesday, ", "Later, ").
_OPENER = re.compile(
    r"\s*(?:In|On|At|During|After|Before|Later|Earlier|Afterward|Afterwards|Then|Separately)\b[^,.;:!?\"“”]{0,50},\s+"
)


# Prepositions and adverbs ending like a person noun ("-er", "-or"): "went after", "ran over", "stood under".
_PREPOSITIONS_LIKE_NOUNS = word_set("after over under ever never together whether either")
_SUBJECTS = frozenset({"he", "she", "they", "also", "then", "once", "later", "repeatedly", "and", "but"})


def opening_subject(sentence: str, descriptors: bool = False) -> tuple[str, int] | None:
    """The name (or he, she) opening `sentence` as its subject, a title of lower-case words before it
    kept whole ("Talk radio host Laura Ingraham went"), or None; with `descriptors`, also a capitalized
    descriptor of a person or role ("The Speaker did ...")."""
    match = _SUBJECT.match(sentence)
    if match is None:
        return None
    spk = match.group("spk")
    if spk.endswith("ing") and " " not in spk:
        return None  # (a participle opening the sentence: "Confirming this to Reuters, X said")
    words = spk.split()
    # (a surname particle before a capitalized word is the name's: "Mayor Bill de Blasio piled on")
    lower = [i for i, word in enumerate(words) if word[:1].islower() and not _particle_in_name(words, i)]
    if lower and words[0].lower() != "the":
        # (lower-case words only as a title's: their last is a person's noun or role right before the
        # name, "host Laura Ingraham"; in "Obama met with Putin" they are the clause, Obama its subject)
        last = words[lower[-1]].lower()
        # (a preposition shaped like a person noun is none: "Reid went after Judiciary Chairman X")
        noun = (is_person_noun(last) or is_role_word(last)) and last not in _PREPOSITIONS_LIKE_NOUNS
        if lower[-1] == len(words) - 1 or not noun:
            spk = " ".join(words[: lower[0]])
            if not spk or not _CAPITAL.match(spk):
                return None
    phrase = classify_phrase(spk)
    if descriptors and phrase is not None and phrase.kind == "definite":
        return (spk, match.start("spk")) if is_person_noun(phrase.head) or is_role_word(phrase.head) else None
    if phrase is None or phrase.kind not in {"name", "pronoun"} or phrase.text in {"it", "they", "we"}:
        return None
    return spk, match.start("spk")


def _particle_in_name(words: list[str], i: int) -> bool:
    """Whether the lower-case words[i] is a surname particle between two capitalized words of a name."""
    inside = 0 < i < len(words) - 1 and words[i - 1][:1].isupper() and words[i + 1][:1].isupper()
    return inside and words[i] in NAME_PARTICLES


# A speech participle right before the opening mark ('saying only:', 'telling one questioner that mass
# deportation was'), or a verb of judging (_JUDGING).
_PARTICIPLE = re.compile(rf"(?:^|[,;—–]\s*|\s)(?:{PARTICIPLES})\b[^.;!?\"“”]{{0,80}}$")


def continues_across(before: str) -> bool:
    """Whether a quote introduced by a participle or a verb of judging goes on the sentence of an earlier
    quote (`before`: the text between them), as in 'Ryan took a swipe at the "deportation force,"
    telling one questioner it was "not going to happen"': the earlier sentence's subject is its speaker."""
    if not before[:2].strip(" ,")[:1].islower() or sentence_start(before + "A") > 0:
        return False  # (the earlier quote ended its sentence, or this one opens a new one)
    reach = max(0, len(before) - 90)
    return _PARTICIPLE.search(before, reach) is not None or _JUDGING.search(before, reach) is not None


# An object relative clause of naming right before the opening mark ('the senator, whom Democrats called
# "...," said'; 'the bill, which critics have dubbed "..."'): its subject calls, not the sentence's.
_RELATIVE_JUDGING = re.compile(
    r"(?:,|\s)\s*(?:whom|which)\s+(?P<spk>[^\s,.;:!?\"“”]+(?:\s+[^\s,.;:!?\"“”]+){0,5}?)\s+(?:(?:has|have|had)\s+)?"
    r"(?:[a-z]+ly\s+|once\s+|long\s+)?(?:called|dubbed|described\s+as|labell?ed|branded|nicknamed|derided\s+as|"
    r"hailed\s+as|denounced\s+as)\s*$"
)


def relative_judge(before: str) -> tuple[str, int] | None:
    """The subject of a "whom X called" clause that the quote completes: (phrase, offset in `before`)."""
    if "whom" not in before[-90:] and "which" not in before[-90:]:  # (most text before a quote holds neither)
        return None
    match = _RELATIVE_JUDGING.search(before, max(0, len(before) - 90))
    if match is None or classify_phrase(match["spk"]) is None:
        return None
    return match["spk"], match.start("spk")
