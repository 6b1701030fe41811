"""A story split in two boxes of the same kind by an inline box (extract/split_story.py), and teaser
cards linked whole (extract/loose_prose.py)."""

from __future__ import annotations

from lxml import html

from scraper.extract.loose_prose import with_loose_prose

LEAD = ("LISBON — The harbour board approved the new ferry timetable on Monday after a long public "
        "consultation that drew hundreds of letters from island residents.")
SECOND = ("Under the new timetable, boats will leave every twenty minutes during the morning rush hour, "
          "and every forty minutes in the afternoon.")
THIRD = ("Residents of the northern islands, who had asked for later evening sailings, said the change "
         "would let them work in the city without staying overnight.")
FOURTH = ("The board said it would review the timetable again next year, once the two new boats ordered "
          "from the shipyard have entered service.")
RAIL = "<div class='rail'><a href='/c'>Comments</a> <a href='/s'>Share</a></div>"


def tree(body: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body><div id='main'><h1>Ferries</h1>{body}</div></body></html>")


def part(classes: str, *paragraphs: str) -> str:
    return f"<div class='{classes}'><article>{''.join(f'<p>{p}</p>' for p in paragraphs)}</article></div>"


def test_the_lead_in_a_box_of_the_same_kind_before_an_inline_rail_joins_the_story() -> None:
    page = tree(part("story-body first", LEAD) + RAIL + part("story-body", SECOND, THIRD, FOURTH))
    assert with_loose_prose([SECOND, THIRD, FOURTH], page) == [LEAD, SECOND, THIRD, FOURTH]


def test_the_end_in_a_box_of_the_same_kind_after_the_rail_joins_the_story() -> None:
    page = tree(part("story-body", LEAD, SECOND, THIRD) + RAIL + part("story-body", FOURTH))
    assert with_loose_prose([LEAD, SECOND, THIRD], page) == [LEAD, SECOND, THIRD, FOURTH]


def test_a_box_of_another_kind_stays_out() -> None:
    page = tree(part("promo-box", LEAD) + RAIL + part("story-body", SECOND, THIRD, FOURTH))
    assert with_loose_prose([SECOND, THIRD, FOURTH], page) == [SECOND, THIRD, FOURTH]


def test_the_next_post_with_its_linked_heading_stays_out() -> None:
    teaser = f"<div class='post'><h2><a href='/next'>Buses</a></h2><p>{FOURTH}</p></div>"
    page = tree(part("post", LEAD, SECOND, THIRD) + teaser)
    assert with_loose_prose([LEAD, SECOND, THIRD], page) == [LEAD, SECOND, THIRD]


def test_a_box_marked_as_comments_stays_out() -> None:
    comments = f"<div class='story-body comments'><article><p>{FOURTH}</p></article></div>"
    page = tree(part("story-body", LEAD, SECOND, THIRD) + comments)
    assert with_loose_prose([LEAD, SECOND, THIRD], page) == [LEAD, SECOND, THIRD]


def test_a_part_far_from_the_story_stays_out() -> None:
    far = RAIL * 4
    page = tree(part("story-body", LEAD) + far + part("story-body", SECOND, THIRD, FOURTH))
    assert with_loose_prose([SECOND, THIRD, FOURTH], page) == [SECOND, THIRD, FOURTH]


def test_teaser_cards_linked_whole_leave_the_story() -> None:
    card = (f"<ul class='more'><li><a href='/next'><div><p><b>TIMETABLE:</b> {FOURTH} And more news from the "
            "harbour board.</p></div></a></li></ul>")
    card_text = f"TIMETABLE: {FOURTH} And more news from the harbour board."
    page = tree(part("story-body", LEAD, SECOND, THIRD) + card)
    assert with_loose_prose([LEAD, SECOND, THIRD, card_text], page) == [LEAD, SECOND, THIRD]


def test_a_short_linked_title_in_the_story_stays() -> None:
    title = "Why the ferries run late"
    page = tree(part("story-body", LEAD, SECOND, THIRD) + f"<p><a href='/why'>{title}</a></p>")
    assert with_loose_prose([LEAD, SECOND, THIRD, title], page) == [LEAD, SECOND, THIRD, title]
