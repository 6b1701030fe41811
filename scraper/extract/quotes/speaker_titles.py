"""The attribution view of a paragraph: what stands between a speaker's name and the speech verb, blanked.

News style wraps a name in abbreviated titles, initials, party-state tags, ages and asides:
`Rep. Harold T. Brisco (D-Md.) said`, `Sen. Martha Quill, R-Iowa, told`, `Dr. Anita Shah, 54, said`.
The attribution patterns read words between punctuation, so in the view (same length as the
paragraph, so offsets still match the quote spans):

- the period of an abbreviated title or an initial becomes ABBREVIATION_DOT, so "Rep." and "T." stay
  inside the speaker phrase instead of ending it (classify_phrase turns it back into a period);
- a short parenthetical or bracketed insertion right after a capitalized word ("(D-Md.)", "(Harbor
  Bank)", "[London]"), a party-state tag between commas (", R-Iowa") and an age (", 54") become
  spaces: they describe the name, never name the speaker.
"""

from __future__ import annotations

import re

from scraper.extract.quotes.speaker_words import ROLE_WORDS, word_set

ABBREVIATION_DOT = "\u2024"  # one dot leader: not a sentence end for any pattern
_TITLE_ABBREVIATIONS = word_set(
    "Mr Mrs Ms Dr Sen Sens Rep Reps Gov Govs Lt Gen Col Capt Sgt Adm Prof Rev Maj Cmdr Brig Supt Det "
    "Atty Amb Pres Hon Jr Sr Cpl Pvt Insp Mme Mlle Fr Msgr Del"
)
_COUNTRY_INITIALS = ("U.S.", "U.K.", "U.N.", "E.U.")
# The period after a capitalized word of up to 5 letters, before a capital or comma: an abbreviated
# title ("Gov."), an initial ("T. Brisco", "G.K. Bellamy") or a word ending a sentence, told apart below.
# (Each pattern here starts with a plain character, which the engine finds fast: they run on every
# paragraph. This one matches the period alone, a single character the engine skips to faster than to
# a capital, and looks back for the word: only the period is replaced, and no period has two words.)
# (also a name's suffix before a lower-case word, "Donald Trump Jr. said": part of the name; a surname
# cut to its initial after a given name, as court reports name a defendant, "Stefan K. hatte"; and a title
# before a surname's particle, "Mr. de Blasio")
_ABBREVIATED = re.compile(
    r"\.(?:(?<=[A-Z]\.)|(?<=[A-Z][a-z]\.)|(?<=[A-Z][a-z]{2}\.)|(?<=[A-Z][a-z]{3}\.)|(?<=[A-Z][a-z]{4}\.))"
    r"(?=\s?[A-Z]|,|(?<=[JS]r\.) [a-z]|(?<=[A-Z]\.[A-Z]\.) [a-z]|(?<=[a-z] [A-Z]\.) [a-zäöüéèà]"
    r"|\s(?:de|van|von|di|du|del|da)\s[A-Z])"
)
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyz")
# An aside in parentheses, or an editor's insertion in brackets ("The Herald [Boston]"); a party-state
# tag ("D-Md.", "R-Iowa", "I-Vt."; a state legislator's home town of up to three words, "D-Salt Lake
# City") or an age after a comma.
_PARENTHETICAL = re.compile(r"\([^()\"“”«»„]{1,60}\)|\[[^\[\]\"“”«»„]{1,60}\]")
# (a state's initials have their periods masked as initials' by then: "R-S\u2024C\u2024")
_TAG_OR_AGE = re.compile(
    r",\s*(?:[DRI]-[A-Z][\w.\u2024]*(?:\s[A-Z][\w.\u2024]*){0,2}(?=\s*(?:[,;:)]|\.?\s|\.?$))|\d{1,3}(?=\s*,))"
)


# A news dateline opening a paragraph: a place in capitals, perhaps its state or country and the agency,
# then a dash ("NATIONAL HARBOR, Md. (AP) —", "WASHINGTON (Reuters) -", "CLEVELAND —"): where the story
# was filed, never a speaker nor a person the narration is about.
_DATELINE = re.compile(
    r"[A-Z][A-Z.’' -]*[A-Z.](?:,(?:\s+[A-Z][\w.]*){1,3})?(?:\s*\([^()]{1,30}\))?\s*(?:—|–|--?)\s"
)


# A network's or agency's credit alone in parentheses opening a story ("(CBS News) Donald Trump said",
# "(CNN) — The Senate voted"): the outlet that filed it, as a dateline's, not part of the subject after it.
_CREDIT = re.compile(r"\([A-Z][^()]{0,30}\)\s*(?:(?:—|–|--?)\s)?")


