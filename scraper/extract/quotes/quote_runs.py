"""Quotations as the pipeline carries them, and the speakers of unattributed ones: a run of quoted
paragraphs continues its speaker, and an interview's bare answers are its subject's."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from scraper.extract.quotes.quote_sentences import after_last
from scraper.extract.quotes.quote_spans import QuoteSpan

# Fewer words than this make a term, not a sentence someone said.
SENTENCE_WORDS = 4
# How the rules gave a quotation its speaker: its own attribution with a speech verb, a sentence subject
# taken without one, carried from another quotation or the narration, or none.
DIRECT, NARRATED, CARRIED, NONE = "direct", "narrated", "carried", "none"


@dataclass
class Quote:
    """A quoted span, its cleaned text, its speaker phrase's place and its resolved speaker."""

    span: QuoteSpan
    text: str
    phrase_at: tuple[int, int] | None = None
    direct: bool = False
    speaker: str | None = None
    narrated: bool = False  # attributed to a sentence subject without a speech verb


class Neighbours:
    """Where the text around each quotation ends: the next quotation opening in the paragraph where it
    closes, and the last closed one before it closing in the paragraph where it opens. Indexed once per
    page, as reading every quotation for each one was quadratic on pages of many quotations."""

    def __init__(self, quotes: list[Quote]) -> None:
        self.quotes = quotes
        self.opening = [q.span.paragraph for q in quotes]  # (sorted: spans are in reading order)
        self.closing: dict[int, list[tuple[int, int]]] = {}  # paragraph: (index, end) of closed quotes
        for i, quote in enumerate(quotes):
            if quote.span.closed:
                self.closing.setdefault(quote.span.end_paragraph, []).append((i, quote.span.end))

    def next_start(self, i: int) -> int | None:
        """Where the first quotation after quote i opens in the paragraph where quote i closes, if any."""
        paragraph = self.quotes[i].span.end_paragraph
        j = bisect_left(self.opening, paragraph, i + 1)
        return self.quotes[j].span.start if j < len(self.quotes) and self.opening[j] == paragraph else None

    def previous_end(self, i: int) -> int:
        """Where the last closed quotation before quote i closes in the paragraph where quote i opens (0
        when none does)."""
        ends = self.closing.get(self.quotes[i].span.paragraph, [])
        before = bisect_left(ends, (i,))
        return ends[before - 1][1] if before else 0

    def previous_start(self, i: int) -> int | None:
        """Where the last closed quotation before quote i opens, when it opens and closes in the paragraph
        where quote i opens (else None)."""
        paragraph = self.quotes[i].span.paragraph
        ends = self.closing.get(paragraph, [])
        before = bisect_left(ends, (i,))
        span = self.quotes[ends[before - 1][0]].span if before else None
        return span.start if span is not None and span.paragraph == paragraph else None


def is_own_sentence(quote: Quote, paragraphs: list[str]) -> bool:
    """Whether a quotation is a whole sentence standing on its own: capitalized, ending in . ! or ?,
    after a sentence end (not a term inside a sentence of narration)."""
    text = quote.text.rstrip("\"'”’» ")
    before = paragraphs[quote.span.paragraph][: quote.span.start].rstrip()
    return text[:1].isupper() and text[-1:] in ".!?" and (not before or before[-1] in ".!?:\"”’")


def inherit_speakers(quotes: list[Quote], paragraphs: list[str], donors: list[Quote]) -> None:
    """Unattributed quotes take the nearest attributed speaker in their paragraph (`donors` include the
    short terms dropped as quotations: 'said ... "precision capability" so there was "no damage"'),
    or continue a run."""
    attributed: dict[int, list[Quote]] = {}  # by paragraph, in reading order
    for donor in donors:
        if donor.phrase_at is not None:
            attributed.setdefault(donor.span.paragraph, []).append(donor)
    for i, quote in enumerate(quotes):
        if quote.phrase_at is not None and (quote.speaker is not None or not quote.narrated):
            continue
        same = attributed.get(quote.span.paragraph, [])
        earlier = [q for q in same if q.span.start < quote.span.start]
        if earlier or same:
            quote.speaker = (earlier or same)[-1 if earlier else 0].speaker
        elif i and _opens_paragraph(quote.span, paragraphs) and _adjacent(quotes[i - 1], quote):
            quote.speaker = quotes[i - 1].speaker


