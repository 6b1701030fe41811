"""Who a speaker phrase names: classify it, and split a person's name from their title.

A phrase is what stands in the speech-verb's subject slot ("he", "the former NATO commander",
"Former NATO Supreme Allied Commander Admiral James Stavridis", "a source in North Korea").
speaker_history resolves classified phrases to the people they refer to (it imports this module,
never the reverse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from scraper.extract.quotes.speaker_demonstratives import demonstrative_gender
from scraper.extract.quotes.speaker_documents import document_owner, name_list, pronoun_owner
from scraper.extract.quotes.speaker_french import (
    after_occasion,
    french_named,
    fronted_phrase,
    name_after_place,
    split_elided,
)
from scraper.extract.quotes.speaker_german import german_participle, noun_then_clause, titled_by_noun
from scraper.extract.quotes.speaker_handles import handle
from scraper.extract.quotes.speaker_names import (
    article_before_name,
    bare_title,
    content_words,
    ends_name,
    head_noun,
    is_role_word,
    owner_of,
    speaks,
    split_name,
    title_word,
)
from scraper.extract.quotes.speaker_occasions import DATES, MONTHS, STATE_PAIRS, STATES, TRIM_TAIL
from scraper.extract.quotes.speaker_shapes import BODY_HEADS, POSTER_OPENERS, body_tail, place_article
from scraper.extract.quotes.speaker_title_scope import (
    kin_of,
    office_of,
    title_after_preposition,
    titled_name_cut,
    titled_name_ends,
    titles_name,
)
from scraper.extract.quotes.speaker_titles import restore_dots
from scraper.extract.quotes.speaker_words import (
    ADVERBS,
    CLITICS,
    DEFINITE,
    DETERMINERS,
    DOCUMENTS,
    INDEFINITE,
    ISSUED_BY,
    NAME_PARTICLES,
    NOT_SUBJECT,
    OPENERS,
    OWNED_DOCUMENTS,
    PREPOSITIONS,
    PRONOUNS,
    SENTENCE_ADVERBS,
    STOP_WORDS,
    is_adverb,
    is_age,
    is_compound_modifier,
    is_plural_people,
    manner_adverb,
    word_set,
    writer_in,
)

__all__ = ["CACHED_PHRASES", "Phrase", "classify_phrase", "split_name"]


# A page asks about the same phrase two or three times (attribution, narration, resolution); common
# phrases ("he", "The", "officials") recur across pages. Bounded, so a long crawl stays flat.
CACHED_PHRASES = 1024


_NOBODY = OPENERS | DETERMINERS | {"i", "we", "you", "me", "us"}
# A subject pronoun opening a longer phrase is the subject ("He doesn't like X and said").
_SUBJECT_PRONOUNS = word_set("he she they")
# Words that never end a subject phrase: one ending so is a clause cut short ("Actually a lot of the",
# "his aides come in and", "Exactly what he"), or a comparison ("Harris better", "What's more").
_FRAGMENT_ENDS = word_set(
    "the a an and or nor but of to for with from by as than that what if he she you me us them my our "
    "better worse more less rather ago"
)
# A share of a poll's respondents ("31%", "Only 12% of those polled", "about 3 in 10 independents"):
# a count of answers, never someone speaking.
_SHARE = re.compile(r"\d(?:\s*%|\s+per\s?cent\b|\s+(?:in|out\s+of)\s+\d)")
# Spans of time that open a sentence capitalized ("Months later, he wrote", "Weeks after the vote"):
# a time phrase, never a name.
_SPANS_OF_TIME = word_set("seconds minutes hours days weeks months years decades moments")
# Their heads after a determiner or number ("a few hours later", "two days after the vote"): no one.
_TIME_HEADS = _SPANS_OF_TIME | word_set("second minute hour day week month year decade moment")
_NOT_NAMES = DATES | STATES
_DEMONYMS = ("icans", "ians")  # (plural demonyms: "Americans", "Canadians", "Iowans" aside)
# The reader addressed ("the touch of the waves ... on your toes"): never a speaker, as the writer's "I".
_READER = word_set("you your yours yourself")


@dataclass(frozen=True)
class Phrase:
    """A classified speaker phrase: kind is pronoun, name, definite, indefinite or group.

    Frozen because classify_phrase and classify_mention hand the same cached instance to every caller.
    """

    kind: str
    text: str
    name: str = ""
    roles: frozenset[str] = frozenset()
    head: str = ""




@lru_cache(maxsize=CACHED_PHRASES)
def classify_phrase(raw: str) -> Phrase | None:
    """What kind of speaker phrase `raw` is, or None when it is not a plausible subject."""
    text = restore_dots(raw).strip(" ,;:—–-()[]\u00a0…")  # (an excerpt's ellipsis: "… Ri Kyong Ae")
    text = after_occasion(text)  # ("lors d'une conférence de presse le directeur ...": the director)
    owner = document_owner(text) or pronoun_owner(text)  # ("Smith's letter", "his statement": its owner)
    if owner is not None:
        return classify_phrase(owner)
    if "," in text:
        return _with_appositive(text)
    if demonstrative_gender(text) is not None:  # ("Celui-ci", "Dieser": the person named last)
        return Phrase("group", text, roles=frozenset({text.lower()}))
    if text.count(" ") >= 2:  # a time/medium tail needs at least "X on Monday"
        text = TRIM_TAIL.sub("", text).strip()
    words = text.split()
    if len(words) > 2 and is_age(words[0]) and words[1][:1].isupper():  # ("81-year-old Ann Parr")
        words = words[1:]
        text = " ".join(words)
    if len(words) > 1 and words[-1] in {"himself", "herself", "itself", "themselves"}:  # ("Trump himself")
        words = words[:-1]
    # (also a sentence adverb before a name with no comma: "Finally Cleese offers ...")
    while len(words) > 1 and (words[0].lower() in OPENERS or (  # ("Privately she": she)
            is_adverb(words[0]) and (words[1][0].isupper() or words[1] in _SUBJECT_PRONOUNS))):  # fmt: skip
        words = words[1:]
    if not words or len(words) > 14 or (len(words) == 1 and words[0].lower() in _NOBODY):
        return None  # (a determiner alone, "A" or "The", names nobody; "I" is the writer, not a speaker)
    if words[0].lower() in _SPANS_OF_TIME:  # ("Months later", "Weeks after the vote": a time phrase)
        return None
    if len(words) == 1 and (len(words[0].rstrip(".")) == 1 or words[0].lower() in _NOT_NAMES
                            or is_compound_modifier(words[0])):  # fmt: skip
        return None  # (a lone letter is an initial or an interview's "Q", a day a date, a state a place,
        # "Gun-control" a modifier whose noun was cut off)
    # (no word can be the writer's "I" in a phrase without a capital I: most phrases skip the test)
    if words[0].lower().startswith(("i’", "i'", "we’", "we'")) or ("I" in text and writer_in(words)):
        return None  # (so is "I’d", "We’re", "What I")
    if words[0][:1] in "lL":  # ("L’actrice Anna Lefort", "l’élu": the article is a word)
        words = split_elided(words)
    first = words[0].lower()
    if len(words) == 1 and first in PRONOUNS:
        return Phrase("pronoun", first)
    if len(words) == 1 and first == "lui":  # French "him" after a preposition ("Selon lui, ..."): he
        return Phrase("pronoun", "il")
    if first in _SUBJECT_PRONOUNS and words[1][:1].islower():  # "He doesn't like X and said": he
        return Phrase("pronoun", first)
    if len(words) == 1 and is_adverb(words[0]):  # "Interestingly, her ...", "that truly called"
        return None
    while len(words) > 1 and words[-1] in ADVERBS:  # "Portman then added", "The alliance also said"
        words = words[:-1]
    if len(words) > 1 and words[-2][:1].isupper() and manner_adverb(words[-1]):
        words = words[:-1]  # "Trump proudly declared", "Sen. Jo Li angrily said"
    lowered = [w.lower().strip(",.") for w in words]
    # (a clitic needs an apostrophe: most phrases have none, and skip the test of each word's start)
    elided = ("’" in text or "'" in text) and any(w.startswith(CLITICS) for w in lowered)
    if elided or not STOP_WORDS.isdisjoint(lowered) or first in NOT_SUBJECT:
        return None
    if len(words) > 1 and (lowered[-1] in _FRAGMENT_ENDS or not _READER.isdisjoint(lowered)):
        return None
    if _SHARE.search(text) or not (first[:1].isalpha() or any(w[:1].isalpha() for w in words)):
        return None  # a poll's share or a number
    if words[0].endswith("ing") and len(words[0]) > 5 and words[1:2] and words[1].islower():
        # a participle opening a phrase ("Considering this ..."), unlike a name ending so ("Irving Berlin")
        return None
    if not words[-1][:1].isalnum():
        return None
    text = " ".join(words)
    if len(words) > 3 and first in DETERMINERS and words[1].lower() in DOCUMENTS and words[2] in ISSUED_BY:
        return classify_phrase(" ".join(words[3:]))  # ('a statement from his office': the office speaks)
    if len(words) > 1 and words[-1] in OWNED_DOCUMENTS and words[0][:1].isupper() and owner_of(words[-2]):
        return classify_phrase(" ".join(words[:-2] + [owner_of(words[-2])]))  # ("Mozilla's manifesto")
    if first in POSTER_OPENERS and (user := handle(words)) is not None:  # ("New submitter X")
        return Phrase("name", text, name=user, roles=frozenset(lowered))
    if first in {"a", "an"} and article_before_name(words):  # ('a Bloomberg suggests': a noun left out)
        return _named(" ".join(words[1:]), words[1:])
    if (first in DEFINITE or first in INDEFINITE or first[:1].isdigit()) and lowered[-1] in _TIME_HEADS:
        return None  # ("a few hours later, he said": a time phrase)
    if (first in DEFINITE or first in INDEFINITE or first[:1].isdigit()) and not place_article(words):
        return None if noun_then_clause(words) else _descriptor(text, words, first in DEFINITE)
    if (is_plural_people(lowered[-1]) or lowered[-1].endswith(_DEMONYMS)) and words[0][0].isupper():  # "House
        return Phrase("group", text, roles=frozenset(lowered))  # Democrats", "Reporters": a group
    if words[0][:1].isupper() or titled_name_ends(words):  # also "union president Denise Okafor"
        return _named(text, words)
    if len(words) == 2 and first in NAME_PARTICLES and words[1][:1].isupper():  # a surname: "de Blasio"
        return Phrase("name", text, name=text)
    cut = titled_name_cut(words)  # ("spokesman John Kirby of the State Department": John Kirby)
    if cut:
        person = _named(text, words[:cut])
        if person is not None and person.kind == "name":
            return replace(person, roles=person.roles | frozenset(content_words(words[cut:])))
    user = handle(words)  # ("user jayk1984": an online handle names its writer, speaker_handles)
    if user is not None:
        return Phrase("name", text, name=user, roles=frozenset(lowered))
    pronoun = any(part in PRONOUNS for w in lowered for part in w.split("-"))
    if len(words) <= 3 and _lower_group(words) and not pronoun and not german_participle(words):
        # "police", "state media", "local officials" (but not French "a-t-il")
        return Phrase("group", text, roles=frozenset(lowered))
    return None


def _lower_group(words: list[str]) -> bool:
    """Whether lower-case words name a group, a name only after a preposition ("officials at Etlaq"):
    a name right after a lower-case word is a clause's object ("describes Harris better")."""
    return all(w[:1].islower() or words[i - 1] in PREPOSITIONS for i, w in enumerate(words) if i)


