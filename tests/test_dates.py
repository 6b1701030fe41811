"""Published and modified dates."""

from __future__ import annotations

import pytest
from lxml import html

from scraper.extract import dates
from scraper.extract.dates import extract_dates, to_iso
from scraper.extract.metadata import read_metadata


def _dates(head: str = "", body: str = "", lang: str = "") -> tuple[str | None, str | None]:
    attr = f' lang="{lang}"' if lang else ""
    tree = html.document_fromstring(f"<html{attr}><head>{head}</head><body>{body}</body></html>")
    return extract_dates(tree, read_metadata(tree))


def test_jsonld_first_then_meta() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "h",'
        ' "datePublished": "2024-10-13T17:41:47+09:00", "dateModified": "2024-10-14T08:00:00Z"}</script>'
        '<meta property="article:published_time" content="2024-10-13T17:41:00+09:00">'
    )
    assert _dates(head) == ("2024-10-13T17:41:47+09:00", "2024-10-14T08:00:00+00:00")


def test_meta_tags_and_offsets() -> None:
    assert _dates('<meta property="article:published_time" content="2023-04-25T12:26:15Z">')[0] == (
        "2023-04-25T12:26:15+00:00"
    )
    assert _dates('<meta name="dc.date" content="2025-11-03">')[0] == "2025-11-03T00:00:00+00:00"
    assert _dates('<meta name="sailthru.date" content="2023-05-15 09:00:37">')[0] == (
        "2023-05-15T09:00:37+00:00"
    )


def test_time_element_with_compact_offset() -> None:
    body = '<time datetime="2023-08-30T16:45+0100">30 August 2023 • 4:45pm</time>'
    assert _dates(body=body)[0] == "2023-08-30T16:45:00+01:00"


def test_time_in_related_links_is_ignored() -> None:
    body = '<aside><time datetime="2020-01-01T00:00:00Z">old</time></aside><p>No date here.</p>'
    assert _dates(body=body)[0] is None


def test_timezone_less_is_utc() -> None:
    assert to_iso("2023-04-28T13:53:25") == "2023-04-28T13:53:25+00:00"
    assert to_iso("not a date") is None


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        ("27. November 2026", "de", "2026-11-27T00:00:00+00:00"),
        ("Publié le 3 mars 2025 à 10h30", "fr", "2025-03-03T10:30:00+00:00"),
        ("Veröffentlicht am 27.11.2026, 14:05 Uhr", "de", "2026-11-27T14:05:00+00:00"),
        ("Publicado el 3 de marzo de 2025, 10:30", "es", "2025-03-03T10:30:00+00:00"),
        ("By Jane Doe • 30 August 2023 • 4:45pm", "en", "2023-08-30T16:45:00+00:00"),
        ("April 28, 2023 at 5:00 a.m. EDT", "", "2023-04-28T09:00:00+00:00"),
    ],
)
def test_visible_dates_in_several_languages(line: str, lang: str, expected: str) -> None:
    body = f"<h1>Headline words here</h1><div class='meta'>{line}</div><p>Body text.</p>"
    assert _dates(body=body, lang=lang)[0] == expected


def test_relative_dates_are_ignored() -> None:
    assert _dates(body="<p>2 hours ago</p><p>vor 3 Stunden</p>", lang="de")[0] is None


def test_dateparser_is_not_used_when_metadata_has_a_date(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*_: object) -> None:
        raise AssertionError("dateparser called")

    monkeypatch.setattr(dates, "_parse_loose", fail)
    head = '<meta property="article:published_time" content="2024-01-01T10:00:00+00:00">'
    assert _dates(head, "<p>3 March 2025</p>")[0] == "2024-01-01T10:00:00+00:00"


@pytest.mark.parametrize(
    "line",
    ["3 days ago · 2026", "2026 · 3 days ago", "yesterday 2026", "Updated 2 hours ago 2026", "vor 3 Tagen"],
)
def test_a_relative_date_alone_gives_no_published_date(line: str) -> None:
    # read relative to the crawl it would be the day the page was read, not when it was published
    assert _dates(body=f'<p class="meta">Harbor Ledger</p><p class="meta">{line}</p><p>Ferries ran.</p>') == (
        None, None,
    )


@pytest.mark.parametrize(
    ("text", "may_be_relative"),
    [
        ("Tuesday, November 6, 2012, 6:25 a.m. EST", False),
        ("Mon, 29 Oct 2012 09:20:05 PDT", False),
        ("3. März 2026 um 10:30", False),
        ("3 de março de 2026", False),
        ("yesterday 2026", True),
        ("in 3 days, 2026", True),
        ("10/27/2012 in", True),
    ],
)
def test_only_text_that_may_be_relative_is_parsed_again(text: str, may_be_relative: bool) -> None:
    # month and weekday names, clock and zone marks are read the same from any day
    assert dates._may_be_relative(text) is may_be_relative


def test_an_absolute_date_in_the_dateline_wins_over_a_relative_one() -> None:
    body = (
        '<p class="meta">3 days ago · 2026</p>'
        "<p>SEATTLE, March 3, 2026 — Ferries between the island and the mainland ran again on Tuesday after"
        " a two-day halt caused by the storm.</p><p>The crossing had been closed since Sunday.</p>"
    )
    assert _dates(body=body)[0] == "2026-03-03T00:00:00+00:00"
    german = "<p>vor 3 Tagen</p><p>Kiel, 4. März 2026 (dpa) - Die Fähren fahren wieder.</p>"
    assert _dates(body=german, lang="de")[0] == "2026-03-04T00:00:00+00:00"


def test_an_absolute_date_in_the_attribution_line_wins_over_a_relative_one() -> None:
    body = (
        "<p>2 hours ago</p><p>Ferries between the island and the mainland ran again on Tuesday.</p>"
        "<p>This article originally appeared on Harbor Ledger on March 3, 2026.</p>"
    )
    assert _dates(body=body)[0] == "2026-03-03T00:00:00+00:00"


def test_metadata_still_wins_and_story_dates_are_no_publication_date() -> None:
    head = '<meta property="article:published_time" content="2026-03-05T08:00:00Z">'
    body = "<p>3 days ago</p><p>SEATTLE, March 3, 2026 — Ferries ran again on Tuesday after a long halt.</p>"
    assert _dates(head, body)[0] == "2026-03-05T08:00:00+00:00"
    # a date inside a story sentence is what the story is about, not when it ran
    story = (
        "<p>5 days ago</p><p>Ferries ran again on Tuesday.</p>"
        "<p>The terminal, which opened on March 3, 1998, will close for repairs, the port said.</p>"
    )
    assert _dates(body=story) == (None, None)
