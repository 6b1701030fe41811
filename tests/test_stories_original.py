"""Which member is a story's original, and on what basis (scraper.stories.original)."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from scraper.stories.member import Member, normalize_url
from scraper.stories.original import choose_original
from tests.story_records import record


def member(number: int, source: dict[str, Any], **changes: Any) -> Member:
    return Member.of(number, {**source, **changes})


def test_a_member_other_members_link_to_is_the_original() -> None:
    copy = record("golden/yahoo_finance_ca_bi.html")
    original = record("stories/bi_original.html")
    members = [member(0, copy), member(1, original)]
    chosen = choose_original(members, "s")
    assert (chosen.position, chosen.basis, chosen.publisher) == (1, "attribution", "Business Insider")


def test_the_link_matches_without_scheme_www_or_trailing_slash() -> None:
    assert normalize_url("http://businessinsider.com/a-story/") == normalize_url(
        "https://www.businessinsider.com/a-story#comments"
    )


def test_a_member_on_the_attributed_publishers_site_is_the_original() -> None:
    copy = record("golden/yahoo_news_reuters.html")  # attribution: Reuters, no URL
    wire = member(1, copy, site="Reuters", attribution=None, url="https://www.reuters.com/markets/retail")
    chosen = choose_original([member(0, copy), wire], "s")
    assert (chosen.position, chosen.basis) == (1, "attribution")


def test_earliest_published_when_nobody_attributes() -> None:
    page = record("stories/bi_original.html")
    members = [
        member(0, page, published="2024-04-16T14:00:00+00:00"),
        member(1, page, published="2024-04-16T09:30:00-04:00"),  # 13:30 UTC: the earliest
        member(2, page, published=None),
    ]
    chosen = choose_original(members, "s")
    assert (chosen.position, chosen.basis) == (1, "earliest")


@pytest.mark.parametrize("count", [1, 2])
def test_self_when_nothing_orders_the_members(count: int) -> None:
    page = record("stories/live_blog.html")
    members = [member(n, page, published=None) for n in range(count)]
    if count == 1:
        members = [member(0, page)]  # one record is its own original, dated or not
    chosen = choose_original(members, "s")
    assert (chosen.position, chosen.basis, chosen.publisher) == (0, "self", "Daily Ledger")


def test_disagreeing_members_keep_the_majority_and_say_so(caplog: pytest.LogCaptureFixture) -> None:
    copy = record("golden/yahoo_news_reuters.html")
    other = {"publisher": "The Associated Press", "url": None, "text": "(AP)"}
    members = [member(0, copy, attribution=other), member(1, copy), member(2, copy)]
    with caplog.at_level(logging.WARNING, logger="scraper.stories"):
        chosen = choose_original(members, "abc123")
    assert (chosen.publisher, chosen.position, chosen.basis) == ("Reuters", None, "attribution")
    assert "story abc123: members disagree" in caplog.text
    assert "Reuters: 2" in caplog.text and "The Associated Press: 1" in caplog.text
