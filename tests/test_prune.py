"""The one-pass raw-tree prune deletes exactly what trafilatura's XPath prunes delete."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura.htmlprocessing import prune_unwanted_nodes
from trafilatura.xpaths import RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH

from scraper.extract import prune
from scraper.extract.document import parse_html

FIXTURES = Path(__file__).parent / "fixtures"

EDGE_CASES = """<html><body>
<h1>Story</h1><div id="main"><p>Lead text.</p>
<div class="infinite-scroll">appended <p>next story</p></div> tail one
<section id="infinitescroll"><h1>Real headline</h1><p>the real story sits here</p></section>
<aside class="mvp-post-add-box"><h1>Appended</h1><p>x</p></aside> tail two
<div class="share elementor-share-buttons">Share</div>
<ol id="comments"><li>first comment</li></ol> tail three
<ul id="disqus_thread"><li>kept: lists need a comment id, not disqus</li></ul>
<ul class="comment-list"><li>gone</li></ul>
<details id="comol">gone</details><div id="commentary">kept: commentary</div>
<div class="Comments-area"><div class="comment">nested</div></div>
<div class="article-comments">x</div><div class="post-comments">y</div><div id="dsq-comments">z</div>
<span class="comment">kept: spans are not candidates</span><list class="comment">custom list tag</list>
</div></body></html>"""


def trafilatura_pruned(text: str) -> bytes:
    tree = parse_html(text)
    return etree.tostring(prune_unwanted_nodes(tree, prune._TRAFILATURA_XPATHS))


def ours_pruned(text: str) -> bytes:
    return etree.tostring(prune.prune_raw_tree(parse_html(text)))


def test_transcription_matches_the_installed_trafilatura() -> None:
    # If this fails after a trafilatura upgrade, the fast path is off (still correct, just slower):
    # transcribe the new expressions in scraper/extract/prune.py.
    assert prune.TRANSCRIPTION_CURRENT


def test_edge_cases_prune_like_trafilatura() -> None:
    ours = ours_pruned(EDGE_CASES)
    assert ours == trafilatura_pruned(EDGE_CASES)
    assert b"the real story" in ours and b"tail one" in ours and b"tail three" in ours
    assert b"appended" not in ours and b"first comment" not in ours and b"kept: commentary" in ours


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.html")), ids=lambda p: p.name)
def test_fixture_pages_prune_like_trafilatura(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    assert ours_pruned(text) == trafilatura_pruned(text)


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.html")), ids=lambda p: p.name)
def test_each_list_prunes_like_trafilatura(path: Path) -> None:
    # (trafilatura's cascade runs the two lists one after the other, each through prune_nodes)
    text = path.read_bytes().decode("utf-8", "replace")
    for nodelist in (RAW_TREE_PRUNE_XPATH, REMOVE_COMMENTS_AND_LISTS_XPATH):
        for page in (text, EDGE_CASES):
            ours = etree.tostring(prune.prune_nodes(parse_html(page), nodelist))
            assert ours == etree.tostring(prune_unwanted_nodes(parse_html(page), nodelist))
