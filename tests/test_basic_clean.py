"""The one-walk basic cleaning deletes exactly what trafilatura's basic_cleaning deletes."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree
from trafilatura.baseline import basic_cleaning as trafilatura_basic_cleaning

from scraper.extract import basic_clean
from scraper.extract.document import parse_html

FIXTURES = Path(__file__).parent / "fixtures"

EDGE_CASES = """<html><body><div id="main"><p>Lead text.</p>
<aside>side</aside> tail one
<div class="site-footer">gone</div><div class="keep" id="footer-x">kept: class first</div>
<div id="page-footer" class="keep">gone: id first</div>
<span class="footer">kept: only divs by footer</span>
<div class="Cookie-Banner">gone</div><section id="onetrust-consent">gone</section>
<p class="x"><b>bold</b> text <script>var x;</script> tail two</p>
<svg><g/></svg><template>t</template><footer>foot</footer>
<div class="cookiebot"><div class="cookie_notice">nested</div></div> tail three
</div></body></html>"""


def trafilatura_cleaned(text: str) -> bytes:
    return etree.tostring(trafilatura_basic_cleaning(parse_html(text)))


def ours_cleaned(text: str) -> bytes:
    return etree.tostring(basic_clean.basic_cleaning(parse_html(text)))


def test_transcription_matches_the_installed_trafilatura() -> None:
    # If this fails after a trafilatura upgrade, the fast path is off (still correct, just slower):
    # transcribe the new expression in scraper/extract/basic_clean.py.
    assert basic_clean.TRANSCRIPTION_CURRENT


def test_edge_cases_clean_like_trafilatura() -> None:
    ours = ours_cleaned(EDGE_CASES)
    assert ours == trafilatura_cleaned(EDGE_CASES)
    assert b"tail one" in ours and b"tail two" in ours and b"tail three" in ours
    assert b"kept: class first" in ours and b"kept: only divs" in ours
    assert b"gone: id first" not in ours and b"Cookie-Banner" not in ours
    assert b"onetrust" not in ours and b"site-footer" not in ours


@pytest.mark.parametrize("path", sorted(FIXTURES.rglob("*.html")), ids=lambda p: p.name)
def test_fixture_pages_clean_like_trafilatura(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    assert ours_cleaned(text) == trafilatura_cleaned(text)
