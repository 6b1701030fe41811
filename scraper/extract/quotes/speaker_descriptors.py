"""Which person a definite descriptor refers to, among the speakers and people an article has named.

"the admiral" is the person introduced with that title ("Admiral James Stavridis"), "the source" an earlier
"a source in North Korea", "the Nevada Democrat" the politician just named with an elected office, "the
victim" the person who spoke just before. Pure functions over the history's entries, most recent last
(speaker_history keeps them and tries these in that order).
"""

from __future__ import annotations

from scraper.extract.quotes.speaker_entries import Speaker, compatible, is_acronym, is_storm, not_a_person
from scraper.extract.quotes.speaker_full_names import NOT_PERSON_ENDS
from scraper.extract.quotes.speaker_occasions import GEOGRAPHIC_NOUNS
from scraper.extract.quotes.speaker_ranks import BODY_POSITIONS
from scraper.extract.quotes.speaker_words import (
    ELECTED,
    LEGISLATORS,
    PARTY_MEMBERS,
    PARTY_WORDS,
    is_person_noun,
    is_role,
    word_set,
)
from scraper.extract.quotes.speakers import Phrase


def by_title(entries: list[Speaker], head: str, roles: frozenset[str]) -> Speaker | None:
    """The most recent named person introduced with the descriptor's head noun and most of its words."""
    for entry in reversed(entries):
        # a title word, or the head of the appositive they were introduced with ("a farmer near X")
        if entry.kind == "name" and head in entry.roles and (is_role(head) or head == entry.head):
            others = roles - {head}
            if len(others & entry.roles) * 2 >= len(others):
                return entry
    return _compound_title(entries, head) if len(head) > 4 and is_role(head) else None


def _compound_title(entries: list[Speaker], head: str) -> Speaker | None:
    """The most recent person introduced with a German compound title the head ends ("der Kanzler" is
    "Bundeskanzler Olaf Scholz", "die Ministerin" "Bundesinnenministerin X")."""
    for entry in reversed(entries):
        if entry.kind == "name" and any(r.endswith(head) and r != head for r in entry.roles):
            return entry
    return None

def untitled_subject(
    entries: list[Speaker], found: Speaker | None, phrase: Phrase, paragraph: int
) -> Speaker | None:
    """The person named as the subject of a sentence of this paragraph with no title of their own ("Bernie
    Sanders, who won ..., has endorsed it. In a statement, the Vermont senator said"): the descriptor's
    referent over a title holder named only in paragraphs before ("state Sen. Irene Aguilar"), as the
    more salient; None when the title holder is named in this paragraph too."""
    if found is None or found.kind != "name" or found.seen >= paragraph or not is_role(phrase.head):
        return None
    latest = entries[-1] if entries else None
    if latest is None or latest is found or latest.kind != "name" or latest.role != "subject":
        return None
    untitled = latest.seen == paragraph and not any(map(is_role, latest.roles)) and " " in latest.display
    return latest if untitled else None


def by_head(entries: list[Speaker], head: str, roles: frozenset[str]) -> Speaker | None:
    """The most recent descriptor with the same head noun and no words it lacks ("the source" -> "a
    source in ...", but "the mother of four" is not "the mother of three")."""
    return next(
        (
            e
            for e in reversed(entries)
            if e.kind in {"definite", "indefinite"} and e.head == head and roles <= e.roles
        ),
        None,
    )


