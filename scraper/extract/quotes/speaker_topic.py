"""The person a feature is about, whom a he or she returns to after someone else has had the floor.

Profiles and magazine features name their subject in the lead ("Tim Kaine is in the choir loft", "the
last day of Jeb Bush's presidential campaign"), then call them "he" or "she" for pages, quoting others
in passing: a strategist, a relative, an opponent. A he or she tag paragraphs after such a person was
last mentioned, with nobody else of that sex named since, returns to the subject, not to the passer-by
the nearest-speaker rule would pick. Pure functions over the speaker history's entries.
"""

from __future__ import annotations

from scraper.extract.quotes.speaker_entries import Speaker, not_a_person
from scraper.extract.quotes.speaker_full_names import surely_a_person

# Paragraphs that must separate a he or she from the last mention of the nearest candidate before the
# feature's subject is preferred: a speaker quoted in this paragraph or the one before keeps the floor.
_FLOOR = 2


def lead_subject(entries: list[Speaker], gender: str) -> Speaker | None:
    """The one person of `gender` (by the article's evidence or a given name) named in full in the
    article's first paragraph, if exactly one."""
    people = [e for e in entries if e.first == 0 and _person(e) and e.sex == gender]
    return people[0] if len(people) == 1 else None


def returning_subject(
    entries: list[Speaker], found: Speaker | None, gender: str, paragraph: int
) -> Speaker | None:
    """The lead's subject, when a he or she of `gender` in `paragraph` would otherwise mean `found`
    (or no one) though `found` was last mentioned _FLOOR paragraphs or more before and no other person
    of that sex has been named since; else None."""
    if not gender or paragraph < 1:
        return None
    subject = lead_subject(entries, gender)
    if subject is None or found is subject:
        return None
    since = found.seen if found is not None else subject.seen
    if found is not None and since > paragraph - _FLOOR:
        return None
    named_since = any(
        e is not subject and e is not found and e.seen > since and _person(e) and e.sex == gender
        for e in entries
    )
    return None if named_since else subject


def _person(entry: Speaker) -> bool:
    """A person named in full, not a place or an organization (their sex is tested apart)."""
    return entry.kind == "name" and surely_a_person(entry) and not not_a_person(entry)
