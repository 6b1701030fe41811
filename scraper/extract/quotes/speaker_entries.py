"""One entry of an article's speaker history, and the tests that say which entries a phrase may mean.

Pure functions over entries (speaker_history keeps them in order and resolves phrases): whether an
entry may be a he or she, of a gender, the person introduced in this paragraph, the organization an
acronym spells, and which of the people sharing a surname a bare mention of it refers to.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property

from scraper.extract.quotes.given_names import given_name_gender
from scraper.extract.quotes.speaker_gender import pronoun_gender
from scraper.extract.quotes.speaker_occasions import PLACE_NOUNS, STORM_WORDS
from scraper.extract.quotes.speaker_words import ORGANIZATION_ENDS, PERSONAL, is_person_noun


@dataclass(eq=False)  # entries are moved by identity: two mentions of "a source" are two sources
class Speaker:
    """One entry of the article's speaker history."""

    display: str
    kind: str
    roles: set[str] = field(default_factory=set)
    role: str = "speaker"  # speaker, source (a cited publication) or intro (named in narration only)
    head: str = ""  # a descriptor's head noun, for later definite references
    gender: str = ""  # FEMALE, MALE, "" (no evidence) or CONFLICTING
    seen: int = -1  # the paragraph where they were last mentioned
    first: int = -1  # the paragraph where they were first mentioned
    short: bool = False  # whether the article has called them by their surname alone
    kin: bool = False  # introduced as a namesake's relative ("Fischer's mother, Adrianne Fischer")
    governed: bool = False  # first named as a preposition's object ("the shelter on Harbor Road")
    addressed: bool = False  # first named as told something ("X told Fox's Bret Baier that")
    described: str = ""  # first named with an appositive: "descriptor" ("X, a former CIA officer,"), "age"
    initials: bool = False  # also called by its initials ("Consumer Reports" ... "CR"): an organization
    order: int = 0  # when it last became the most recent entry (SpeakerHistory keeps entries in this order)
    named: int = 0  # when it was last called by name ("celui-ci", "dieser": speaker_demonstratives)

    @cached_property
    def capitals(self) -> str:
        """The initials of the display's capitalized words and hyphened parts, less an article ("Consumer
        Reports" -> "CR", "Die Basler Verkehrs-Betriebe" -> "BVB"); "" for one word."""
        words = self.display.split()
        if len(words) < 2:
            return ""
        if words[0] in _CAPITAL_ARTICLES:
            words = words[1:]
        return "".join(p[0] for w in words for p in w.split("-") if p[:1].isupper())

    @cached_property
    def given_gender(self) -> str:
        """The gender a full name's given name suggests ("Hillary Clinton"), weaker than `gender`."""
        return given_name_gender(self.display) if self.kind == "name" else ""

    @property
    def sex(self) -> str:
        """The article's gender evidence, else the given name's."""
        return self.gender or self.given_gender


CONFLICTING = "?"


def entry_order(entry: Speaker) -> int:
    return entry.order


def proper_modifier(text: str) -> frozenset[str]:
    """A party, nation or place word before the head of a three-word descriptor ("the Republican
    governor", "the French minister"): it qualifies the person without being one of their titles."""
    words = text.split()
    if len(words) == 3 and words[1][:1].isupper() and words[2][:1].islower():
        return frozenset({words[1].lower()})
    return frozenset()


def by_given_name(entries: list[Speaker], given: str, gender: str) -> Speaker | None:
    """The person a knight's or dame's title with a given name refers to ("Sir Keir" is Keir Starmer,
    met earlier in full): the latest full name starting with that given name."""
    return next(
        (
            e
            for e in reversed(entries)
            if e.kind == "name" and e.display.startswith(given + " ") and compatible(e, gender)
        ),
        None,
    )


_CAPITAL_ARTICLES = frozenset({"The", "Die", "Der", "Das", "La", "Le", "Les"})


def is_acronym(word: str) -> bool:
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def foreign_initials(text: str) -> str:
    """The initials after a French or German article ("den KVB", "la SNCF" -> "KVB", "SNCF"), else ""."""
    article, _, rest = text.partition(" ")
    return rest if article.lower() in _FOREIGN_ARTICLES and is_acronym(rest) else ""


