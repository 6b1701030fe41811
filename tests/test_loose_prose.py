"""Prose written loose beside the story's paragraphs (extract/loose_prose.py)."""

from __future__ import annotations

from lxml import html

from scraper.extract.loose_prose import with_loose_prose

FIRST = "The harbour board approved the new ferry timetable on Monday after a long public consultation."
SECOND = "Under the new timetable, boats will leave every twenty minutes during the morning rush hour."
LOOSE = ("Residents of the northern islands, who had asked for later evening sailings, said the change "
         "would let them work in the city without staying overnight.")
LOOSE_MORE = ("The board said it would review the timetable again next year, once the two new boats ordered "
              "from the shipyard have entered service.")


def tree(body: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body><div class='page'>{body}</div></body></html>")


def test_text_between_line_breaks_joins_the_story_in_order() -> None:
    page = tree(f"<div class='post'><p>{FIRST}</p>{LOOSE}<br><br><p>{SECOND}</p></div>")
    assert with_loose_prose([FIRST, SECOND], page) == [FIRST, LOOSE, SECOND]


def test_div_used_as_paragraph_and_continued_part_beside_the_story() -> None:
    page = tree(f"<div class='entry'><p>{FIRST}</p><div>{LOOSE}</div><p>{SECOND}</p></div>"
                f"<a id='more'></a><div class='entry-more'>{LOOSE_MORE}</div>")
    assert with_loose_prose([FIRST, SECOND], page) == [FIRST, LOOSE, SECOND, LOOSE_MORE]


def test_marked_boxes_short_runs_and_repeats_stay_out() -> None:
    page = tree(
        f"<div class='post'><p>{FIRST}</p><div class='author-bio'>{LOOSE}</div>"
        f"<div>Photo: harbour board</div><div>{FIRST} Read the timetable online.</div>"
        f"<p>{SECOND}</p></div>"
    )
    assert with_loose_prose([FIRST, SECOND], page) == [FIRST, SECOND]


def test_links_and_pages_where_the_story_is_a_small_part_stay_out() -> None:
    linked = f"<div class='post'><p>{FIRST}</p><div><a href='/a'>{LOOSE}</a></div><p>{SECOND}</p></div>"
    assert with_loose_prose([FIRST, SECOND], tree(linked)) == [FIRST, SECOND]
    # The two paragraphs lie in separate boxes of a page that holds much more text than they do.
    others = "".join(f"<div class='teaser'><div><p>{text}</p></div></div>" for text in (LOOSE_MORE, LOOSE))
    crowded = f"<div><p>{FIRST}</p><div>{LOOSE}</div></div><div><p>{SECOND}</p></div>{others * 2}"
    assert with_loose_prose([FIRST, SECOND], tree(crowded)) == [FIRST, SECOND]


def test_list_of_prose_items_beside_the_story_joins_it() -> None:
    items = "".join(f"<li>{text}</li>" for text in (LOOSE, LOOSE_MORE))
    page = tree(f"<div class='post'><p>{FIRST}</p><ul>{items}</ul><p>{SECOND}</p></div>")
    assert with_loose_prose([FIRST, SECOND], page) == [FIRST, LOOSE, LOOSE_MORE, SECOND]
    # A list of short items (links, labels) is not prose: it stays out.
    labels = "<li>Ferries</li><li>Harbour news</li><li>Timetables</li>"
    page = tree(f"<div class='post'><p>{FIRST}</p><ul>{labels}<li>{LOOSE}</li></ul><p>{SECOND}</p></div>")
    assert with_loose_prose([FIRST, SECOND], page) == [FIRST, SECOND]


def test_loose_lead_before_a_single_paragraph_joins_it() -> None:
    page = tree(f"<div class='post'><img src='v.jpg'> {LOOSE} <p>{FIRST}</p></div>")
    assert with_loose_prose([FIRST], page) == [LOOSE, FIRST]


def test_a_list_the_story_introduces_with_a_colon_joins_it_whatever_its_items_length() -> None:
    intro = "Under the new timetable, the harbour board will offer three kinds of sailings:"
    items = "<li>Early boats for commuters.</li><li>Later evening sailings</li><li>A night boat</li>"
    page = tree(f"<div class='post'><p>{FIRST}</p><p>{intro}</p><ul>{items}</ul><p></p><p>{SECOND}</p></div>")
    assert with_loose_prose([FIRST, intro, SECOND], page) == [
        FIRST, intro, "Early boats for commuters.", "Later evening sailings", "A night boat", SECOND]
    # Without the introduction, short items are not the story's (tags, labels).
    page = tree(f"<div class='post'><p>{FIRST}</p><ul>{items}</ul><p>{SECOND}</p></div>")
    assert with_loose_prose([FIRST, SECOND], page) == [FIRST, SECOND]
    # Nor when the list is mostly links.
    links = "<li><a href='/a'>Early boats</a></li><li><a href='/b'>Later sailings</a></li>"
    page = tree(f"<div class='post'><p>{intro}</p><ul>{links}</ul><p>{SECOND}</p></div>")
    assert with_loose_prose([intro, SECOND], page) == [intro, SECOND]
