"""Extract article records from local files (or stdin) and print one JSON line each."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from scraper.extract.article import extract_article
from scraper.progress import note, progress
from scraper.warc.inputs import any_warc, run_warc

SUFFIXES = {".html", ".htm", ".txt", ".xhtml"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=".html/.htm/.txt file, .warc/.warc.gz file, or - for stdin")
    parser.add_argument("--url", help="the page's URL (used for canonical_url, site, image URLs)")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar, only the final summary")
    parser.add_argument("--workers", type=int, metavar="N",
                        help="WARC inputs: extraction processes (default: all cores)")


def run(args: argparse.Namespace) -> int:
    if any_warc(args.paths):  # WARC inputs: one line per article page inside (scraper/warc/)
        return run_warc(args.paths, args.workers, args.quiet)
    status = 0
    written = 0
    for path in progress(args.paths, desc="extract", unit="file", quiet=args.quiet):
        try:
            data = _read(path)
        except (OSError, ValueError) as exc:
            note(f"scraper extract: {path}: {exc}")
            status = 1
            continue
        record = extract_article(data, url=args.url)
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        sys.stdout.flush()
        written += 1
    if len(args.paths) > 1:  # one file needs no summary; many files run long enough to want one
        failed = len(args.paths) - written
        summary = f"{written} records from {len(args.paths)} inputs, {failed} failed"
        print(f"scraper extract: {summary}", file=sys.stderr)
    return status


def _read(path: str) -> bytes:
    if path == "-":
        return sys.stdin.buffer.read()
    file = Path(path)
    if file.is_dir():
        raise ValueError("is a directory")
    if file.suffix.lower() not in SUFFIXES:
        raise ValueError(f"unsupported file type {file.suffix or '(none)'!r}; expected .html, .htm or .txt")
    return file.read_bytes()
