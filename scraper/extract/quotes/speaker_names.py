"""A speaker phrase's words split into a person's name and their title words, and a descriptor's head.

"Former NATO Supreme Allied Commander Admiral James Stavridis" -> "James Stavridis" with the title words
(former, nato, commander, admiral ...) that a later "the admiral" matches; "the head of the agency" ->
head "head"; "a Bloomberg suggests" is Bloomberg, "a Democrat" a party member; where a name ends, the
title word before it, and whether a descriptor's head speaks. Pure functions over the phrase's words
(speakers classifies whole phrases with them).
"""

from __future__ import annotations

from scraper.extract.quotes.given_names import descriptor_before_name, is_given_name
from scraper.extract.quotes.speaker_full_names import NOT_PERSON_ENDS, glued_particle
from scraper.extract.quotes.speaker_german import title_noun_end
from scraper.extract.quotes.speaker_ranks import INITIAL_TITLES, OCCUPATIONS, POSITIONS, POST_NOMINALS
from scraper.extract.quotes.speaker_words import (
    ABBREVIATED_TITLES,
    ARTICLES,
    DETERMINERS,
    GERMAN_ROLE_ENDINGS,
    HONORIFICS,
    JOB_ENDINGS,
    NAME_PARTICLES,
    PARTY_MEMBERS,
    PREPOSITIONS,
    REGNAL,
    ROLE_SUFFIX,
    ROLE_WORDS,
    is_person_noun,
    is_role,
    word_set,
)


def head_noun(words: list[str]) -> str:
    """The head of a descriptor: its last word before any prepositional phrase ("head of the agency"),
    or a role word ending it ("the Ministry of Foreign Affairs spokesperson")."""
    if words and is_role(words[-1].lower()):
        return words[-1].lower()
    head = ""
    for word in words[1:] if words[0].lower() in DETERMINERS else words:
        low = word.lower().strip(",.")
        if low in PREPOSITIONS and head:
            break
        head = low
    return head


def split_name(words: list[str]) -> tuple[str, frozenset[str]]:
    """Split "Former NATO Supreme Allied Commander Admiral James Stavridis" into name and title words.

    The name starts after the last role word, lowercase word, possessive or honorific ("Rep. Elijah E.
    Cummings" -> "Elijah E. Cummings", "Mr. Kamin" -> "Kamin"); it needs a word that is none of them,
    so a title alone is no name. A monarch's or cleric's title stays before a lone given name ("King
    Charles", "Pope Francis"): without it the name is not the one the article uses.
    """
    start = 0
    last = len(words) - 1
    for i, word in enumerate(words):
        low = word.lower().rstrip(",")
        # (a title word ending the phrase is a surname: "Carole King")
        if word == "M." and _french_monsieur(words, i):
            start = i + 1  # (French "M. Larcher": an honorific, not an initial)
        elif low in HONORIFICS and word[:1].isupper() and i < last and not after_role(words, i) and (
            low not in INITIAL_TITLES or _titled_person(words, i)
        ):
            start = i if low in REGNAL and i == last - 1 else i + 1
        elif low == "and" and _joint(words, start, i):
            continue  # two people speaking together: "Sens. Lindsey Graham and John McCain"
        # (the cheapest tests first, is_possessive's and is_role_word's inline: this runs on every word of
        # every speaker phrase, most of them lower case or capitalized and in no word list)
        elif (
            (word[:1].islower() and low not in NAME_PARTICLES and not glued_particle(word))
            or (low.endswith(_POSSESSIVE_ENDS) and not _company_possessive(words, i))
            or (low in ROLE_WORDS and not _surname_particle_before(words, i))
            or low.endswith(GERMAN_ROLE_ENDINGS)
            or ("-" in low and is_role_word(low))
        ):
            start = i + 1
        elif low in PARTY_MEMBERS and last - i > 1 and word[0].isupper() and words[-1].lower() not in _BODIES:
            start = i + 1  # a party member's label before a full name: "Florida Republican Marco Rubio"
        elif i > 1 and words[i - 1] == "of" and is_role(words[i - 2].lower()):
            start = i + 1  # "Secretary of State", "Chief of Staff"
        elif low == "charge" and i > 1 and words[i - 1] == "in" and is_role(words[i - 2].lower()):
            start = i + 1  # a title "in charge": "Special Agent in Charge Sid Patel"
        elif start == i and i > 2 and low in _DEPARTMENT_WORDS and "of" in words[1:i]:
            start = i + 1  # a department of more words: "Secretary of Homeland Security Jeh Johnson"
        elif i == 0 and last > 1 and (low.endswith(JOB_ENDINGS) and len(low) > 5 or low in _TITLE_NOUNS):
            start = 1  # an occupation opening a sentence: "Meteorologist Chris Landsea", "Halfback Jo Li"
    while start < last - 1 and is_initialism(words[start]) and len(words[start]) > 2:
        start += 1  # an agency or outlet before the name: "l’AFP Hélène Marchand", not "JD Vance"
    # (a given name stands before a surname's capitalized particle: "Olivier Le Nézet", "Xavier De Smet")
    particle = start + 1 <= last and words[start + 1] in _PARTICLES
    if last - start > 1 and not particle and descriptor_before_name(words, start):
        start += 1  # a person's description capitalized by its place: "Pollster Ann Selzer" (given_names)
    start = start if particle else title_noun_end(words, start)  # a bare German title: "Virologe X Y"
    if last - start > 1 and _department_before(words, start):
        start = _given_name_at(words, start)
    name_words = _without_post_nominals(words[start:])
    # (a lower-case particle opens a place, not a name: "la maire de Lyon", "the mayor of ...")
    if (
        not any(w.lower() not in HONORIFICS and not is_initialism(w) for w in name_words)
        or (name_words[0][:1].islower() and not _lower_case_surname(words, start))
        or not all(_name_word(w) for w in name_words)
    ):
        return "", frozenset(content_words(words))
    return " ".join(name_words), frozenset(content_words(words[: start + 1]))