def _with_appositive(text: str) -> Phrase | None:
    """A name followed by its appositive ("Renata Ilves, the company's chief executive"): the person,
    with the appositive's words as roles so a later "the chief executive" finds them."""
    if listed := name_list(text):  # ("Ann Lee, Bo Stone and Carl Wei": all of them, not the first)
        return Phrase("name", listed, name=listed, roles=frozenset(content_words(listed.split())))
    name, appositive = text.split(",", 1)
    if name.lower() in SENTENCE_ADVERBS:  # "Luckily, Fischer": the subject follows the adverb
        return classify_phrase(appositive)
    if fronted_phrase(name, appositive):  # ("Interrogée sur la réforme, elle"): the subject is after it
        return classify_phrase(appositive)
    person = classify_phrase(name)
    if (person is None or person.kind == "group") and bare_title(name):  # ("said campaign spokesman, Jo Li")
        title = name.split()
        person = Phrase("indefinite", name, roles=frozenset(content_words(title)), head=title[-1].lower())
    if person is not None and person.kind in {"definite", "indefinite"}:
        return _named_by_appositive(person, appositive)
    if person is None or person.kind != "name":
        return None
    words = appositive.replace(",", " ").split()
    roles = frozenset(content_words(words))
    return Phrase("name", text, name=person.name, roles=person.roles | roles, head=head_noun(words))


