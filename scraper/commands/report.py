"""Write a self-contained HTML report (charts, offline) about article, failure and story JSONL files."""

from __future__ import annotations

import argparse
import sys
import time

from scraper.report.reader import read_inputs
from scraper.report.render import write_report
from scraper.report.summary import Summary

EXIT_NOTHING_READ = 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("inputs", nargs="+", metavar="IN.jsonl", help="article JSON lines (crawl output)")
    parser.add_argument(
        "--failures",
        nargs="+",
        default=[],
        metavar="FAILURES.jsonl",
        help="failures files written beside crawl output",
    )
    parser.add_argument("--stories", metavar="STORIES.jsonl", help="stories file from scraper cluster")
    parser.add_argument("-o", "--output", required=True, metavar="report.html", help="the HTML file to write")
    parser.add_argument("--title", default="Corpus report", help="the page's title")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the final summary")


def run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    summary = read_inputs(args.inputs, args.failures, args.stories, quiet=args.quiet)
    if not (summary.articles or summary.failures or summary.stories):
        print(
            f"scraper report: nothing could be read ({_skipped(summary)}); no report written", file=sys.stderr
        )
        return EXIT_NOTHING_READ
    path = write_report(summary, args.output, args.title)
    seconds = time.monotonic() - started
    print(
        f"scraper report: {summary.articles:,} articles, {summary.failures:,} failures, "
        f"{summary.stories:,} stories ({_skipped(summary)}) in {seconds:.1f}s; wrote {path}",
        file=sys.stderr,
    )
    return 0


def _skipped(summary: Summary) -> str:
    return f"{sum(summary.bad_lines.values()):,} bad lines, {len(summary.unreadable_files)} unreadable files"
