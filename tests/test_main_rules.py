"""The main-content rules with the one-pass discard prune give exactly trafilatura's own output."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from lxml import etree
from trafilatura import bare_extraction
from trafilatura.htmlprocessing import convert_tags, tree_cleaning
from trafilatura.main_extractor import extract_content as trafilatura_extract_content
from trafilatura.settings import Extractor
from trafilatura.xpaths import BODY_XPATH, OVERALL_DISCARD_XPATH

from scraper.extract import main_rules
from scraper.extract.document import parse_html
from scraper.extract.frames import frame_finders

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(FIXTURES.rglob("*.html"))

EDGE_CASES = """<html><body><div id="main">
<div class="story"><p>Lead text that stays in the story.</p>
<p id="x" class="cookie">first attribute id: the cookie class is not read</p>
<p class="cookie" id="x">first attribute class: cookie</p>
<div role="Navigation">nav role</div><span data-lp-replacement-content="">replaced</span>
<section data-component="MostPopularStories-list">popular</section>
<div class="comments-title">Comments</div><div id="reply-3">reply</div><a class="reply-link">r</a>
<em style="color:red" id="hidden-note">style after id</em><b style="visibility:hidden" id="n">x</b>
<div style="display: none">hidden</div><div aria-hidden="true">aria</div><div aria-hidden="false">kept</div>
<div class="ad-slot">ad</div><div class="grad-text">kept: no ad token</div>
<p class="widget">widget</p><i class="widget">kept: an i is not a candidate tag</i>
<div id="share-bar">share</div><div class="Share">kept: class tokens are case-sensitive</div>
</div></div></body></html>"""


def _cleaned(text: str) -> etree._Element:
    options = Extractor(comments=False, fast=True)
    return convert_tags(tree_cleaning(parse_html(text), options), options)


def test_transcription_matches_the_installed_trafilatura() -> None:
    # If this fails after a trafilatura upgrade, trafilatura's own rules run (correct, just slower):
    # update the expressions' shape in scraper/extract/main_rules.py.
    assert main_rules.TRANSCRIPTION_CURRENT
    assert main_rules.extract_content is not trafilatura_extract_content


@pytest.mark.parametrize("text", [EDGE_CASES, *(p.read_text("utf-8", "replace") for p in PAGES)])
def test_discarded_selects_what_the_expressions_select(text: str) -> None:
    tree = _cleaned(text)
    for scope in [tree, *tree.iter("div", "section", "article", "main")]:
        assert list(main_rules.discarded(scope)) == [xpath(scope) for xpath in OVERALL_DISCARD_XPATH]


BODY_CASES = """<html><body><div class="page"><section id="x" class="main">
<div><div class="Post">kept: case matters</div><article itemprop="articleBody">nested first</article></div>
<div class="post"><p>a later match</p></div><div class="FullText">story, any case</div>
<main id="Main-Content">main content</main><div class="my-Page-Content">page content</div>
<div role="article">article role</div><div id="content">content</div></section></body></html>"""


def test_frame_finders_are_transcribed() -> None:
    assert [type(finder).__name__ for finder in frame_finders()] == [
        "FirstFrame", "XPath", "FirstFrame", "FirstFrame", "XPath"
    ]


@pytest.mark.parametrize("text", [BODY_CASES, *(p.read_text("utf-8", "replace") for p in PAGES)])
def test_frames_are_what_the_expressions_find_first(text: str) -> None:
    tree = _cleaned(text)
    for scope in [tree, *tree.iter("div", "section", "article", "main")]:
        for finder, xpath in zip(frame_finders(), BODY_XPATH, strict=True):
            assert finder(scope)[:1] == xpath(scope)[:1]  # (_extract takes the first)


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_rules_give_trafilatura_output(path: Path) -> None:
    tree = _cleaned(path.read_text("utf-8", "replace"))
    options = Extractor(comments=False, fast=True)
    ours, ours_text = main_rules.extract_content(copy.deepcopy(tree), options)
    theirs, theirs_text = trafilatura_extract_content(tree, options)
    assert etree.tostring(ours) == etree.tostring(theirs)
    assert ours_text == theirs_text


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_cascade_gives_trafilatura_output(path: Path) -> None:
    tree = parse_html(path.read_text("utf-8", "replace"))
    options = Extractor(comments=False)
    ours = main_rules.bare_extraction(tree, options=options)
    theirs = bare_extraction(tree, options=options)
    assert etree.tostring(ours.body) == etree.tostring(theirs.body)


LINK_FARM = """<html><body><div id="main"><div class="story"><p>{story}</p><p>{story}</p>
{farm}</div></div></body></html>"""
_STORY = "A paragraph of the story, long enough to be read as prose and not as a label. " * 3
_FARM = "<div>" + " ".join(f'<a href="/s/{i}">Story {i}</a>' for i in range(8)) + "</div>"  # (links only)


@pytest.mark.parametrize("farm", ["", _FARM], ids=["no-deletion", "link-farm"])
def test_link_passes_repeat_only_after_a_deletion(farm: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # (a pass that deleted nothing on an unchanged frame is not run again; the output stays trafilatura's)
    passes = main_rules._PASSES
    ran: list[str] = []
    inner = passes._delete_by_link_density

    def counted(subtree: etree._Element, tagname: str, *args: bool) -> etree._Element:
        ran.append(tagname)
        return inner(subtree, tagname, *args)

    monkeypatch.setattr(passes, "_delete_by_link_density", counted)
    tree = _cleaned(LINK_FARM.format(story=_STORY, farm=farm))
    options = Extractor(comments=False, fast=True)
    ours, ours_text = main_rules.extract_content(copy.deepcopy(tree), options)
    theirs, theirs_text = trafilatura_extract_content(tree, options)
    assert etree.tostring(ours) == etree.tostring(theirs) and ours_text == theirs_text
    frames = ran.count("list")  # (the list pass never deletes here: once per frame without a deletion)
    assert ran.count("div") == (2 * frames if farm else frames)
