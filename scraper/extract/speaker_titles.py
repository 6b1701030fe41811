"""The attribution view of a paragraph: what stands between a speaker's name and the speech verb, blanked.

News style wraps a name in abbreviated titles, initials, party-state tags, ages and asides:
`Rep. Harold T. Brisco (D-Md.) said`, `Sen. Martha Quill, R-Iowa, told`, `Dr. Anita Shah, 54, said`.
The attribution patterns read words between punctuation, so in the view (same length as the
paragraph, so offsets still match the quote spans):

- the period of an abbreviated title or an initial becomes ABBREVIATION_DOT, so "Rep." and "T." stay
  inside the speaker phrase instead of ending it (classify_phrase turns it back into a period);
- a short parenthetical right after a capitalized word ("(D-Md.)", "(Harbor Bank)"), a party-state
  tag between commas (", R-Iowa") and an age (", 54") become spaces: they describe the name, never
  name the speaker.
"""

from __future__ import annotations

import re

ABBREVIATION_DOT = "\u2024"  # one dot leader: not a sentence end for any pattern
_TITLE_ABBREVIATIONS = (
    "Mr|Mrs|Ms|Dr|Sen|Rep|Reps|Gov|Lt|Gen|Col|Capt|Sgt|Adm|Prof|Rev|Maj|Cmdr|Brig|Supt|Det|Atty|"
    "Amb|Pres|Hon|Jr|Sr|Cpl|Pvt|Insp|Mme|Mlle|Fr|Msgr"
)
# An abbreviated title ("Gov."), or an initial before another capital ("T. Brisco", "G.K. Bellamy");
# not a country's initials, which often end a sentence ("... in the U.S. The ...").
_COUNTRY_INITIALS = r"(?<!\bU\.)(?<!\bE\.)(?!U\.[SKN]\.)(?!E\.U\.)"
_ABBREVIATED = re.compile(rf"\b{_COUNTRY_INITIALS}(?:{_TITLE_ABBREVIATIONS}|[A-Z])\.(?=\s?[A-Z]|,)")
# What describes a name: an aside in parentheses after a capitalized word, a party-state tag
# ("D-Md.", "R-Iowa", "I-Vt.") or an age between commas.
_DESCRIBES_NAME = re.compile(
    r"(?<=[A-Z][a-z])(?:[\w’'\-]*\.?)(?P<blank>\s*\([^()\"“”«»„]{1,60}\))"
    r"|(?<=\w)(?P<tag>,\s*[DRI]-[A-Z][\w.]*(?:\s[A-Z][\w.]*)?)(?=\s*(?:[,;:)]|\.?\s|\.?$))"
    r"|(?<=[a-z])(?P<age>,\s*\d{1,3})(?=\s*,)"
)
_CHEAP_TEST = re.compile(r"\b[A-Z][a-z]{0,4}\.\s?[A-Z,]|\(|,\s*[DRI]-|,\s*\d")


def attribution_view(paragraph: str) -> str:
    """The paragraph with title periods masked and name descriptors blanked (same length)."""
    if _CHEAP_TEST.search(paragraph) is None:  # most paragraphs: nothing to do, one scan
        return paragraph
    view = _ABBREVIATED.sub(lambda m: m.group()[:-1] + ABBREVIATION_DOT, paragraph)
    return _DESCRIBES_NAME.sub(_blank, view)


def _blank(match: re.Match[str]) -> str:
    text = match.group()
    for name in ("blank", "tag", "age"):
        if match.group(name) is not None:
            keep = match.start(name) - match.start()
            return text[:keep] + " " * (len(text) - keep)
    return text


def restore_dots(text: str) -> str:
    """A speaker phrase read from the view, with its periods back."""
    return text.replace(ABBREVIATION_DOT, ".")
