"""A person introduced by a descriptor and "named" as a sentence's subject: 'Afterward, a woman named Ruth
Van Wyk holds his hand', 'A retiree named Al Ostrow said'. The name leads the sentence as a bare name
would: the one a following "she" or "he" refers to, not merely someone the narration names. Anywhere in
narration such a naming clause introduces the person, by a lone given name too ('the waitress, a woman
named Trish, refills the coffee'; 'she met a farmer named Dale'), as feature writing names people.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_judging import OPENING_PHRASES
from scraper.extract.quotes.speaker_words import word_set

# A determiner, one or two lower-case words (a person's noun, perhaps an adjective), then "named".
_NAMED = re.compile(r"(?:[Aa]n?|[Tt]he|[Oo]ne)\s+[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s+named\s+(?=[A-Z])")


def named_lead(sentence: str, lead: int) -> int:
    """Where the name starts when the subject at `lead` (or after short opening phrases) is 'a woman
    named X'; -1 when it is not."""
    if lead < 0 or " named " not in sentence:  # (most sentences)
        return -1
    found = _NAMED.match(sentence, lead)
    if found is None:
        opening = OPENING_PHRASES.match(sentence, lead)
        found = _NAMED.match(sentence, opening.end()) if opening is not None else None
    return found.end() if found is not None else -1


# An indefinite descriptor, "named" and the name: 'a woman named Trish', 'a former union organizer named
# Leo Murrieta' (up to four lower-case words between).
_NAMING = re.compile(
    r"(?<![\w’'-])(?:[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){0,3}(?P<noun>[a-z][\w\-]*)\s+named\s+"
    r"(?:[A-Z][\w’'\-]*\u2024?\s+){0,3}[A-Z][\w’'\-]*"
)

# Animals a feature names as it names people: no speaker.
_PETS = word_set("cat dog puppy kitten horse pony parrot goat pig cow hamster rabbit")


def naming_clauses(text: str) -> list[tuple[str, int, str]]:
    """Descriptors naming a person in narration ('a woman named Trish'), their offsets and roles: in
    apposition to the sentence's subject, leading it or the subject of a relative clause ('a hog farmer
    named Wes who says'), "mention", the one a later "she says" means; else "intro" (an object: 'she met
    a farmer named Dale'). A pet is named so too ('a cat named Rockefeller'): no one who speaks."""
    if " named " not in text:  # (most paragraphs)
        return []
    found = []
    for match in _NAMING.finditer(text):
        if match.group("noun") in _PETS:
            continue
        before = text[: match.start()].rstrip()
        leads = not before or before[-1] in ",.!?" or text.startswith(" who ", match.end())
        found.append((match.group(), match.start(), "mention" if leads else "intro"))
    return found