# Capitalized particles opening a surname: the word before them is a given name.
_PARTICLES = frozenset({"Le", "La", "De", "Du", "Des", "Van", "Von", "Di", "Da", "Del", "Della"})


def _french_monsieur(words: list[str], i: int) -> bool:
    """Whether "M." at words[i] is French "Monsieur": opening the phrase or after a lower-case word, with
    one surname after it ("M. Larcher", "a affirmé M. de Villepin"); an initial leads a given name or
    follows one ("M. Night Shyamalan", "John M. Smith")."""
    if i > 0 and not words[i - 1][:1].islower():
        return False
    rest = words[i + 1 :]
    return len(rest) == 1 or (len(rest) == 2 and rest[0].lower() in NAME_PARTICLES)


def _without_post_nominals(words: list[str]) -> list[str]:
    """A name without the letters after it ("Andrew Menary KC" -> "Andrew Menary"), one word kept."""
    end = len(words)
    while end > 1 and words[end - 1].rstrip(",") in POST_NOMINALS:
        end -= 1
    return words[:end]


def _titled_person(words: list[str], i: int) -> bool:
    """Whether an initialism that may be a rank ("PC", "DS") titles a person: a full name follows it
    ("PC Amir Hussain"), not a team's or a product's word ("DC United"). (A lone surname after it, "DS
    Reid", stays as written: speaker_history finds the person by the surname.)"""
    rest = words[i + 1 :]
    full = len(rest) > 1 and all(w[:1].isupper() and w[1:].islower() for w in rest)
    return full or is_given_name(rest[0])


def _name_word(word: str) -> bool:
    """Whether a word may stand in a name: capitalized, a particle or "and" between two names."""
    return word[:1].isupper() or word.lower() in NAME_PARTICLES or word == "and" or glued_particle(word)


def _surname_particle_before(words: list[str], i: int) -> bool:
    """Whether a capitalized particle after a name's first word makes a role word a surname ("Bruno Le
    Maire", "Marine Le Pen"), as no title is written "Le Maire" inside a name."""
    particle, first = (words[i - 1], words[i - 2]) if i > 1 else ("", "")
    return particle in ("Le", "La") and first[:1].isupper() and first not in ("Le", "La")


