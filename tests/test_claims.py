"""Article claims (scraper/cluster/claims.py) on a real Redis: every way a worker can die around a write.

A "dead" worker is one without a heartbeat key; its part file is a real file in tmp_path, written
with the same appender the workers use.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from scraper.cluster.claims import Claims, Outcome, Pending
from scraper.record import dedupe_keys
from scraper.runs.output import JsonlAppender, serialize
from tests.redis_server import MISSING_REASON, redis_binary

pytestmark = pytest.mark.skipif(redis_binary() is None, reason=MISSING_REASON)

RECORD = {"url": "http://site.test/a?utm=x", "canonical_url": "http://site.test/a", "fingerprint": "f" * 16}
OTHER = {"url": "http://site.test/b", "canonical_url": "http://site.test/b", "fingerprint": "e" * 16}


def worker(client: Any, name: str, alive: bool = True) -> Claims:
    if alive:
        client.set(f"s:worker:{name}:alive", "1", ex=60)
    return Claims(client, "s", name, dedupe_keys)


def plant_pending(client: Any, name: str, part: Path, offset: int, record: dict[str, Any]) -> None:
    """What a worker leaves when killed right after claiming `record` (no heartbeat: it is dead)."""
    value = Pending(name, str(part.resolve()), offset).encode()
    client.hset("s:claims", mapping=dict.fromkeys(dedupe_keys(record), value))


def test_first_claim_wins_and_a_written_claim_stays_taken(redis_client: Any, tmp_path: Path) -> None:
    one, two = worker(redis_client, "one"), worker(redis_client, "two")
    keys = dedupe_keys(RECORD)
    assert one.claim(keys, tmp_path / "one.jsonl", 0) == Outcome.CLAIMED
    assert two.claim(keys, tmp_path / "two.jsonl", 0) == Outcome.TAKEN  # pending, owner alive
    one.written(keys)
    redis_client.delete("s:worker:one:alive")
    assert two.claim(keys, tmp_path / "two.jsonl", 0) == Outcome.TAKEN  # written: owner state irrelevant
    copy = {**OTHER, "fingerprint": RECORD["fingerprint"]}  # the same text under another URL
    assert two.claim(dedupe_keys(copy), tmp_path / "two.jsonl", 0) == Outcome.TAKEN
    assert two.claim(dedupe_keys(OTHER), tmp_path / "two.jsonl", 0) == Outcome.CLAIMED


def test_dead_worker_killed_after_its_write_keeps_the_article(redis_client: Any, tmp_path: Path) -> None:
    part = tmp_path / "dead.jsonl"
    appender = JsonlAppender(part)
    appender.write(OTHER)
    offset = appender.size()
    plant_pending(redis_client, "dead", part, offset, RECORD)
    appender.write(RECORD)  # the write happened; the kill came before `written`
    appender.close()
    live = worker(redis_client, "live")
    assert live.claim(dedupe_keys(RECORD), tmp_path / "live.jsonl", 0) == Outcome.TAKEN
    assert live.settled_written == 1 and live.taken_over == 0
    assert {redis_client.hget("s:claims", key) for key in dedupe_keys(RECORD)} == {b"=dead"}


def test_dead_worker_killed_before_its_write_hands_the_article_over(
    redis_client: Any, tmp_path: Path
) -> None:
    part = tmp_path / "dead.jsonl"
    part.write_bytes(serialize(OTHER))
    plant_pending(redis_client, "dead", part, part.stat().st_size, RECORD)  # claimed, nothing written
    live = worker(redis_client, "live")
    assert live.claim(dedupe_keys(RECORD), tmp_path / "live.jsonl", 7) == Outcome.CLAIMED
    assert live.taken_over == 1 and live.settled_written == 0
    mine = Pending("live", str((tmp_path / "live.jsonl").resolve()), 7).encode()
    assert {redis_client.hget("s:claims", key) for key in dedupe_keys(RECORD)} == {mine}
    assert part.read_bytes() == serialize(OTHER)  # the dead worker's lines are left alone


def test_a_line_cut_by_the_kill_is_removed_and_the_article_handed_over(
    redis_client: Any, tmp_path: Path
) -> None:
    part = tmp_path / "dead.jsonl"
    whole = serialize(OTHER)
    part.write_bytes(whole + serialize(RECORD)[:25])  # killed mid-write
    plant_pending(redis_client, "dead", part, len(whole), RECORD)
    live = worker(redis_client, "live")
    assert live.claim(dedupe_keys(RECORD), tmp_path / "live.jsonl", 0) == Outcome.CLAIMED
    assert part.read_bytes() == whole


def test_a_finished_part_is_found_under_its_final_name(redis_client: Any, tmp_path: Path) -> None:
    final = tmp_path / "run.jsonl"
    final.write_bytes(serialize(RECORD))
    plant_pending(redis_client, "dead", tmp_path / "run.jsonl.part", 0, RECORD)  # renamed since
    assert worker(redis_client, "live").claim(dedupe_keys(RECORD), tmp_path / "x", 0) == Outcome.TAKEN


def test_another_article_at_the_offset_is_not_taken_for_this_one(redis_client: Any, tmp_path: Path) -> None:
    part = tmp_path / "dead.jsonl"
    part.write_bytes(serialize(OTHER))
    plant_pending(redis_client, "dead", part, 0, RECORD)
    assert worker(redis_client, "live").claim(dedupe_keys(RECORD), tmp_path / "x", 0) == Outcome.CLAIMED


def test_a_part_that_cannot_be_read_here_is_reported_not_guessed(redis_client: Any, tmp_path: Path) -> None:
    plant_pending(redis_client, "elsewhere", tmp_path / "on-another-host.jsonl", 0, RECORD)
    live = worker(redis_client, "live")
    assert live.claim(dedupe_keys(RECORD), tmp_path / "x", 0) == Outcome.UNVERIFIABLE
    assert redis_client.hget("s:claims", dedupe_keys(RECORD)[0]).startswith(b"elsewhere\t")


def test_without_a_part_the_claim_is_written_at_once(redis_client: Any, tmp_path: Path) -> None:
    feed = worker(redis_client, "feed")
    assert feed.claim(dedupe_keys(RECORD), None, 0) == Outcome.CLAIMED
    assert redis_client.hget("s:claims", dedupe_keys(RECORD)[0]) == b"=feed"


def test_digests_left_pending_by_two_dead_workers_are_both_taken_over(
    redis_client: Any, tmp_path: Path
) -> None:
    """The same text under two URLs, claimed by two workers that both died before writing."""
    url_key, text_key = dedupe_keys(RECORD)
    for name, key in (("dead-a", url_key), ("dead-b", text_key)):
        part = tmp_path / f"{name}.jsonl"
        part.write_bytes(b"")
        redis_client.hset("s:claims", key, Pending(name, str(part.resolve()), 0).encode())
    live = worker(redis_client, "live")
    assert live.claim([url_key, text_key], tmp_path / "live.jsonl", 0) == Outcome.CLAIMED
    assert live.taken_over == 2
    assert redis_client.hget("s:claims", url_key) == redis_client.hget("s:claims", text_key)
