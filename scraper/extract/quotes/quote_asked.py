"""A sentence that opens with the question put to its subject: 'Asked after the event whether she would
run, Mrs. Clinton smiled', 'Pressed on the deal, the governor paused'. The subject after the clause is
who answers, the one a following "she said" or "he said" refers to, though the clause holds a speech verb
("asked") that would otherwise mark the sentence as a report rather than as narration about its subject.
"""

from __future__ import annotations

import re

# The passive participle of a question opening the sentence, its clause up to the first comma, then the
# subject: a capital or "the".
_ASKED_OPENING = re.compile(
    r"\s*(?:When\s+)?(?:Asked|Pressed|Questioned|Challenged)\b[^.!?;:\"“”]{0,160}?,\s+(?=[A-Z]|the\s)"
)
_OPENERS = frozenset("WAPQC")


def asked_opening(sentence: str) -> int:
    """Where the subject starts after an opening 'Asked ...,' clause of `sentence`, or -1 when none."""
    if sentence.lstrip()[:1] not in _OPENERS:  # (most sentences: cheaper than the pattern)
        return -1
    match = _ASKED_OPENING.match(sentence)
    return match.end() if match is not None else -1
