"""Names given to a kind of thing: 'a technique called "..."', 'a process called "..."', 'what is known
as "..."', 'something called "..."'. The span names a method, condition, concept or product, it does not
report anyone's words: a noun of a kind of thing, not of a person, stands before the participle, so
'what the mayor called "a disaster"' and 'Lee called the plan "..."' stay quotations."""

from __future__ import annotations

import re

# Nouns of kinds of things (never of people or groups of people, who call things by names they coin).
_KINDS = (
    "technique|method|process|procedure|practice|phenomenon|condition|disorder|syndrome|disease|concept|"
    "theory|principle|approach|strategy|tactic|technology|tool|feature|function|mechanism|system|model|"
    "framework|format|style|genre|trend|effect|mode|test|trick|game|app|program|programme|software|service|"
    "platform|product|device|drug|compound|substance|protein|gene|species|dish|drink|recipe|term|word|phrase|"
    "thing|idea|notion|philosophy|tradition|ritual|exercise|move|maneuver|manoeuvre|algorithm|protocol|"
    "metric|index|category|state|policy|scheme|plan|project|initiative|law|rule|measure"
)
# A kind's noun after a determiner (up to two modifiers between), "something", or an impersonal passive
# ("what is called"), then the participle that names, right before the opening mark.
_KIND_NAMED = re.compile(
    rf"(?:\b(?:a|an|the|this|these|those|one)\s+(?:[a-z][\w\-]*\s+){{0,2}}?(?:{_KINDS})s?|\bsomething|"
    r"\bwhat\s+(?:is|are|was|were|[’']s)(?:\s+(?:now|often|sometimes|commonly|usually|also))?)"
    r"\s+(?:called|named|termed|dubbed|known\s+as)\s*[:,]?\s*$",
)
_SENTENCE_INSIDE = re.compile(r"[.!?;]\s|,\s")
_BY = re.compile(r"[,.]?\s+by\s")
NAMING_WORDS = frozenset({"called", "named", "termed", "dubbed", "as"})


def names_a_kind(lead: str, after: str) -> bool:
    """Whether the text before a span ends with a kind of thing named by a participle ('the technique
    called', 'a process called', 'something called', 'what is known as'); not when the span's agent
    follows it ('a measure called "reckless" by Democrats': their words)."""
    return _BY.match(after) is None and _KIND_NAMED.search(lead, max(0, len(lead) - 80)) is not None


def is_title_like(text: str) -> bool:
    """Whether a span reads as a work's title: 3+ words, no sentence punctuation inside but a subtitle's
    colon, and most of its longer words capitalized ("A Paradise Built in Hell: The Communities that
    Arise")."""
    words = text.rstrip(" ,.").split()
    if len(words) < 3 or not words[0][:1].isupper() or _SENTENCE_INSIDE.search(text.rstrip(" ,.!?")):
        return False
    long = [w for w in words if len(w) > 3]
    return sum(w[:1].isupper() for w in long) >= max(2, 0.75 * len(long))