def continue_reported(
    quotes: list[Quote], reported: list[tuple[int, int, str, bool]], paragraphs: list[str]
) -> None:
    """An unattributed quotation after indirect speech in its paragraph ('Chen responded that he enjoys
    it. In CoD "you get rewards for mechanics."'), or opening the next paragraph, is the reported
    speaker's: features and reports paraphrase a person, then quote them. Not when someone else is
    named between ('Haley has said that ... That led Christie to suggest, "..."'). `reported`:
    (paragraph, offset, speaker, whether a speech verb with no quotation of its own reports them) of
    the people named, in reading order; nor when the quotation's own sentence introduces an unnamed person
    ('a question came from a member of the audience: "...?"'), whose words they are."""
    for quote in quotes:
        if quote.speaker is not None or quote.phrase_at is not None:
            continue
        span = quote.span
        lead = paragraphs[span.paragraph][max(0, span.start - 80) : span.start]
        if _UNNAMED.search(lead[after_last(lead, ".;!?") :]):
            continue
        # (the last person named before it: reading order is (paragraph, offset) order)
        before = bisect_left(reported, (span.paragraph, span.start))
        last = reported[before - 1] if before else None
        # (or in the paragraph before, when the quotation opens its own: 'Li said she would run again.'
        # then '"I am not done."')
        opening = not span.start and last is not None and last[0] == span.paragraph - 1
        if last is not None and (last[0] == span.paragraph or opening) and last[3]:
            quote.speaker = last[2]


# An unnamed person introduced by an indefinite phrase right before the quotation ("from a member of the
# audience:", "one reader asked:", "someone shouted,").
_UNNAMED = re.compile(
    r"\b(?:(?:an?|one|another)\s+(?:[a-z-]+\s+){0,2}(?:member|reader|listener|viewer|caller|user|"
    r"commenter|student|voter|resident|woman|man|person|attendee|participant|questioner)s?\b[^\"“”]*"
    r"|someone\b[^\"“”]*)[:,]\s*$"
)


# An interview's or profile's subject: the speaker of at least this many quotations and this share of
# the attributed ones.
_SUBJECT_QUOTES = 3
_SUBJECT_SHARE = 0.6


def interview_subject(quotes: list[Quote], paragraphs: list[str]) -> None:
    """A bare answer (see `_bare_answer`) with no attribution and no speaker to continue is the article's
    subject's when one speaker holds most of the attributed quotations (interviews and profiles run the
    subject's answers bare, after a question or a line of narration)."""
    counts: dict[str, int] = {}
    for quote in quotes:
        if quote.speaker is not None:
            counts[quote.speaker] = counts.get(quote.speaker, 0) + 1
    if not counts:
        return
    subject, most = max(counts.items(), key=lambda item: item[1])
    if most < _SUBJECT_QUOTES or most < _SUBJECT_SHARE * sum(counts.values()):
        return
    lines = {q.span.end_paragraph for q in quotes if q.direct or len(q.text.split()) >= SENTENCE_WORDS}
    for quote in quotes:
        if quote.speaker is not None or quote.phrase_at is not None:
            continue
        if _bare_answer(quote, paragraphs, lines) or _first_person(quote, paragraphs):
            quote.speaker = subject


_FIRST_PERSON = re.compile(r"\b(?:I|I['’](?:m|ve|d|ll)|my|me)\b")


def _first_person(quote: Quote, paragraphs: list[str]) -> bool:
    """A sentence of its own in the first person set in narration ('Martin grew up a multi-sport
    athlete. "I played baseball and football through high school."'): a profile quotes its subject so."""
    return is_own_sentence(quote, paragraphs) and _FIRST_PERSON.search(quote.text) is not None


def _bare_answer(quote: Quote, paragraphs: list[str], lines: set[int]) -> bool:
    """A sentence or more, the whole paragraph or introduced by a colon, right after a paragraph with no
    quoted line (`lines`: a question or narration). A line after another quoted line is dialogue, whose
    speakers alternate (fiction, scripted exchanges), and one followed by narration in its paragraph is
    a story's, not an answer."""
    if len(quote.text.split()) < SENTENCE_WORDS or quote.span.paragraph - 1 in lines:
        return False
    before = paragraphs[quote.span.paragraph][: quote.span.start].rstrip()
    after_colon = before.endswith(":") and is_own_sentence(quote, paragraphs)
    return whole_paragraph(quote.span, paragraphs) or after_colon


# Interviews and profiles run a speaker's quoted paragraphs with a narration paragraph or two between
# them and no new attribution; a new speaker always comes with one.
_INTERVIEW_GAP = 2


def _adjacent(earlier: Quote, later: Quote) -> bool:
    """Whether `later` continues `earlier`'s speaker: at most _INTERVIEW_GAP paragraphs between them."""
    return earlier.span.end_paragraph >= later.span.paragraph - 1 - _INTERVIEW_GAP


def _opens_paragraph(span: QuoteSpan, paragraphs: list[str]) -> bool:
    """Whether the quotation opens its paragraph (narration may follow it: '"..." During his four years
    there, he ...'): a paragraph led by someone's unattributed words goes on with the last speaker."""
    return not paragraphs[span.paragraph][: span.start].strip()


def whole_paragraph(span: QuoteSpan, paragraphs: list[str]) -> bool:
    """Whether the quotation is all its paragraph(s) hold, give or take punctuation."""
    head = paragraphs[span.paragraph][: span.start].strip()
    tail = paragraphs[span.end_paragraph][span.end :].strip(" .,;—–")
    return not head and not tail