def _named_by_appositive(descriptor: Phrase, appositive: str) -> Phrase | None:
    """A descriptor followed by the full name it describes ("the bank's governor, Elena Marsh"): the
    person, with the descriptor's words as roles so a later "the governor" finds them."""
    person = classify_phrase(appositive)
    if person is None or person.kind != "name" or " " not in person.name:
        return None
    # (a title may lead the name and a home follow it, "Trump's running mate, Gov. Mike Pence of Indiana";
    # nothing else: "the driver, Jo Li who ...")
    at = person.text.find(person.name)
    if at < 0 or not _HOME_TAIL.fullmatch(person.text, at + len(person.name)):
        return None
    text = f"{descriptor.text}, {person.name}"
    return Phrase("name", text, name=person.name, roles=descriptor.roles | person.roles, head=descriptor.head)


# What may follow a name in an appositive: nothing, or the place a politician represents ("of Indiana").
_HOME_TAIL = re.compile(r"(?: of [A-Z][\w.]*(?: [A-Z][\w.]*)?)?")


def _descriptor(text: str, words: list[str], definite: bool) -> Phrase:
    """A descriptor that ends in a name ("the company's CEO Tim Cook", "a voter named Ada Li") names them."""
    german = titled_by_noun(words)
    if german:  # (the noun after a German article titles the name after it: speaker_german)
        name = split_name(german.split())[0] or german  # (and so may a title: "Der Wiener Schauspieler X")
        return Phrase("name", text, name=name, roles=frozenset(content_words(words[: -len(name.split())])))
    name, roles = split_name(words[1:])
    if not name and (placed := name_after_place(text)):  # ("le député de la Somme Jean-Philippe Tanguy")
        return Phrase("name", text, name=placed, roles=roles)
    # "the company's CEO Tim Cook" names a person; "a source in North Korea", "die Ministerin" and an
    # organization named right after its article ("the Platte Basin Water Council") do not.
    at = len(words) - len(name.split()) - 1
    before = words[at]
    full = len(name.split()) > 1 and not title_after_preposition(words, at)
    # (one word too: "an angry lady named Carla", "l’entreprise Virevolt")
    named = (before == "named" and bool(name)) or french_named(words, at, name)
    if named or (full and (titles_name(before, name) or office_of(words, at) or kin_of(words[0], before)
                           or is_age(" ".join(words[max(0, at - 1) : at + 1])))):  # fmt: skip
        return Phrase("name", text, name=name, roles=roles | frozenset(content_words(words[:1])))
    kind = "definite" if definite else "indefinite"
    return Phrase(kind, text, roles=frozenset(content_words(words)), head=head_noun(words))


