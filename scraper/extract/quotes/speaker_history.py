"""The speakers and people an article has named so far, and which of them a speaker phrase refers to.

Resolution keeps the article's speakers in order: pronouns take the most recent speaker (he/she skip
publications named by "according to"/"reported"), a definite descriptor ("the former NATO commander")
takes the most recent *named* person introduced with matching title words, else the earlier
descriptor with the same head noun ("The source" -> "a source in North Korea", "la fédération" -> "la
Fédération des artisans boulangers du Centre"), a politician's descriptor without the title ("the Texas
Republican", "the congresswoman") the person just named with an elected office (those descriptor lookups:
speaker_descriptors), and a bare surname takes the most recently mentioned person with that surname.
Anything else is kept as the article words it.

Gender, from evidence in the article only (speaker_gender), narrows both: "she" skips a speaker known
to be a man; of two people sharing a surname who were both mentioned in this or the previous
paragraph, the one whose gender matches the evidence ("Smith said she") is taken, and without such
evidence the surname stays as written rather than picking one; a namesake introduced as the other's
relative ("Fischer's mother, Adrianne Fischer") never takes the bare surname. He or she is never a
group, a place ("Sokoine Street") or a thing; before anyone has spoken it is the one person named just
before, or of several the one the article credits with the most quotes by name.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_articles import article_gender, named_before
from scraper.extract.quotes.speaker_demonstratives import demonstrative_gender, named_last
from scraper.extract.quotes.speaker_descriptors import (
    by_head,
    by_title,
    named_organization,
    office_holder,
    recent_person,
    same_office,
    untitled_subject,
)
from scraper.extract.quotes.speaker_entries import (
    CONFLICTING,
    Speaker,
    by_given_name,
    called,
    compatible,
    entry_order,
    foreign_initials,
    is_acronym,
    namesake,
    proper_modifier,
    spelled_out,
)
from scraper.extract.quotes.speaker_gender import agreed, gender_of
from scraper.extract.quotes.speaker_pronouns import antecedent
from scraper.extract.quotes.speaker_spokes import spokesperson_body
from scraper.extract.quotes.speaker_words import (
    HONORIFICS,
    NAME_PARTICLES,
    word_set,
)
from scraper.extract.quotes.speakers import Phrase

# A name in the possessive opening a phrase: "Ortiz’s allies", "Dana Whitcomb's new book".
_POSSESSOR = re.compile(r"((?:[A-Z][\w\-]*\s+){0,2}[A-Z][\w\-]*)[’']s(?:\s|$)")
_HONORIFIC_STARTS = frozenset({"Mr", "Ms"})  # ("Mrs" starts "Mr")
# Titles used with a given name, not a surname: "Sir Keir", "Dame Judi" (a lord or lady takes the surname).
KNIGHTED = word_set("sir dame")
# The roles of names read in narration, with no quotation of their own (quote_events).
_NARRATED_ONLY = frozenset({"named", "mention"})


class SpeakerHistory:
    """The speakers met so far in an article, most recent last."""

    def __init__(self, quoted: dict[str, int] | None = None) -> None:
        self.entries: list[Speaker] = []
        # named people by the last word of their name: a surname's lookup reads only its namesakes
        self.names: dict[str, list[Speaker]] = {}
        self.clock = 0
        self.name_clock = 0  # (how many times someone has been called by name: Speaker.named)
        # how many of the article's quotes each surname is credited with by name, all pages through
        self.quoted = quoted or {}

    def resolve(
        self, phrase: Phrase, role: str = "speaker", gender: str = "", paragraph: int = 0,
        kin: bool = False, governed: bool = False, addressed: bool = False, described: str = "",
    ) -> str | None:  # fmt: skip
        """The display name `phrase` refers to, remembering it as the most recent speaker.

        role "intro" records a person named with a title in narration, for later descriptors and
        surnames, without making them a pronoun's antecedent; so does "named" (a full name or named
        organization in narration), and "mention" (such a name leading a sentence with no speech verb)
        also makes a known speaker the most recent one; "asked" (a name or surname a question is put to:
        "Kell pressed Reyes") makes them the most recent, as the one who answers. `gender` is evidence
        from the words around the phrase ("Smith said she"), `paragraph` where it is, `kin`, `governed`
        `addressed` and `described` how a full name is introduced (mention_context.how_named).
        """
        if role in {"speaker", "source"} and (wanted := demonstrative_gender(phrase.text)) is not None:
            return self._demonstrative(wanted, paragraph)  # ("celui-ci", "dieser": the person named last)
        if phrase.kind != "pronoun" and " " in phrase.text:  # (one word is a name or a group, no title)
            gender = agreed(gender_of(phrase.text) or article_gender(phrase.text), gender)
        if phrase.kind == "definite" and phrase.text[:1].isupper():
            self._possessor_named(phrase.text, paragraph)
        found = self._lookup(phrase, gender, paragraph)
        if role in {"intro", "mention", "named", "asked"}:
            return self._note(phrase, found, role, gender, paragraph, (kin, governed, addressed, described))
        if found is None:
            if phrase.kind == "pronoun" or (role == "intro" and phrase.kind != "name"):
                return None
            body = spokesperson_body(self.entries, phrase, paragraph) if phrase.kind == "indefinite" else None
            display = body if isinstance(body, str) else phrase.name or phrase.text  # (speaker_spokes)
            found = Speaker(display, phrase.kind, set(phrase.roles), role, phrase.head)
            found.kin = kin
            self._latest(found, new=True)
        else:
            found.roles |= phrase.roles
            if role != "intro":
                # (a person first cited with "according to" who is then credited with "said" speaks)
                found.role = role if found.role == "intro" or role == "speaker" else found.role
                self._latest(found)
        self._saw(found, gender if phrase.kind != "pronoun" else called(found, phrase.text), paragraph)
        self._called(found, phrase)
        return found.display

    def _demonstrative(self, gender: str, paragraph: int) -> str | None:
        """The person a demonstrative refers to, now the most recent speaker; None with no one named."""
        found = named_last(self.entries, gender, paragraph)
        if found is not None:
            self._latest(found)
            self._saw(found, "", paragraph)
        return found.display if found is not None else None

    def _called(self, entry: Speaker, phrase: Phrase) -> None:
        """Record that `entry` was just called by name, when `phrase` is a name."""
        if phrase.kind == "name":  # (a clock of its own: self.clock counts the entries' turns)
            self.name_clock += 1
            entry.named = self.name_clock

    def continued(self, phrase: Phrase, paragraph: int) -> str | None:
        """The speaker a descriptor the article has not met goes on for ("The former astronaut, who was
        married to Ride, added:" after Hawley's quote): the most recent speaker, if quoted in this
        paragraph or the one before, else None."""
        if self._lookup(phrase, "", paragraph) is not None:
            return None
        found = next((e for e in reversed(self.entries) if e.role == "speaker" and e.kind == "name"), None)
        if found is not None and found.seen < paragraph - 1:
            return None  # (only a speaker of this or the paragraph before goes on)
        if found is not None:
            found.roles |= phrase.roles
            self._latest(found)
        return found.display if found is not None else None

    def forgets(self, phrase: Phrase, role: str) -> bool:
        """Whether resolving `phrase` in `role` would return None and change nothing: a lone word named in
        narration ("named" or "mention"; most capitalized runs are one) that no one met so far is called
        by. (_lookup reads only self.names for a one-word name, a knighted title aside; _note, finding no
        one, keeps only a full name, an honorific's surname or a descriptor, never a lone word as written.)
        The caller skips the call, and the gender evidence around the word that only resolve reads."""
        name = phrase.name
        return (
            role in _NARRATED_ONLY
            and phrase.kind == "name"
            and phrase.text == name
            and name.split() == [name]
            and name.lower() not in KNIGHTED
            and not self.names.get(name)
        )

    def _possessor_named(self, text: str, paragraph: int) -> None:
        """A known person whose possessive opens a descriptor ("Ortiz’s allies say", "Whitcomb’s new book
        lands Tuesday") is the one the sentence is about: a following he or she may be them, though the
        descriptor itself is no person."""
        owner = _POSSESSOR.match(text)
        found = self._by_name(owner.group(1), "", paragraph) if owner else None
        if found is not None:
            found.role = "subject" if found.role == "intro" else found.role
            self._latest(found)
            self._saw(found, "", paragraph)

    def _note(
        self, phrase: Phrase, found: Speaker | None, role: str, gender: str, paragraph: int,
        how: tuple[bool, bool, bool, str],
    ) -> str | None:  # fmt: skip
        """Remember a person or organization named in narration; a mentioned speaker becomes the latest."""
        if found is None:
            # a full name or a named organization ("the Platte Basin Water Council"), not a lone word
            # (or a surname after an honorific, "Mr. Mook": a person's, of a gender)
            # (a title makes one too, leading its sentence: "President Obama spoke", "Sen. Sanders said")
            honored = phrase.text != phrase.name and phrase.text[:2] in _HONORIFIC_STARTS
            named = " " in phrase.name or honored or (role == "mention" and phrase.text != phrase.name)
            full_name = phrase.kind == "name" and (role in {"intro", "asked"} or named)
            if phrase.kind == "definite" or full_name:
                display = phrase.name or phrase.text
                # (a person leading a sentence is what a following "he said" most likely refers to)
                # (not a preposition's object: "The strike began outside Kellerman Steel Works"; one asked
                # a question is an object too, who answers)
                leads = role == "asked" or (role == "mention" and not how[1])
                kind = "subject" if leads and full_name else "intro"
                entry = Speaker(display, phrase.kind, set(phrase.roles), kind, phrase.head)
                entry.kin, entry.governed, entry.addressed, entry.described = how
                self._latest(entry, new=True)
                self._saw(entry, gender, paragraph)
                self._called(entry, phrase)
            return None
        found.roles |= phrase.roles
        # (no kin flag here: a relative's introduction marks a newcomer only; one named in full before,
        # "Kauri Tane, watched by his father, Hori Tane", stays the one the bare surname means)
        if role in {"mention", "asked"} and found.role in {"speaker", "subject", "intro"}:
            if found.role == "intro" and found.kind == "name":
                found.role = "subject"
            self._latest(found)
        self._saw(found, gender, paragraph)
        self._called(found, phrase)
        return found.display

    def _latest(self, entry: Speaker, new: bool = False) -> None:
        """Make `entry` the most recent one, adding it to the history when it is new."""
        if new:
            # (not two people speaking together: a surname alone is one of them, not both)
            if entry.kind == "name" and entry.display.strip() and " and " not in entry.display:
                self.names.setdefault(entry.display.split()[-1], []).append(entry)
        else:
            self.entries.remove(entry)
        self.entries.append(entry)
        self.clock += 1
        entry.order = self.clock

    def _named_last(self, last: str, other: str) -> list[Speaker]:
        """The named people whose name ends with `last` or `other`, most recent first."""
        found = self.names.get(last, [])
        if other != last:
            found = found + self.names.get(other, [])
        # (most surnames have met one person or none: nothing to sort)
        return sorted(found, key=entry_order, reverse=True) if len(found) > 1 else found[:]

    @staticmethod
    def _saw(entry: Speaker, gender: str, paragraph: int) -> None:
        """Record a mention of `entry` in `paragraph`, with any gender evidence it carried."""
        entry.seen = max(entry.seen, paragraph)
        entry.first = paragraph if entry.first < 0 else entry.first
        if gender and entry.gender != gender:
            entry.gender = CONFLICTING if entry.gender else gender

    def _lookup(self, phrase: Phrase, gender: str, paragraph: int) -> Speaker | None:
        if phrase.kind == "pronoun":  # (speaker_pronouns)
            return antecedent(self.entries, self.quoted, phrase.text, paragraph)
        if phrase.kind == "name":
            return self._by_name(phrase.name, gender, paragraph)
        if phrase.kind == "definite":
            if is_acronym(phrase.text):  # (an organization's initials: "CR says")
                return spelled_out(self.entries, phrase.text)
            if (initials := foreign_initials(phrase.text)) and (full := spelled_out(self.entries, initials)):
                return full  # ("hieß es von den KVB": the Kölner Verkehrs-Betriebe named before)
            roles = phrase.roles - proper_modifier(phrase.text)
            entries = self.entries
            found = by_title(entries, phrase.head, roles) or by_head(entries, phrase.head, phrase.roles)
            found = untitled_subject(entries, found, phrase, paragraph) or found  # (speaker_descriptors)
            return (
                found
                or office_holder(entries, phrase, gender, paragraph)
                or same_office(entries, phrase)
                or named_before(entries, phrase, gender, paragraph)  # (French and German only)
                or recent_person(entries, phrase, gender, paragraph)
                or named_organization(entries, phrase, paragraph)
            )
        if phrase.kind == "indefinite":  # ("ein Konzernsprecher": the company just named)
            body = spokesperson_body(self.entries, phrase, paragraph)
            return body if isinstance(body, Speaker) else None
        return None

    def _by_name(self, name: str, gender: str, paragraph: int) -> Speaker | None:
        """The known person whose name is `name` or ends with it ("Stavridis", "Mr Stavridis")."""
        parts = name.split()
        words = [w for w in parts if w.lower() not in HONORIFICS]
        if not words:
            return None
        if len(words) == 1 and parts[0].lower() in KNIGHTED:
            given = by_given_name(self.entries, words[0], gender)
            if given is not None:
                return given
        # (a display equal to `name` or ending with `suffix` ends with the last word of one of them)
        candidates = self._named_last(parts[-1], words[-1])
        if not candidates:
            return None  # (a person named for the first time)
        suffix: tuple[str, ...] = (" " + " ".join(words),)
        if words[0].lower() in NAME_PARTICLES and len(words) > 1:  # ("De Blasio said" opening a sentence)
            suffix += (f" {words[0].lower()} {' '.join(words[1:])}",)
        # (a given name's gender, the weaker evidence, gives way to the article's when no one else has the
        # surname: "Ashton Turner ... Turner, who brought up his century")
        named = [e for e in candidates if compatible(e, gender)] or [
            e for e in candidates if not gender or e.gender in {"", CONFLICTING, gender}
        ]
        found = [e for e in named if e.display == name or e.display.endswith(suffix)]
        exact = next((e for e in found if e.display == name), None)
        longer = [e for e in found if e is not exact and e.display != name]
        if (exact is not None and " " in name) or not longer:
            return exact
        chosen = namesake(longer, gender, paragraph)
        if chosen is None:
            return exact  # the surname as written, if it was met before
        chosen.short = True
        return chosen
