"""The speakers and people an article has named so far, and which of them a speaker phrase refers to.

Resolution keeps the article's speakers in order: pronouns take the most recent speaker (he/she skip
publications named by "according to"/"reported"), a definite descriptor ("the former NATO commander")
takes the most recent *named* person introduced with matching title words, else the earlier
descriptor with the same head noun ("The source" -> "a source in North Korea", "la fédération" -> "la
Fédération des artisans boulangers du Centre"), and a bare surname takes the person with that surname.
Anything else is kept as the article words it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from scraper.extract.speaker_words import HONORIFICS, PERSONAL, is_role

if TYPE_CHECKING:  # speakers re-exports SpeakerHistory, so it cannot be imported here at run time
    from scraper.extract.speakers import Phrase


@dataclass(eq=False)  # entries are moved by identity: two mentions of "a source" are two sources
class Speaker:
    """One entry of the article's speaker history."""

    display: str
    kind: str
    roles: set[str] = field(default_factory=set)
    role: str = "speaker"  # speaker, source (a cited publication) or intro (named in narration only)
    head: str = ""  # a descriptor's head noun, for later definite references


class SpeakerHistory:
    """The speakers met so far in an article, most recent last."""

    def __init__(self) -> None:
        self.entries: list[Speaker] = []

    def resolve(self, phrase: Phrase, role: str = "speaker") -> str | None:
        """The display name `phrase` refers to, remembering it as the most recent speaker.

        role "intro" records a person named with a title in narration, for later descriptors and
        surnames, without making them a pronoun's antecedent; so does "named" (a full name or named
        organization in narration), and "mention" (such a name leading a sentence with no speech verb)
        also makes a known speaker the most recent one.
        """
        found = self._lookup(phrase)
        if role in {"intro", "mention", "named"}:
            return self._note(phrase, found, role)
        if found is None:
            if phrase.kind == "pronoun" or (role == "intro" and phrase.kind != "name"):
                return None
            found = Speaker(phrase.name or phrase.text, phrase.kind, set(phrase.roles), role, phrase.head)
            self.entries.append(found)
            return found.display
        found.roles |= phrase.roles
        if role != "intro":
            found.role = role if found.role == "intro" else found.role
            self.entries.remove(found)
            self.entries.append(found)
        return found.display

    def _note(self, phrase: Phrase, found: Speaker | None, role: str) -> str | None:
        """Remember a person or organization named in narration; a mentioned speaker becomes the latest."""
        if found is None:
            # a full name or a named organization ("the Platte Basin Water Council"), not a lone word
            full_name = phrase.kind == "name" and (role == "intro" or " " in phrase.name)
            if phrase.kind == "definite" or full_name:
                display = phrase.name or phrase.text
                self.entries.append(Speaker(display, phrase.kind, set(phrase.roles), "intro", phrase.head))
            return None
        found.roles |= phrase.roles
        if role == "mention" and found.role == "speaker":
            self.entries.remove(found)
            self.entries.append(found)
        return found.display

    def _lookup(self, phrase: Phrase) -> Speaker | None:
        if phrase.kind == "pronoun":
            personal = phrase.text in PERSONAL
            skip = {"intro", "source"} if personal else {"intro"}
            return next((e for e in reversed(self.entries) if e.role not in skip), None)
        if phrase.kind == "name":
            return self._by_name(phrase.name)
        if phrase.kind == "definite":
            return self._by_title(phrase.head, phrase.roles) or self._by_head(phrase.head)
        return None

    def _by_name(self, name: str) -> Speaker | None:
        """A known person whose name is `name` or ends with it ("Stavridis", "Mr Stavridis")."""
        words = [w for w in name.split() if w.lower() not in HONORIFICS]
        if not words:
            return None
        suffix = " " + " ".join(words)
        found = [
            e
            for e in reversed(self.entries)
            if e.kind == "name" and (e.display == name or e.display.endswith(suffix))
        ]
        speakers = [e for e in found if e.role != "intro"]
        if speakers:
            return speakers[0]
        # people only named in narration: a surname two of them share ("Harris") stays unresolved
        return found[0] if len({e.display for e in found}) == 1 else None

    def _by_title(self, head: str, roles: frozenset[str]) -> Speaker | None:
        """The most recent named person introduced with the descriptor's head noun and most of its words."""
        for entry in reversed(self.entries):
            # a title word, or the head of the appositive they were introduced with ("a farmer near X")
            if entry.kind == "name" and head in entry.roles and (is_role(head) or head == entry.head):
                others = roles - {head}
                if len(others & entry.roles) * 2 >= len(others):
                    return entry
        return None

    def _by_head(self, head: str) -> Speaker | None:
        """The most recent descriptor with the same head noun ("the source" -> "a source in ...")."""
        return next(
            (e for e in reversed(self.entries) if e.kind in {"definite", "indefinite"} and e.head == head),
            None,
        )