def recent_person(entries: list[Speaker], phrase: Phrase, gender: str, paragraph: int) -> Speaker | None:
    """A definite descriptor of a person, not of an office, that matches no earlier one ("the Florida
    fan", "the victim"): the speaker named just before, in this or the previous paragraph. A definite
    article marks someone already introduced; a new person comes with "a" or a name."""
    # (a body's head shaped like a person noun, "the regulator", "the center", is a body's)
    if not _player(phrase) and (not is_person_noun(phrase.head) or phrase.head in _ORGANIZATION_HEADS):
        return None
    office = is_role(phrase.head) and not phrase.head.endswith(_ANY_OFFICE)
    for entry in reversed(entries):
        if entry.role == "intro" or (entry.role == "source" and entry.kind != "name"):
            continue  # (a person cited with "according to" has spoken; a publication has not)
        if entry.kind == "name" and not_a_person(entry):
            continue  # (a storm or a place named since: "Hurricane Mara", "Kirkstall Road")
        # (an office holder's descriptor, "the former secretary of state", names the person just
        # before only when the article gave them no title of their own: a titled one is found by
        # title, and another title is someone else)
        if office and any(is_role(word) for word in entry.roles):
            return None
        if entry.kind == "name" and entry.seen >= paragraph - 1 and compatible(entry, gender):
            return entry
        return None
    return None

def _player(phrase: Phrase) -> bool:
    """Whether a position that also names a body is a player's, after a capitalized modifier ("the German
    centre", "the Oilers centre"), not a body's ("the research centre")."""
    words = phrase.text.split()
    modified = len(words) > 2 and words[-1].islower() and words[-2][:1].isupper()
    return modified and phrase.head in BODY_POSITIONS


# Heads that name a holder of any office, not of one ("le dirigeant" after "le président X", "der
# SPD-Politiker" after "Bundesarbeitsminister X"): another title is no one else.
_ANY_OFFICE = ("dirigeant", "dirigeante", "politiker", "politikerin", "politician")


def office_holder(entries: list[Speaker], phrase: Phrase, gender: str, paragraph: int) -> Speaker | None:
    """A politician's descriptor without their title ("the Nevada Democrat", "the Republican nominee",
    "the congresswoman" after "Rep. Lena Ortiz"): the person named with an elected office just
    before, in this or the previous paragraph, even if only introduced in narration; a lawmaker's
    words need a legislator."""
    head = phrase.head
    partisan = head in PARTY_MEMBERS or (bool(phrase.roles & PARTY_WORDS) and is_person_noun(head))
    # (a chamber's office is a legislator's: "the House minority leader", "the Senate majority whip")
    chamber = bool(phrase.roles & _CHAMBERS) and is_person_noun(head)
    offices = LEGISLATORS if head in LEGISLATORS or chamber else ELECTED if partisan else None
    if offices is None:
        return None
    for entry in reversed(entries):
        if entry.kind != "name" or entry.seen < paragraph - 1:
            continue
        if entry.roles & offices and compatible(entry, gender):
            return entry
        if entry.role != "intro":
            return None  # (someone else has spoken since: the descriptor is not for the politician)
    return None


_CHAMBERS = word_set("house senate")
# Heads of descriptors of a body, not a person ("the rating agency", "the bureau", "the company").
_ORGANIZATION_HEADS = word_set(
    "agency company firm bank ministry department bureau committee organization organisation union "
    "network newspaper court council commission institute university service board authority "
    "administration foundation association corporation airline regulator lender insurer retailer "
    "automaker watchdog group coalition alliance party caucus center centre "
    # (French and German bodies: "a indiqué la régie", "hieß es aus dem Konzern", "teilte die Behörde mit")
    "régie société entreprise compagnie groupe syndicat ministère fédération banque "
    "konzern unternehmen gewerkschaft behörde ministerium verband firma gesellschaft"
)


# The article before a body's descriptor, in English, French and German; German capitalizes the noun.
_ARTICLES = ("the ", "The ", "la ", "La ", "le ", "Le ", "l’", "L’", "l'", "L'")
_GERMAN_ARTICLES = ("die ", "Die ", "der ", "Der ", "das ", "Das ", "dem ", "den ")


