"""The extraction pool: same records as the in-process stages, steps aside for custom stages, a real crawl."""

from __future__ import annotations

import asyncio
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from scrapy.settings import Settings
from scrapy.utils.test import get_crawler

import scraper.settings as project_settings
from pipelines import ExtractPoolPipeline, FieldsPipeline, TickerPipeline
from pipelines.pool import pool_size, runs_default_stages
from scraper.demo_server import SiteServer
from scraper.page_record import page_record
from tests.crawling import read_jsonl, scrapy_crawl
from tests.test_pipelines import YAHOO, page

DEFAULTS = dict(project_settings.ITEM_PIPELINES)


class CustomFields(FieldsPipeline):
    """A user's own fields stage in place of the default one."""


def settings(**values: object) -> Settings:
    return Settings({"ITEM_PIPELINES": DEFAULTS, **values})


def test_page_record_is_what_the_ticker_and_fields_stages_make() -> None:
    crawler = get_crawler(settings_dict={"ARTICLE_MIN_WORDS": 50})
    item = page(YAHOO)
    stripped = TickerPipeline.from_crawler(crawler).process_item(item)
    staged = FieldsPipeline.from_crawler(crawler).process_item(stripped)
    record, reason = page_record(item.body, item.url, item.content_type, 50)
    assert reason is None and record is not None and record["ticker"]
    assert {key: value for key, value in staged.items() if key != "crawled_at"} == record
    assert page_record(page("about.html").body, page("about.html").url, None, 50) == (None, "too_short")


def test_pool_size_follows_the_setting_and_the_cpus(monkeypatch: pytest.MonkeyPatch) -> None:
    assert pool_size(settings(EXTRACT_WORKERS=0)) == 0
    assert pool_size(settings(EXTRACT_WORKERS="3")) == 3
    monkeypatch.setattr("os.cpu_count", lambda: 4)
    assert pool_size(settings(EXTRACT_WORKERS=None)) == 4
    monkeypatch.setattr("os.cpu_count", lambda: 1)
    assert pool_size(settings()) == 0  # one core: a pool would only add copying


def test_the_pool_steps_aside_when_a_default_stage_is_replaced_or_dropped() -> None:
    assert runs_default_stages(settings())
    replaced = {**DEFAULTS, "pipelines.FieldsPipeline": None, "tests.test_pool.CustomFields": 200}
    assert not runs_default_stages(Settings({"ITEM_PIPELINES": replaced}))
    dropped = {key: value for key, value in DEFAULTS.items() if key != "pipelines.TickerPipeline"}
    assert not runs_default_stages(Settings({"ITEM_PIPELINES": dropped}))
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": dropped, "EXTRACT_WORKERS": 2})
    assert ExtractPoolPipeline.from_crawler(crawler).workers == 0


def test_pages_pass_through_while_the_pool_is_off() -> None:
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": DEFAULTS, "EXTRACT_WORKERS": 0})
    stage = ExtractPoolPipeline.from_crawler(crawler)
    item = page(YAHOO)
    assert asyncio.run(stage.process_item(item)) is item
    stage.close_spider()


def test_a_pooled_crawl_writes_the_same_records(demo_site: SiteServer, tmp_path: Path) -> None:
    pooled, inproc = tmp_path / "pooled.jsonl", tmp_path / "inproc.jsonl"
    sitemap = {"sitemap": demo_site.url("sitemap.xml")}
    pool_on = ("EXTRACT_WORKERS=2", "EXTRACT_POOL_AFTER=0")
    result = scrapy_crawl("sitemap", sitemap, pooled, *pool_on, timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "'extract/pooled':" in result.stderr  # the workers made the records
    assert scrapy_crawl("sitemap", sitemap, inproc, "EXTRACT_WORKERS=0").returncode == 0

    def by_url(path: Path) -> dict[str, dict[str, object]]:
        return {str(r["url"]): {k: v for k, v in r.items() if k != "crawled_at"} for r in read_jsonl(path)}

    ours, theirs = by_url(pooled), by_url(inproc)
    # Which copy of a duplicated story is kept depends on which finishes first; the stories do not.
    assert len(ours) == 18 and {r["fingerprint"] for r in ours.values()} == {
        r["fingerprint"] for r in theirs.values()
    }
    shared = ours.keys() & theirs.keys()
    assert len(shared) >= 16 and all(ours[url] == theirs[url] for url in shared)



def test_pool_workers_exit_when_their_parent_is_killed(tmp_path: Path) -> None:
    """A kill -9 of the crawl must not leave extraction processes behind."""
    code = (
        "import multiprocessing, os, sys, time\n"
        "from concurrent.futures import ProcessPoolExecutor\n"
        "from scraper.page_record import exit_with_parent, warm_up\n"
        "if __name__ == '__main__':\n"
        "    pool = ProcessPoolExecutor(2, mp_context=multiprocessing.get_context('spawn'),\n"
        "                               initializer=exit_with_parent, initargs=(os.getpid(), 0.1))\n"
        "    pids = [pool.submit(os.getpid).result() for _ in range(4)]\n"
        "    print(' '.join(map(str, set(pids))), flush=True)\n"
        "    time.sleep(60)\n"
    )
    script = tmp_path / "parent.py"
    script.write_text(code)
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              cwd=Path(__file__).resolve().parent.parent)
    assert parent.stdout is not None
    children = [int(pid) for pid in parent.stdout.readline().split()]
    assert children
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=10)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(pid) for pid in children):
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in children), "pool workers outlived their parent"


def _alive(pid: int) -> bool:
    """Running, not exited (an exited orphan may linger as a zombie until something reaps it)."""
    try:
        status = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return status.rsplit(")", 1)[1].split()[0] != "Z"
