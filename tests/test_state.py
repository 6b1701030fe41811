"""The seen-article store, the kill-safe JSONL output and the run lock (no Scrapy involved)."""

from __future__ import annotations

import json
import multiprocessing
import subprocess
import sys
from pathlib import Path

import pytest

from scraper.runs.lock import LockHeld, RunLock
from scraper.runs.output import JsonlAppender, finalize, part_path, recover_tail
from scraper.runs.state import StateStore, decide, is_newer


def _record(
    url: str, body_fp: str = "fp-a", modified: str | None = None, **extra: object
) -> dict[str, object]:
    return {"url": url, "canonical_url": url, "fingerprint": body_fp, "modified": modified, **extra}


def test_new_article_then_unchanged(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    record = _record("https://a.test/1")
    assert store.decide(record).action == "new"
    assert store.decide(record).version == 1
    store.remember({**record, "version": 1})
    assert store.decide(record).action == "unchanged"
    assert not store.decide(record).write


def test_changed_body_or_newer_modified_is_a_new_version(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    store.remember({**_record("https://a.test/1", modified="2024-05-01T10:00:00Z"), "version": 1})
    changed_body = store.decide(_record("https://a.test/1", body_fp="fp-b", modified="2024-05-01T10:00:00Z"))
    assert (changed_body.action, changed_body.version) == ("changed", 2)
    newer = store.decide(_record("https://a.test/1", modified="2024-05-01T12:00:00+01:00"))
    assert newer.action == "changed"
    same_instant = store.decide(_record("https://a.test/1", modified="2024-05-01T12:00:00+02:00"))
    assert same_instant.action == "unchanged"
    older = store.decide(_record("https://a.test/1", modified="2024-05-01T09:00:00Z"))
    assert older.action == "unchanged"
    store.remember({**_record("https://a.test/1", body_fp="fp-b"), "version": 2})
    assert store.decide(_record("https://a.test/1", body_fp="fp-c")).version == 3


def test_same_fingerprint_under_another_url_is_republished(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    store.remember({**_record("https://bi.test/story"), "version": 1})
    decision = store.decide(_record("https://yahoo.test/copy"))
    assert (decision.action, decision.known_as) == ("republished", "https://bi.test/story")


def test_article_found_by_alias_url(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    record = {**_record("https://a.test/canonical"), "url": "https://a.test/amp?x=1", "version": 1}
    store.remember(record, source_date="2024-05-01", aliases=["https://a.test/listed"])
    for url in ("https://a.test/amp?x=1", "https://a.test/listed", "https://a.test/canonical"):
        seen = store.article_for_url(url)
        assert seen is not None and seen.source_date == "2024-05-01"
    assert store.article_for_url("https://a.test/other") is None


def test_decide_without_fingerprint_or_dates() -> None:
    assert decide({"canonical_url": "u", "fingerprint": None}, None, None).action == "new"
    assert is_newer("2024-01-02", "2024-01-01")
    assert not is_newer(None, "2024-01-01")
    assert is_newer("2024-01-01", None)
    assert not is_newer("not a date", None)


def test_validators_only_for_urls_that_led_to_an_article(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    run = store.start_run("sitemap", "dated", "out.part", "2024-05-01T00:00:00Z", 0)
    store.save_validators("https://a.test/sitemap.xml", '"v1"', None, run.id)
    store.save_validators("https://a.test/1", None, "Wed, 01 May 2024 00:00:00 GMT", run.id)
    store.remember({**_record("https://a.test/1"), "version": 1}, run_id=run.id)
    assert store.validators("https://a.test/sitemap.xml") is None
    assert store.validators("https://a.test/1") == (None, "Wed, 01 May 2024 00:00:00 GMT")


def test_runs_resume_and_committed_offset(tmp_path: Path) -> None:
    store = StateStore(tmp_path)
    run = store.start_run("urls", "append:out.jsonl", "out.jsonl", "2024-05-01T00:00:00Z", 10)
    store.remember({**_record("https://a.test/1"), "version": 1}, run_id=run.id, committed_offset=99)
    unfinished = store.unfinished_run("urls")
    assert unfinished is not None and unfinished.committed_offset == 99
    store.set_run_status(run.id, "interrupted")
    assert store.unfinished_run("urls") is not None
    store.set_run_status(run.id, "finished", 0)
    assert store.unfinished_run("urls") is None


def _write_many(args: tuple[str, int]) -> int:
    state_dir, worker = args
    store = StateStore(state_dir)
    for number in range(150):
        url = f"https://a.test/{worker}/{number}"
        store.remember({**_record(url, body_fp=url), "version": 1})
        store.decide(_record(url))
    store.close()
    return worker


def test_concurrent_writers_share_the_store(tmp_path: Path) -> None:
    with multiprocessing.get_context("spawn").Pool(4) as pool:
        assert sorted(pool.map(_write_many, [(str(tmp_path), worker) for worker in range(4)])) == [0, 1, 2, 3]
    store = StateStore(tmp_path)
    assert store.count_articles() == 600
    journal = store._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"


def test_appender_writes_whole_lines_and_recovery_cuts_a_partial_tail(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = JsonlAppender(path)
    first = writer.write({"url": "https://a.test/1", "headline": "Zürich “quotes”"})
    second = writer.write({"url": "https://a.test/2"})
    writer.close()
    lines = path.read_text("utf-8").splitlines()
    assert "Zürich “quotes”" in lines[0]  # UTF-8, not \u-escaped
    assert [json.loads(line)["url"] for line in lines] == ["https://a.test/1", "https://a.test/2"]
    with path.open("ab") as handle:
        handle.write(b'{"url": "https://a.test/3", "body": "cut by kil')
    recovered = recover_tail(path, first)
    assert [r["url"] for r in recovered.records] == ["https://a.test/2"]
    assert recovered.offset == second == path.stat().st_size
    assert recovered.cut_bytes > 0
    assert path.read_bytes().endswith(b"\n")


def test_recovery_when_file_was_cut_shorter_than_the_offset(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    path.write_text('{"url": "x"}\n')
    assert recover_tail(path, 10_000).offset == path.stat().st_size
    assert recover_tail(tmp_path / "missing.jsonl", 0).records == []


def test_finalize_renames_the_part_file(tmp_path: Path) -> None:
    final = tmp_path / "output" / "urls" / "20240501T000000Z.jsonl"
    part = part_path(final)
    assert part.name == "20240501T000000Z.jsonl.part"
    assert finalize(part, final) == final and final.exists() and not part.exists()


def test_second_lock_fails_at_once_and_names_the_holder(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from scraper.runs.lock import RunLock; l = RunLock(sys.argv[1]); l.acquire(); "
         "print('locked', flush=True); time.sleep(30)", str(tmp_path)],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        with pytest.raises(LockHeld, match=str(holder.pid)):
            RunLock(tmp_path).acquire()
    finally:
        holder.kill()
        holder.wait()
    with RunLock(tmp_path):  # the kernel released the dead holder's lock
        pass