def named_organization(entries: list[Speaker], phrase: Phrase, paragraph: int) -> Speaker | None:
    """A body's descriptor that matches no earlier descriptor ("the rating agency" after "Moody's
    Investors Service downgraded ..."): the one organization named in this or the previous paragraph,
    or the one of them whose name has the head word ("the Bureau of Fisheries" for "the bureau"). Not
    a name itself ("the Ministry of Foreign Affairs" is that ministry, whatever was named before)."""
    head = phrase.head
    # (after "the" only: "her foundation" is a person's, not a body named before)
    text = phrase.text
    if head not in _ORGANIZATION_HEADS:
        return None
    if text.startswith(_GERMAN_ARTICLES):
        rest = text[4:].split()
        if not rest or not all(w.islower() for w in rest[:-1]):
            return None  # ("die zuständige Behörde", "der Konzern")
    elif not text.startswith(_ARTICLES) or not text.split(maxsplit=1)[-1].replace("’", "").islower():
        return None
    recent = [e for e in reversed(entries) if e.seen >= paragraph - 1 and is_organization(e)]
    pool = [e for e in recent if head in e.display.lower().split()] or recent
    return pool[0] if len({e.display for e in pool}) == 1 else None


_DEFINITE_ARTICLES = frozenset({"the", "la", "le", "les", "die", "der", "das"})


def is_organization(entry: Speaker) -> bool:
    """Whether an entry is a named organization: initials ("NOAA"), a name ending in a body's word
    ("Moody's Investors Service"), or a capitalized name of two words or more, or initials, after "the"
    ("the Storm Prediction Center", "the IDF")."""
    words = entry.display.split()
    if entry.kind == "definite":
        # (two capitalized words at least, or initials: "the London" of "the London games" is a place)
        named = len(words) > 2 or (len(words) == 2 and is_acronym(words[1]))
        article = words[0].lower() in _DEFINITE_ARTICLES
        return named and article and words[1][:1].isupper() and words[-1][:1].isupper()
    if entry.kind != "name":
        return False
    last = words[-1].lower()
    # (a bay or a road is a place, never a body: "between Gisborne and Tokomaru Bay"; nor is a storm)
    if last in GEOGRAPHIC_NOUNS or is_storm(entry.display):
        return False
    return entry.initials or is_acronym(entry.display) or last in NOT_PERSON_ENDS


# The head of a government or state named by what they lead, and the title words of that office in each
# language: "le chef du gouvernement" after "Le Premier ministre Édouard Philippe", "the head of state"
# after "President X", "die Regierungschefin" after "Ministerpräsidentin X".
_GOVERNMENT_HEADS = ("chef du gouvernement", "head of government", "regierungschef")
_STATE_HEADS = ("chef de l'état", "chef de l’état", "head of state", "staatschef", "staatsoberhaupt")
# (a minister heads the government only as its first: "Premier ministre", "Prime Minister")
_PRIME_TITLES = word_set(
    "ministerpräsident ministerpräsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin premierminister "
    "premierministerin"
)
_FIRST = word_set("premier prime")
_MINISTER = word_set("ministre minister")
_STATE_TITLES = word_set(
    "président présidente president präsident präsidentin bundespräsident bundespräsidentin"
)
# (the heads of such descriptors: only they are looked up)
_LEADER_HEADS = word_set("chef head regierungschef regierungschefin staatschef staatschefin staatsoberhaupt")


def same_office(entries: list[Speaker], phrase: Phrase) -> Speaker | None:
    """The named person titled with the office a descriptor names by what it leads ("le chef du
    gouvernement" is the Premier ministre named before), most recent first; None for other phrases."""
    if phrase.head not in _LEADER_HEADS:
        return None
    low = phrase.text.lower()
    if any(h in low for h in _GOVERNMENT_HEADS):
        return next((e for e in reversed(entries) if e.kind == "name" and _heads_government(e.roles)), None)
    if any(h in low for h in _STATE_HEADS):
        return next((e for e in reversed(entries) if e.kind == "name" and e.roles & _STATE_TITLES), None)
    return None


def _heads_government(roles: frozenset[str] | set[str]) -> bool:
    """Whether title words make a head of government: a chancellor, a first minister."""
    return bool(roles & _PRIME_TITLES) or bool(roles & _FIRST and roles & _MINISTER)
