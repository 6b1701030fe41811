"""People named with a title in narration ("Former NATO Supreme Allied Commander Admiral James
Stavridis"), so that a later descriptor ("the admiral") can refer back to them."""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_narration import unblanked
from scraper.extract.quotes.speaker_ranks import OCCUPATIONS, POSITIONS
from scraper.extract.quotes.speaker_words import ABBREVIATED_TITLES, ROLE_WORDS
from scraper.extract.word_patterns import first_chars, trie_pattern

# A person named with a title in narration: "Former NATO ... Commander Admiral James Stavridis".
# (an abbreviated title reads "Gov\u2024" in the attribution view: speaker_titles)
# (and a position or occupation: "Canucks goaltender Mia Kerr", "the cellist Ana Ruiz")
_TITLES = ROLE_WORDS | POSITIONS | OCCUPATIONS | {f"{short}\u2024" for short in ABBREVIATED_TITLES}
# A title is tested cheapest first: a word's start, its first letter, then, case-sensitively, a run of
# the titles' characters no longer than the longest title before white space and a capital; so the
# case-insensitive title list is read only before capitals, not at every word. (The run is possessive:
# white space never follows a shorter part of it, so giving characters back could not help the match.)
_TITLE_MARKS = "".join(sorted({c for title in _TITLES for c in title if not (c.isalnum() or c == "_")}))
# ("of" may join the title to its department: "Secretary of State Madeleine Albright"; _TITLE_BACKWARDS
# reads this test backwards, to skip paragraphs: a change here goes there too)
_BEFORE_CAPITAL = rf"(?=[\w{re.escape(_TITLE_MARKS)}]{{1,{max(map(len, _TITLES))}}}+\s+(?:of\s+)?[A-Z])"
_TITLED_NAME = re.compile(
    rf"\b(?=(?i:{first_chars(_TITLES)})){_BEFORE_CAPITAL}(?i:{trie_pattern(_TITLES)})(?:\s+of(?=\s+[A-Z]))?"
    # (a dot only after an initial: "Hospital. She" is two sentences, not a name; the last word is no
    # abbreviated title, "former Gov\u2024 Paul Brandt" names Paul Brandt, not "Gov"; a surname may
    # open with a particle, "Mayor Bill de Blasio")
    rf"\s+(?:[A-Z](?:[.\u2024]|[\w’'-]*)\s+){{0,4}}(?:(?:de|van|von|der|du|da|del|di|le|la)\s+)?"
    rf"[A-Z][\w’'-]+(?![\w’'\u2024-]|\s+[A-Z])"
)
# What _BEFORE_CAPITAL asks of every titled name, read backwards: a capital, white space (perhaps "of"
# and white space) and a title. Reversed, the pattern starts with a plain class, a capital, which the
# engine scans for in one tight loop, where _TITLED_NAME tries every word start; a paragraph where it
# finds nothing (six in seven) holds no titled name, so introductions skips the search. (It holds no
# more than that lookahead: keep the two alike. A title's last character is tested first, in one class,
# where the case-insensitive trie would try each branch at every capital.)
_BACKWARD_TITLES = [title[::-1] for title in _TITLES]
_TITLE_BACKWARDS = re.compile(
    rf"[A-Z](?:\s+fo)?\s+(?=(?i:{first_chars(_BACKWARD_TITLES)}))(?i:{trie_pattern(_BACKWARD_TITLES)})"
)
# What leads a title: capitalized words and the lower-case words that qualify an office ("White House
# press secretary", "Trump campaign manager", "former", "deputy national security adviser").
_TITLE_LEAD = re.compile(
    r"(?:(?:[A-Z][\w.’'-]*|former|ex-|then-|press|campaign|communications|policy|political|national|"
    r"security|deputy|senior|chief)\s+){0,5}$"
)


def introductions(text: str) -> list[tuple[str, int]]:
    """People named with a title anywhere in narration, for descriptors that refer back to them."""
    found: list[tuple[str, int]] = []
    if _TITLE_BACKWARDS.search(text[::-1]) is None:  # (no title before a capital: no titled name)
        return found
    for match in _TITLED_NAME.finditer(text, *unblanked(text)):
        if text.startswith(" of ", match.end()):  # ("Former Secretary" of "Former Secretary of State X")
            last = match.group().rsplit(None, 1)[-1]
            again = _TITLED_NAME.match(text, match.end() - len(last)) if last.lower() in _TITLES else None
            match = again or match
        window = max(0, match.start() - 80)
        lead = _TITLE_LEAD.search(text, window, match.start())
        start = lead.start() if lead else match.start()
        # (a possessive names the person too: "Sen. Ted Cruz's wife" introduces Ted Cruz)
        end = match.end() - 2 if text.endswith(("'s", "’s"), start, match.end()) else match.end()
        found.append((text[start:end], start))
    return found
