"""Online handles as speakers: forum and social posts are quoted under their writers' user names.

A handle is written in lower case with digits or underscores ("jayk1984", "elmo666", "night_owl"), alone
or after the noun that says what it is ("user jayk1984", "commenter night_owl"). It names the writer,
where lower-case words otherwise name a group ("police", "local officials").
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import word_set

# (five characters or more: "mp3", "b2b" and "g20" are things)
_HANDLE = re.compile(r"(?=\S{5})(?:[a-z][a-z._]*\d[a-z\d._]*|[a-z][a-z\d]*_[a-z\d_]+)")
# Nouns that say a name is a user name ("user X", "poster X").
_HANDLE_NOUNS = word_set(
    "user username handle commenter poster member redditor blogger tweeter reader buyer seller"
)


# Nouns after which the words up to the verb are a user name as written, whatever they look like
# ("New submitter Ahab's compliments writes", "commenter Tea Lady"): the site's convention for its posters.
_NAMING_NOUNS = word_set("submitter username commenter redditor")


def handle(words: list[str]) -> str | None:
    """The handle a phrase names: one handle word, perhaps after a noun of what it is, or any words after
    a noun that only ever names a user ("submitter", perhaps "New submitter")."""
    if words[0] in {"New", "new"}:
        words = words[1:]
    if 1 < len(words) <= 4 and words[0].lower() in _NAMING_NOUNS:
        return " ".join(words[1:])
    if not words or len(words) > 2 or not _HANDLE.fullmatch(words[-1]):
        return None
    if len(words) == 2 and words[0].lower() not in _HANDLE_NOUNS:
        return None
    return words[-1]
