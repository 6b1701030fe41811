"""Reporting clauses: which speech verb of a sentence that opens with a subordinate clause introduces
its quotation, and who a clause outside the subject slot says is speaking.

'As SDG 7 predicts growth, researcher Ada Li writes that "..."': the main clause's verb (Ada Li's words).
'As Susan Page of USA Today reports, the election revealed a divided nation, "..."': a reporting clause
("As X reports,", "As the Times noted last week,") names the source of what the sentence goes on to
quote, unless a person is the subject of a later speech verb ('As Page reports, Li said "..."': Li's).
Also named outside the subject slot: the agent of a passive report ('As noted by Sen. X, ...'), the
owner of a poll's finding ('One Gallup poll found "..."') or of a claim ("X's claim that "...""), a body
quoted by what "it" calls something, the subject after a time clause with no comma ('When the votes
came in Trump declared'), and whose words a sentence says they are ('In Dr. Li's words, "..."').
"""

from __future__ import annotations

import re
from collections.abc import Callable

from scraper.extract.quotes.quote_subjects import is_person
from scraper.extract.quotes.speaker_mentions import matched_speaker
from scraper.extract.quotes.speaker_words import is_person_noun
from scraper.extract.quotes.speakers import classify_phrase

# A sentence opening with a subordinate clause ("As the UN predicts that ..., Dr Ada Li writes that").
_SUBORDINATOR = re.compile(r"\s*(?:As|While|Whereas|Although|Though|When|If|Because|Since)\s")
# A reporting clause's verb with no object of its own, only a time or medium, before its comma:
# "As X reports,", "As the Times noted last week,", "As Li wrote in her memoir,".
_REPORT_ENDS = re.compile(
    r"(?:\s+(?:in|on|at|last|this|earlier|recently|today|yesterday)\b[^,\"“”]{0,40})?\s*,"
)

Subject = Callable[[str, int], "tuple[str, int] | None"]


def main_clause_verb(
    sentence: str, verbs: list[re.Match[str]], verb: re.Match[str], subject_of: Subject
) -> re.Match[str]:
    """The first speech verb after an opening subordinate clause holding `verb`, unless that clause
    reports a source ("As X reports,") and no person is the later verb's subject (`subject_of` finds a
    verb's subject phrase in the sentence)."""
    if not _SUBORDINATOR.match(sentence):
        return verb
    first = verbs[0]
    comma = sentence.find(",", first.end())
    later = [v for v in verbs if comma >= 0 and v.start() > comma]
    if later and sentence.lstrip()[:3] == "As " and _REPORT_ENDS.match(sentence, first.end()):
        # ("reports" is a source's verb, passed over for a later speech verb: not in its own clause)
        subject = subject_of(sentence, later[0].start())
        if subject is None or not is_person(classify_phrase(subject[0])):
            return first
    return later[0] if later and verb is first else verb


# A passive report opening the sentence, its speaker after "by": 'As noted by Sen. Ada Li, the bill
# would "..."', 'As stated by its chief executive, Ada Li, the firm will "..."'.
_AS_BY = re.compile(
    r"[\s\"“”'‘’(]*As\s+(?:stated|noted|said|written|explained|observed|argued|put|described|pointed\s+out)"
    r"\s+by\s+(?P<spk>[^,;:.!?\"“”]{1,60}?)(?:,\s*(?P<app>[A-Z][^,;:.!?\"“”]{1,40}?))?\s*,"
)


def as_by_opening(sentence: str) -> tuple[str, int] | None:
    """The speaker named after "by" in a passive report opening the sentence ("As noted by X, ...")."""
    match = _AS_BY.match(sentence) if "by" in sentence else None
    if match is None:
        return None
    if match.group("app"):  # (a title then the name: "by its chief executive, Ada Li")
        named = classify_phrase(match.group("app"))
        if named is not None and named.kind == "name" and " " in named.name:
            return match.group("app"), match.start("app")
    return (match.group("spk"), match.start("spk")) if classify_phrase(match.group("spk")) else None


# What a poll or study found, quoted ('One Gallup poll found a majority of "..."', 'A Pew survey released
# Monday found that "..."', 'The Harbor Institute concluded that "..."'): its owner is the source.
_STUDY_FOUND = re.compile(
    r"[\s\"“”'‘’(]*(?:(?:[Oo]ne|[Aa]n?|[Tt]he|[Aa]nother)\s+)?(?:(?:new|recent|latest)\s+)?"
    r"(?P<spk>[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,4}?)(?:[’']s)?\s+(?:(?P<study>poll|survey|study|report|"
    r"analysis|research)(?:\s+[^,;:.!?\"“”]{1,40}?)?\s+)?(?P<verb>found|finds|showed|shows|concluded|concludes)"
    r"\b(?P<that>\s+that)?"
)


def study_source(sentence: str) -> tuple[str, int] | None:
    """The owner of a poll or study whose finding the sentence quotes, or a body that "found that"."""
    cheap = "found" in sentence or "show" in sentence or "conclude" in sentence  # (most sentences: none)
    match = _STUDY_FOUND.match(sentence) if cheap else None
    if match is None or not (match.group("study") or match.group("that")):
        return None
    return matched_speaker(match, {"name"})


# A person's claim quoted as what it says ('Trump's claim that "millions voted illegally"', 'rejected
# Clinton's argument that "..."', 'the senator's repeated insistence that "..."', 'Ellery's line that the
# budget was "..."'): the owner's words.
_OWN_CLAIM = re.compile(
    r"(?P<spk>(?:[Tt]he\s+[a-z]+|(?:[A-Z][\w\-\u2024]*\s+){0,3}[A-Z][\w\-]*))[’']s\s+(?:[a-z]+\s+)?"
    r"(?:claim|claims|insistence|assertion|argument|contention|promise|pledge|warning|boast|vow|"
    r"suggestion|complaint|charge|accusation|admission|prediction|line|remark|assurance|statement)\s+that"
    r"(?:\s+[^.;:!?\"“”]{1,60}?)?\s*$"  # (the quote may finish the clause: 'X's line that the budget was "')
)


