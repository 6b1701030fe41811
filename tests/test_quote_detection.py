"""Quote detection: which quoted spans are found, and which are quotations (issue 13's kinds)."""

from __future__ import annotations

import pytest

from scraper.extract.quotes.quote_spans import find_spans
from scraper.extract.quotes.quotes import extract_quotes


def test_block_quote_runs_over_paragraphs_to_its_closing_mark() -> None:
    spans = find_spans(["“One thing. For example:", "Another thing.", "A last thing.”", "- Ada K."])
    assert [(s.text, s.end_paragraph, s.closed) for s in spans] == [
        ("One thing. For example: Another thing. A last thing.", 2, True)
    ]


def test_block_quote_does_not_run_into_a_paragraph_with_an_opening_mark() -> None:
    spans = find_spans(["“One thing.", "Narration, then “a quote” here."])
    assert [(s.text, s.end_paragraph) for s in spans] == [("One thing.", 0), ("a quote", 1)]


def test_quote_opened_inside_narration_is_not_carried() -> None:
    spans = find_spans(["He says, “One thing.", "Narration goes on.”"])
    assert [(s.text, s.end_paragraph, s.closed) for s in spans] == [("One thing.", 0, False)]


def test_block_quote_is_not_carried_past_its_limit() -> None:
    spans = find_spans(["“One.", "a", "b", "c", "d", "e.”"])
    assert [(s.text, s.end_paragraph) for s in spans] == [("One.", 0)]


@pytest.mark.parametrize(
    "paragraph",
    [
        'Critics mocked the phrase "a fresh start for everyone" for weeks.',
        "The hill has such nicknames as “the iron barn”, “the old hat” and “the sleeping giant.”",
        'The campaign chose the motto: "one town, one future for all."',
        'Its tagline is "built to last a lifetime" and it shows.',
    ],
)
def test_span_named_as_a_term_with_no_speaker_is_not_a_quotation(paragraph: str) -> None:
    assert extract_quotes([paragraph]) == []


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        ('Critics mocked his phrase "a fresh start for everyone" for weeks.', "a fresh start for everyone"),
        ('Ada Li said the phrase "a fresh start for everyone" was hers.', "a fresh start for everyone"),
        ('You read a phrase like "I felt ignored at every turn" often.', "I felt ignored at every turn"),
    ],
)
def test_someones_phrase_stays_a_quotation(paragraph: str, text: str) -> None:
    assert [q["text"] for q in extract_quotes([paragraph])] == [text]


@pytest.mark.parametrize(
    ("paragraph", "text"),
    [
        # "she’s" is "she is", not a possessive before a quoted noun
        ("Her rival keeps saying that she’s “wasting our money.” It is false.", "wasting our money."),
        # words left out ("...") mark someone's words quoted in part
        ('Most days we are in an "alert...mildly tense mode." Then we rest.', "alert...mildly tense mode."),
    ],
)
def test_partial_quotation_after_a_contraction_or_with_an_ellipsis_is_kept(paragraph: str, text: str) -> None:
    assert [q["text"] for q in extract_quotes([paragraph])] == [text]


def test_open_quotation_ends_at_its_tag_when_its_opening_mark_comes_again() -> None:
    spans = find_spans(["“Art is hard, she said. “We try anyway.”"])
    assert [(s.text, s.closed) for s in spans] == [("Art is hard", True), ("We try anyway.", True)]
