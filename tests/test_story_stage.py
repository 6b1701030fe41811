"""The stories stage: `story_id` set while a crawl writes, the same ids `scraper cluster --annotate` gives."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np

from scraper.demo_server import SiteServer
from scraper.stories import build_stories
from scraper.stories.online import ShingleSpill, StoryTracker
from scraper.stories.reader import RecordSource
from scraper.stories.signatures import shingle_hashes
from scraper.stories.similarity import Shingles
from tests.crawling import ROOT, read_jsonl, scrapy_crawl, stat_line
from tests.scheduled_site import run_crawl
from tests.story_records import golden_names, record, write_jsonl

FIXTURES = ROOT / "tests" / "fixtures"
# Syndicated copies (the BI story: Yahoo copy, portal copy with the same text, teaser, original; the
# Reuters story and its edited copy) among stories of their own (same event written apart, live blog).
FIRST_CRAWL = [
    "golden/yahoo_finance_ca_bi.html",
    "golden/yahoo_news_reuters.html",
    "stories/ap_same_event.html",
    "stories/live_blog.html",
    "golden/msn_bi.html",
]
SECOND_CRAWL = [
    "stories/bi_copy_portal.html",
    "stories/bi_teaser.html",
    "stories/reuters_edited.html",
    "stories/live_update.html",
    "stories/portal_other_article.html",
    "stories/bi_original.html",
]


def annotated_ids(tmp_path: Path, tracker_records: list[dict[str, Any]]) -> list[str]:
    """story_id of each record by build_stories over them in this order (what --annotate writes)."""
    path = write_jsonl(tmp_path / "offline.jsonl", tracker_records)
    with RecordSource([str(path)]) as source:
        annotations = build_stories(source).annotations()
    return [annotations[number][0] for number in range(len(tracker_records))]


def test_tracker_ids_equal_build_stories_in_any_order(tmp_path: Path) -> None:
    names = [*golden_names(), *(f"stories/{p.name}" for p in sorted((FIXTURES / "stories").iterdir()))]
    records = [record(name) for name in names]
    for seed in range(3):
        random.Random(seed).shuffle(records)
        tracker = StoryTracker()
        online = [tracker.add(r) for r in records]
        assert [a.story_id for a in online if a] == annotated_ids(tmp_path, records)
        assert not any(a.merged for a in online if a)
        assert tracker.stories == len({a.story_id for a in online if a}) < len(records)
        tracker.close()


def _words(start: int, count: int) -> str:
    return " ".join(f"w{n}" for n in range(start, start + count))


def test_a_record_joining_two_stories_keeps_the_first_id_and_names_the_merged_one(tmp_path: Path) -> None:
    first = {"url": "https://a.example/1", "body": _words(0, 100)}
    second = {"url": "https://b.example/2", "body": _words(1000, 100)}
    both = {"url": "https://c.example/3", "body": _words(0, 100) + " " + _words(1000, 100)}
    later = {"url": "https://d.example/4", "body": _words(1000, 100)}
    tracker = StoryTracker(threshold=0.4)
    a, b, c, d = (tracker.add(r) for r in (first, second, both, later))
    assert a and b and c and d
    assert a.story_id != b.story_id and c.merged == (b.story_id,)
    assert c.story_id == d.story_id == a.story_id and tracker.stories == 1
    records = [first, second, both, later]
    path = write_jsonl(tmp_path / "in.jsonl", records)
    with RecordSource([str(path)]) as source:
        offline = build_stories(source, 0.4).annotations()
    # Offline the whole story has the first id; the crawl had written `second` before the merge.
    assert [offline[n][0] for n in range(4)] == [a.story_id] * 4
    assert b.story_id != a.story_id


def test_records_without_a_body_get_no_story_and_no_number() -> None:
    tracker = StoryTracker()
    assert tracker.add({"url": "https://a.example/", "body": "  "}) is None
    assert tracker.add({"url": "https://a.example/"}) is None
    assert tracker.records == 0


def test_spilled_shingles_read_back_equal() -> None:
    spill = ShingleSpill()
    texts = [("one two three four five six seven", "A headline"), ("", None), ("x " * 400, "Ünïcode words")]
    kept = []
    for text, headline in texts:
        shingles = Shingles.of(shingle_hashes(text), headline)
        spill.append(shingles)
        kept.append(shingles)
    for number, shingles in enumerate(kept):
        back = spill.read(number)
        assert np.array_equal(back.distinct, shingles.distinct) and np.array_equal(back.lead, shingles.lead)
        assert back.headline_words == shingles.headline_words
    spill.close()


def _site(tmp_path: Path, names: list[str]) -> Path:
    site = tmp_path / "site"
    site.mkdir(exist_ok=True)
    for name in names:
        shutil.copy(FIXTURES / name, site / Path(name).name)
    return site


def _crawl(server: SiteServer, names: list[str], output: Path, *settings: str) -> str:
    urls = ",".join(server.url(Path(name).name) for name in names)
    result = scrapy_crawl("urls", {"urls": urls}, output, "STORIES_ENABLED=1", *settings, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stderr


def _cluster_annotate(tmp_path: Path, *inputs: Path) -> list[dict[str, Any]]:
    annotated = tmp_path / "annotated.jsonl"
    command = [sys.executable, "-m", "scraper.cli", "cluster", *map(str, inputs)]
    command += ["--annotate", str(annotated)]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stderr
    return read_jsonl(annotated)


BI, REUTERS = ("Even North Korea",), ("US retail sales", "Retail sales beat")


def _ids_of(records: list[dict[str, Any]], starts: tuple[str, ...]) -> list[str]:
    """story_id of the records whose headline starts so."""
    return [r["story_id"] for r in records if r["headline"].startswith(starts)]


def test_a_crawl_sets_story_ids_that_equal_cluster_annotate(
    tmp_path: Path, serve: Callable[[Path], SiteServer]
) -> None:
    names = [*FIRST_CRAWL, *SECOND_CRAWL]
    server = serve(_site(tmp_path, names))
    output = tmp_path / "out.jsonl"
    # The extraction pool from the first page: items reach the stage in another order than requested.
    stderr = _crawl(server, names, output, "EXTRACT_POOL_AFTER=0", "EXTRACT_WORKERS=2")
    records = read_jsonl(output)
    assert all("is_original" not in r for r in records)
    bi, reuters = _ids_of(records, BI), _ids_of(records, REUTERS)
    assert len(bi) >= 2 and len(set(bi)) == 1  # the copies with the very same text were dropped
    assert len(reuters) == 2 and len(set(reuters)) == 1 and bi[0] != reuters[0]
    others = [r["story_id"] for r in records if not r["headline"].startswith(BI + REUTERS)]
    assert len(others) >= 4 and len(set(others)) == len(others) and not set(others) & {bi[0], reuters[0]}
    offline = _cluster_annotate(tmp_path, output)
    assert [r["story_id"] for r in offline] == [r["story_id"] for r in records]
    new = len({r["story_id"] for r in records})
    joined = len(records) - new
    assert stat_line(stderr, "stories") == f"{new} new, {joined} joined, 0 merged"


def test_a_second_crawl_seeded_with_the_first_continues_its_stories(
    tmp_path: Path, serve: Callable[[Path], SiteServer]
) -> None:
    server = serve(_site(tmp_path, [*FIRST_CRAWL, *SECOND_CRAWL]))
    first, second = tmp_path / "first.jsonl", tmp_path / "second.jsonl"
    _crawl(server, FIRST_CRAWL, first)
    stderr = _crawl(server, SECOND_CRAWL, second, f"STORIES_SEED={tmp_path / 'first*.jsonl'}")
    before, after = read_jsonl(first), read_jsonl(second)
    offline = _cluster_annotate(tmp_path, first, second)
    assert [r["story_id"] for r in offline] == [r["story_id"] for r in [*before, *after]]
    # The teaser and the edited copy of the second crawl joined stories of the first.
    assert {r["story_id"] for r in after} & {r["story_id"] for r in before}
    assert f"(after {len(before)} seed records)" in stat_line(stderr, "stories")


def test_scheduled_runs_appending_to_one_file_continue_its_stories(
    tmp_path: Path, serve: Callable[[Path], SiteServer]
) -> None:
    server = serve(_site(tmp_path, [*FIRST_CRAWL, *SECOND_CRAWL]))
    work = tmp_path / "work"
    work.mkdir()
    for names in (FIRST_CRAWL, SECOND_CRAWL):
        urls = ",".join(server.url(Path(name).name) for name in names)
        result = run_crawl(work, "urls", "-a", f"urls={urls}", "-o", "all.jsonl", "-s", "STORIES_ENABLED=1")
        assert result.returncode == 0, result.stderr[-3000:]
    records = read_jsonl(work / "all.jsonl")
    assert len(records) > len(FIRST_CRAWL) and {r["version"] for r in records} == {1}
    offline = _cluster_annotate(tmp_path, work / "all.jsonl")
    assert [r["story_id"] for r in offline] == [r["story_id"] for r in records]
    assert len(set(_ids_of(records, BI))) == 1 < len(_ids_of(records, BI))
    assert f"(after {len(FIRST_CRAWL)} seed records)" in result.stderr
