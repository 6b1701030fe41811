"""Run one crawl in this process and save its stats as JSON: `python -m tests.hostile_crawl SPIDER DIR
[-a k=v]... [-s K=V]...`. DIR receives out.jsonl, failures.jsonl, crawl.log and stats.json."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("spider")
    parser.add_argument("directory", type=Path)
    parser.add_argument("-a", dest="arguments", action="append", default=[])
    parser.add_argument("-s", dest="settings", action="append", default=[])
    args = parser.parse_args(argv)
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    out: Path = args.directory
    settings = get_project_settings()
    overrides: dict[str, Any] = {
        "FEEDS": {str(out / "out.jsonl"): {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
        "FAILURES_FILE": str(out / "failures.jsonl"),
        "LOG_FILE": str(out / "crawl.log"),
    }
    overrides.update(dict(item.split("=", 1) for item in args.settings))
    settings.setdict(overrides, priority="cmdline")
    process = CrawlerProcess(settings, install_root_handler=True)
    crawler = process.create_crawler(args.spider)
    process.crawl(crawler, **dict(item.split("=", 1) for item in args.arguments))
    process.start()
    stats = {key: value for key, value in (crawler.stats.get_stats() if crawler.stats else {}).items()}
    (out / "stats.json").write_text(json.dumps(stats, default=str, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
