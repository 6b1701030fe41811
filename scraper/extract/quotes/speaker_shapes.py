"""Shapes of speaker phrases that look like something else: a place name opening with a Spanish article
("Los Angeles agent Jo Li": no descriptor's article), a body's name going on past a preposition ("Joint
Committee on Ports and Fisheries": no person's name cut there), a poster named by a user name ("New
submitter X")."""

from __future__ import annotations

# Heads of bodies' names that a prepositional phrase in capitals goes on ("Committee on Energy and Water").
BODY_HEADS = frozenset({"committee", "commission", "council", "subcommittee", "board", "bureau", "office"})
_BODY_JOINERS = frozenset({"on", "of", "for", "and", "the"})


def body_tail(words: list[str]) -> bool:
    """Whether the words after a body's head are its name's rest: a preposition, then capitalized words
    and joiners ending in a capitalized word ("on Intelligence and Security")."""
    return (
        words[0] in {"on", "of", "for"}
        and len(words) > 1
        and words[-1][:1].isupper()
        and all(w[:1].isupper() or w in _BODY_JOINERS for w in words)
    )


# First words of a phrase naming a poster by a user name that may look like anything ("New submitter X").
POSTER_OPENERS = frozenset({"new", "submitter", "username", "commenter", "redditor"})
# Spanish articles that open English place names ("Los Angeles", "Las Vegas", "El Paso").
_PLACE_ARTICLES = frozenset({"Los", "Las", "El"})


def place_article(words: list[str]) -> bool:
    """Whether the phrase opens with a place name whose first word is a capitalized Spanish article
    ("Los Angeles real estate agent Jo Li"): a name's title, not a descriptor's article."""
    return words[0] in _PLACE_ARTICLES and len(words) > 2 and words[1][:1].isupper()