def _department_before(words: list[str], start: int) -> bool:
    """Whether a title "Role of ..." opens the phrase and its department's capitalized words may run on
    into the name ("Director of National Intelligence James Clapper"), the phrase ending in a person's
    name, not a body's ("... of the Iowa Farm Bureau")."""
    titled = any(words[k] == "of" and is_role(words[k - 1].lower()) for k in range(1, start))
    return titled and words[-1].lower() not in _DEPARTMENT_ENDS


def _given_name_at(words: list[str], start: int) -> int:
    """Where the person's name starts after a department's words: the given name and surname, with any
    initials between ("John F. Kerry")."""
    at = len(words) - 2
    while at > start and len(words[at]) == 2 and words[at][1] == "." and words[at][0].isupper():
        at -= 1
    return at


def bare_title(text: str) -> bool:
    """A title with no article before a comma and the name it titles: lower-case words ending in a role
    word, after at most one capitalized word, the body's ("campaign spokesman", "White House aide")."""
    words = text.split()
    if not 1 < len(words) <= 4 or not is_role_word(words[-1].lower()):
        return False
    return all(w.islower() for w in words[1:]) and (words[0].islower() or len(words) > 2)


def _joint(words: list[str], start: int, at: int) -> bool:
    """Whether "and" at `at` joins two full names, each of two capitalized words or more ("Lindsey
    Graham and John McCain"): both speak (one-word names may be a firm's, "Procter and Gamble")."""
    names = (words[start:at], words[at + 1 :])
    return all(len(n) >= 2 and all(w[:1].isupper() and not is_role(w.lower()) for w in n) for n in names)


def _company_possessive(words: list[str], i: int) -> bool:
    """Whether a possessive opens a company's name, before a word that only a company's name has there
    ("Moody's Investors Service", "McDonald's Corp."): part of the name, not its owner."""
    return i == 0 and len(words) > 1 and words[1].lower().rstrip(".,") in _COMPANY_WORDS


def _lower_case_surname(words: list[str], start: int) -> bool:
    """Whether a name opening in lower case is a surname with its particle ("Mr. de Blasio", "diGenova")."""
    return _honored_particle(words, start) or glued_particle(words[start])


def _honored_particle(words: list[str], start: int) -> bool:
    """Whether a surname opening with a particle follows an honorific ("Mr. de Blasio"), a person's."""
    particle = 0 < start < len(words) - 1 and words[start] in NAME_PARTICLES
    return particle and words[start - 1].lower() in HONORIFICS


def is_role_word(word: str) -> bool:
    """A role word, also hyphenated ("editor-in-chief", "vice-rector")."""
    return is_role(word) or ("-" in word and is_role(word.split("-", 1)[0]))


_POSSESSIVE_ENDS = ("’s", "'s")
_TITLE_NOUNS = POSITIONS | OCCUPATIONS
_COMPANY_WORDS = word_set("investors ratings inc corp co llc ltd plc restaurants stores")
# Words continuing a department's name after "Secretary of": "Homeland Security", "Health and Human
# Services", "Housing and Urban Development", "Veterans Affairs".
_DEPARTMENT_WORDS = word_set("security services development affairs human urban")
# Last words of a body's name after a party word ("Republican National Committee", "Democratic Caucus").
_BODIES = NOT_PERSON_ENDS | word_set("coalition caucus conference leadership convention")
# Last words of a body's or a department's name: a title ending there names no person ("Director of
# National Intelligence", "President of the Iowa Farm Bureau").
_DEPARTMENT_ENDS = _BODIES | _DEPARTMENT_WORDS | word_set(
    "bureau reserve intelligence state defense defence justice commerce labor education energy treasury "
    "staff budget health interior agriculture transportation veterans investigation homeland"
)


def is_possessive(word: str) -> bool:
    return word.endswith(_POSSESSIVE_ENDS)


def owner_of(word: str) -> str:
    """The owner a possessive names ("Mozilla's" -> "Mozilla", "Conservatives'" -> "Conservatives")."""
    if is_possessive(word):
        return word[:-2]
    return word[:-1] if word.endswith(("s'", "s’")) else ""


