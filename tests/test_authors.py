"""Author names from JSON-LD, meta tags and bylines."""

from __future__ import annotations

import json
from typing import Any

import pytest
from lxml import html

from scraper.extract.authors import extract_authors, split_names
from scraper.extract.metadata import read_metadata


def _authors(head: str = "", body: str = "") -> list[str]:
    tree = html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")
    return extract_authors(tree, read_metadata(tree))


def _ld(author: Any) -> str:
    data = {"@type": "NewsArticle", "headline": "h", "author": author}
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


def test_jsonld_person_list_and_nested() -> None:
    assert _authors(_ld({"@type": "Person", "name": "Jane Doe"})) == ["Jane Doe"]
    people = [{"@type": "Person", "name": "Maya Gebeily"}, {"@type": "Person", "name": "Anthony Deutsch"}]
    assert _authors(_ld(people)) == ["Maya Gebeily", "Anthony Deutsch"]
    assert _authors(_ld({"@type": "Person", "byline": "Gopal Sharma"})) == ["Gopal Sharma"]
    split = [{"@type": "Person", "givenName": "Ada", "familyName": "Lovelace"}]
    assert _authors(_ld(split)) == ["Ada Lovelace"]


def test_organization_only_when_no_person() -> None:
    org = {"@type": "NewsMediaOrganization", "name": "BBC News"}
    assert _authors(_ld(org)) == ["BBC News"]
    assert _authors(_ld(org), '<span rel="author">Duncan Walker</span>') == ["Duncan Walker"]


def test_wire_names_yield_to_people() -> None:
    assert _authors(_ld(["Associated Press"])) == ["Associated Press"]
    assert _authors(_ld(["Associated Press", "Jane Doe"])) == ["Jane Doe"]


def test_meta_author_names_not_urls() -> None:
    head = (
        '<meta property="article:author" content="https://www.thenation.com/authors">'
        '<meta name="sailthru.author" content="Sarah Lazare">'
    )
    assert _authors(head) == ["Sarah Lazare"]


def test_dc_creator_last_first_is_flipped() -> None:
    head = '<meta name="dc.creator" content="You, Xiaoying"><meta name="dc.creator" content="Basu, Mohana">'
    assert _authors(head) == ["Xiaoying You", "Mohana Basu"]


def test_byline_markup() -> None:
    body = '<div class="byline">By <a href="/a/j">Jane Doe</a> <a href="https://x.com/j">Twitter</a></div>'
    assert _authors(body=body) == ["Jane Doe"]
    item = '<div itemprop="author"><span itemprop="name">Jon King</span><span>Royal Reporter</span></div>'
    assert _authors(body=item) == ["Jon King"]


def test_byline_in_related_links_is_ignored() -> None:
    assert _authors(body='<aside><p class="author">Teddy Ostrow</p></aside>') == []


def test_split_names() -> None:
    assert split_names("By Jane Doe and John Roe") == ["Jane Doe", "John Roe"]
    assert split_names("By Madeleine Howell 30 August 2023 • 4:45pm") == ["Madeleine Howell"]
    assert split_names("Jane Doe, Senior Reporter") == ["Jane Doe"]
    assert split_names("Jane Doe jane.doe@example.com") == ["Jane Doe"]
    assert split_names("Von Anna Schmidt und Max Muster") == ["Anna Schmidt", "Max Muster"]
    assert split_names("https://example.com/author/jane") == []


def test_republished_piece_credits_the_person_not_the_outlet() -> None:
    head = '<meta name="author" content="The Conversation">'
    body = (
        '<span class="byline"><a href="https://example.org/author/the-conversation/">'
        "The Conversation</a></span>"
        '<p><a href="https://theconversation.com/profiles/priya-natarajan-1">Priya Natarajan</a>,'
        ' <em><a href="https://theconversation.com/institutions/unl">University of Nebraska</a></em></p>'
        '<a href="https://example.org/author/the-conversation/">More by The Conversation</a>'
    )
    assert _authors(head, body) == ["Priya Natarajan"]


def test_site_with_wire_byline_credits_the_wire() -> None:
    head = '<meta name="author" content="Le Courrier du Val avec AFP">'
    assert _authors(head + '<meta property="og:site_name" content="Le Courrier du Val">') == ["AFP"]


def test_capitals_and_agency_glued_in_a_byline() -> None:
    assert _authors(body='<div class="byline">MARCUS ELLERY Associated Press</div>') == ["Marcus Ellery"]
    byline = '<div class="byline">By MARCUS ELLERY and JUNE O’HARA-PARK Associated Press</div>'
    assert _authors(body=byline) == ["Marcus Ellery", "June O’Hara-Park"]
    assert split_names("Dana Whitlock The Associated Press") == ["Dana Whitlock"]


