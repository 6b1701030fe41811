"""Partner promos: the closing blocks appended to copies, and the story text that must stay."""

from __future__ import annotations

import pytest

from scraper import extract_article
from scraper.extract.promos import is_promo_line, strip_promos

STORY = [
    "Brightwell Solar shares rose 14% on Thursday after the panel maker raised its full-year outlook.",
    "The company now expects revenue of $2.4 billion, up from an earlier forecast of $2.1 billion.",
    "Orders from utilities in the Southwest doubled in the quarter, executives told analysts.",
    "Margins also improved as the cost of polysilicon fell for a third straight quarter.",
    "The stock has gained 38% this year, outpacing the broader market.",
    "Analysts at two brokerages raised their price targets after the call.",
]
PITCH = [
    "Should you invest $1,000 in Brightwell Solar right now?",
    "Before you buy stock in Brightwell Solar, consider this:",
    "The Example Fool's Pick Desk analyst team just identified what they believe are the 10 best stocks"
    " for investors to buy now, and Brightwell Solar wasn't one of them.",
    "Consider when Northgate Rail made this list on April 2, 2019: if you invested $1,000 at the time"
    " of our recommendation, you'd have $512,334!",
    "*Pick Desk returns as of March 3, 2026",
    "Tomás Reyes has no position in any of the stocks mentioned. The Example Fool has a disclosure policy.",
]


def test_a_closing_pitch_block_is_removed() -> None:
    assert strip_promos(STORY + PITCH) == STORY


@pytest.mark.parametrize(
    "line",
    [
        "Don't miss: Three dividend stocks to hold through the next downturn",
        "Don’t miss — The retirement mistake that costs couples $200,000",
        "Sign up for the Morning Markets newsletter to get stories like this in your inbox.",
        "Subscribe to our free weekly newsletter",
        "*Pick Desk returns as of March 3, 2026",
        "Dana Whitlock has positions in Brightwell Solar. Harbor Money has a disclosure policy.",
    ],
)
def test_promo_lines_are_removed_wherever_they_are(line: str) -> None:
    assert is_promo_line(line)
    assert strip_promos([*STORY[:3], line, *STORY[3:]]) == STORY


@pytest.mark.parametrize(
    "paragraphs",
    [
        # an article that is itself about whether to invest: no closing line follows the question
        ["Should you invest $1,000 in an index fund right now?", *STORY, "Advisers disagree on the answer."],
        [*STORY, "Should you invest $1,000 in Brightwell right now? Analysts are split.", "Time will tell."],
        # story sentences that use a promo's words
        [*STORY, "The regulator said the fund has a disclosure policy that it failed to follow in 2024."],
        [*STORY, "Residents can sign up for the county's flood newsletter at the library, officials said."],
        [*STORY, "“Don't miss: the river is rising,” read the text message the county sent at 2 a.m."],
        [*STORY, "Fund returns as of June were the weakest since 2022, the pension board reported."],
    ],
)
def test_story_text_with_promo_words_stays(paragraphs: list[str]) -> None:
    assert strip_promos(paragraphs) == paragraphs


def test_article_body_leaves_out_the_partner_promos() -> None:
    paragraphs = [*STORY, *PITCH, "Don't miss: Three dividend stocks to hold through the next downturn"]
    page = (
        "<html><head><title>Brightwell Solar jumps after outlook raise</title></head><body><article>"
        "<h1>Brightwell Solar jumps after outlook raise</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    record = extract_article(page, url="https://www.example-finance-portal.com/news/brightwell-123.html")
    assert record["body"].split("\n\n") == STORY
