"""Serve the bundled demo site on 127.0.0.1 and crawl it with the sitemap spider (no network needed)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from scraper.crawl.stats import format_summary, summarize
from scraper.demo_server import SiteServer, demo_site_root
from scraper.report.reader import read_inputs
from scraper.report.render import write_report

DEFAULT_OUTPUT = "output/demo.jsonl"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-O", "--output", default=DEFAULT_OUTPUT, help=f"output file ({DEFAULT_OUTPUT})")
    parser.add_argument("-v", "--verbose", action="store_true", help="show Scrapy's log (INFO and above)")


def run(args: argparse.Namespace) -> int:
    with SiteServer(demo_site_root()) as server:
        sitemap = server.url("sitemap.xml")
        print(f"Serving the demo site at {server.base_url}/ and crawling {sitemap}", flush=True)
        stats = crawl_sitemap(sitemap, args.output, args.verbose)
    summary = summarize(stats)
    print("\n".join(format_summary(summary)))
    print(f"Wrote {summary.items} articles to {Path(args.output)}")
    if not summary.items:
        return 1
    print(f"Wrote the report to {write_demo_report(Path(args.output))}")
    return 0


def write_demo_report(output: Path) -> Path:
    """output/demo-report.html beside output/demo.jsonl, with the crawl's failures when there were any."""
    failures = [path for path in [failures_path(output)] if path.is_file()]
    summary = read_inputs([output], failures, quiet=True)
    return write_report(summary, output.with_name(f"{output.stem}-report.html"), "Demo crawl report")


def failures_path(output: Path) -> Path:
    return output.with_name(f"{output.stem}.failures.jsonl")


def crawl_sitemap(sitemap_url: str, output: str, verbose: bool) -> dict[str, Any]:
    """Run the sitemap spider in this process (Scrapy starts its reactor once: one crawl per process)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "scraper.settings")
    from scrapy.crawler import CrawlerProcess
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    overrides = {
        "FEEDS": {output: {"format": "jsonlines", "encoding": "utf-8", "overwrite": True}},
        # Beside the output, so the demo report can show them.
        "FAILURES_FILE": str(failures_path(Path(output))),
        "LOG_LEVEL": "INFO" if verbose else "WARNING",
        "CRAWL_SUMMARY_PRINT": False,
        # A local site answers at once: no need for the polite delays meant for real sites.
        "AUTOTHROTTLE_ENABLED": False,
        "DOWNLOAD_DELAY": 0,
        # The demo site is on loopback, which the SSRF guard refuses unless allowed.
        "SSRF_ALLOW_HOSTS": ["127.0.0.1"],
    }
    settings.setdict(overrides, priority="cmdline")
    # The failures log appends; a rerun of the demo starts it afresh like the output.
    failures_path(Path(output)).unlink(missing_ok=True)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler("sitemap")
    process.crawl(crawler, sitemap=sitemap_url)
    process.start()
    return dict(crawler.stats.get_stats()) if crawler.stats else {}
