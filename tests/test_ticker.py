"""Ticker stripping: strips in any markup go whole; prose that mentions prices stays."""

from __future__ import annotations

import pytest
from lxml import html

from scraper.extract.document import text_to_tree
from scraper.extract.text import clean_text
from scraper.extract.ticker import is_ticker_text, strip_ticker, ticker_shape

PROSE = "The S&P 500 fell 1.2% to 4,500 on Tuesday, its worst day since March."


def _page(body: str) -> html.HtmlElement:
    return html.document_fromstring(f"<html><body>{body}<p>{PROSE}</p></body></html>")


def _body_text(tree: html.HtmlElement) -> str:
    return clean_text(" ".join(tree.body.itertext()))


@pytest.mark.parametrize(
    "line",
    [
        "S&P 500 -61.59 (-1.20%)",
        "S&P/TSX -159.79 (-0.73%)",
        "Bitcoin CAD -4,192.71 (-4.60%)",
        "+0.0002 (+0.03%)",
        "0.00 (0.00%)",
        "Canada markets open in 1 hour 16 minutes",
        "Markets close in 3h 2m",
        "S&P 500 4,500.12 -61.59 -1.20%",
        "Dow 33,000.10 ▼ 248.13 (0.65%)",
        "Apple +1.2%",  # shaped like a quote, but alone in a <p> it stays (see the body tests)
        "U.S. markets closed",
    ],
)
def test_ticker_lines_are_recognized(line: str) -> None:
    assert is_ticker_text(line)


@pytest.mark.parametrize(
    "line",
    [
        PROSE,
        "Shares rose 5% after the report.",
        "Inflation hit 3.2% (up from 3.1%) in May, the agency said.",
        "The index gained +1.2% on the week, helped by tech stocks and a weaker dollar.",
        "Markets are open to interpretation, he said.",
        "About 800 to 1,000 workers were recruited at the time, Daily NK previously reported.",
    ],
)
def test_prose_is_not_ticker_text(line: str) -> None:
    assert not is_ticker_text(line)


def test_shape_splits_one_text_into_instruments() -> None:
    shape = ticker_shape("S&P 500 4,500 -61.59 (-1.20%) Dow 33,000 -248.13 (-0.65%) Nasdaq +20.75 (+0.12%)")
    assert shape is not None
    assert shape.lines == [
        "S&P 500 4,500 -61.59 (-1.20%)", "Dow 33,000 -248.13 (-0.65%)", "Nasdaq +20.75 (+0.12%)"
    ]


def test_list_ticker_goes_whole_including_name_only_items() -> None:
    tree = _page(
        "<ul class='x'><li><a><h3>S&P 500</h3><span>4,500.12</span><span>-61.59</span>"
        "<span>(-1.20%)</span></a></li><li><a><h3>Dow 30</h3><span>33,000</span><span>-248.13</span>"
        "<span>(-0.65%)</span></a></li><li><a><h3>NASDAQ futures</h3></a></li></ul>"
    )
    removed = strip_ticker(tree)
    assert removed == ["S&P 500 4,500.12 -61.59 (-1.20%)", "Dow 30 33,000 -248.13 (-0.65%)", "NASDAQ futures"]
    assert tree.find(".//ul") is None
    assert _body_text(tree) == PROSE


def test_table_ticker_is_removed() -> None:
    tree = _page(
        "<table><tr><th>Index</th><th>Last</th><th>Chg</th><th>%Chg</th></tr>"
        "<tr><td>FTSE 100</td><td>7,900.1</td><td>-94.23</td><td>-1.18%</td></tr>"
        "<tr><td>Nikkei 225</td><td>38,100</td><td>-761.60</td><td>-1.94%</td></tr></table>"
    )
    removed = strip_ticker(tree)
    assert "FTSE 100 7,900.1 -94.23 -1.18%" in removed
    assert "Nikkei 225 38,100 -761.60 -1.94%" in removed
    assert tree.find(".//table") is None
    assert _body_text(tree) == PROSE


def test_spans_in_divs_and_countdown_sibling_are_removed() -> None:
    tree = _page(
        "<div><div><span>U.S. markets closed</span></div>"
        "<div><span>S&P 500</span> <span>-61.59 (-1.20%)</span></div>"
        "<div><span>Crude Oil</span> <span>-0.52 (-0.61%)</span></div></div>"
    )
    removed = strip_ticker(tree)
    assert removed == ["U.S. markets closed", "S&P 500 -61.59 (-1.20%)", "Crude Oil -0.52 (-0.61%)"]
    assert _body_text(tree) == PROSE


