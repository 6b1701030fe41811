"""Quote detection: which quoted spans are found, and which are quotations (issue 13's kinds)."""

from __future__ import annotations

from scraper.extract.quotes.quote_spans import find_spans


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
