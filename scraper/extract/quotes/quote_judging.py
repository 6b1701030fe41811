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

from scraper.extract.quotes.quote_joined import joined_clause_subject
from scraper.extract.quotes.quote_sentences import sentence_start
from scraper.extract.quotes.speaker_documents import pronoun_owner
from scraper.extract.quotes.speaker_names import is_role_word
from scraper.extract.quotes.speaker_words import NAME_PARTICLES, is_person_noun
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
    # (a verb of charging or thanking says it with "of" or "for", perhaps a possessive: 'accused the
    # judges of "..."', 'thanked him for his "..."')
    r"|\b(?P<charging>(?:accus|thank)(?:ing|ed|es|e|s)?)\b[^.;:!?\"“”]{0,60}\s(?:of|for)"
    r"(?:\s+(?:his|her|their|its))?\s*$"
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
# Up to two short phrases opening a sentence before its subject ("In his speech, ", "On Monday, ").
OPENING_PHRASES = re.compile(r"\s*(?:[\w’'\-]+(?:\s+[\w’'\-]+){0,5},\s+){1,2}")
# Words of a name's run: capitalized, with a masked period ("Mr\u2024").
_CAPITAL = re.compile(r"[A-Z]")


def judging_subject(sentence: str) -> tuple[str, int] | None:
    """For a quote ending `sentence` that a verb of naming or judging introduces ('calling it "..."',
    'praised X as "..."'), the sentence's subject, if it surely names a person: (phrase, offset)."""
    judging = _JUDGING.search(sentence, max(0, len(sentence) - 80))
    if judging is None:
        return None
    before = sentence[: judging.start()].split()
    passive = (judging["verb"] or judging["framing"] or judging["charging"]).endswith("ed")
    if passive and before and before[-1][:1].islower() and before[-1] not in _SUBJECTS:
        return None  # (a passive after a noun names a thing: 'the box labelled "..."', 'a plan dubbed "..."')
    found = opening_subject(sentence)
    if found is None and "," in sentence[: judging.start()]:
        # (after opening phrases: 'In a statement, he dismissed the speech as "..."')
        opening = OPENING_PHRASES.match(sentence, 0, judging.start())
        after = opening_subject(sentence[opening.end() :]) if opening else None
        found = (after[0], opening.end() + after[1]) if opening and after else None
    return found


def joined_judge(sentence: str, after: int) -> tuple[str, int] | None:
    """For a quote ending `sentence` that a verb of judging introduces in a clause joined by ", and" or
    ", but" after `after` (the end of the sentence's first speech verb): that clause's subject, a person,
    who judges ('X has said he will not vote for him, and Y has called him "..."')."""
    judging = _JUDGING.search(sentence, max(after, len(sentence) - 80))
    joined = joined_clause_subject(sentence, judging.end()) if judging else None
    if joined is None or joined[1] < after:
        return None
    phrase = classify_phrase(joined[0])
    return joined if phrase is not None and phrase.kind in {"name", "pronoun"} else None




_SUBJECTS = frozenset({"he", "she", "they", "also", "then", "once", "later", "repeatedly", "and", "but"})


def opening_subject(sentence: str, descriptors: bool = False) -> tuple[str, int] | None:
    """The name (or he, she) opening `sentence` as its subject, a title of lower-case words before it
    kept whole ("Talk radio host Laura Ingraham went"), or None; with `descriptors`, also a capitalized
    descriptor of a person or role ("The Speaker did ...")."""
    return _leading_subject(sentence, descriptors) or _apposed_subject(sentence) or _owned_subject(sentence)


# A possessive pronoun's statement or reply opening the sentence, perhaps with an appositive, then the
# verb: "His response, a statement released Friday, dismissed ...", "Her letter called ...".
_OWNED = re.compile(
    r"\s*(?P<spk>(?:His|Her|Their)\s+(?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)"
    r"(?:\s*,[^.;:!?\"“”]{1,90}?,)?\s+(?:[a-z]\w*ly\s+)?[a-z]"
)


def _owned_subject(sentence: str) -> tuple[str, int] | None:
    """The owner of a statement or reply opening `sentence` ("His statement called"): its pronoun."""
    match = _OWNED.match(sentence) if sentence.lstrip()[:1] in "HT" else None
    if match is None or pronoun_owner(match["spk"]) is None:
        return None
    return match["spk"], match.start("spk")


def _leading_subject(sentence: str, descriptors: bool) -> tuple[str, int] | None:
    """The name, he or she (or with `descriptors` a person's descriptor) that `sentence` opens with."""
    match = _SUBJECT.match(sentence)
    if match is None:
        return None
    spk = match.group("spk")
    if spk.endswith("ing") and " " not in spk:
        return None  # (a participle opening the sentence: "Confirming this to Reuters, X said")
    words = spk.split()
    # (a surname particle before a capitalized word is the name's: "Mayor Bill de Blasio piled on")
    lower = [i for i, word in enumerate(words) if word[:1].islower() and not _particle_in_name(words, i)]
    if lower and words[0].lower() != "the" and spk not in {"he", "she"}:  # (after opening phrases)
        # (lower-case words only as a title's: their last is a person's noun or role right before the
        # name, "host Laura Ingraham"; in "Obama met with Putin" they are the clause, Obama its subject)
        last = words[lower[-1]].lower()
        # (a preposition shaped like a person noun is none: "Reid went after Judiciary Chairman X")
        if lower[-1] == len(words) - 1 or not (is_person_noun(last) or is_role_word(last)):
            spk = " ".join(words[: lower[0]])
            if not spk or not _CAPITAL.match(spk):
                return None
    phrase = classify_phrase(spk)
    if descriptors and phrase is not None and phrase.kind == "definite":
        return (spk, match.start("spk")) if is_person_noun(phrase.head) or is_role_word(phrase.head) else None
    if phrase is None or phrase.kind not in {"name", "pronoun"} or phrase.text in {"it", "they", "we"}:
        return None
    return spk, match.start("spk")


# A descriptor opening the sentence with the name in apposition, then the verb: "Mr. Baroni's lawyer,
# Michael Baldassare, attacked", "Her spokesman, Tom Ruiz, called".
# Also "One" of a group just named ("Some members were furious. One, Rep. Dana Ruiz of Utah, accused"),
# the name perhaps with its home.
_APPOSED = re.compile(
    r"\s*(?:(?:[Tt]he|[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.\u2024]*\s+)?[A-Z][\w’'\-]*[’']s)\s+"
    r"(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*|One(?:\s+of\s+them)?)"
    r",\s+(?P<spk>(?:[A-Z][\w’'.\-\u2024]*\s+){1,3}[A-Z][\w’'\-]*)(?:\s+of\s+[A-Z][\w.\u2024]*(?:\s+[A-Z]\w*)?)?,"
    r"\s+(?:[a-z]\w*ly\s+)?[a-z]"
)


def _apposed_subject(sentence: str) -> tuple[str, int] | None:
    """The full name in apposition to a descriptor opening `sentence`, as its subject."""
    match = _APPOSED.match(sentence) if "," in sentence[:60] else None
    phrase = classify_phrase(match["spk"]) if match else None
    return (match["spk"], match.start("spk")) if match and phrase and phrase.kind == "name" else None


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