def _named(text: str, words: list[str]) -> Phrase | None:
    at = 0
    for i in range(1, len(words)):  # (a loop, not a generator: this runs for most phrases)
        if ends_name(words, i):
            at = i
            break
    # (a surname's particles are lower case: "Ursula von der Leyen in Brüssel")
    capitalized = at > 0 and all(w[:1].isupper() or w in NAME_PARTICLES for w in words[:at])
    if capitalized and not is_role_word(words[at - 1].lower()):
        # "Rebecca English of the Daily Mail", "Gov. John Kasich of Ohio": the name is before the
        # preposition (a place after it is never the person); not in "Secretary of State Antony Blinken".
        name, roles = split_name(words[:at])
        if name and words[at - 1].lower() in BODY_HEADS and body_tail(words[at:]):
            name = f"{name} {' '.join(words[at:])}"  # ("Joint Committee on Rivers and Harbours": one name)
        if name:
            return Phrase("name", text, name=name, roles=roles | frozenset(content_words(words[at:])))
    name, roles = split_name(words)
    if name.lower() in STATE_PAIRS:  # ("win New York, win California": a place)
        return None
    if name.lower() in DATES or (name and name.rsplit(None, 1)[-1].lower() in MONTHS):
        name = ""  # ("X's new book lands Tuesday", "Ende Januar": a date ends the clause, no name does)
    if not name:
        head = head_noun(words)
        if words[-1].islower() and not speaks(head):
            return None  # a clause, not a title: "Picture the scene", "Ergen dropped the channels"
        return Phrase("definite", text, roles=roles, head=head)
    return Phrase("name", text, name=name, roles=roles, head=title_word(words, name))
