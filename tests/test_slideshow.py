"""Embedded galleries: numbered slides set between a story's paragraphs are not its body."""

from __future__ import annotations

from scraper import extract_article
from scraper.extract.slideshow import without_embedded_slides

STORY = [
    f"Paragraph {n} of the story: the council approved the budget for the new library after a long "
    "debate about opening hours, staffing and the cost of heating the old building in winter."
    for n in range(4)
]
SLIDES = [f"{k}/12 Another story's caption number {k}, about something else entirely." for k in range(1, 13)]


def test_numbered_slides_between_story_paragraphs_go() -> None:
    paragraphs = STORY[:2] + SLIDES + STORY[2:]
    assert without_embedded_slides(paragraphs) == STORY


def test_a_photo_story_told_in_its_slides_stays() -> None:
    # An introduction, then the slides: the gallery is the story.
    paragraphs = STORY[:2] + SLIDES
    assert without_embedded_slides(paragraphs) == paragraphs
    assert without_embedded_slides(SLIDES + STORY) == SLIDES + STORY


def test_counters_must_count_up_to_one_total() -> None:
    recipe = ["1/2 cup sugar", "1/2 cup butter, softened", "3/4 cup flour", "1/4 teaspoon salt"]
    assert without_embedded_slides(STORY[:2] + recipe + STORY[2:]) == STORY[:2] + recipe + STORY[2:]
    two = SLIDES[:2]  # two numbered lines are too few to call a gallery
    assert without_embedded_slides(STORY[:2] + two + STORY[2:]) == STORY[:2] + two + STORY[2:]
    mixed = ["1/5 first", "2/6 second", "3/5 third"]
    assert without_embedded_slides(STORY[:2] + mixed + STORY[2:]) == STORY[:2] + mixed + STORY[2:]


def test_spelled_counters_and_an_embedded_gallery_in_a_page() -> None:
    slides = "".join(
        f"<li><h2><span class='counter'>{k} of 5</span> Other headline {k}</h2>"
        f"<p>Caption of slide {k}, a picture from another story of the week.</p></li>"
        for k in range(1, 6)
    )
    paragraphs = [f"<p>{text}</p>" for text in STORY]
    page = (f"<html><body><article><h1>Library budget approved</h1>{''.join(paragraphs[:2])}"
            f"<ul class='gallery'>{slides}</ul>{''.join(paragraphs[2:])}</article></body></html>")
    body = extract_article(page, "https://example.com/news/library")["body"]
    assert "Paragraph 3 of the story" in body and "Paragraph 0 of the story" in body
    assert "Other headline" not in body
