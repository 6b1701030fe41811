"""A crawl killed (SIGKILL) at random moments, again and again, never leaves an invalid JSONL line,
and the resumed crawl ends with every article exactly once. SYNDISCRAPE_KILLS=20 for a longer run."""

from __future__ import annotations

import json
import os
import random
import subprocess
import time
from pathlib import Path

from tests.scheduled_site import FAST, SlowSiteServer, crawl_command, crawl_env, run_crawl, write_site

KILLS = int(os.environ.get("SYNDISCRAPE_KILLS", "4"))
PAGES = 24


def assert_valid_jsonl(path: Path) -> list[dict[str, object]]:
    """Every line a JSON object, the last one complete (newline-terminated)."""
    data = path.read_bytes()
    assert not data or data.endswith(b"\n"), f"{path.name} ends with a cut line: {data[-80:]!r}"
    records = [json.loads(line) for line in data.decode("utf-8").splitlines()]
    assert all(isinstance(record, dict) for record in records), path.name
    return records


def output_files(work: Path) -> list[Path]:
    """The article output (final or .part) and the failures list, wherever the run put them."""
    return [p for p in work.rglob("*") if p.is_file() and (".jsonl" in p.name) and "state" not in p.parts]


def _wait_for_article_requests(server: SlowSiteServer, process: subprocess.Popen[bytes]) -> None:
    """Until this run asks for an article page (startup takes seconds on a busy machine)."""
    before = sum("/news/" in path for path in server.requests)
    deadline = time.monotonic() + 30
    while sum("/news/" in path for path in server.requests) == before and process.poll() is None:
        assert time.monotonic() < deadline, "the crawl never requested an article"
        time.sleep(0.02)


def test_random_kills_never_leave_an_invalid_line(tmp_path: Path) -> None:
    rng = random.Random(int(os.environ.get("SYNDISCRAPE_KILL_SEED", "7")))
    work = tmp_path / "work"
    work.mkdir()
    with SlowSiteServer(write_site(tmp_path / "site", PAGES), delay=0.15) as server:
        # Append mode: one file across all runs, so a duplicate or a lost article shows in it (with -O,
        # a run started after the crawl completed would rightly replace it with nothing new).
        args = ("sitemap", "-a", f"sitemap={server.url('sitemap.xml')}", "-o", "out.jsonl")
        settings = (*FAST, "STATE_DIR=state", "FAILURES_FILE=failures.jsonl")
        seen_lines = 0
        for _ in range(KILLS):
            process = subprocess.Popen(
                crawl_command(*args, settings=settings), cwd=work, env=crawl_env(),
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            _wait_for_article_requests(server, process)
            time.sleep(rng.uniform(0.0, 1.2))  # somewhere in the middle of fetching and writing
            process.kill()
            process.wait(timeout=10)
            for path in output_files(work):
                seen_lines += len(assert_valid_jsonl(path))
        final = run_crawl(work, *args, settings=settings)
        assert final.returncode == 0, final.stderr[-2000:]
    records = assert_valid_jsonl(work / "out.jsonl")
    urls = [str(record["url"]) for record in records]
    assert len(urls) == len(set(urls)), "an article was written twice across the resumes"
    expected = sorted(f"story-{n}.html" for n in range(PAGES))
    assert sorted(url.rsplit("/", 1)[-1] for url in urls) == expected
    assert seen_lines > 0, "no kill landed after the first article: the test proved nothing"
