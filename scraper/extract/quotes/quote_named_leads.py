"""A person introduced by a descriptor and "named" as a sentence's subject: 'Afterward, a woman named Ruth
Van Wyk holds his hand', 'A retiree named Al Ostrow said'. The name leads the sentence as a bare name
would: the one a following "she" or "he" refers to, not merely someone the narration names.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_subjects import OPENING_PHRASES

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