_FOREIGN_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "la", "le", "les"})


def spelled_out(entries: list[Speaker], acronym: str) -> Speaker | None:
    """The organization an acronym stands for when the article named it in full ("Consumer Reports" ...
    "CR says"; "the National Oceanic and Atmospheric Administration" ... "NOAA"): the initials of its
    capitalized words."""
    for entry in reversed(entries):
        if entry.capitals == acronym and entry.display != acronym:
            entry.initials = True  # (an organization: never a he or she)
            return entry
    return None


def not_a_person(entry: Speaker) -> bool:
    """Whether he or she cannot refer to `entry`: a group word ("workers"), a place's name ("Sokoine
    Street") or a descriptor of a thing ("the national contract"), not of a person ("the governor")."""
    if entry.kind == "group" or entry.initials:
        return True
    if entry.kind == "name":  # (nor two people named together: "Lindsey Graham and John McCain")
        # (one introduced with an age is a person, a surname like a place's noun: "Devon Park, 22,")
        last = entry.display.rsplit(None, 1)[-1].lower()
        place = last in PLACE_NOUNS and entry.described != "age"
        # (nor an organization named in full in passing, "a day after the Fox News debate. He called ...";
        # one that speaks or is sexed may be a person whose surname is a body's word: "Serhii Radio says")
        body = last in ORGANIZATION_ENDS and " " in entry.display and entry.role == "intro"
        body = body and not entry.gender
        return place or body or " and " in entry.display or is_storm(entry.display)
    return entry.kind in {"definite", "indefinite"} and not (is_person_noun(entry.head) or entry.gender)


def is_storm(display: str) -> bool:
    """Whether a name is a storm's ("Hurricane Mara", "Tropical Storm Ana"): a storm word, then a name."""
    words = display.split()
    return len(words) > 1 and words[0].lower() in STORM_WORDS and words[-1][:1].isupper()


_NAMED_HERE = frozenset({"intro", "source"})


def named_here(entry: Speaker, paragraph: int) -> bool:
    """A person introduced by full name in this very paragraph, which a following he or she may refer to
    ("Her mother, Ada Li, drives a van. '...,' she said"); not a place or person named after a preposition
    ("Ilse Dace runs the shelter on Harbor Road. '...,' she said")."""
    # (a person cited as a source here too: "Selon l'historien X, ... « ... », a-t-il expliqué")
    named = entry.role in _NAMED_HERE and entry.kind == "name" and " " in entry.display
    named = named and not (entry.governed or entry.addressed)
    # (introduced here: a person met paragraphs before and named again by surname in a list, "his
    # teammates Oscar and Hazard", is not who "he said" refers to)
    return named and entry.first == paragraph


def addressee_here(entries: list[Speaker], gender: str, paragraph: int) -> Speaker | None:
    """The latest person of `gender` told something in this paragraph ("Mr. Hale told Maria Ostrow that
    ... '...,' she said"): after the sentence's subject, more salient than a speaker of paragraphs before,
    though never before that subject (named_here passes over an addressee)."""
    return next(
        (e for e in reversed(entries) if e.addressed and e.first == paragraph and compatible(e, gender)),
        None,
    )


def speaker_named_here(entries: list[Speaker], gender: str, paragraph: int) -> Speaker | None:
    """A speaker quoted before and named again in this paragraph ("... one of the reasons that X has been
    pushing for tests. '...,' he told me"): whom a he or she opening their words here means, over a
    speaker of paragraphs before who is not named here; only when one such speaker is."""
    here = [
        e for e in entries
        if e.role == "speaker" and e.seen == paragraph and e.kind == "name" and compatible(e, gender)
    ]
    return here[0] if len(here) == 1 else None


def gendered_intro(entries: list[Speaker], gender: str, paragraph: int) -> Speaker | None:
    """With no speaker of the pronoun's gender, the latest person of that gender by the article's own
    evidence named in this or the previous paragraph ("Mr. Sanders and Mrs. Clinton sparred. '...,' he
    said. '...,' she replied")."""
    return next(
        (
            e
            for e in reversed(entries)
            if gender and e.kind == "name" and e.gender == gender and e.seen >= paragraph - 1
        ),
        None,
    )


