"""Whether a one-word speaker phrase opening a sentence is a name or a common word capitalized by its place.

A sentence capitalizes its first word, so "Players need ...", "Online players assume ...", "Sample
lyrics:" or "Play, says Cleese," would each read as a lone surname. The article tells them apart: a
surname that is also a word is capitalized inside some sentence ("coach Steve Young", "said Young"),
while a common word is written in lower case elsewhere ("play", "getting") or is plainly a modifier of
the plural noun that follows it ("Online players assume", "Human beings are", "Sample lyrics:").
A surname written only at sentence starts ("Whitcomb was quoted ...") is none of these and stays a name.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from scraper.extract.quotes.speakers import classify_phrase

__all__ = ["Vocabulary"]

_LOWER_WORD = re.compile(r"[a-z]+")
_CAPITAL_WORD = re.compile(r"[A-Z][a-z]+")
_JOINER = re.compile(r"[\w’'-]")  # continues a word ("co-op", "Iowa's"): none stands beside a whole word
_INSIDE = re.compile(r"[\w,;]")  # before the space ahead of a capitalized word inside a sentence
# A plural noun after the word, then a plural verb or a colon: the word modifies the noun ("Online players
# assume", "Human beings are", "Sample lyrics:"); a surname's verb in -s is singular ("Whitcomb says").
# (a speech verb in -s is no plural noun: "Kamin says:", "Ortiz writes:" name the speaker)
_PLURAL_NOUN_AFTER = re.compile(
    r"\s+(?!(?:has|was|is|does|says|adds|tells|writes|explains|insists|argues|recalls|warns|asks|continues|concludes|"
    r"recounts|tweets|declares|stresses|admits|concedes|predicts|quips|muses)\b)"
    r"[a-z]*[a-rt-z]s(?:\s*:|\s+(?:are|were|have|had|do|did|don[’']t|can|could|will|would|should|may|"
    r"might|must|need|want|say|said|think|assume|believe|know|tend|seem|often|also|still|never|all)\b"
    # (or a past tense or participle after it, or a plural of people or bodies: "Progressive groups slammed",
    # "Hedge funds holding", "Legal experts differ")
    r"|\s+[a-z]{2,}(?:ed|ing)\b)"
    r"|\s+(?:experts|groups|funds|officials|leaders|activists|advocates|critics|lawmakers|analysts|voters)\b"
)
_OPENERS = " \u00a0\"“”‘’'(["


class Vocabulary:
    """The article's lower-case words and the capitalized words it writes inside sentences, looked up
    only when a one-word speaker phrase asks (a few words a page: searching for them costs less than
    listing every word)."""

    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = paragraphs
        self.article: str | None = None

    def opening_noun(self, key: tuple[int, int], raw: str, narrated: bool) -> bool:
        """Whether the one-word speaker phrase `raw` at `key` (paragraph, offset) is a common word: one
        taken without a speech verb, or one opening its sentence (or what follows a colon), that the
        article never capitalizes inside a sentence and writes in lower case elsewhere or that modifies
        the plural noun after it."""
        if not self._capital_word(raw):
            return False
        text, offset = self.paragraphs[key[0]], key[1]
        # (what ends just before it: a sentence end or a colon; abbreviations' periods are masked in the
        # attribution view, "Gov\u2024 Li")
        head = text[max(0, offset - 8) : offset].rstrip(_OPENERS)
        if not narrated and head and head[-1] not in ".!?:…":
            return False
        word = raw.strip()
        if _PLURAL_NOUN_AFTER.match(text, offset + len(raw)):
            return not _capitalized_inside(self._article(), word)
        return self.common_noun(raw)

    def _capital_word(self, raw: str) -> bool:
        """Whether `raw` is one capitalized word that reads as a lone name."""
        word = raw.strip()
        if not word[:1].isupper() or not word[1:].islower() or not word.isalpha():
            return False
        phrase = classify_phrase(word)
        return phrase is not None and phrase.kind == "name"

    def _article(self) -> str:
        if self.article is None:
            self.article = "\n".join(self.paragraphs)
        return self.article

    def common_noun(self, raw: str) -> bool:
        """Whether a one-word speaker phrase is a common noun capitalized by opening a sentence ("Players
        need ...", "Play allows ..."): written in lower case elsewhere and never capitalized inside a
        sentence, where a surname that is also a word is ("coach Steve Young", "said Young")."""
        if not self._capital_word(raw):
            return False
        word, article = raw.strip(), self._article()
        low = word.lower()
        written_lower = _LOWER_WORD.fullmatch(low) is not None and _has_whole_word(article, low)
        return written_lower and not _capitalized_inside(article, word)


def _whole_word(text: str, word: str) -> Iterator[int]:
    """Offsets where `word` stands as a whole word in `text` (no letter, digit, apostrophe or hyphen
    beside it: not "players" in "co-players" or "player's")."""
    at = text.find(word)
    while at >= 0:
        if not (at and _JOINER.match(text, at - 1)) and not _JOINER.match(text, at + len(word)):
            yield at
        at = text.find(word, at + 1)


def _has_whole_word(text: str, word: str) -> bool:
    return next(_whole_word(text, word), None) is not None  # (the first offset may be 0)


def _capitalized_inside(text: str, word: str) -> bool:
    """Whether the capitalized `word` ("Young") is written inside a sentence: as a whole word after
    spaces that follow a word, a comma or a semicolon ("coach Steve Young", "said Young")."""
    if _CAPITAL_WORD.fullmatch(word) is None:
        return False
    for at in _whole_word(text, word):
        before = at
        while before and text[before - 1] in " \u00a0":
            before -= 1
        if before < at and before and _INSIDE.match(text, before - 1):
            return True
    return False
