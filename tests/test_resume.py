"""Resume after `kill -9` and after SIGTERM: a real `scraper crawl` subprocess against a slow local site.

The JSONL written before the kill is intact, and the resumed run ends with exactly the articles of
an uninterrupted crawl, each once.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from scraper.commands.crawl import EXIT_INTERRUPTED, EXIT_OK
from tests.scheduled_site import (
    SlowSiteServer,
    crawl_command,
    crawl_env,
    read_jsonl,
    run_crawl,
    urls_of,
    write_site,
)

COUNT = 16


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SlowSiteServer]:
    with SlowSiteServer(write_site(tmp_path_factory.mktemp("site"), COUNT), delay=0.15) as server:
        yield server


@pytest.fixture(scope="module")
def baseline(site: SlowSiteServer, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    """The articles of an uninterrupted crawl."""
    work = tmp_path_factory.mktemp("baseline")
    result = run_crawl(work, *crawl_args(site), "-O", "all.jsonl")
    assert result.returncode == EXIT_OK, result.stderr
    records = read_jsonl(work / "all.jsonl")
    assert len(records) == COUNT
    return records


def crawl_args(site: SlowSiteServer) -> tuple[str, ...]:
    return ("sitemap", "-a", f"sitemap={site.url('sitemap.xml')}")


def start_and_stop(work: Path, args: tuple[str, ...], output_glob: str, sig: int) -> subprocess.Popen[str]:
    """Start a crawl, wait until its output holds a few articles, then send it `sig`."""
    process = subprocess.Popen(
        crawl_command(*args), cwd=work, env=crawl_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while _lines(work, output_glob) < 3:
        assert process.poll() is None, f"crawl ended before it could be stopped: {process.stderr}"
        assert time.monotonic() < deadline, "no output in time"
        time.sleep(0.02)
    os.kill(process.pid, sig)
    process.wait(timeout=30)
    return process


def _lines(work: Path, pattern: str) -> int:
    return sum(path.read_bytes().count(b"\n") for path in work.glob(pattern))


def assert_same_articles(records: list[dict[str, Any]], baseline: list[dict[str, Any]]) -> None:
    assert len(records) == len({r["canonical_url"] for r in records}), "duplicates"
    assert urls_of(records) == urls_of(baseline)


def test_kill_9_mid_crawl_then_the_same_command_completes_the_dated_file(
    site: SlowSiteServer, baseline: list[dict[str, Any]], tmp_path: Path
) -> None:
    killed = start_and_stop(tmp_path, crawl_args(site), "output/sitemap/*.part", signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    parts = list((tmp_path / "output" / "sitemap").iterdir())
    assert len(parts) == 1 and parts[0].name.endswith(".jsonl.part")  # no final name while incomplete
    written = read_jsonl(parts[0])  # intact right after the kill: whole lines only
    assert 3 <= len(written) < COUNT

    resumed = run_crawl(tmp_path, *crawl_args(site))
    assert resumed.returncode == EXIT_OK, resumed.stderr
    assert "resuming run" in resumed.stderr
    files = list((tmp_path / "output" / "sitemap").iterdir())
    assert [f.name for f in files] == [parts[0].name.removesuffix(".part")]
    final = read_jsonl(files[0])
    assert final[: len(written)] == written  # the lines written before the kill are kept as they were
    assert_same_articles(final, baseline)


def test_kill_9_with_a_cut_line_and_an_uncommitted_line_in_an_appended_file(
    site: SlowSiteServer, baseline: list[dict[str, Any]], tmp_path: Path
) -> None:
    args = (*crawl_args(site), "-o", "all.jsonl")
    start_and_stop(tmp_path, args, "all.jsonl", signal.SIGKILL)
    output = tmp_path / "all.jsonl"
    written = read_jsonl(output)
    # What a kill can leave at worst: a line written but not yet recorded in the state, then half a line.
    pending = next(r for r in baseline if r["canonical_url"] not in {w["canonical_url"] for w in written})
    with output.open("ab") as handle:
        handle.write((json.dumps(pending, ensure_ascii=False) + "\n").encode("utf-8"))
        handle.write(b'{"schema_version": "1.0", "url": "http://127.0.0.1/cut-by-the-ki')

    resumed = run_crawl(tmp_path, *args)
    assert resumed.returncode == EXIT_OK, resumed.stderr
    # Our added line at least; the kill itself may have left one more written but not yet recorded.
    kept = re.search(r"(\d+) uncommitted lines kept", resumed.stderr)
    assert kept and int(kept.group(1)) >= 1, resumed.stderr
    assert "bytes of a cut line removed" in resumed.stderr
    assert_same_articles(read_jsonl(output), baseline)


def test_sigterm_stops_gracefully_with_status_5_and_resumes_from_jobdir(
    site: SlowSiteServer, baseline: list[dict[str, Any]], tmp_path: Path
) -> None:
    # One request at a time, so the stop leaves requests in Scrapy's queue (JOBDIR) for the resume.
    args = (*crawl_args(site), "-O", "all.jsonl", "-s", "STATE_DIR=state", "-s", "CONCURRENT_REQUESTS=1")
    stopped = start_and_stop(tmp_path, args, "all.jsonl.part", signal.SIGTERM)
    assert stopped.returncode == EXIT_INTERRUPTED
    assert not (tmp_path / "all.jsonl").exists() and (tmp_path / "all.jsonl.part").exists()
    assert (tmp_path / "state" / "job").is_dir()  # Scrapy's JOBDIR, kept for the resume

    sitemap_fetches = site.requests.count("/sitemap.xml")
    resumed = run_crawl(tmp_path, *args)
    assert resumed.returncode == EXIT_OK, resumed.stderr
    assert "stopped by a signal" in resumed.stderr
    assert "'scheduler/dequeued/disk'" in resumed.stderr  # continued from the persisted queue...
    assert site.requests.count("/sitemap.xml") == sitemap_fetches  # ...without reading the sitemap again
    assert_same_articles(read_jsonl(tmp_path / "all.jsonl"), baseline)
    assert not (tmp_path / "state" / "job").exists()  # a finished run leaves no JOBDIR behind
