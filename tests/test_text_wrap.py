"""Plain text wrapped at a fixed width is read as whole paragraphs; other text keeps its line ends."""

import textwrap

from scraper import extract_article
from scraper.extract.text_wrap import unwrap_lines

STORY = [
    "WASHINGTON (AP) -- The Senate on Friday passed a two-year budget deal after a late-night "
    "session, sending the measure to President Barack Obama.",
    '"This is a good day for the country, and a good day for the people who rely on us to keep the '
    'government open," said Senate Majority Leader Mitch McConnell, R-Ky.',
    "''The American people are tired of this,'' said Rep. Elijah E. Cummings (D-Md.), the ranking "
    "member of the committee, in a statement released by his office on Friday afternoon.",
]


def wrapped(paragraphs: list[str], width: int = 72, separator: str = "\n\n") -> str:
    return separator.join(textwrap.fill(p, width) for p in paragraphs)


def test_wrapped_paragraphs_are_rejoined() -> None:
    lines = [line for line in unwrap_lines(wrapped(STORY)) if line.strip()]
    assert lines == STORY


def test_other_widths_and_windows_line_ends() -> None:
    for width in (60, 76, 80):
        text = wrapped(STORY, width).replace("\n", "\r\n")
        assert [line for line in unwrap_lines(text) if line.strip()] == STORY


def test_indented_first_lines_start_paragraphs_without_blank_lines() -> None:
    text = "\n".join(textwrap.fill(p, 70, initial_indent="    ") for p in STORY)
    assert [line.strip() for line in unwrap_lines(text)] == STORY


def test_word_broken_at_its_hyphen_is_joined_without_space() -> None:
    sentence = ("The committee on Tuesday approved what members of both parties called a long-standing "
                "rule, after a vote that ran late into the night and surprised their staff.")
    texts = [textwrap.fill(sentence, width) for width in range(45, 80)]
    broken = [text for text in texts if "long-\n" in text]
    assert broken
    for text in broken:
        assert unwrap_lines(text) == [sentence]


def test_copied_page_text_keeps_its_lines() -> None:
    copied = (
        "S&P 500\n5,061.82\n-61.59 (-1.20%)\nDow 30\n38,239.66\n\nCanada markets open in 1 hour 16 minutes\n"
        "Tesla shares slide after the company missed delivery estimates for the quarter\n"
        "The carmaker delivered fewer vehicles than analysts expected, and its shares fell in early trade "
        "on Tuesday as investors weighed the outlook for the rest of the year.\n"
    )
    assert unwrap_lines(copied) == copied.splitlines()


def test_short_lines_of_a_list_or_poem_are_not_joined() -> None:
    text = "Ingredients:\n- two eggs\n- a cup of flour\n- milk\n\nRoses are red,\nviolets are blue.\n"
    assert unwrap_lines(text) == text.splitlines()


def test_quotes_and_speakers_read_across_wrapped_lines() -> None:
    record = extract_article("Senate passes budget deal\n\n" + wrapped(STORY))
    assert record["body"].split("\n\n") == STORY
    speakers = {q["text"]: q["speaker"] for q in record["quotes"]}
    assert speakers == {
        "This is a good day for the country, and a good day for the people who rely on us to keep "
        "the government open": "Mitch McConnell",
        "The American people are tired of this": "Elijah E. Cummings",
    }