def claim_owner(sentence: str) -> tuple[str, int] | None:
    """The owner of a claim the quote follows right after "that" ("Trump's claim that "..."")."""
    match = _OWN_CLAIM.search(sentence) if "that" in sentence[-70:] else None
    return matched_speaker(match, {"name", "definite", "indefinite", "pronoun"})


# A time clause run into the main clause with no comma ('When the votes came in Trump declared',
# 'As we sat down Stephanie proudly proclaimed'): the clause has its own verb, the name after it (an
# adverb may follow) is the main clause's subject.
_CLAUSE_THEN_NAME = re.compile(
    r".*?\b(?:[a-z]+ed|was|were|had|did|came|went|took|sat|stood|got|made|gave|left|began|ended|won|lost)"
    r"\b(?:\s+(?:in|out|down|up|on|off|over|back|home))?\s+"
    r"(?P<spk>(?:[A-Z][\w’'\-\u2024]*\s+){0,3}[A-Z][\w’'\-]*)(?:\s+[a-z]+ly)?\s*$"
)


def subject_after_clause(rest: str) -> tuple[str, int] | None:
    """The name ending a leading time clause's words that has a verb of its own, and its offset."""
    match = _CLAUSE_THEN_NAME.match(rest) if rest[-1:].isalpha() else None
    return matched_speaker(match, {"name"})


# A body quoted by what "it" calls something ('The Ministry of Foreign Affairs has condemned what it calls
# a "..."', 'The Harris campaign attacked what it called "..."'): the sentence's subject, leading it.
_WHAT_IT_CALLS = re.compile(
    r"[\s\"“”'‘’(]*(?P<spk>(?:[Tt]he\s+)?[A-Z][^,;:\"“”]{0,60}?)\s+(?:has\s+|have\s+|had\s+)?(?:[a-z]+ly\s+)?"
    r"[a-z]{3,}(?:ed|s)\b[^.;:!?\"“”]{0,80}\bwhat\s+it\s+(?:calls|called|termed|terms)\s*(?:an?\s+|the\s+)?$"
)


def what_it_calls(sentence: str) -> tuple[str, int] | None:
    """The body leading a sentence that quotes what "it" calls something (not a person: "it")."""
    match = _WHAT_IT_CALLS.match(sentence) if "what it" in sentence[-30:] else None
    if match is None:
        return None
    return matched_speaker(match, {"name", "definite"})


# A sentence opening with whose words the quote is ('In Trump’s words, "..."', 'In the words of Sen. Ada
# Li: "..."'), the quote right after it.
_IN_WORDS = re.compile(
    r"[\s\"“”'‘’(]*In\s+(?:(?P<pronoun>[Hh]is|[Hh]er|[Tt]heir)\s+own\s+words"
    r"|(?P<own>[^,;:.!?\"“”]{1,60}?)[’']s?\s+(?:own\s+)?words|the\s+words\s+of\s+"
    r"(?P<of>[^,;:!?\"“”]{1,60}?))\s*[,:]\s*$"
)


_SUBJECT_OF = {"his": "he", "her": "she", "their": "they"}


def in_words_of(sentence: str) -> tuple[str, int] | None:
    """The person whose words a sentence says the quote is ('In Dr. Li's words, "..."', 'In his own
    words: "..."')."""
    match = _IN_WORDS.match(sentence)
    if match is None:
        return None
    if match.group("pronoun"):  # ('In his own words: "..."': the person a pronoun refers to)
        return _SUBJECT_OF[match.group("pronoun").lower()], match.start("pronoun")
    group = "own" if match.group("own") else "of"
    raw = match.group(group)
    phrase = classify_phrase(raw)
    # (a person, not a thing: 'In the words of the old song, "..."' quotes no one who speaks)
    if phrase is None or not (phrase.kind == "name" or is_person_noun(phrase.head)):
        return None
    return raw, match.start(group)


# A document whose text the quote gives, with "read(s)" ('a statement by a Sussex spokesperson confirming
# the eviction read: "..."', 'The mayor's note read, "..."'): the one named after "by"/"from" wrote it,
# else the document's owner, else the document stands as a body's statement ("The statement said").
_DOCUMENT = r"(?:[a-z-]+\s+)?(?:statement|letter|note|memo|message|e-?mail|post|notice|announcement)"
_DOCUMENT_READS = re.compile(
    rf"(?P<doc>\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+{_DOCUMENT}|"
    rf"(?P<owner>(?:[A-Z][\w\-\u2024]*\s+){{0,3}}[A-Z][\w\-]*)(?:[’']s|s[’'])\s+{_DOCUMENT})"
    r"(?:\s+(?:by|from)\s+(?P<by>[^,:;\"“”]{2,60}?))?(?:\s+[a-z]+ing\b[^,:;\"“”]{0,60}?)?\s+reads?\s*[:,]?\s*$"
)


def document_reads(sentence: str) -> tuple[str, int] | None:
    """Who wrote the document a sentence quotes with "read(s)" before the opening mark."""
    if "read" not in sentence[-12:]:  # (the verb stands right before the mark: most sentences skip it)
        return None
    match = _DOCUMENT_READS.search(sentence, max(0, len(sentence) - 200))
    if match is None:
        return None
    for group in ("by", "owner", "doc"):
        if match[group] and classify_phrase(match[group]) is not None:
            return match[group], match.start(group)
    return None