def attribution_view(paragraph: str) -> str:
    """The paragraph with title periods masked and name descriptors blanked (same length)."""
    # (most paragraphs hold no capital at the start, nor a parenthesis)
    if paragraph[1:2].isupper() and (paragraph[:1].isupper() or paragraph[:1] == "("):
        dateline = _CREDIT.match(paragraph) or _DATELINE.match(paragraph)
        paragraph = " " * dateline.end() + paragraph[dateline.end() :] if dateline else paragraph
        heading = _RUN_IN_HEADING.match(paragraph)
        paragraph = " " * heading.end() + paragraph[heading.end() :] if heading else paragraph
    if paragraph.startswith(_GREETINGS):
        greeting = _SALUTATION.match(paragraph)
        paragraph = " " * greeting.end() + paragraph[greeting.end() :] if greeting else paragraph
    view = _ABBREVIATED.sub(_mask_dot, paragraph)
    if "(" in view or "[" in view:
        view = _PARENTHETICAL.sub(_blank_after_name, view)
    if "," in view:
        view = _TAG_OR_AGE.sub(_blank_after_name, view)
    return view

# A run-in heading in capitals opening a paragraph before its first sentence, as tip lists and Q&A pages
# write them ("USE DIFFERENT BROWSERS Mr. Grossman keeps ...", "SHARE CAUTIOUSLY Kocher never ..."): two
# or more words in capitals, one of four letters or more, then a word in title case. A heading, never
# part of the name after it.
_RUN_IN_HEADING = re.compile(r"(?=[A-Z ]*[A-Z]{4})[A-Z]+(?: [A-Z]+)+ (?=[A-Z][a-z])")

# A salutation or thanks opening a comment, forum post or letter ("Hi Rand,", "Dear Ms. Tate,", "Thanks
# Rand."): the one addressed reads it, and is neither a speaker nor the person the text goes on about.
_GREETINGS = ("Hi ", "Hello ", "Hey ", "Dear ", "Thanks ", "Thank you ")
_SALUTATION = re.compile(
    r"(?:Hi|Hello|Hey|Dear|Thanks|Thank you)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}\s*[,!:.](?=\s|$)"
)


def _mask_dot(match: re.Match[str]) -> str:
    """The period at `match`, masked when the word before it is a title's abbreviation or an initial."""
    text, period = match.string, match.start()
    start = period - 1
    while text[start] in _LOWER:  # (back to the capital the pattern looked behind for)
        start -= 1
    word = text[start:period]
    if start and (text[start - 1].isalnum() or text[start - 1] in "’'-"):
        return "."  # the end of a longer word
    if len(word) == 1:
        # an initial, not a country's ("... in the U.S. The ..." ends a sentence)
        country = text[max(0, start - 2) : start + 4]
        if not any(c in country for c in _COUNTRY_INITIALS):
            return ABBREVIATION_DOT
        # (but the sentence goes on after them in lower case or with a title: "said one U.S. official",
        # "said U.S. Ambassador Jo Li")
        goes_on = _INITIALS_GO_ON.match(text, start) or (start > 1 and _INITIALS_GO_ON.match(text, start - 2))
        return ABBREVIATION_DOT if goes_on and _continues(goes_on.group("next")) else "."
    if text.endswith(", ", 0, start) and _WEEKDAY_NEXT.match(text, period + 1):
        return ABBREVIATION_DOT  # a state after its town, then the day ("in Jacksonville, Fla. Wednesday")
    if word == "Del" and text.endswith(", ", 0, start):
        return "."  # Delaware after its town ("Dover, Del."), not a delegate's title
    return ABBREVIATION_DOT if word in _TITLE_ABBREVIATIONS else "."


# Country initials the sentence goes on after, in lower case ("one U.S. official said").
_INITIALS_GO_ON = re.compile(r"[A-Z]\.[A-Z]\. (?P<next>[A-Za-z]+)")


def _continues(word: str) -> bool:
    """Whether the word after country initials goes on with their sentence: lower case, or a title."""
    return word[0].islower() or word.lower() in ROLE_WORDS


# A weekday after a place: the sentence goes on ("at a rally in Jacksonville, Fla. Wednesday night, telling").
_WEEKDAY_NEXT = re.compile(r" (?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")


def _blank_after_name(match: re.Match[str]) -> str:
    """Spaces for a descriptor right after a capitalized word (a name); else the text unchanged."""
    before = match.string[: match.start()].rstrip()
    word = before.rsplit(None, 1)[-1] if before else ""
    if not word[:1].isupper() and not (match.group()[:1] == "," and word[-1:].isalpha()):
        return match.group()
    return " " * len(match.group())


def restore_dots(text: str) -> str:
    """A speaker phrase read from the view, with its periods back."""
    return text.replace(ABBREVIATION_DOT, ".")
