"""Plain text's first line is its headline only when it reads as one, not as the story's first sentence."""

import pytest

from scraper import extract_article

SECOND = ("The measure passed 68 to 32 after a late-night session, and it now goes to the House, where "
          "its fate is less certain.")


@pytest.mark.parametrize(
    "first",
    [
        "Senate passes two-year budget deal",
        "Is this the end of the road for the budget deal?",
        "Manhole fires and burst pipes: how winter wreaks havoc under N.Y.C.",
        "Budget deal passes…",
    ],
)
def test_a_headline_line_is_the_headline(first: str) -> None:
    record = extract_article(f"{first}\n\n{SECOND}")
    assert record["headline"] == first
    assert record["body"] == SECOND


@pytest.mark.parametrize(
    "first",
    [
        "The Senate on Friday passed a two-year budget deal.",
        "WASHINGTON — The Senate passed a budget deal, the majority leader said today.",
        'The senator called the deal "a good day for the country."',
    ],
)
def test_a_first_sentence_stays_in_the_body(first: str) -> None:
    record = extract_article(f"{first}\n\n{SECOND}")
    assert record["headline"] is None
    assert record["body"] == f"{first}\n\n{SECOND}"
