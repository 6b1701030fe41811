"""The full cascade's result against the fast rules' one: widened to other content, or the story's rest."""

from __future__ import annotations

from lxml import html

from scraper.extract.widening import widens_elsewhere

STORY = [
    "The city council voted on Tuesday to extend the tram line to the airport, ending a decade of debate.",
    "Supporters said the extension would cut travel times in half for thousands of daily commuters.",
    "Opponents argued that the projected cost of 1.2 billion dollars had been badly underestimated.",
]
MORE = [
    "The first trams are expected to run on the new section of track in the spring of 2027, officials said.",
    "Construction will close two lanes of the ring road for most of next year, the transport office said.",
]
TEASERS = [
    "A heat wave is expected to push temperatures past 40 degrees across the south this weekend.",
    "The national football team named three new players for the qualifiers against its neighbours.",
    "Shares in the largest carmaker fell sharply after it cut its forecast for the rest of the year.",
]


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{text}</p>" for text in texts)


def test_teaser_cards_around_the_story_leave_the_fast_result() -> None:
    cards = "".join(f"<li><div><a href='/{i}'>More</a><p>{t}</p></div></li>" for i, t in enumerate(TEASERS))
    story = f"<article><div class='body'>{paragraphs(STORY)}</div></article>"
    tree = html.document_fromstring(f"<html><body>{story}<ul>{cards}</ul></body></html>")
    assert widens_elsewhere(tree, STORY, STORY + TEASERS)
    assert widens_elsewhere(tree, STORY, TEASERS[:1] + STORY + TEASERS[1:])


def test_the_story_split_after_an_ad_slot_takes_the_full_result() -> None:
    tree = html.document_fromstring(
        f"<html><body><article><div>{paragraphs(STORY)}</div><div class='ad'>Ad</div>"
        f"<div>{paragraphs(MORE)}</div></article></body></html>"
    )
    assert not widens_elsewhere(tree, STORY, STORY + MORE)


def test_a_lead_paragraph_above_the_container_takes_the_full_result() -> None:
    tree = html.document_fromstring(
        f"<html><body><article><p>{MORE[0]}</p><div>{paragraphs(STORY)}</div></article></body></html>"
    )
    assert not widens_elsewhere(tree, STORY, MORE[:1] + STORY)


def test_more_paragraphs_in_the_same_container_take_the_full_result() -> None:
    tree = html.document_fromstring(f"<html><body><div>{paragraphs(STORY + MORE)}</div></body></html>")
    assert not widens_elsewhere(tree, STORY[:2], STORY + MORE)


def test_a_single_fast_paragraph_says_nothing_about_the_story_container() -> None:
    cards = "".join(f"<li><p>{t}</p></li>" for t in TEASERS)
    tree = html.document_fromstring(f"<html><body><p>{STORY[0]}</p><ul>{cards}</ul></body></html>")
    assert not widens_elsewhere(tree, STORY[:1], STORY[:1] + TEASERS)


def test_a_full_result_elsewhere_is_not_a_widening() -> None:
    cards = "".join(f"<li><p>{t}</p></li>" for t in TEASERS)
    story = f"<div>{paragraphs(STORY)}</div>"
    tree = html.document_fromstring(f"<html><body>{story}<ul>{cards}</ul></body></html>")
    assert not widens_elsewhere(tree, STORY, TEASERS)
