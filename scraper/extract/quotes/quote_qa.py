"""A question-and-answer interview: its questions are unquoted paragraphs ending in "?", each followed by
a paragraph that is all one quoted answer. The answers are the interviewee's, the person its introduction
names as its subject, never the interviewer the introduction names after "to" or "by" ("She spoke to Ann
Orr about ...") nor someone quoted by name between the answers (a colleague's comment is no answer).
"""

from __future__ import annotations

import re

from scraper.extract.quotes.quote_runs import Quote, whole_paragraph
from scraper.extract.quotes.speaker_mentions import classify_mention
from scraper.extract.quotes.speaker_words import word_set

# Questions, each right before its answer, that make an article a question-and-answer interview.
_QUESTIONS = 2
# A full name in the introduction: capitalized words, hyphenated given names too ("Saoirse-Monica").
_FULL_NAME = re.compile(r"(?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+")
# Words before a name that make it someone other than the subject: the interviewer ("spoke to", "asked
# by", "talked with"), a role played ("as Erin Quinn"), a place or work ("at the Abbey Theatre").
_NOT_SUBJECT_BEFORE = word_set("to by with as at in on of from for the a an")


def qa_answers(quotes: list[Quote], paragraphs: list[str]) -> None:
    """Give a question-and-answer interview's bare answers to its interviewee."""
    quoted = {q.span.paragraph for q in quotes}
    answers = [q for q in quotes if q.phrase_at is None and _answers_question(q, paragraphs, quoted)]
    if len({q.span.paragraph for q in answers}) < _QUESTIONS:
        return
    first = min(q.span.paragraph for q in answers) - 1
    subject = _interviewee(paragraphs[:first])
    if subject is None:
        return
    for quote in answers:
        quote.speaker = subject


def _answers_question(quote: Quote, paragraphs: list[str], quoted: set[int]) -> bool:
    """Whether the quotation is all its paragraph, right after an unquoted paragraph ending in "?"."""
    before = quote.span.paragraph - 1
    if before < 0 or before in quoted or not whole_paragraph(quote.span, paragraphs):
        return False
    return paragraphs[before].rstrip().endswith("?")


def _interviewee(introduction: list[str]) -> str | None:
    """The first full name of the introduction that is no interviewer, role, place or possessor."""
    for paragraph in introduction:
        for match in _FULL_NAME.finditer(paragraph):
            before = paragraph[: match.start()].split()
            if before and before[-1].lower() in _NOT_SUBJECT_BEFORE:
                continue
            if paragraph.startswith(("’s", "'s"), match.end()):
                continue  # (a possessor: "Brian Friel's play")
            phrase = classify_mention(match.group())
            if phrase is not None and phrase.kind == "name" and " " in phrase.name:
                return phrase.name
    return None