def called(entry: Speaker, pronoun: str) -> str:
    """The gender a he or she that resolved to `entry` gives it: only to a full name with no evidence of
    its own ("Kiran Osei, 34, ... '...,' she says": a later "he says" is not her); a lone surname, which
    a namesake may share, gets none."""
    if pronoun in PERSONAL and not entry.sex and " " in entry.display and entry.kind == "name":
        return pronoun_gender(pronoun)
    return ""


def only_person(
    entries: list[Speaker], quoted: dict[str, int], gender: str, paragraph: int
) -> Speaker | None:
    """Before anyone has spoken, he or she is the one person named in this or the previous paragraph
    ("Janet Okoro opened the meeting. '...,' she said"); of two or more, the one the article credits
    with the most quotes by name (`quoted`, by surname: an interview's subject, "As I sit opposite Ann
    Orr, I ask if Bo Lind ... '...,' she snaps", then "says Orr" throughout); with no such lead, no guess."""
    people = {
        e.display: e
        for e in entries
        # (a lone surname too when an honorific gave it the pronoun's gender: "Mr. Trump")
        if e.kind == "name" and (" " in e.display or (gender and e.gender == gender))
        and e.seen >= paragraph - 1 and compatible(e, gender)
        and not not_a_person(e)  # (never a place: "money from Wall Street. '...,' she shot back")
    }
    if len(people) < 2:
        return next(iter(people.values()), None)
    counts = sorted(((quoted.get(name.split()[-1], 0), name) for name in people), reverse=True)
    if counts[0][0] > counts[1][0]:
        return people[counts[0][1]]
    return introduced_at_length(people.values())


def introduced_at_length(people: Iterable[Speaker]) -> Speaker | None:
    """Of people equally likely to be a he or she, the one the article introduced with a descriptor in
    apposition ("had heard of Evan McMullin, a former CIA officer who ... Now he is tied with Donald
    Trump"): the one the passage is about, not a name in passing; None when not exactly one."""
    described = [e for e in people if e.described]
    return described[0] if len(described) == 1 else None


def compatible(entry: Speaker, gender: str) -> bool:
    """Whether `entry` may be someone of `gender`: no evidence on either side, or the same."""
    return not gender or entry.sex in {"", CONFLICTING, gender}


def namesake(people: list[Speaker], gender: str, paragraph: int) -> Speaker | None:
    """Which of the people sharing a surname a bare mention of it in `paragraph` refers to.

    A namesake introduced as the other's relative is called by full name, not by the surname alone.
    One person, or one of them named in this or the previous paragraph: them; two or more named there:
    the one gender picks, else none. Otherwise the speaker named last (a newcomer only named in
    narration, "Fischer's mother, Adrianne Fischer", is called by full name), else the one the article
    already calls by the surname alone, else the one named last; two named last in the same paragraph
    ("born to Donald Harris and Shyamala Gopalan Harris") are a tie that gender breaks, else the one
    the article already calls by the surname alone (a namesake met later is called by full name).
    """
    if len({e.display for e in people}) == 1:
        return people[0]
    people = [e for e in people if not e.kin] or people  # (the surname alone stays with the other one)
    if len({e.display for e in people}) == 1:
        return people[0]
    # (an honorific's or pronoun's gender that one of them is known by: "Mrs. Clinton" after both
    # Hillary and Bill Clinton, whom nothing has given a gender, is her)
    known = {e.display for e in people if gender and e.sex == gender}
    if len(known) == 1:
        return next(e for e in people if e.display in known)
    people = sorted(people, key=lambda e: e.seen, reverse=True)  # stable: a speaker before a mention
    pool = [e for e in people if e.seen >= paragraph - 1]
    recent = bool(pool)
    if not pool:
        pool = [e for e in people if e.role != "intro"] or [e for e in people if e.short] or people
        pool = [e for e in pool if e.seen == pool[0].seen]
    if len({e.display for e in pool}) == 1:
        return pool[0]
    matching = [e for e in pool if gender and e.sex == gender]
    if len(matching) == 1:
        return matching[0]
    if recent:  # (a namesake just introduced may be whom the surname now means: no guess)
        return None
    called = [e for e in pool if e.short]
    return called[0] if len({e.display for e in called}) == 1 else None
