"""Where direct quotations open and close across a list of paragraphs.

Double marks (" “ ” „ « » 「 」) are found first; single marks (' ‘ ’ ‚ ‹ › 『 』) only outside them,
because single marks nest inside double ones in most styles and double marks are never apostrophes.
A quote that is still open at the end of a paragraph continues when the next paragraph opens with a
mark of the same family (the newspaper convention), or, for a double-marked quotation that opens its
paragraph, when the next paragraphs (up to CARRY_PARAGRAPHS) hold no such mark until one whose first is
a closing mark after sentence punctuation (a letter, testimonial or e-mail quoted whole as a block, its
paragraphs not reopened: '“I tried ... For example:', 'I plan every week ...', '... before a test.”');
otherwise it ends with its paragraph. (A quotation opened inside narration that is left open is more
often a missing closing mark, the narration going on after it.)

Text feeds of some newspapers write marks the old way: two apostrophes (''...'') or TeX-style
``...''; and a right double mark often stands for the opening one (”Fortunately, ...). normalize_marks
rewrites those as curly double marks before the spans are found. A left double mark typed for the closing
one, right after the quotation's last word or punctuation ('a normal person“. Other ...'), closes it. A single
mark before a lower-case word that no later single mark in its paragraph closes is an elision ('a ‘roo').
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from scraper.extract.quotes.speech_verbs import VERBS

DOUBLE_MARKS = '"“”„«»「」'
SINGLE_MARKS = "'‘’‚‹›『』"
# The closing marks each opening mark accepts ("“" closes "„" in German, "«" closes "»" in Danish).
_CLOSERS = {
    '"': '"”',
    "“": '”"',
    "„": '“”"',
    "«": "»",
    "»": "«",
    "「": "」",
    "'": "'’",
    "‘": "’'",
    "‚": "‘’",
    "‹": "›",
    "›": "‹",
    "『": "』",
}
# Marks that are also apostrophes, inch/foot signs or closers, so their role depends on context.
_AMBIGUOUS = set("\"'’”»›")
_NEVER_OPENS = set("’”")  # closing marks only (see _is_opener)
_OPEN_ONLY = set("“‘")  # opening marks that never close their own kind (English style)
# A speech tag ending the text before a repeated opening mark: ", she observed. " (see _lost_close).
_LOST_TAG = re.compile(
    rf",\s+(?:he|she|they|[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*){{0,2}})\s+(?:{VERBS})[.,:]\s*$"
)
_OPEN_BEFORE = set(" ([{—–-/\u00a0") | set(DOUBLE_MARKS) | set(SINGLE_MARKS)
_DOUBLE_RE = re.compile(f"[{DOUBLE_MARKS}]")
_SINGLE_RE = re.compile(f"[{SINGLE_MARKS}]")
# The pattern of each family's one ASCII mark: an ASCII paragraph can hold no other, so it finds the same
# matches there (a literal is searched for many times faster than a class; see _in).
_DOUBLE_ASCII = re.compile('"')
_SINGLE_ASCII = re.compile("'")
# 'Decade ('90s) and elision ('em, 'n') apostrophes that stand where an opening mark would.
_ELISION = re.compile(r"(?:\d\d?s?|em|n|til|cause|tis|nuff)\b", re.IGNORECASE)
# A contraction's apostrophe typed after a space ("I ‘m surprised", "don ‘t"): never a quotation's opening.
_SPACED_CONTRACTION = re.compile(r"(?:m|s|t|re|ve|ll|d)\b(?![’'])")
# A plural possessive ("workers' rights") looks like a closing single mark.
_POSSESSIVE = re.compile(r"\s+[a-z]")
CARRY_PARAGRAPHS = 4  # paragraphs a quotation may run on without reopening marks (see the module doc)
_CLOSES_SENTENCE = re.compile(r"[.!?…]")


_OLD_STYLE = re.compile(r"``|''")
# A right double mark opening a quotation: at the start, or after white space or an opening bracket
# or dash, and before a letter (a closing mark follows a word or punctuation instead).
_RIGHT_MARK_BEFORE_LETTER = re.compile(r"”(?=[^\W\d_])")
# A left double mark after a space or at the start, then a space and a capital: an opening mark typed
# loose (a closing “, in German, follows the quote's last word or punctuation directly).
_SPACED_OPENING = re.compile(r"(?:^|(?<=\s))“[ \u00a0](?=[A-ZÀ-ÖØ-Þ])")


def normalize_marks(paragraph: str) -> str:
    """Old-style ('' `` ...'') and reversed (”...”) double marks as “ ”, and an opening “ typed with a
    space after it ("“ Space is hard,”") closed up (lengths may change)."""
    if "''" in paragraph or "``" in paragraph:
        paragraph = _OLD_STYLE.sub(lambda m: "“" if m.group() == "``" else "”", paragraph)
    if "”" in paragraph:
        paragraph = _RIGHT_MARK_BEFORE_LETTER.sub(_opening, paragraph)
        if "“ " in paragraph:
            paragraph = _SPACED_OPENING.sub("“", paragraph)
    if "″" in paragraph and "“" in paragraph:
        paragraph = _PRIME_CLOSE.sub(_prime_close, paragraph)
    return paragraph


# A double prime after a digit, then punctuation, a dash or the end (not a word: 'a 12″ screen'): an inch
# sign, or a closing mark that blog software typeset as one ('by 220% starting October 1″ — this').
_PRIME_CLOSE = re.compile(r"(?<=\d)″(?=[,.;:!?)]|\s+[—–-]|\s*$)")


def _prime_close(match: re.Match[str]) -> str:
    """The closing mark, where a quotation opened with “ is still open before the double prime."""
    before = match.string[: match.start()]
    return "”" if before.count("“") > before.count("”") else "″"


def _opening(match: re.Match[str]) -> str:
    start = match.start()
    if not start or match.string[start - 1] in " \u00a0\t\n([—–":
        return "“"
    # (after a sentence's end with no space, outside any quotation: 'Li said.”Whereas ...' opens one)
    if match.string[start - 1] in ".!?" and len(_DOUBLE_RE.findall(match.string, 0, start)) % 2 == 0:
        return "“"
    return "”"


@dataclass
class QuoteSpan:
    """One quotation: its text and where its marks are (offsets are into the paragraph strings)."""

    text: str
    paragraph: int
    start: int
    end_paragraph: int
    end: int
    closed: bool


def find_spans(paragraphs: list[str]) -> list[QuoteSpan]:
    """Every quoted span, double-marked and single-marked, ordered by where it opens."""
    doubles = _family_spans(paragraphs, _DOUBLE_RE, [])
    singles = _family_spans(paragraphs, _SINGLE_RE, doubles)
    # A double-marked span nested inside a single-marked one (British style) belongs to it.
    doubles = [d for d in doubles if not any(_contains(s, d) for s in singles)]
    return sorted(doubles + singles, key=lambda s: (s.paragraph, s.start))


def _contains(outer: QuoteSpan, inner: QuoteSpan) -> bool:
    return (outer.paragraph, outer.start) < (inner.paragraph, inner.start) and (
        outer.end_paragraph,
        outer.end,
    ) >= (inner.end_paragraph, inner.end)


def _family_spans(paragraphs: list[str], marks: re.Pattern[str], skip: list[QuoteSpan]) -> list[QuoteSpan]:
    """Spans of one family of marks, ignoring marks inside the `skip` spans."""
    spans: list[QuoteSpan] = []
    pending: QuoteSpan | None = None
    opener = ""
    nested = 0  # curly quotations open inside a straight-marked one ('"... your name was “X” we ..."')
    carried = 0  # paragraphs before this index continue the open quotation without a reopening mark
    blocks: dict[int, list[tuple[int, int]]] = {}  # each paragraph's skipped spans (those inside one)
    for s in skip:
        if s.paragraph == s.end_paragraph:
            blocks.setdefault(s.paragraph, []).append((s.start, s.end))
    family = DOUBLE_MARKS if marks is _DOUBLE_RE else SINGLE_MARKS
    for index, paragraph in enumerate(paragraphs):
        if pending is None and not _holds_any(paragraph, family):
            continue  # (no quotation open and no mark to open one: nothing below would change)
        position = 0
        if pending is not None:
            position = _continuation(paragraph, marks)
            if position or index < carried:
                pending.text += " "
            else:
                spans.append(pending)
                pending = None
        blocked = blocks.get(index, [])
        for match in _in(paragraph, marks).finditer(paragraph, position):
            at, char = match.start(), match.group()
            if pending is None and char in _NEVER_OPENS:
                continue  # (most single marks are apostrophes: "it’s")
            if blocked and any(a <= at < b for a, b in blocked):
                continue
            if opener == '"' and pending is not None and char in "“”" and (nested or char == "“"):
                nested += 1 if char == "“" else -1  # (curly marks nested in a straight-marked quote)
                continue
            # (a lost closing mark first: a straight mark after the tag opens the next quotation)
            if pending is not None and char == opener and (tag := _lost_close(paragraph, position, at, char)):
                pending.text += paragraph[position:tag]
                pending.end_paragraph, pending.end, pending.closed = index, tag, True
                spans.append(pending)
                opener, position = char, at + 1
                pending = QuoteSpan("", index, at, index, len(paragraph), False)
            elif pending is not None and _is_closer(paragraph, at, opener, char):
                pending.text += paragraph[position:at]
                pending.end_paragraph, pending.end, pending.closed = index, at + 1, True
                spans.append(pending)
                pending = None
            elif pending is None and _is_opener(paragraph, at, char):
                opener, position, nested = char, at + 1, 0
                pending = QuoteSpan("", index, at, index, len(paragraph), False)
        if pending is not None:
            pending.text += paragraph[position:]
            pending.end_paragraph, pending.end = index, len(paragraph)
            if index >= carried and marks is _DOUBLE_RE and not paragraph[: pending.start].strip():
                carried = _carried_until(paragraphs, index, opener)
    if pending is not None:
        spans.append(pending)
    return spans


def _in(text: str, marks: re.Pattern[str]) -> re.Pattern[str]:
    """The pattern that finds the marks of a family (_DOUBLE_RE or _SINGLE_RE) in `text`: in ASCII text,
    that of its one ASCII mark, which finds the same matches there."""
    if not text.isascii():
        return marks
    return _DOUBLE_ASCII if marks is _DOUBLE_RE else _SINGLE_ASCII


def _holds_any(paragraph: str, family: str) -> bool:
    """Whether `paragraph` holds a mark of `family` (tested with `in`, not a character class search;
    an ASCII paragraph can hold only the family's first mark, its ASCII one)."""
    if paragraph.isascii():
        return family[0] in paragraph
    return any(mark in paragraph for mark in family)


def _lost_close(paragraph: str, position: int, at: int, char: str) -> int:
    """Where an open quotation ends that lost its closing mark before its attribution, when its own
    opening mark comes again after that attribution ('“A is hard, she said. “B ...”': the tag's comma;
    also a straight mark '"A is hard, Li says. "B ..."'), else 0. (Without a tag between, a second opening
    mark is more often a typo inside one quotation.)"""
    if char == '"':  # (a straight mark: only where it can open, after a space and before a capital)
        if not (paragraph[at - 1 : at] == " " and paragraph[at + 1 : at + 2].isupper()):
            return 0
    elif char not in _OPEN_ONLY or not _is_opener(paragraph, at, char):
        return 0
    tag = _LOST_TAG.search(paragraph, position, at)
    return tag.start() if tag is not None else 0


def _carried_until(paragraphs: list[str], index: int, opener: str) -> int:
    """One past the last paragraph that an open double-marked quotation runs on into without reopening
    marks: through the first later paragraph holding a double mark when that mark closes it after
    sentence punctuation, with no double mark in the paragraphs between; else 0 (see the module doc)."""
    for ahead in range(index + 1, min(index + 1 + CARRY_PARAGRAPHS, len(paragraphs))):
        paragraph = paragraphs[ahead]
        match = _in(paragraph, _DOUBLE_RE).search(paragraph)
        if match is None:
            continue
        at = match.start()
        if _is_opener(paragraph, at, match.group()) or not _is_closer(paragraph, at, opener, match.group()):
            return 0
        return ahead + 1 if at and _CLOSES_SENTENCE.match(paragraph, at - 1) else 0
    return 0


def _continuation(paragraph: str, marks: re.Pattern[str]) -> int:
    """Offset just past the mark that re-opens a quotation carried over from the previous paragraph, or 0."""
    stripped = paragraph.lstrip()
    if stripped and marks.match(stripped) and _is_opener(stripped, 0, stripped[0]):
        return len(paragraph) - len(stripped) + 1
    return 0


def _is_opener(text: str, at: int, char: str) -> bool:
    """Whether the mark at `at` opens a quotation (not an apostrophe, inch sign or stray closer)."""
    if char not in _CLOSERS or char in _NEVER_OPENS:
        return False
    after = text[at + 1 : at + 2]
    if not after or (after.isspace() and char not in "«‹"):  # French puts a space inside « »
        return False
    if char in _AMBIGUOUS or char == "‘":
        if at > 0 and text[at - 1] not in _OPEN_BEFORE:
            return False
        if char in "'‘" and _ELISION.match(text, at + 1):
            return False
        if char in "'‘" and at > 1 and text[at - 2].isalpha() and _SPACED_CONTRACTION.match(text, at + 1):
            return False
        if char == "»" and not after.isalnum():
            return False
        if char in "'‘" and after.islower() and not _closed_later(text, at, char):
            return False  # (an elision's apostrophe: 'a treacherous ‘roo and wombat road')
    return True


def _closed_later(text: str, at: int, opener: str) -> bool:
    """Whether a mark later in the paragraph closes the single mark at `at`."""
    marks = _in(text, _SINGLE_RE).finditer(text, at + 2)
    return any(_is_closer(text, m.start(), opener, m.group()) for m in marks)


def _is_closer(text: str, at: int, opener: str, char: str) -> bool:
    """Whether the mark at `at` closes the quotation opened by `opener`."""
    if char == opener == "“":  # (a closing mark typed turned, right after the last word: 'a normal person“.')
        return at > 0 and not text[at - 1].isspace() and not text[at + 1 : at + 2].isalnum()
    if char not in _CLOSERS.get(opener, ""):
        return False
    if char not in "'’":
        return True
    if at == 0 or text[at - 1].isspace():
        return False
    after = text[at + 1 : at + 2]
    if after.isalnum():
        return False
    if text[at - 1] in "sS" and _POSSESSIVE.match(text, at + 1):
        return _no_later_close(text[at + 1 :], opener)
    return True


def _no_later_close(rest: str, opener: str) -> bool:
    """Whether a plural possessive's mark ("the players' union") closes the quotation after all: no later
    mark in the paragraph closes it, or another quotation opens first ("run 'hg heads' to see heads, 'hg
    merge' to merge", "called 'folders' and ... called 'documents'": two short quotations in a row)."""
    for mark in _in(rest, _SINGLE_RE).finditer(rest):
        at = mark.start()
        opens = at and rest[at - 1].isspace() and rest[at + 1 : at + 2].isalnum()
        if opens and not _ELISION.match(rest, at + 1):
            return True
        if _is_closer(rest, at, opener, mark.group()):
            return False
    return True
