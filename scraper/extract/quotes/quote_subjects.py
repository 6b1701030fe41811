"""Who a quotation belongs to when no speech verb attributes it: the person the narration is about.

A quote that is the object of a non-speech verb belongs to the sentence's subject ('Walsh attacked
"..."', 'The campaign doctor is calling the candidate "..."'); a quote opening a sentence of its own
belongs to the person leading the sentence before it ('He is more emphatic about Ukraine. "We ..."').
Only when that subject is surely a person: a full name, he/she/they, or a descriptor headed by a person
noun or a body that issues words (a campaign, committee, ministry), so that 'Sales rose on "strong
demand"' attributes nothing.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_asked import asked_lead
from scraper.extract.quotes.quote_joined import joined_clause_subject
from scraper.extract.quotes.quote_judging import OPENING_PHRASES, opening_subject
from scraper.extract.quotes.speaker_french import before_object_pronouns, fronted_pronoun
from scraper.extract.quotes.speaker_german import (
    GERMAN_FRONTED_NAME,
    GERMAN_FRONTED_PRONOUN,
    GERMAN_NAME_THEN_VERB,
)
from scraper.extract.quotes.speaker_words import PERSONAL, is_person_noun, word_set
from scraper.extract.quotes.speakers import Phrase, classify_phrase
from scraper.extract.quotes.speech_verbs import AUXILIARY_WORDS, PARTICIPLES, RESPONSE_NOUNS

# A name, then what they did: a past tense, a present (not a copula: in 'X is "still less popular"'
# the quotation describes X; nor a determiner: "Considering this ...") or a progressive ('Trump lashes
# out', 'Walsh attacked', 'X is calling').
_NAME_THEN_ACTION = re.compile(
    r"(?P<spk>(?:[A-Z][\w’'.\-\u2024]*\s+){0,6}?[A-Z][\w’'.\-\u2024]*)\s+(?:[a-z]\w*ly\s+)?"
    r"(?:(?:is|are|was|were|has|have|had)\s+[a-z]\w*(?:ed|ing)|"
    r"(?!(?:is|was|has|remains|seems|looks|becomes|sounds|feels|stays|this|his|its|us|as|thus|plus|less)\b)"
    r"[a-z]\w*(?:ed|s)|began)\b"  # ("began" quotes like a speech verb: 'Carson began, "..."')
)
# Bodies that issue words of their own ("The Harris campaign is calling it ..."), unlike "sales" or "the
# line": a descriptor headed by one is a speaker when it quotes.
_SPEAKING_BODIES = word_set(
    "campaign committee administration ministry department agency government party office union council "
    "company firm bank publisher court commission regulator"
)
_ABSTRACT_NOUN_ENDINGS = ("ness", "tion", "sion", "ment", "ity", "ism", "ics", "ance", "ence", "ship")
# A pronoun or a name leading a sentence, then its verb (any: "He is more emphatic", "Li shrugs"; French
# and German "Elle a envoyé ...", "Sie lacht", not an impersonal "Il faut").
# Also a definite descriptor before a verb in -s or -ed ("The big right-hander possesses ..."), and a
# name with an appositive between commas ("Ada Li, a nurse from Leeds, grew up ..."), perhaps after a
# capitalized modifier and a lower-case title ("Republican strategist Ada Li, a contributor, echoed").
_PERSON_LEADS = re.compile(
    r"\s*(?P<spk>[Hh]e|[Ss]he|Elle|Er|Sie|Il(?!\s+(?:faut|fallait|y|s’agit|s'agit|semble|reste|suffit|est|était))|(?:[A-Z][\w\-]*\s+(?:[a-z][\w\-]*\s+){1,2}(?=[A-Z]))?(?:[A-Z][\w’'.\-\u2024]*\s+){1,3}[A-Z][\w’'\-]*|[Tt]he(?:\s+[a-z][\w\-]*){1,2}?(?=\s+[a-z]\w*(?:s|ed)\b))"
    r"(?:,[^,.;:!?\"“”]{1,80},)?\s+(?:[a-z]\w*ly\s+)?[a-z]\w*\b"
)
# A descriptor subject, then a past tense or a progressive: "The campaign doctor is calling ...".
_DESCRIPTOR_THEN_VERB = re.compile(
    r"(?P<spk>(?:[\w’'.\-\u2024]+\s+){0,5}?[\w’'.\-\u2024]+)\s+(?:[a-z]\w*ly\s+)?"
    r"(?:(?:is|are|was|were|has|have|had)\s+[a-z]\w*(?:ed|ing)|[a-z]\w*ed)\b"
)


# A speech verb's participle opening a clause of the main one ('X quit, telling the crowd, "..."'):
# its subject is the main clause's.
PARTICIPLE = re.compile(rf"(?:^|[,;—–]\s*|\s)(?:{PARTICIPLES})\b")
# A capitalized name of up to four words, with a lower-case surname particle between two of them ("Mayor
# Bill de Blasio", "Chris Van Hollen", "Ursula von der Leyen"): the particle never ends the name.
_NAME = (
    r"(?:[A-Z][\w’'.\-\u2024]*\s+"
    r"(?:(?:de|da|di|del|della|van|von|du|dos|bin|ibn|al)\s+(?:(?:der|den|la|le)\s+)?(?=[A-Z]))?){0,3}"
    r"[A-Z][\w’'\-]*"
)
# The subject opening the main clause: a name or he/she before a lower-case word ("Christie quit"),
# after a dateline and up to two short opening phrases ("In May, at a lunch, Christie had ...").
_MAIN_SUBJECT = re.compile(
    r"\s*(?:[A-Z][\w.’'\- ]{0,40}(?:\([^()]{1,30}\))?\s*[–—]\s*)?"  # a dateline: "Denver (CNN) – "
    r"(?:\([A-Z][\w.&\-]{1,15}\)\s*(?:[–—-]\s*)?)?"  # a source's credit opening a lede: "(CNN) "
    r"(?:(?:But|And|Yet|So|Still|Meanwhile|Then)\s+)?(?:[\w’'\-]+(?:\s+[\w’'\-]+){0,5},\s+){0,2}"
    rf"(?P<spk>[Hh]e|[Ss]he|{_NAME}|[Tt]he(?:\s+[a-z][\w\-]*){{1,2}}?)"
    r"(?=\s*[,—–]|\s+[a-z])"
)

# A name's reply before a colon: "Whitcomb’s response to critics:", "The senator’s blunt answer:".
_REPLY_OF = re.compile(
    rf"\s*(?P<spk>(?:[A-Z][\w’'.\-\u2024]*\s+){{0,3}}[A-Z][\w\-]*|[Tt]he(?:\s+[\w\-]+){{1,3}}?)[’']s\s+(?:[a-z]+\s+)?"
    rf"(?:{RESPONSE_NOUNS})\b[^:]{{0,60}}:\s*$"
)
# The same with the speaker after "from": 'The message from Sen. Ada Li was simple: "..."'.
_REPLY_FROM = re.compile(
    rf"\s*[Tt]he\s+(?:[a-z]+\s+)?(?:{RESPONSE_NOUNS})\s+from\s+(?:the\s+)?"
    rf"(?P<spk>(?:[A-Z][\w’'.\-\u2024]*\s+){{0,3}}[A-Z][\w\-]*)\b[^:]{{0,60}}:\s*$"
)
# A name or he/she right after a comma, then a lower-case verb: a clause's subject after its openers.
_CLAUSE_OPENER = re.compile(
    rf"(?:^|,\s+)(?P<spk>[Hh]e|[Ss]he|{_NAME})(?=\s+[a-z]\w*\b)"
)


def participle_subject(sentence: str) -> tuple[str, int] | None:
    """For a quote introduced without a finite speech verb, by a speech verb's participle ('Christie
    quit, telling a town hall, "..."') or by a colon ('Ada Brennan was blunt: "..."'), the person opening
    the sentence, if that is surely a person."""
    participle = PARTICIPLE.search(sentence)
    if participle is not None:
        end = participle.start()
    elif sentence.rstrip().endswith(":"):
        end = len(sentence.rstrip()) - 1
        reply = _REPLY_OF.match(sentence) or _REPLY_FROM.match(sentence)
        if reply is not None:
            return reply.group("spk"), reply.start("spk")
    else:
        return None
    joined = joined_clause_subject(sentence, end)  # ('..., and Mr. Kasich has begun ..., saying')
    if joined is not None and is_person(classify_phrase(joined[0])):
        return joined
    titled = opening_subject(sentence[:end])  # ("Former first lady Laura Bush ..., saying": quote_judging)
    if titled is not None and " " in titled[0].strip():
        return titled
    for match in (_MAIN_SUBJECT.match(sentence, 0, end), _last_clause_subject(sentence, end)):
        if match is not None and is_person(classify_phrase(match.group("spk"))):
            return match.group("spk"), match.start("spk")
    return None


# A speech verb in the infinitive right before the quote ('went so far as to say, "', 'took to Twitter to
# claim that "'): its subject is the main clause's. (Only right before it: in 'sought to assure investors
# that X is "..."' the words may be an earlier speaker's that the sentence echoes.)
# (a "that" clause may open with a few words before the quoted predicate: 'was keen to stress that,
# officially, the group's service "is not ..."'; a speech verb among them is found before this is read)
_INFINITIVE = re.compile(
    r"\bto\s+(?:say|claim|argue|add|insist|declare|note|write|tweet|explain|warn|suggest|ask|tell\s+\w+|"
    r"point\s+out|remind\s+\w+|proclaim|boast|quip|joke|respond|reply|stress|emphasi[sz]e)"
    r"(?:\s+that(?:,?\s+[\w’'-]+,?){0,6}?)?\s*[:,]?\s*$"
)
_MODAL_LEADS = word_set("have has had need needs needed ought want wants able")
_INFINITIVE_REACH = 90  # characters before the quote that can hold the infinitive


def infinitive_subject(sentence: str) -> tuple[str, int] | None:
    """For a quote introduced by a speech verb in the infinitive ('Trump went so far as to say, "..."'),
    the person opening the sentence, if that is surely a person."""
    to = _INFINITIVE.search(sentence, max(0, len(sentence) - _INFINITIVE_REACH))
    if to is None:
        return None
    # (an obligation or wish is no speech: 'MPs have to declare "any interest ..."')
    lead = sentence[max(0, to.start() - 8) : to.start()].split()
    if lead and lead[-1].lower() in _MODAL_LEADS:
        return None
    for match in (_MAIN_SUBJECT.match(sentence, 0, to.start()), _last_clause_subject(sentence, to.start())):
        if match is not None and is_person(classify_phrase(match.group("spk"))):
            return match.group("spk"), match.start("spk")
    return None


def _last_clause_subject(sentence: str, end: int) -> re.Match[str] | None:
    """The name or pronoun opening the clause the participle hangs on, after long opening phrases
    ("So, with just days to go before the primary in New Hampshire, Christie quit, telling ...")."""
    found = None
    for match in _CLAUSE_OPENER.finditer(sentence, 0, end):
        found = match
    return found


def previous_subject(text: str, previous: int, start: int) -> tuple[str, int] | None:
    """For a quotation opening a sentence with no attribution of its own, the person leading the sentence
    before it (text[previous:start]: 'He is more emphatic about Ukraine. "We should ..."'), if that is
    surely a person."""
    match = _PERSON_LEADS.match(text, previous, start)
    if match is None or not is_person(classify_phrase(match.group("spk"))):
        asked = asked_lead(text, previous, start)  # ('Asked ..., Vance laughed. "..."': Vance)
        if asked is not None:  # (one asked is a person, a name like a noun too: "Vance", "Prudence")
            return asked.group("spk"), asked.start("spk")
    if match is None or not is_person(classify_phrase(match.group("spk"))):
        match = _FOR_LEADS.match(text, previous, start)  # (whose view the sentence gives: "For X, ...")
        if match is None:  # (German verb-second: "Bei der Eröffnung erinnerte X an ...")
            match = GERMAN_FRONTED_NAME.match(text, previous, start)
        if match is None or not is_person(classify_phrase(match.group("spk"))):
            return None
    return match.group("spk"), match.start("spk")


# A person whose view the sentence gives, opening it: "Pour la climatologue Agnès Duval, la tendance est
# irréversible.", "For Ann Duval, the trend is clear.", "Für die Forscherin Ada Li ist das klar."
_FOR_LEADS = re.compile(r"\s*(?:For|Pour|Für)\s+(?P<spk>[^,.;:!?\"“”«»„]{3,60}?)(?:,|\s+(?:ist|war|sind)\b)")


def narrating_subject(sentence: str) -> tuple[str, int] | None:
    """The subject of a sentence that quotes without a speech verb ('Walsh attacked "..."', 'The doctor
    is calling the candidate "..."', 'In his speech, Walsh attacked "..."'): who the sentence says did it
    is whose words they are. After opening phrases only a name is taken (a descriptor there may be
    anything: "At the plant, the line stopped")."""
    lead = len(sentence) - len(sentence.lstrip())
    match = _NAME_THEN_ACTION.match(sentence, lead) or _DESCRIPTOR_THEN_VERB.match(sentence, lead)
    if match is None and sentence[lead : lead + 1].isupper():  # (a German verb: speaker_german)
        match = GERMAN_NAME_THEN_VERB.match(sentence, lead) or GERMAN_FRONTED_PRONOUN.match(sentence, lead)
    if (match is None or not is_person(classify_phrase(match.group("spk")))) and "," in sentence:
        opening = OPENING_PHRASES.match(sentence)  # ("In his speech": "In" is no subject, "his" no verb)
        match = _NAME_THEN_ACTION.match(sentence, opening.end()) if opening else None
    if match is None and sentence.rstrip().endswith(":") and (opening := OPENING_PHRASES.match(sentence)):
        match = fronted_pronoun(sentence, opening.end())  # ("Interrogé lundi, il a eu ce mot :")
    if match is None or not is_person(classify_phrase(match.group("spk"))):
        return None
    return match.group("spk"), match.start("spk")


_THEY = frozenset({"they", "sie"})


def is_person(phrase: Phrase | None) -> bool:
    """Whether a subject is surely someone who speaks: a full name, a pronoun, or a descriptor headed by a
    person noun ("the campaign doctor"); not a lone capitalized word ("Happiness", "Plastics")."""
    if phrase is None:
        return False
    if phrase.kind == "name":  # (a lone capitalized word may be a noun opening the sentence)
        return " " in phrase.name or not phrase.name.lower().endswith(_ABSTRACT_NOUN_ENDINGS)
    if phrase.kind == "pronoun":
        return phrase.text in PERSONAL or phrase.text in _THEY  # (German "sie" is she or they)
    return phrase.kind in {"definite", "indefinite"} and (
        is_person_noun(phrase.head) or phrase.head in _SPEAKING_BODIES
    )


# "the" plus a lower-case word opening a sentence or following a comma: where a descriptor subject may be.
_DESCRIPTOR_LEAD = re.compile(r"(?:^\s*|,\s+)[Tt]he\s+[a-z]")


def descriptor_subject(sentence: str) -> tuple[str, int] | None:
    """A person's descriptor as the subject of a sentence's main clause, after up to two opening phrases
    ("With the stadium as a backdrop, the senator mocked the president"): who the sentence is about,
    whom a following he or she most likely means, rather than its object."""
    if _DESCRIPTOR_LEAD.search(sentence) is None:  # (most sentences: the full pattern costs more)
        return None
    match = _MAIN_SUBJECT.match(sentence)
    if match is not None and match.group("spk") == "The":  # (read as a capitalized name: "The senator")
        match = _THE_SUBJECT.match(sentence, match.start("spk"))
    if match is None or match.group("spk")[:4].lower() != "the ":
        return None
    spk = match.group("spk")
    if spk.rsplit(None, 1)[-1] in _MODIFIERS and spk.count(" ") == 1:
        # (a modifier then the head: "The former president was more subdued", not "The former")
        longer = _NEXT_WORD.match(sentence, match.end("spk"))
        spk += longer.group() if longer is not None else ""
    return (spk, match.start("spk")) if _person_descriptor(spk) else None


_THE_SUBJECT = re.compile(r"(?P<spk>The(?:\s+[a-z][\w\-]*){1,2}?)(?=\s*[,—–]|\s+[a-z])")
_MODIFIERS = word_set("former acting interim senior deputy vice retired longtime late then-")
_NEXT_WORD = re.compile(r"\s+[a-z][\w\-]*(?=\s+[a-z])")


def _person_descriptor(text: str) -> bool:
    phrase = classify_phrase(text)
    return phrase is not None and phrase.kind == "definite" and is_person_noun(phrase.head)


# (a set of the auxiliary words, for the word-by-word test below)
_AUXILIARIES = frozenset(AUXILIARY_WORDS.split("|"))


def without_auxiliaries(chunk: str, offset: int) -> tuple[str, int]:
    """The subject without the auxiliaries and adverbs before its verb ("Kamin had" told, "Kamin would
    later" say): a tense or a time is no part of who speaks."""
    end = len(chunk)
    while True:
        cut = chunk.rfind(" ", 0, end)
        if cut < 0 or chunk[cut + 1 : end].lower() not in _AUXILIARIES:
            break
        end = cut
    end = before_object_pronouns(chunk, end)  # ("Elle le" résume: speaker_french)
    return chunk[:end].rstrip(), offset


# A name opening the last clause before a speech verb, after a conjunction: "Apple shipped its display
# and Steve Jobs (said)", "That was when Steve Jobs (said)".
_CLAUSE_NAME = re.compile(
    r"\b(?P<conj>and|but|when|while|after|because|until)\s+"
    r"(?P<spk>(?:[A-Z][\w’'\u2024-]*\.?\s+){0,4}[A-Z][\w’'-]*)\s*$"
)


def clause_name(chunk: str, offset: int) -> tuple[str, int] | None:
    """The name subject of the clause a conjunction opens at the end of `chunk`, the speech verb's: not
    after "and" or "but" joining names ("Lindsey Graham and John McCain"), only after a clause of three
    words or more ending in a lower-case word ("The bill passed and Sen. Jo Li")."""
    if " " not in chunk:
        return None
    match = _CLAUSE_NAME.search(chunk)
    if match is None:
        return None
    if match["conj"] in {"and", "but"}:
        before = chunk[: match.start()].split()
        if len(before) < 3 or not (before[-1].islower() or before[-1].isdigit()):  # (also "on April 3")
            return None
    phrase = classify_phrase(match["spk"])
    if phrase is None or phrase.kind != "name":
        return None
    return match["spk"], offset + match.start("spk")


# A name right before a participle of speaking that opens the quotation: 'Trump recalled Putin telling
# him, "..."', 'she remembers her father saying: "..."' (a name only).
_NAME_SAYING = re.compile(
    r"(?P<spk>(?:[A-Z][\w’'\u2024-]*\.?\s+){0,3}[A-Z][\w’'-]*)\s+(?:telling|saying|asking)"
    r"(?:\s+(?:him|her|them|me|us))?\s*[,:]?\s*$"
)


def name_saying(sentence: str) -> tuple[str, int] | None:
    """The person whose words a participle before the opening mark reports ('recalled Putin telling him,
    "..."'): that name, not the subject who recalls them."""
    if "ing" not in sentence[-24:]:  # (most sentences: no participle right before the mark)
        return None
    match = _NAME_SAYING.search(sentence, max(0, len(sentence) - 90))
    if match is None:
        return None
    phrase = classify_phrase(match["spk"])
    return (match["spk"], match.start("spk")) if phrase is not None and phrase.kind == "name" else None
