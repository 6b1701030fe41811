"""`scraper cluster` as users run it: files and stdin, output lines, --annotate, bad input, exit status."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper.record import validation_errors
from tests.story_records import record, write_jsonl

ROOT = Path(__file__).resolve().parent.parent
STORY_FIELDS = ["story_id", "size", "headline", "original", "members"]
MEMBER_FIELDS = ["url", "canonical_url", "site", "published", "headline", "similarity", "is_original"]
PAGES = [
    "golden/yahoo_finance_ca_bi.html",
    "stories/bi_copy_portal.html",
    "golden/yahoo_news_reuters.html",
    "stories/bi_original.html",
    "stories/reuters_edited.html",
    "stories/ap_same_event.html",
]


def scraper(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", "cluster", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def lines(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_two_files_give_one_line_per_story_with_the_documented_fields(tmp_path: Path) -> None:
    first = write_jsonl(tmp_path / "a.jsonl", [record(name) for name in PAGES[:3]])
    second = write_jsonl(tmp_path / "b.jsonl", [record(name) for name in PAGES[3:]])
    result = scraper(str(first), str(second), "-o", str(tmp_path / "stories.jsonl"))
    assert result.returncode == 0, result.stderr
    stories = lines((tmp_path / "stories.jsonl").read_text("utf-8"))
    assert [s["size"] for s in stories] == [3, 2, 1]
    for story in stories:
        assert list(story) == STORY_FIELDS
        assert list(story["original"]) == ["url", "publisher", "published", "basis"]
        assert all(list(m) == MEMBER_FIELDS for m in story["members"])
        assert story["size"] == len(story["members"])
    bi = stories[0]
    assert bi["original"]["basis"] == "attribution"
    assert [m["site"] for m in bi["members"] if m["is_original"]] == ["Business Insider"]
    assert "6 records, 3 stories" in result.stderr


def test_stdin_and_stdout(tmp_path: Path) -> None:
    text = "".join(json.dumps(record(name)) + "\n" for name in PAGES)
    result = scraper("-", stdin=text)
    assert result.returncode == 0, result.stderr
    assert [s["size"] for s in lines(result.stdout)] == [3, 2, 1]


def test_same_input_same_ids_and_a_higher_threshold_splits_the_edited_copy(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record(name) for name in PAGES])
    first, again = lines(scraper(str(path)).stdout), lines(scraper(str(path)).stdout)
    assert first == again
    strict = lines(scraper(str(path), "--threshold", "0.95").stdout)
    assert [s["size"] for s in strict] == [3, 1, 1, 1]


def test_annotate_writes_the_records_back_with_story_id_and_is_original(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record(name) for name in PAGES])
    result = scraper(str(path), "-o", str(tmp_path / "s.jsonl"), "--annotate", str(tmp_path / "a.jsonl"))
    assert result.returncode == 0, result.stderr
    stories = lines((tmp_path / "s.jsonl").read_text("utf-8"))
    annotated = lines((tmp_path / "a.jsonl").read_text("utf-8"))
    assert len(annotated) == len(PAGES)
    by_url = {m["url"]: (s["story_id"], m["is_original"]) for s in stories for m in s["members"]}
    for item in annotated:
        assert validation_errors(item) == []
        assert (item["story_id"], item["is_original"]) == by_url[item["url"]]
        item.pop("story_id"), item.pop("is_original")
    assert annotated == [record(name) for name in PAGES]


def test_bad_lines_are_counted_and_skipped_with_a_warning(tmp_path: Path) -> None:
    good = [json.dumps(record(name)) for name in PAGES[:2]]
    no_body = json.dumps({**record(PAGES[2]), "body": ""})
    path = tmp_path / "in.jsonl"
    path.write_text("\n".join(["{not json", good[0], "[1, 2]", no_body, good[1], "\u00ff\u00fe"]) + "\n")
    result = scraper(str(path), str(tmp_path / "missing.jsonl"))
    assert result.returncode == 0, result.stderr
    assert [s["size"] for s in lines(result.stdout)] == [2]
    warning = [line for line in result.stderr.splitlines() if "warning" in line]
    assert len(warning) == 1
    assert "skipped 5 bad inputs" in warning[0]
    assert "2 not JSON" in warning[0] and "1 no body" in warning[0] and "1 not a JSON object" in warning[0]
    assert "unreadable file" in warning[0]


def test_nothing_readable_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "junk.jsonl"
    path.write_text('{"url": "https://example.com/a"}\nnot json\n')
    for args in ([str(path)], [str(tmp_path / "missing.jsonl")]):
        result = scraper(*args)
        assert result.returncode == 2
        assert result.stdout == ""
        assert "no article records could be read" in result.stderr


def test_bad_threshold_is_a_usage_error(tmp_path: Path) -> None:
    result = scraper(str(tmp_path / "x.jsonl"), "--threshold", "1.5")
    assert result.returncode == 2 and "threshold" in result.stderr


def test_an_output_that_cannot_be_written_exits_1(tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "in.jsonl", [record(PAGES[0])])
    result = scraper(str(path), "-o", str(tmp_path / "no" / "such" / "dir.jsonl"))
    assert result.returncode == 1
    assert "cannot write" in result.stderr and "dir.jsonl" in result.stderr
