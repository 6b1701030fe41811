"""Stories: which real records are one story, and which are not (scraper.stories)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.stories import StoryResult, build_stories
from scraper.stories.reader import RecordSource
from tests.story_records import golden_names, record, write_jsonl

BI_COPIES = [
    "golden/yahoo_finance_ca_bi.html",
    "golden/yahoo_finance_ca_bi_seed.txt",
    "stories/bi_copy_portal.html",
    "stories/bi_teaser.html",
]
BI_URL = record("golden/yahoo_finance_ca_bi.html")["attribution"]["url"]


def cluster(tmp_path: Path, names: list[str], threshold: float = 0.5) -> StoryResult:
    path = write_jsonl(tmp_path / "in.jsonl", [record(name) for name in names])
    with RecordSource([str(path)]) as source:
        return build_stories(source, threshold)


def story_of(result: StoryResult, site: str | None, headline_start: str = "") -> Any:
    """The one story holding a member of that site (and headline start)."""
    found = [
        story
        for story in result.stories
        for member in story.members
        if member.site == site and (member.headline or "").startswith(headline_start)
    ]
    assert len(found) == 1, found
    return found[0]


def sites(story: Any) -> list[str | None]:
    return [member.site for member in story.members]


def test_copies_with_other_boilerplate_and_a_teaser_join_the_original(tmp_path: Path) -> None:
    result = cluster(tmp_path, [*BI_COPIES, "stories/bi_original.html"])
    assert len(result.stories) == 1
    story = result.stories[0]
    assert sites(story) == ["Yahoo Finance", None, "North Valley Portal", "Daily Digest", "Business Insider"]
    original = story.output()["original"]
    assert original == {
        "url": BI_URL,
        "publisher": "Business Insider",
        "published": "2023-01-22T15:02:00+00:00",
        "basis": "attribution",
    }
    flags = [m["is_original"] for m in story.output()["members"]]
    assert flags == [False, False, False, False, True]


def test_the_teaser_joins_by_containment_not_jaccard(tmp_path: Path) -> None:
    story = cluster(tmp_path, ["golden/yahoo_finance_ca_bi.html", "stories/bi_teaser.html"]).stories
    assert len(story) == 1
    teaser = story[0].members[1]
    assert teaser.site == "Daily Digest" and teaser.similarity > 0.9


def test_uncrawled_original_is_named_by_the_attribution(tmp_path: Path) -> None:
    story = cluster(tmp_path, BI_COPIES).stories[0].output()
    assert story["size"] == 4
    assert story["original"] == {
        "url": BI_URL,
        "publisher": "Business Insider",
        "published": None,
        "basis": "attribution",
    }
    assert not any(m["is_original"] for m in story["members"])
    assert story["headline"].startswith("Even North Korea")


def test_edited_wire_copy_joins_its_wire_story(tmp_path: Path) -> None:
    result = cluster(tmp_path, ["golden/yahoo_news_reuters.html", "stories/reuters_edited.html"])
    assert len(result.stories) == 1
    story = result.stories[0].output()
    assert [m["site"] for m in story["members"]] == ["Yahoo News", "Daily Ledger"]
    assert 0.5 <= story["members"][1]["similarity"] < 1.0
    assert story["original"]["publisher"] == "Reuters" and story["original"]["basis"] == "attribution"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("golden/yahoo_news_reuters.html", "stories/ap_same_event.html"),  # same event, other wire
        ("stories/bi_copy_portal.html", "stories/portal_other_article.html"),  # same template
        ("stories/live_blog.html", "stories/live_update.html"),  # a live blog and its update
    ],
)
def test_must_not_join(tmp_path: Path, first: str, second: str) -> None:
    result = cluster(tmp_path, [first, second])
    assert [story.output()["size"] for story in result.stories] == [1, 1]


def test_every_golden_record_is_in_exactly_one_story(tmp_path: Path) -> None:
    names = golden_names()
    result = cluster(tmp_path, names)
    numbers = sorted(member.number for story in result.stories for member in story.members)
    assert numbers == list(range(len(names)))
    # The only syndicated pair among the golden pages: the Yahoo page and its copied text.
    assert sorted(story.output()["size"] for story in result.stories)[-2:] == [1, 2]
    assert sites(story_of(result, "Yahoo Finance", "Even North Korea")) == ["Yahoo Finance", None]


def test_story_ids_are_the_same_for_the_same_input(tmp_path: Path) -> None:
    names = [*golden_names(), *BI_COPIES[2:], "stories/reuters_edited.html"]
    first = [s.story_id for s in cluster(tmp_path, names).stories]
    again = [s.story_id for s in cluster(tmp_path, names).stories]
    assert first == again and len(set(first)) == len(first)


def test_records_added_later_keep_existing_ids_unless_stories_merge(tmp_path: Path) -> None:
    before = cluster(tmp_path, ["golden/yahoo_finance_ca_bi.html", "golden/yahoo_news_reuters.html"])
    after = cluster(
        tmp_path,
        [
            "golden/yahoo_finance_ca_bi.html",
            "golden/yahoo_news_reuters.html",
            "stories/bi_original.html",
            "stories/ap_same_event.html",
        ],
    )
    old = {sites(s)[0]: s.story_id for s in before.stories}
    new = {sites(s)[0]: s.story_id for s in after.stories}
    assert new["Yahoo Finance"] == old["Yahoo Finance"]
    assert new["Yahoo News"] == old["Yahoo News"]
    assert len(after.stories) == 3


def test_a_story_keeps_its_first_seen_members_id_when_copies_join_it(tmp_path: Path) -> None:
    alone = cluster(tmp_path, ["stories/bi_teaser.html"]).stories[0].story_id
    merged = cluster(tmp_path, ["stories/bi_teaser.html", "stories/bi_original.html"]).stories
    assert len(merged) == 1 and merged[0].story_id == alone


def test_capped_candidates_keep_the_most_similar(monkeypatch: pytest.MonkeyPatch) -> None:
    from scraper.stories import index as index_module
    from scraper.stories.signatures import shingle_hashes

    full = record("stories/bi_original.html")["body"]
    other = record("stories/portal_other_article.html")["body"]
    opening = "\n\n".join(full.split("\n\n")[:2])

    def partners_of_last() -> list[int]:
        candidates = index_module.CandidateIndex(0.5)
        candidates.add(0, shingle_hashes(full))  # the true copy, seen first
        for number in (1, 2, 3):  # same opening, another article after it: weaker, more recent
            candidates.add(number, shingle_hashes(f"{opening}\n\n{other} {number}"))
        candidates.add(4, shingle_hashes(full))
        return candidates.partners[4]

    assert partners_of_last() == [0, 1, 2, 3]
    monkeypatch.setattr(index_module, "MAX_CANDIDATES", 1)
    assert partners_of_last() == [0]
