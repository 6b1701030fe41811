"""Round trip: crawl the demo site with WARC_OUTPUT, extract the WARC, get the crawl's records back."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from scraper.demo_server import SiteServer
from tests.crawling import read_jsonl, scrapy_crawl

ROOT = Path(__file__).resolve().parent.parent
# Fields that say when, not what: the WARC gives the fetch time, and versions are incremental state.
WHEN = ("crawled_at", "version")


def comparable(record: dict[str, Any]) -> str:
    return json.dumps({key: value for key, value in record.items() if key not in WHEN}, sort_keys=True)


def test_extracting_the_crawls_warc_gives_the_crawls_records(demo_site: SiteServer, tmp_path: Path) -> None:
    output = tmp_path / "crawl.jsonl"
    crawl = scrapy_crawl(
        "sitemap", {"sitemap": demo_site.url("sitemap.xml")}, output,
        f"WARC_OUTPUT={tmp_path}/warc/%(name)s-%(time)s.warc.gz",
        # In-process extraction: items reach the dedupe stage in fetch order, the WARC's order, so
        # both keep the same copy of a duplicated story.
        "EXTRACT_WORKERS=0",
    )
    assert crawl.returncode == 0, crawl.stderr[-3000:]
    crawled = read_jsonl(output)
    warcs = sorted((tmp_path / "warc").iterdir())
    assert len(warcs) == 1 and warcs[0].name.endswith("-00000.warc.gz")  # finished: no .open left

    command = [sys.executable, "-m", "scraper.cli", "extract", "--workers", "2", str(warcs[0])]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    extracted = [json.loads(line) for line in result.stdout.splitlines()]

    assert len(crawled) == 18
    assert sorted(map(comparable, extracted)) == sorted(map(comparable, crawled))
    assert all(record["crawled_at"] for record in extracted)
    summary = result.stderr.strip().splitlines()[-1]
    assert "18 articles written" in summary and "duplicate 2" in summary and "application/pdf 1" in summary