def is_initialism(word: str) -> bool:
    return word.isupper() and len(word) <= 4


def after_role(words: list[str], i: int) -> bool:
    """Whether words[i] continues a role ("Secretary General") rather than titling a name."""
    return words[i].lower() in ROLE_SUFFIX and i > 0 and words[i - 1].lower() in ROLE_WORDS


_COUNTS = word_set("one two three four five six seven eight nine ten")


def content_words(words: list[str]) -> list[str]:
    """Content words; abbreviated titles spelled out ("Gov." -> governor) for a later "the governor".
    A count after "of" is content: "the mother of four" is not "the mother of three"."""
    content: list[str] = []
    for word in words:
        low = word.lower()
        if low not in DETERMINERS or (content[-1:] == ["of"] and low in _COUNTS):
            low = low.strip(",.\u2024")
            content.append(ABBREVIATED_TITLES.get(low, low))
    return content


# Capitalized words that "a" makes a member of a group ("a Democrat", "an American", "a New Yorker").
_MEMBER_ENDINGS = ("an", "ese", "ish", "ic", "im", "ew", "er", "i")


def article_before_name(words: list[str]) -> bool:
    """Whether an indefinite article stands before an organization's or person's name with no noun
    after it ("a Bloomberg suggests", the word "report" left out): the name speaks, not "a Bloomberg";
    a party member or a demonym is a person of that group ("a Democrat", "an Iowan")."""
    rest = words[1:]
    if not rest or not all(w[:1].isupper() and w[1:2].islower() for w in rest):
        return False
    last = rest[-1].lower()
    return last not in PARTY_MEMBERS and not last.endswith(_MEMBER_ENDINGS)


# Heads of capitalized descriptors that speak without being people ("Pakistan’s military", "Maine state
# police", "UPS corporate communications", "TNO's report").
_SPEAKING_HEADS = word_set(
    "police military media team campaign communications report statement government administration "
    "ministry department agency office committee council union party army navy command"
)


def speaks(head: str) -> bool:
    """Whether a descriptor's head word is someone or something that speaks: a person noun (also
    plural: "planners", "allies"), a role, or a body."""
    singular = head[:-3] + "y" if head.endswith("ies") else head[:-1] if head.endswith("s") else head
    return head in _SPEAKING_HEADS or is_person_noun(head) or is_person_noun(singular) or is_role(singular)


def title_word(words: list[str], name: str) -> str:
    """The lower-case word right before a name, its title ("principal Fazl Rahim" -> "principal"): a
    later "the principal" is that person, whether or not the word is a listed role."""
    before = words[: len(words) - len(name.split())]
    return before[-1] if before and before[-1].isalpha() and before[-1].islower() else ""


def ends_name(words: list[str], i: int) -> bool:
    """Whether words[i] starts a phrase after the name: a preposition, or an article not after a particle."""
    if words[i] in PREPOSITIONS:  # (not a particle in a surname: "Bill de Blasio", "Mr. de Blasio")
        return not _particle_surname(words, i)
    return words[i] in ARTICLES and words[i - 1].lower() not in NAME_PARTICLES  # ("Van der Bellen")


# Endings of French and German feminine nouns, which name a body or a place after "von der", "de la"
# ("von der Polizei", "von der Gemeinde", "de la Région"), never a surname's last word there.
_BODY_ENDS = ("ei", "ung", "heit", "keit", "schaft", "ion", "tät", "e")


def _particle_surname(words: list[str], i: int) -> bool:
    """Whether one particle or two at `i` and the word after them end a surname ("Bill de Blasio", "Ursula
    von der Leyen in Brüssel"): a capitalized word last or before a preposition, not an initialism nor,
    after two particles, a body."""
    at = i + 1 if words[i] in NAME_PARTICLES else i
    if at == i + 1 and at < len(words) - 1 and words[at].lower() in NAME_PARTICLES:
        at += 1
        if words[at].isupper() or words[at].endswith(_BODY_ENDS):
            return False
    ends = at == len(words) - 1 or words[at + 1] in PREPOSITIONS  # ("... von der Leyen in Brüssel")
    return ends and at > i and words[at][:1].isupper()