def test_marquee_with_one_text_node_is_split_per_instrument() -> None:
    tree = _page("<marquee>Gold 2,010.50 +5.50 (+0.23%) EUR/USD 1.0850 +0.0002 (+0.03%)</marquee>")
    assert strip_ticker(tree) == ["Gold 2,010.50 +5.50 (+0.23%)", "EUR/USD 1.0850 +0.0002 (+0.03%)"]
    assert tree.find(".//marquee") is None


def test_plain_text_lines_with_names_on_their_own_lines() -> None:
    tree = text_to_tree(
        "Markets close in 3h 2m\nS&P 500\n-61.59 (-1.20%)\nDOW\n-248.13 (-0.65%)\n"
        "Stocks slide as rates bite\n" + PROSE
    )
    removed = strip_ticker(tree)
    assert removed == ["Markets close in 3h 2m", "S&P 500 -61.59 (-1.20%)", "DOW -248.13 (-0.65%)"]
    assert _body_text(tree) == f"Stocks slide as rates bite {PROSE}"


def test_seed_text_ticker_is_stripped_whole() -> None:
    lines = [
        "Canada markets open in 1 hour 16 minutes",
        "  • S&P/TSX", "", "    -159.79 (-0.73%)",
        "  • DOW", "", "    -248.13 (-0.65%)", "", "    +0.0002 (+0.03%)",
        "  • NASDAQ futures", "", "    +20.75 (+0.12%)", "", "    -0.0008 (-0.12%)",
        "",
        "Even North Korea is backing away",
    ]
    tree = text_to_tree("\n".join(lines))
    removed = strip_ticker(tree)
    assert removed == [
        "Canada markets open in 1 hour 16 minutes",
        "S&P/TSX -159.79 (-0.73%)",
        "DOW -248.13 (-0.65%)",
        "+0.0002 (+0.03%)",
        "NASDAQ futures +20.75 (+0.12%)",
        "-0.0008 (-0.12%)",
    ]
    assert _body_text(tree) == "Even North Korea is backing away"


@pytest.mark.parametrize(
    "body",
    [
        f"<p>{PROSE}</p>",
        "<ul><li>Stocks fell 2% on Monday as investors weighed new data.</li>"
        "<li>The Dow lost 1.1%, its worst day in a month.</li></ul>",
        "<table><tr><td>Year</td><td>Growth</td></tr><tr><td>2022</td><td>3.1%</td></tr>"
        "<tr><td>2023</td><td>2.4%</td></tr></table>",
        "<p>Apple +1.2%</p><p>Apple shares rose after the launch, analysts said.</p>",
        "<p>U.S. markets closed</p><p>Apple shares rose 1.2% after the launch.</p>",
        "<p>Prices rose (+3%) in May, the agency said, after a fall (-1%) in April.</p>",
    ],
)
def test_body_content_that_mentions_prices_stays(body: str) -> None:
    tree = _page(body)
    before = _body_text(tree)
    assert strip_ticker(tree) == []
    assert _body_text(tree) == before


def test_rows_of_a_data_table_headed_by_column_names_stay() -> None:
    # A report's table: its rows look like quotes, but its header names columns no ticker has.
    tree = _page(
        "<table><tr><td>Metro area</td><td>Median price</td><td>Yearly change</td><td>Monthly</td></tr>"
        "<tr><td>Denver</td><td>$147</td><td>8.5%</td><td>-0.2%</td></tr>"
        "<tr><td>Boston</td><td>$216</td><td>0.5%</td><td>-1.5%</td></tr>"
        "<tr><td>Phoenix</td><td>$83</td><td>28.7%</td><td>-2.1%</td></tr></table>"
    )
    before = _body_text(tree)
    assert strip_ticker(tree) == []
    assert _body_text(tree) == before


def test_page_without_percentages_is_skipped() -> None:
    tree = html.document_fromstring("<body><p>U.S. markets closed</p><p>Markets open in 1 hour</p></body>")
    assert strip_ticker(tree) == []


def test_inline_quote_card_in_the_body_is_ticker() -> None:
    tree = _page(
        "<p>Small caps took the biggest hit.</p><div class='card'><span>iShares Russell 2000 ETF</span> "
        "<span>IWM</span> <span>193.29</span> <span>-8.02 (-3.98%)</span></div>"
    )
    assert strip_ticker(tree) == ["iShares Russell 2000 ETF IWM 193.29 -8.02 (-3.98%)"]
    assert _body_text(tree) == f"Small caps took the biggest hit. {PROSE}"


def test_lone_named_change_without_price_stays() -> None:
    tree = _page("<p>Apple -1.20 (-0.5%)</p>")
    assert strip_ticker(tree) == []