def test_names_that_only_look_glued_to_an_agency_stay() -> None:
    assert split_names("Tom Reuters") == ["Tom Reuters"]  # a person; too short to hold a glued wire
    assert split_names("Marta Lindqvist Reuters") == ["Marta Lindqvist Reuters"]  # no capitals join
    # structured data is kept as the publisher wrote it, capitals included
    assert _authors(_ld([{"@type": "Person", "name": "LENA ORTIZ"}])) == ["LENA ORTIZ"]


@pytest.mark.parametrize(
    "byline",
    ["By KXQZ Staff", "By WQXZ 7 News Staff", "Harbor Ledger Staff", "Our Foreign Staff", "KQZX News Staff"],
)
def test_a_newsroom_staff_credit_is_not_a_person(byline: str) -> None:
    assert _authors(body=f'<div class="byline">{byline}</div>') == []


def test_a_person_named_staff_stays() -> None:
    assert _authors(body='<div class="byline">By Jonathan Staff</div>') == ["Jonathan Staff"]
    assert _authors(body='<div class="byline">By Mary Ann Staff, Senior Reporter</div>') == ["Mary Ann Staff"]
    head = '<meta property="og:site_name" content="Harbor Ledger">'
    assert _authors(head, '<div class="byline">By Harbor Ledger Staff and Jonathan Staff</div>') == [
        "Jonathan Staff"
    ]


def test_navigation_box_with_author_like_class_is_no_byline() -> None:
    # An "authority control" box of identifier codes, then the real byline.
    box = '<div class="navbox authority-control">Authority control BNF: cb123 (data) GND: 40-0 VIAF: 99</div>'
    assert _authors(body=box) == []
    assert _authors(body=box + '<span class="byline">By Jane Doe</span>') == ["Jane Doe"]


def test_prose_or_list_in_an_author_element_is_no_byline() -> None:
    note = (
        '<div class="author-note">Do you know how etiquette differs from school to school, gym to gym?'
        ' generational differences, "Stu-art" as far as pronunciation goes</div>'
    )
    assert _authors(body=note) == []
    many = "".join(f"<li>Person {chr(65 + i)}x Name</li>" for i in range(10))
    assert _authors(body=f'<ul class="authors">{many}</ul>') == []


def test_related_story_bylines_yield_to_the_article_byline() -> None:
    teasers = "".join(
        f'<li><a href="/s{i}">Story {i}</a><span class="byline">{name}</span></li>'
        for i, name in enumerate(["Ann Lee", "Bob Stone", "Cy Young"])
    )
    article = '<h1>Headline</h1><div class="author">Dana Whitlock</div><p>Text</p>'
    page = f'<ul class="related">{teasers}</ul>{article}'
    assert _authors(body=page) == ["Dana Whitlock"]
    # The article's byline may share the teasers' style: the one next to the headline is kept.
    page = (f'<h1>Headline</h1><span class="byline">Erin Moss</span><p>{"Story text. " * 100}</p>'
            f'<ul class="related">{teasers}</ul>')
    assert _authors(body=page) == ["Erin Moss"]


def test_date_after_name_is_cut() -> None:
    assert split_names("By Jane Doe March 25, 2015") == ["Jane Doe"]
    assert split_names("By JOHN ROE Sept. 3, 2020 3:46 PM") == ["JOHN ROE"]
    assert split_names("Last Updated: January 7, 2025") == []
    assert split_names("Written by Jane Doe Edited by John Roe") == ["Jane Doe"]


def test_credentials_after_comma_are_no_author() -> None:
    assert split_names("By Jane Doe, MA") == ["Jane Doe"]
    assert split_names("Jane Doe, PhD, and John Roe, MD") == ["Jane Doe", "John Roe"]
    assert split_names("John Roe, Jr.") == ["John Roe, Jr"]  # one name, not two


def test_ampersand_between_single_words_is_one_name() -> None:
    assert split_names("Mac & i") == ["Mac & i"]
    assert split_names("Jane Doe & John Roe") == ["Jane Doe", "John Roe"]


def test_page_furniture_is_no_name() -> None:
    links = '<a href="/a">Jane Doe</a> <a href="/rss">RSS</a> <a href="/p">Permalink</a>'
    body = f'<div class="byline">{links}</div>'
    assert _authors(body=body) == ["Jane Doe"]
    assert split_names("Name (required)") == []
